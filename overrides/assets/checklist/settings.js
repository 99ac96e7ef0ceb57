/**
 * The page's settings and UI strings. The template renders them once, as a
 * JSON data block inside the checklist's root; this is the one function that
 * reads it.
 */

/** Longest and shortest engine timeouts a `?engine_timeout=` may ask for (ms). */
const TIMEOUT_RANGE = [100, 600_000];

/**
 * The settings block as the template writes it (hooks/checklist_page.py `view`).
 * @typedef {object} SettingsBlock
 * @property {string} lang the page's language
 * @property {string} root the site's base_url, relative to the page
 * @property {string} languageRoot the page's language's path, relative to the site root
 * @property {number} schema the schema this version saves
 * @property {import("../../../types/engine.js").State} newState an empty checklist
 * @property {string[]} items every item's id
 * @property {string[]} questions every question's key
 * @property {{runtime: string, lockFile: string, package: string, megabytes: number,
 *   timeoutMs: number, testSettings: boolean}} pyodide the engine's files, relative to the site root
 * @property {{fields: Record<string, [number, number]>, mark: string}} masks how the summary hides digits
 * @property {string[]} followUp the follow-up dates' keys
 * @property {Record<string, string>} strings the UI strings by key
 */

/**
 * What readSettings() gives: the block, resolved against the page's address.
 * @typedef {Omit<SettingsBlock, "pyodide"> & {siteRoot: URL, languageURL: URL,
 *   pyodide: SettingsBlock["pyodide"] & {runtimeURL: string, lockFileURL: string}}} Settings
 */

/**
 * @param {HTMLElement} root the checklist's root element
 * @returns {Settings} settings, plus `siteRoot` and `languageURL` (the root of the
 *   page's language, which the engine's links are relative to) and the resolved Pyodide URLs
 */
export function readSettings(root) {
  // The checklist's template writes the block.
  const block = /** @type {HTMLScriptElement} */ (root.querySelector("script[data-checklist-settings]"));
  /** @type {SettingsBlock} */
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
      timeoutMs: (pyodide.testSettings && timeoutOverride(location.search)) || pyodide.timeoutMs,
    },
  };
}

/**
 * On a site built for the tests only (the checklist_page hook sets
 * `pyodide.testSettings`), `?engine_timeout=<ms>` shortens or lengthens the
 * wait; nothing else is read from the URL. Pure.
 * @param {string} search the page address's query
 * @returns {number | null}
 */
export function timeoutOverride(search) {
  const value = Number(new URLSearchParams(search).get("engine_timeout"));
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
