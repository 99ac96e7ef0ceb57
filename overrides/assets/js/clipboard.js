/**
 * Copying a link, with fallbacks: the Clipboard API needs a secure context
 * (https or localhost), which plain-http hosts and old WebViews lack.
 */

import { format, siteConfig } from "./config.js";

/**
 * Copy text; resolves true when the browser says it was copied.
 * @param {string} text
 */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or API broken: try the older way below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "copy-scratch";
  document.body.append(area);
  area.select();
  let copied;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/**
 * A visible "copy link" button for `url()`. It says "Copied" when it worked,
 * and otherwise shows the link selected in a field for copying by hand.
 * @param {{url: () => string, text?: string, label: string}} options
 */
export function copyButton({ url, text, label }) {
  const { strings } = siteConfig();
  const wrapper = document.createElement("span");
  wrapper.className = "copy-link";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-link__button";
  button.textContent = text || strings.copy_link;
  if (label) button.setAttribute("aria-label", label);
  const status = document.createElement("span");
  status.className = "copy-link__status";
  status.setAttribute("role", "status");
  wrapper.append(button, status);

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  button.addEventListener("click", async () => {
    const link = url();
    wrapper.querySelector(".copy-link__manual")?.remove();
    if (await copyText(link)) {
      // Say what was copied: an agent must know which of several links it was.
      status.textContent = strings.copied_what
        ? format(strings.copied_what, { url: link })
        : strings.copied;
      button.dataset.copied = "true";
      clearTimeout(timer);
      timer = setTimeout(() => {
        status.textContent = "";
        delete button.dataset.copied;
      }, 4000);
      return;
    }
    const manual = document.createElement("label");
    manual.className = "copy-link__manual";
    manual.textContent = strings.copy_failed;
    const field = document.createElement("input");
    field.type = "text";
    field.readOnly = true;
    field.value = link;
    manual.append(field);
    wrapper.append(manual);
    field.focus();
    field.select();
  });
  return wrapper;
}
