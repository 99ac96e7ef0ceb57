// Permanent step links, resolved in the page's <head> before the first paint:
// go/#<step-id> opens wherever the step lives now, in the reader's language.
// Inlined by overrides/go.html (overrides/hooks/csp.py allows it by its hash),
// so it reads its data from the JSON blocks above it and imports nothing.
// While it sends the reader on (class "go-pending", links.css), the page shows
// its heading and "opening the step", never a blank screen; the list stays
// unseen, so a slow link never shows it. When it cannot (a damaged
// link, no data), it marks the page (data-go="failed" or "malformed") and
// assets/js/go.js says so above the list, which stays usable.
"use strict";
(function goResolver() {
  /** Longest id passed on to the ?missing= notice: keeps the address short. */
  const MAX_ID = 80;
  const html = document.documentElement;

  /**
   * @typedef {object} StepMap
   * @property {Record<string, string>} steps step id -> link relative to a language root
   * @property {Record<string, string>} aliases old id -> current id
   * @property {string} start where an unknown id lands
   *
   * @typedef {object} SiteConfig
   * @property {string} base the site root, relative to this page
   * @property {string} lang the page's language
   * @property {Record<string, string>} roots language -> its root ("" for the default)
   *
   * @typedef {object} Destination the address to open, or why there is none
   * @property {string} [url]
   * @property {string} [error] "malformed": the link's escapes are damaged
   */

  /**
   * @param {string} id
   * @returns {unknown}
   */
  function readJSON(id) {
    const block = document.getElementById(id);
    return block ? JSON.parse(block.textContent || "") : null;
  }

  /**
   * The step id in a hash, decoded; null when its percent-escapes are damaged.
   * @param {string} hash
   * @returns {string | null}
   */
  function stepId(hash) {
    try {
      return decodeURIComponent(hash.replace(/^#/, ""));
    } catch {
      return null;
    }
  }

  /**
   * Own keys only: "constructor" or "__proto__" is no step.
   * @param {Record<string, string>} table
   * @param {string} key
   * @returns {string | null}
   */
  function lookUp(table, key) {
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;
  }

  /**
   * The current link of a step id (relative to a language root), following aliases.
   * @param {StepMap} map
   * @param {string} id
   * @returns {string | null}
   */
  function resolve(map, id) {
    let step = id;
    for (let hops = 0; hops < 10 && lookUp(map.steps, step) === null; hops += 1) {
      const next = lookUp(map.aliases, step);
      if (next === null) break;
      step = next;
    }
    return lookUp(map.steps, step);
  }

  /**
   * The language to open: the one in the path, else the one the link names
   * (?lang=zh, a link fixed to one language), else a choice made on this
   * site, else the browser's, else the site's default.
   * @param {SiteConfig} config
   * @param {string | null} named
   * @param {string | null} saved
   * @param {readonly string[]} browserLanguages
   * @returns {string}
   */
  function chooseLanguage(config, named, saved, browserLanguages) {
    let fallback = config.lang;
    for (const code in config.roots) {
      if (lookUp(config.roots, code) === "") fallback = code;
    }
    if (config.lang !== fallback) return config.lang;
    if (named !== null && lookUp(config.roots, named) !== null) return named;
    if (saved !== null && lookUp(config.roots, saved) !== null) return saved;
    for (let i = 0; i < browserLanguages.length; i += 1) {
      const tag = browserLanguages[i].toLowerCase().split("-")[0];
      if (lookUp(config.roots, tag) !== null) return tag;
    }
    return fallback;
  }

  /**
   * Where go/<hash> sends the reader, or why it cannot.
   * @param {object} input
   * @param {string} input.hash location.hash
   * @param {string | null} input.named the ?lang= of the link
   * @param {string} input.here location.href
   * @param {SiteConfig} input.config
   * @param {StepMap} input.map
   * @param {string | null} input.saved the language chosen on this site before
   * @param {readonly string[]} input.languages the browser's languages
   * @returns {Destination}
   */
  function destination(input) {
    const id = stepId(input.hash);
    if (id === null) return { error: "malformed" };
    const lang = chooseLanguage(input.config, input.named, input.saved, input.languages);
    const base = input.config.base.replace(/\/?$/, "/");
    const root = new URL(base, input.here);
    const languageRoot = new URL(lookUp(input.config.roots, lang) || "", root);
    const target = resolve(input.map, id);
    if (target !== null) return { url: new URL(target, languageRoot).href };
    const missing = encodeURIComponent(id.slice(0, MAX_ID));
    return { url: new URL(input.map.start + "?missing=" + missing, languageRoot).href };
  }

  /**
   * @param {SiteConfig} config
   * @returns {string | null}
   */
  function savedLanguage(config) {
    try {
      const root = new URL(config.base.replace(/\/?$/, "/"), location.href);
      return window.localStorage.getItem("pos-closure:" + root.pathname + ":lang");
    } catch {
      return null; // storage disabled
    }
  }

  function go() {
    if (location.hash.length < 2) {
      html.classList.remove("go-pending");
      return; // a bare go/ page: the list is the page
    }
    html.classList.add("go-pending");
    delete html.dataset.go;
    try {
      const config = /** @type {SiteConfig} */ (readJSON("site-config"));
      const map = /** @type {StepMap} */ (readJSON("go-map"));
      const result = destination({
        hash: location.hash,
        named: new URLSearchParams(location.search).get("lang"),
        here: location.href,
        config,
        map,
        saved: savedLanguage(config),
        languages: navigator.languages || [navigator.language || ""],
      });
      if (result.url) {
        location.replace(result.url);
        return;
      }
      html.dataset.go = result.error || "failed";
    } catch {
      html.dataset.go = "failed";
    }
    html.classList.remove("go-pending");
  }

  window.addEventListener("hashchange", go);
  go();
})();
