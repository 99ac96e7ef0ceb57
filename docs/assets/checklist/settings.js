/**
 * The page's settings and UI strings. The template renders them once, as a
 * JSON data block inside the checklist's root; this is the one function that
 * reads it.
 */

/** Longest and shortest engine timeouts a `?engine_timeout=` may ask for (ms). */
const TIMEOUT_RANGE = [100, 600_000];

/**
 * @param {HTMLElement} root the checklist's root element
 * @returns {object} settings, plus `siteRoot` and `languageURL` (the root of the
 *   page's language, which the engine's links are relative to) and the resolved Pyodide URLs
 */
export function readSettings(root) {
  const block = root.querySelector("script[data-checklist-settings]");
  const settings = JSON.parse(block.textContent);
  // base_url is relative to the page, so the site also works under a sub-path.
  const base = settings.root.endsWith("/") ? settings.root : `${settings.root}/`;
  const siteRoot = new URL(base, location.href);
  const pyodide = settings.pyodide;
  return {
    ...settings,
    siteRoot,
    languageURL: new URL(settings.languageRoot, siteRoot),
    pyodide: {
      ...pyodide,
      runtimeURL: new URL(pyodide.runtime, siteRoot).href,
      lockFileURL: new URL(pyodide.lockFile, siteRoot).href,
      timeoutMs: timeoutOverride() ?? pyodide.timeoutMs,
    },
  };
}

/**
 * Tests (and anyone checking a slow host) may shorten or lengthen the wait
 * with `?engine_timeout=<ms>`; nothing else is read from the URL.
 * @returns {number | null}
 */
function timeoutOverride() {
  const value = Number(new URLSearchParams(location.search).get("engine_timeout"));
  if (!Number.isFinite(value) || value <= 0) return null;
  return Math.min(Math.max(value, TIMEOUT_RANGE[0]), TIMEOUT_RANGE[1]);
}

/**
 * Fill `{name}` placeholders in a UI string.
 * @param {string} template
 * @param {Record<string, string | number>} values
 */
export function format(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (match, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}
