/**
 * A clear notice when a go/ link named a step that no longer exists: the
 * reader lands on the guide's start with ?missing=<id> and is told why.
 */

import { format, siteConfig } from "./config.js";

export function showMissingStepNotice() {
  const url = new URL(location.href);
  const missing = url.searchParams.get("missing");
  if (missing === null) return;
  const article = document.querySelector(".md-content article");
  if (article && !document.getElementById("missing-step")) {
    const notice = document.createElement("div");
    notice.id = "missing-step";
    notice.className = "admonition warning";
    notice.setAttribute("role", "alert");
    const text = document.createElement("p");
    // textContent: the id comes from a link anyone can write.
    text.textContent = format(siteConfig().strings.missing_step, { id: missing.slice(0, 80) });
    notice.append(text);
    article.prepend(notice);
  }
  url.searchParams.delete("missing");
  history.replaceState(history.state, "", url.href);
}
