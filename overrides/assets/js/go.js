/**
 * Permanent step links, after the page has loaded: the resolver inlined in
 * go/'s head (overrides/partials/go-resolver.js) has already sent the reader
 * on, or marked why it could not (`data-go` on <html>). Here the page says
 * so above the list of steps, in its own language.
 */

import { siteConfig } from "./config.js";

/** @param {string | undefined} reason @param {Record<string, string>} strings */
export function goMessage(reason, strings) {
  if (reason === "malformed") return strings.go_malformed;
  if (reason) return strings.go_failed;
  return "";
}

export function start() {
  const status = document.getElementById("go-status");
  if (!status) return;
  const show = () => {
    status.textContent = goMessage(document.documentElement.dataset.go, siteConfig().strings);
  };
  show();
  // The resolver runs first on a new #id; show what it decided.
  window.addEventListener("hashchange", show);
}
