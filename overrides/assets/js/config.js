/**
 * Settings and UI strings for the site's own scripts, rendered once per page
 * by overrides/partials/site-config.html as a JSON block (never executed), and
 * the small preference store they share.
 */

/**
 * The page's settings, as siteConfig() gives them.
 * @typedef {object} SiteConfig
 * @property {string} lang the page's language code
 * @property {Record<string, string>} roots each language's path prefix ("" for the one at the site root)
 * @property {string} page the page's URL, relative to the site root
 * @property {Record<string, string>} strings the UI strings by key
 * @property {URL} root the site root
 */

/**
 * The JSON block as the template writes it; any field may be missing.
 * @typedef {Partial<Omit<SiteConfig, "root"> & {base: string, worker: string}>} SiteConfigData
 */

/** @type {SiteConfig | null} */
let cached = null;

/**
 * The page's settings: language, language roots, strings, and the site root URL.
 * @returns {SiteConfig}
 */
export function siteConfig() {
  if (cached) return cached;
  /** @type {SiteConfigData} */
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

/**
 * "{id} moved" + {id: "x"} -> "x moved".
 * @param {string | undefined} template a missing string formats as ""
 * @param {Record<string, string | number>} values
 */
export function format(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, (match, key) =>
    key in values ? String(values[key]) : match,
  );
}

/**
 * The default language: the one served at the site root.
 * @param {Pick<SiteConfig, "roots" | "lang">} config
 */
export function defaultLanguage(config) {
  return Object.keys(config.roots).find((code) => config.roots[code] === "") || config.lang;
}

/**
 * One localStorage key per site (several sites may share an origin).
 * @param {string} name
 */
export function storageKey(name) {
  return `pos-closure:${siteConfig().root.pathname}:${name}`;
}

/**
 * A saved preference, or null when storage is missing, disabled or empty.
 * @param {string} name
 */
export function readPreference(name) {
  try {
    return window.localStorage.getItem(storageKey(name));
  } catch {
    return null;
  }
}

/**
 * Save a preference; a full or disabled storage only means it is not remembered.
 * @param {string} name
 * @param {string} value
 */
export function writePreference(name, value) {
  try {
    window.localStorage.setItem(storageKey(name), value);
    return true;
  } catch {
    return false;
  }
}
