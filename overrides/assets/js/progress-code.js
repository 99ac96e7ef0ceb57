/**
 * The support page's progress-code box: an agent types the code a merchant
 * reads out, and the page shows, in its own language, where the merchant
 * stands. The code is decoded by the checklist's own engine (Pyodide in a
 * worker), started when the box is first focused; nothing leaves the browser.
 */

import { startEngine } from "../checklist/engine.js";
import { copyButton } from "./clipboard.js";
import { siteConfig } from "./config.js";
import { breakableAddress, stepLinks } from "./step-links.js";

/**
 * @typedef {{id: string, label: string, done?: boolean, status?: string}} SummaryItem
 * @typedef {object} Summary what checklist.summary() returns (the parts shown here)
 * @property {string} verdict
 * @property {string} verdict_text
 * @property {Record<string, string>} labels
 * @property {{done: number, total: number}} progress
 * @property {{label: string, answer: string}[]} answers
 * @property {{id: string, title: string, items: SummaryItem[]}[]} phases
 * @property {SummaryItem[]} blockers
 * @property {SummaryItem | null} next
 */

/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 * @returns {HTMLElement}
 */
function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * One step: its label, done or not, and its permanent link with a copy button.
 * @param {SummaryItem} item
 * @param {ReturnType<typeof siteConfig>} config
 * @returns {HTMLElement}
 */
function stepEntry(item, config) {
  const { strings } = config;
  const link = stepLinks(config.root, config.roots, item.id).any;
  const entry = element("li", { "data-step": item.id, "data-done": String(Boolean(item.done)) }, [
    element("span", { class: "progress-code__state" }, [item.done ? strings.code_done : strings.code_todo]),
    " ",
    element("span", { class: "progress-code__label" }, [item.label]),
    " ",
    element("a", { href: link, class: "progress-code__link" }, [breakableAddress(link)]),
  ]);
  entry.append(
    copyButton({
      url: () => link,
      text: strings.copy_go,
      label: `${strings.copy_go}: ${item.label}, ${link}`,
    }),
  );
  return entry;
}

/**
 * The result of a code: verdict, blockers, next step, answers and every step that applies.
 * @param {Summary} summary
 * @param {ReturnType<typeof siteConfig>} config
 * @returns {DocumentFragment}
 */
export function renderResult(summary, config) {
  const { strings } = config;
  const { labels } = summary;
  const part = document.createDocumentFragment();
  part.append(
    element("p", { class: "progress-code__verdict", "data-verdict": summary.verdict }, [
      element("strong", {}, [`${labels.verdict}: `]),
      summary.verdict_text,
      ` (${labels.progress} ${summary.progress.done}/${summary.progress.total})`,
    ]),
  );
  const blockers = element("ul", { class: "progress-code__blockers" });
  blockers.append(...summary.blockers.map((item) => stepEntry(item, config)));
  part.append(
    element("h3", {}, [labels.blockers]),
    summary.blockers.length ? blockers : element("p", {}, [strings.code_none]),
    element("h3", {}, [labels.next]),
    summary.next
      ? element("ul", { class: "progress-code__next" }, [stepEntry(summary.next, config)])
      : element("p", {}, [strings.code_none]),
    element("h3", {}, [labels.answers]),
    element(
      "dl",
      { class: "progress-code__answers" },
      summary.answers.flatMap(({ label, answer }) => [
        element("dt", {}, [label]),
        element("dd", {}, [answer]),
      ]),
    ),
    element("h3", {}, [strings.code_steps]),
  );
  for (const phase of summary.phases) {
    const list = element("ul", { class: "progress-code__steps" });
    list.append(...phase.items.map((item) => stepEntry(item, config)));
    part.append(element("h4", {}, [phase.title]), list);
  }
  return part;
}

/**
 * The engine's settings, from the JSON block the checklist_page hook renders.
 * @param {URL} root the site root
 */
function engineOptions(root) {
  const block = document.getElementById("progress-code-settings");
  const { pyodide } = JSON.parse(block?.textContent || "{}");
  return {
    runtimeURL: new URL(pyodide.runtime, root).href,
    lockFileURL: new URL(pyodide.lockFile, root).href,
    package: pyodide.package,
    timeoutMs: pyodide.timeoutMs,
  };
}

export function startCodeBox() {
  const box = document.getElementById("progress-code");
  const form = /** @type {HTMLFormElement | null} */ (document.getElementById("progress-code-form"));
  if (!box || !form || box.dataset.started) return;
  box.dataset.started = "true";
  delete box.dataset.waiting; // shown: its room was kept (links.css)
  const config = siteConfig();
  const { strings } = config;
  const input = /** @type {HTMLInputElement} */ (form.elements.namedItem("progress_code"));
  const status = /** @type {HTMLElement} */ (document.getElementById("progress-code-status"));
  const error = /** @type {HTMLElement} */ (document.getElementById("progress-code-error"));
  const result = /** @type {HTMLElement} */ (document.getElementById("progress-code-result"));
  /** @type {import("../checklist/engine.js").Engine | null} */
  let engine = null;
  let latest = 0;

  const load = () => {
    if (engine) return engine;
    status.textContent = strings.code_loading;
    engine = startEngine(engineOptions(config.root));
    engine.ready.then(
      () => {
        if (status.textContent === strings.code_loading) status.textContent = "";
      },
      () => {},
    );
    return engine;
  };
  /** @param {string} message @param {string} code */
  const fail = (message, code) => {
    status.textContent = "";
    error.textContent = message;
    error.dataset.codeError = code;
    error.hidden = false;
  };
  const clear = () => {
    result.replaceChildren();
    result.hidden = true;
    error.textContent = "";
    delete error.dataset.codeError;
    error.hidden = true;
  };

  input.addEventListener("focus", load, { once: true });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const asked = ++latest;
    clear();
    const running = load();
    try {
      const decoded = await running.call("decode_progress", input.value);
      if (asked !== latest) return;
      if (!decoded.state) {
        const problem = decoded.problems[0];
        fail(problem.message[config.lang] ?? problem.message.zh, problem.code);
        return;
      }
      const checked = await running.call("check", decoded.state, config.lang, false);
      if (asked !== latest) return;
      status.textContent = "";
      result.append(renderResult(checked.summary, config));
      result.hidden = false;
    } catch {
      if (asked === latest) fail(strings.code_failed, "engine");
    }
  });
}
