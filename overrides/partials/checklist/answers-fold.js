// A returning merchant's saved answers fold into one line before the first
// paint, so nothing moves when the page's scripts arrive (returning.js takes
// over then: it says when they were last here, and unfolds if the save turns
// out unusable). Storage refused or unreadable: the questions stay open.
(() => {
  const section = document.querySelector("[data-questions]");
  const settings = document.querySelector("[data-checklist-settings]");
  try {
    const base = JSON.parse(settings.textContent).root.replace(/\/?$/, "/");
    const root = new URL(base, location.href);
    const saved = JSON.parse(localStorage.getItem(`pos-closure:${root.pathname}:checklist`) || "null");
    const answers = saved && typeof saved.answers === "object" ? saved.answers : null;
    if (!answers || !Object.keys(answers).length || !saved.updated) return;
    const chosen = [];
    for (const [key, value] of Object.entries(answers)) {
      const radio = section.querySelector(`input[name="${CSS.escape(key)}"][value="${CSS.escape(String(value))}"]`);
      if (radio?.labels?.[0]) chosen.push(radio.labels[0].textContent.trim());
    }
    if (!chosen.length) return;
    section.querySelector("[data-answers-text]").textContent = chosen.join(" · ");
    section.querySelector("[data-answers-line]").hidden = false;
    section.setAttribute("data-folded", "");
  } catch {
    // The questions stay open.
  }
})();
