/**
 * Permanent step links: go/#<step-id> opens wherever the step lives now.
 *
 * steps.json is written at build time from the rendered anchors, with the
 * alias list for renamed or removed ids. On the site-root go/ page the
 * reader's language picks the guide (a choice made on this site before, else
 * the browser's languages); en/go/ always opens English. An unknown id opens
 * the guide's start with a notice. The list under the heading stays usable
 * whatever happens.
 */

import { defaultLanguage, readPreference, siteConfig } from "./config.js";

export function chooseLanguage(config) {
  const fallback = defaultLanguage(config);
  if (config.lang !== fallback) return config.lang; // the path names the language
  const saved = readPreference("lang");
  if (saved && saved in config.roots) return saved;
  for (const tag of navigator.languages || [navigator.language || ""]) {
    const code = tag.toLowerCase().split("-")[0];
    if (code in config.roots) return code;
  }
  return fallback;
}

/** The current link of a step id, following aliases (at most a few hops). */
export function resolve(map, id) {
  let step = id;
  for (let hops = 0; hops < 10 && !(step in map.steps) && step in map.aliases; hops += 1) {
    step = map.aliases[step];
  }
  return map.steps[step] || null;
}

export async function start() {
  const config = siteConfig();
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return; // a bare go/ page: the list is the page
  const status = document.getElementById("go-status");
  try {
    const response = await fetch(new URL("steps.json", config.root));
    if (!response.ok) throw new Error(`steps.json: HTTP ${response.status}`);
    const data = await response.json();
    const lang = chooseLanguage(config);
    const map = data.maps[lang] || data.maps[config.lang];
    const languageRoot = new URL(data.languages[lang] ?? "", config.root);
    const target = resolve(map, id);
    const destination = target
      ? new URL(target, languageRoot)
      : new URL(`${map.start}?missing=${encodeURIComponent(id)}`, languageRoot);
    location.replace(destination.href);
  } catch {
    if (status) status.textContent = config.strings.go_failed;
  }
}
