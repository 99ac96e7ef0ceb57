/**
 * The support page's two jobs as tabs (WAI-ARIA tabs, manual activation):
 * read a merchant's code, or find a step and send its link. Each tab's panel
 * starts in the first screen. A link to a row (#support-<id>) or to the
 * finder opens its tab. Before this runs, CSS shows the first panel (and
 * whichever holds the address's target); without scripting, both.
 */

/** @param {HTMLElement} list the tab list */
export function startTabs(list) {
  if (list.dataset.started) return;
  list.dataset.started = "true";
  delete list.dataset.waiting;
  const tabs = /** @type {HTMLAnchorElement[]} */ ([...list.querySelectorAll('[role="tab"]')]);
  const panelOf = (/** @type {HTMLElement} */ tab) =>
    /** @type {HTMLElement} */ (document.getElementById(tab.getAttribute("aria-controls") ?? ""));

  /** @param {HTMLAnchorElement} chosen @param {boolean} focus */
  const select = (chosen, focus) => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panelOf(tab).dataset.shown = String(selected);
    }
    if (focus) chosen.focus();
  };
  const fromAddress = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    const tab = target && tabs.find((each) => panelOf(each).contains(target));
    if (tab) select(tab, false);
    return Boolean(tab);
  };

  for (const [index, tab] of tabs.entries()) {
    tab.addEventListener("click", (event) => {
      event.preventDefault(); // the tab, not a jump down the page
      select(tab, false);
    });
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      select(tabs[(index + step + tabs.length) % tabs.length], true);
    });
  }
  window.addEventListener("hashchange", fromAddress);
  if (!fromAddress()) select(tabs[0], false);
}
