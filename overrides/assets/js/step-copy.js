/**
 * A small "copy link" icon at the end of every phase and step heading of the
 * guide, beside the heading's permalink. It copies the step's permanent go/
 * link, with the site's full address. The build writes an empty holder after
 * each heading (overrides/hooks/step_links.py); the icon is placed over the
 * heading's last line (links.css), in room the heading keeps for it, so it
 * shifts nothing when it comes.
 */

import { copyButton } from "./clipboard.js";
import { format, siteConfig } from "./config.js";
import { stepLinks } from "./step-links.js";

// Material Design Icons' "link-variant" (Apache 2.0), as the theme ships it.
const LINK_ICON =
  "M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42";

/** The icon that stands for the button's text (its name stays the aria-label). */
function linkIcon() {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", LINK_ICON);
  svg.append(path);
  return svg;
}

export function addStepCopyButtons() {
  const config = siteConfig();
  const { strings } = config;
  const headings = document.querySelectorAll(".md-content article :is(h1, h2)[id]");
  for (const heading of headings) {
    const holder = heading.nextElementSibling;
    // No holder written for it, or the buttons are there already (started twice).
    if (!holder?.classList.contains("step-link") || holder.childElementCount) continue;
    const title = heading.textContent.replace(/[¶#]\s*$/, "").trim();
    const control = copyButton({
      // The permanent link: it opens the step wherever it lives later,
      // in the reader's language.
      url: () => stepLinks(config.root, config.roots, heading.id).any,
      label: format(strings.copy_link_label, { title }),
    });
    const button = control.querySelector("button");
    button?.replaceChildren(linkIcon());
    button?.classList.add("copy-link__button--icon");
    holder.append(control);
  }
}
