/**
 * A "copy link" button under every phase and step heading of the guide. It
 * copies the step's permanent go/ link, with the site's full address. The
 * build writes an empty holder after each heading (overrides/hooks/step_links.py)
 * whose height is reserved, so the button shifts nothing when it comes.
 */

import { copyButton } from "./clipboard.js";
import { format, siteConfig } from "./config.js";
import { stepLinks } from "./step-links.js";

export function addStepCopyButtons() {
  const config = siteConfig();
  const { strings } = config;
  const headings = document.querySelectorAll(".md-content article :is(h1, h2)[id]");
  for (const heading of headings) {
    const holder = heading.nextElementSibling;
    // No holder written for it, or the buttons are there already (started twice).
    if (!holder?.classList.contains("step-link") || holder.childElementCount) continue;
    const title = heading.textContent.replace(/[¶#]\s*$/, "").trim();
    holder.append(
      copyButton({
        // The permanent link: it opens the step wherever it lives later,
        // in the reader's language.
        url: () => stepLinks(config.root, config.roots, heading.id).any,
        label: format(strings.copy_link_label, { title }),
      }),
    );
  }
}
