/**
 * The language selector opens the same page in the other language at the
 * same #step, and remembers the choice for language-neutral go/ links.
 */

import { writePreference } from "./config.js";

export function keepStepOnLanguageSwitch() {
  for (const link of document.querySelectorAll("a[data-lang-switch]")) {
    if (!(link instanceof HTMLAnchorElement)) continue;
    link.addEventListener("click", (event) => {
      writePreference("lang", link.dataset.langSwitch ?? ""); // the selector ensures it is there
      const target = new URL(link.href, location.href);
      target.hash = location.hash;
      link.href = target.href;
      // Material's own handler would look the page up in a sitemap.xml next to
      // the alternate page, find none, and open the language's home without
      // the #step. The link already names the same page: let it navigate.
      event.stopPropagation();
    });
  }
}
