/**
 * Ways to keep the summary where printing does not work: in-app browsers
 * (WeChat's among them) often ignore `window.print()`. The merchant can copy
 * it as text to paste into a chat, share it (Web Share API, where the browser
 * has it) or save it as a text file. An in-app browser is also told, once per
 * visit, how to open the page in the system browser for offline use.
 */
import { copyText } from "../js/clipboard.js";
import { fileDate } from "./dates.js";
import { download } from "./tools.js";

/** User agents of in-app browsers merchants meet (WeChat, QQ, Weibo, Alipay, DingTalk...). */
const IN_APP = /MicroMessenger|\bQQ\/|Weibo|AlipayClient|DingTalk|Lark|Line\/|FBAN|FBAV|Instagram/i;

/** @param {string} userAgent */
export function inAppBrowser(userAgent) {
  return IN_APP.test(userAgent);
}

/** Elements whose text becomes one line each. */
const LINES = "h1, h2, h3, p, li, dt, dd, tr";

/**
 * The summary as plain text: the printed summary once the checker has made it,
 * else the checklist's steps with their ticks (☑ done, ☐ to do).
 * @param {HTMLElement} root the checklist's root
 */
export function summaryText(root) {
  const summary = root.querySelector("[data-summary]");
  if (summary && summary.querySelector("h1")) {
    const lines = [];
    for (const element of summary.querySelectorAll(LINES)) {
      if (element.querySelector(LINES)) continue; // its children give the lines
      const text = (element.textContent || "").replace(/\s+/g, " ").trim();
      if (text) lines.push(element.tagName === "LI" ? `- ${text}` : text);
    }
    return `${lines.join("\n")}\n${location.href.split("#")[0]}\n`;
  }
  const title = document.querySelector("h1")?.textContent?.trim() || document.title;
  const lines = [title];
  for (const input of root.querySelectorAll(".checklist-task__input")) {
    const box = /** @type {HTMLInputElement} */ (input);
    const label = root.querySelector(`label[for="${box.id}"]`)?.textContent?.trim() || box.name;
    lines.push(`${box.checked ? "☑" : "☐"} ${label}`);
  }
  return `${lines.join("\n")}\n${location.href.split("#")[0]}\n`;
}

/**
 * @param {HTMLElement} root
 * @param {Record<string, string>} strings
 * @param {import("./notices.js").Notices} notices
 */
export function setUpKeeping(root, strings, notices) {
  const copy = root.querySelector('[data-action="copy-summary"]');
  const status = /** @type {HTMLElement | null} */ (root.querySelector("[data-keep-status]"));
  copy?.addEventListener("click", async () => {
    const text = summaryText(root);
    const copied = await copyText(text);
    if (!status) return;
    status.hidden = false;
    status.textContent = copied ? strings.keep_copied : strings.keep_copy_failed;
    if (!copied) {
      const area = document.createElement("textarea");
      area.className = "checklist-keep__text";
      area.readOnly = true;
      area.value = text;
      area.setAttribute("aria-label", strings.keep_copy);
      status.append(area);
      area.select();
    }
  });
  const share = /** @type {HTMLElement | null} */ (root.querySelector('[data-action="share-summary"]'));
  if (share && typeof navigator.share === "function") {
    share.hidden = false;
    share.addEventListener("click", () => {
      navigator.share({ title: document.title, text: summaryText(root) }).catch(() => {});
    });
  }
  root.querySelector('[data-action="save-summary"]')?.addEventListener("click", () => {
    download(summaryText(root), "text/plain;charset=utf-8", `pos-closure-summary-${fileDate()}.txt`);
  });
  if (inAppBrowser(navigator.userAgent) && !saidBefore()) {
    notices.show("in-app", strings.in_app_notice);
  }
}

/** Whether the in-app message was already shown in this visit (then it is not repeated). */
function saidBefore() {
  try {
    if (sessionStorage.getItem("pos-closure:in-app-said")) return true;
    sessionStorage.setItem("pos-closure:in-app-said", "1");
  } catch {
    // no session storage: say it on each page, it is short
  }
  return false;
}
