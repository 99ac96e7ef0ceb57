/** The support reference: find rows by id or words, copy any link. */

import { copyButton } from "./clipboard.js";
import { format, siteConfig } from "./config.js";

export function start() {
  const config = siteConfig();
  const table = document.getElementById("support-table");
  if (!table || table.dataset.started) return;
  table.dataset.started = "true";

  for (const link of table.querySelectorAll("a[data-copy]")) {
    const absolute = () => new URL(link.dataset.copy, config.root).href;
    link.textContent = absolute();
    link.after(
      copyButton({
        url: absolute,
        text: config.strings.copy_link,
        label: `${config.strings.copy_link}: ${absolute()}`,
      }),
    );
  }

  const rows = [.../** @type {HTMLTableElement} */ (table).tBodies[0].rows];
  const box = /** @type {HTMLInputElement} */ (document.getElementById("support-filter"));
  const count = document.getElementById("support-filter-count");
  box.closest(".support-filter").hidden = false;
  const filter = () => {
    const words = box.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = row.textContent.toLowerCase();
      row.hidden = !words.every((word) => text.includes(word));
      shown += row.hidden ? 0 : 1;
    }
    count.textContent = shown
      ? format(config.strings.filter_count, { shown, total: rows.length })
      : config.strings.filter_none;
  };
  box.addEventListener("input", filter);
}
