/**
 * A "copy link" button under every phase and step heading of the guide. It
 * copies the step's permanent go/ link, with the site's full address.
 */

import { copyButton } from "./clipboard.js";
import { format, siteConfig } from "./config.js";
import { stepLinks } from "./step-links.js";

export function addStepCopyButtons() {
  const config = siteConfig();
  const { strings } = config;
  const headings = document.querySelectorAll(".md-content article :is(h1, h2)[id]");
  for (const heading of headings) {
    if (heading.nextElementSibling?.classList.contains("step-link")) continue; // started twice
    const title = heading.textContent.replace(/[¶#]\s*$/, "").trim();
    const holder = document.createElement("div");
    holder.className = "step-link";
    holder.append(
      copyButton({
        // The permanent link: it opens the step wherever it lives later,
        // in the reader's language.
        url: () => stepLinks(config.root, config.roots, heading.id).any,
        label: format(strings.copy_link_label, { title }),
      }),
    );
    heading.after(holder);
  }
}
