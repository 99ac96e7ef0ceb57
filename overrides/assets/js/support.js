/**
 * The support reference: read a merchant's progress code, find rows by id or
 * words, copy any link with a button that says which link it copies.
 */

import { copyButton } from "./clipboard.js";
import { format, siteConfig } from "./config.js";
import { startCodeBox } from "./progress-code.js";
import { breakableAddress, stepLinks } from "./step-links.js";

/**
 * Full address and copy buttons for one link of the table.
 * @param {HTMLAnchorElement} link
 * @param {ReturnType<typeof siteConfig>} config
 */
function addCopyButtons(link, config) {
  const { strings } = config;
  const id = link.dataset.step || "";
  const title = link.closest("tr")?.querySelector(`td[lang="${config.lang}"]`)?.textContent ?? id;
  /** @type {[string, string][]} */
  let buttons;
  if (link.dataset.kind === "go") {
    const links = stepLinks(config.root, config.roots, id);
    buttons = [[strings.copy_go, links.any]];
    for (const [lang, url] of Object.entries(links.fixed)) {
      buttons.push([strings[`copy_go_${lang}`] ?? `${strings.copy_go} (${lang})`, url]);
    }
  } else {
    const key = link.dataset.kind === "checklist" ? "copy_checklist" : "copy_page";
    buttons = [[strings[key], new URL(link.dataset.copy || "", config.root).href]];
  }
  link.replaceChildren(breakableAddress(buttons[0][1]));
  const group = document.createElement("span");
  group.className = "support-copy";
  for (const [text, url] of buttons) {
    group.append(copyButton({ url: () => url, text, label: `${text}: ${title}, ${url}` }));
  }
  link.after(group);
}

export function start() {
  const config = siteConfig();
  startCodeBox();
  const table = /** @type {HTMLTableElement | null} */ (document.getElementById("support-table"));
  if (!table || table.dataset.started) return;
  table.dataset.started = "true";

  for (const link of table.querySelectorAll("a[data-copy]")) {
    addCopyButtons(/** @type {HTMLAnchorElement} */ (link), config);
  }

  const rows = [...table.tBodies[0].rows];
  const box = /** @type {HTMLInputElement} */ (document.getElementById("support-filter"));
  const count = /** @type {HTMLElement} */ (document.getElementById("support-filter-count"));
  delete (/** @type {HTMLElement} */ (box.closest(".support-filter")).dataset.waiting);
  const filter = () => {
    const words = box.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = row.textContent?.toLowerCase() ?? "";
      row.hidden = !words.every((word) => text.includes(word));
      shown += row.hidden ? 0 : 1;
    }
    count.textContent = shown
      ? format(config.strings.filter_count, { shown, total: rows.length })
      : config.strings.filter_none;
  };
  box.addEventListener("input", filter);
}
