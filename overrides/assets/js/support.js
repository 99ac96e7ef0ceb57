/**
 * The support reference: read a merchant's progress code, find rows by id or
 * words, copy a step's link with one button (the others in a small menu,
 * each saying which link it copies).
 */

import { copyButton } from "./clipboard.js";
import { format, siteConfig } from "./config.js";
import { startCodeBox } from "./progress-code.js";
import { startTabs } from "./support-tabs.js";
import { breakableAddress, stepLinks } from "./step-links.js";

/**
 * A row's copy buttons: one "copy link" for the step's permanent link in the
 * reader's language; every other link of the row (the permanent link fixed
 * to each language, the page, the checklist) behind one small menu.
 * @param {HTMLTableRowElement} row
 * @param {ReturnType<typeof siteConfig>} config
 */
function addCopyButtons(row, config) {
  const { strings } = config;
  const links = /** @type {HTMLAnchorElement[]} */ ([...row.querySelectorAll("a[data-copy]")]);
  const go = links.find((link) => link.dataset.kind === "go");
  if (!go) return;
  const id = go.dataset.step || "";
  const title = row.querySelector(`td[lang="${config.lang}"]`)?.textContent ?? id;
  const steps = stepLinks(config.root, config.roots, id);
  /** @type {[string, string][]} */
  const others = Object.entries(steps.fixed).map(([lang, url]) => [
    strings[`copy_go_${lang}`] ?? `${strings.copy_go} (${lang})`,
    url,
  ]);
  for (const link of links) {
    const url = link.dataset.kind === "go" ? steps.any : new URL(link.dataset.copy || "", config.root).href;
    link.replaceChildren(breakableAddress(url));
    if (link !== go) {
      others.push([strings[link.dataset.kind === "checklist" ? "copy_checklist" : "copy_page"], url]);
    }
  }
  const button = (/** @type {string} */ text, /** @type {string} */ url) =>
    copyButton({ url: () => url, text, label: `${text}: ${title}, ${url}` });
  const group = document.createElement("span");
  group.className = "support-copy";
  group.append(button(strings.copy_link, steps.any));
  const menu = document.createElement("details");
  menu.className = "support-copy__more";
  const summary = document.createElement("summary");
  summary.textContent = strings.copy_more;
  const list = document.createElement("span");
  list.className = "support-copy__menu";
  list.append(...others.map(([text, url]) => button(text, url)));
  menu.append(summary, list);
  group.append(menu);
  go.after(group);
}

export function start() {
  const config = siteConfig();
  startCodeBox();
  const tabs = document.querySelector("[data-support-tabs]");
  if (tabs) startTabs(tabs);
  const table = /** @type {HTMLTableElement | null} */ (document.getElementById("support-table"));
  if (!table || table.dataset.started) return;
  table.dataset.started = "true";

  for (const row of table.tBodies[0].rows) addCopyButtons(row, config);

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
