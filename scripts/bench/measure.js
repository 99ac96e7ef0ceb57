/**
 * Installed by scripts/bench.py in every page before the page's own scripts
 * (Playwright's add_init_script). Records, in ms since navigation start:
 * - saves: each localStorage.setItem of the checklist's key;
 * - paint: first contentful paint (from then on a tick is kept, even before the
 *   page's script has run: checklist.js saves it when it starts);
 * - verdict: when an element first has data-verdict (Python answered);
 * - clicked: when the checklist's first item was ticked, as soon as the page's
 *   script has started the checklist (data-started) and finished that task.
 */
(() => {
  if (window.top !== window || window.__bench) return;
  const marks = { saves: [], verdict: null, clicked: null, paint: null };
  Object.defineProperty(window, "__bench", { value: marks });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === "first-contentful-paint") marks.paint = entry.startTime;
    }
  }).observe({ type: "paint", buffered: true });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const result = setItem.call(this, key, value);
    if (/^pos-closure:.*:checklist$/.test(String(key))) marks.saves.push(performance.now());
    return result;
  };
  let ticking = false;
  const observer = new MutationObserver(() => {
    if (marks.verdict === null && document.querySelector("[data-verdict]")) {
      marks.verdict = performance.now();
    }
    const root = document.querySelector("[data-checklist][data-started]");
    if (root && !ticking) {
      ticking = true;
      setTimeout(() => {
        const box = root.querySelector('input[type="checkbox"][name="terminal-stopped"]');
        if (!box) return;
        marks.clicked = performance.now();
        box.click();
      }, 0);
    }
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-verdict", "data-started"],
  });
})();
