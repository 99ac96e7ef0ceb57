/**
 * Settings and UI strings for the site's own scripts, rendered once per page
 * by overrides/partials/site-config.html as a JSON block (never executed), and
 * the small preference store they share.
 */

let cached = null;

/** The page's settings: language, language roots, strings, and the site root URL. */
export function siteConfig() {
  if (cached) return cached;
  let data;
  try {
    data = JSON.parse(document.getElementById("site-config")?.textContent || "{}");
  } catch {
    data = {};
  }
  const base = String(data.base || ".");
  cached = {
    lang: data.lang || document.documentElement.lang || "zh",
    roots: data.roots || { zh: "" },
    page: data.page || "",
    strings: data.strings || {},
    // base_url is relative to the page; resolving it gives the site root, which
    // keeps every link working when the site lives under a sub-path.
    root: new URL(base.endsWith("/") ? base : `${base}/`, location.href),
  };
  return cached;
}

/** "{id} moved" + {id: "x"} -> "x moved". */
export function format(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, (match, key) =>
    key in values ? String(values[key]) : match,
  );
}

/** The default language: the one served at the site root. */
export function defaultLanguage(config) {
  return Object.keys(config.roots).find((code) => config.roots[code] === "") || config.lang;
}

/** One localStorage key per site (several sites may share an origin). */
export function storageKey(name) {
  return `pos-closure:${siteConfig().root.pathname}:${name}`;
}

/** A saved preference, or null when storage is missing, disabled or empty. */
export function readPreference(name) {
  try {
    return window.localStorage.getItem(storageKey(name));
  } catch {
    return null;
  }
}

/** Save a preference; a full or disabled storage only means it is not remembered. */
export function writePreference(name, value) {
  try {
    window.localStorage.setItem(storageKey(name), value);
    return true;
  } catch {
    return false;
  }
}
