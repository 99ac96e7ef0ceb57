/** A "copy link" button under every phase and step heading of the guide. */

import { copyButton } from "./clipboard.js";
import { format, siteConfig } from "./config.js";

export function addStepCopyButtons() {
  const { strings } = siteConfig();
  const headings = document.querySelectorAll(".md-content article :is(h1, h2)[id]");
  for (const heading of headings) {
    if (heading.nextElementSibling?.classList.contains("step-link")) continue; // started twice
    const title = heading.textContent.replace(/[¶#]\s*$/, "").trim();
    const holder = document.createElement("div");
    holder.className = "step-link";
    holder.append(
      copyButton({
        url: () => {
          const here = new URL(location.href);
          here.search = "";
          here.hash = heading.id;
          return here.href;
        },
        label: format(strings.copy_link_label, { title }),
      }),
    );
    heading.after(holder);
  }
}
