/**
 * What the support page shows for a decoded progress code, compact enough for
 * a phone: the verdict, the next step, what must be done before applying and
 * the merchant's answers (question and answer side by side), then every step
 * that applies, folded behind one line. A step's status is its own tag, never
 * run into its title; each step's title is its permanent link, with one copy
 * button.
 */

import { copyButton } from "./clipboard.js";
import { stepLinks } from "./step-links.js";

/**
 * @typedef {{id: string, label: string, action?: string, done?: boolean, status?: string}} SummaryItem
 * @typedef {object} Summary what checklist.summary() returns (the parts shown here)
 * @property {string} verdict
 * @property {string} verdict_text
 * @property {Record<string, string>} labels
 * @property {{done: number, total: number}} progress
 * @property {{key: string, question: string, answer: string}[]} answers
 * @property {{id: string, title: string, items: SummaryItem[]}[]} phases
 * @property {SummaryItem[]} blockers
 * @property {(SummaryItem & {kind?: string}) | null} next
 * @typedef {ReturnType<typeof import("./config.js").siteConfig>} Config
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
 * One step: a status tag, its title as its permanent link, and a copy button.
 * Open steps read as actions where asked (the next step, what blocks).
 * @param {SummaryItem} item
 * @param {Config} config
 * @param {{asAction?: boolean}} [options]
 * @returns {HTMLElement}
 */
function stepEntry(item, config, { asAction = false } = {}) {
  const { strings } = config;
  const link = stepLinks(config.root, config.roots, item.id).any;
  const done = Boolean(item.done);
  const title = asAction && !done && item.action ? item.action : item.label;
  const entry = element("li", { "data-step": item.id, "data-done": String(done) }, [
    element("span", { class: `progress-code__tag${done ? " progress-code__tag--done" : ""}` }, [
      done ? strings.code_done : strings.code_todo,
    ]),
    " ",
    element("a", { href: link, class: "progress-code__label" }, [title]),
  ]);
  entry.append(
    copyButton({
      url: () => link,
      text: strings.copy_link,
      label: `${strings.copy_go}: ${title}, ${link}`,
    }),
  );
  return entry;
}

/**
 * The result of a code: verdict, next step, blockers, answers, then every step that applies.
 * @param {Summary} summary
 * @param {Config} config
 * @returns {DocumentFragment}
 */
export function renderResult(summary, config) {
  const { strings } = config;
  const { labels } = summary;
  const part = document.createDocumentFragment();
  const list = (/** @type {string} */ name, /** @type {SummaryItem[]} */ items) =>
    element(
      "ul",
      { class: `progress-code__list progress-code__${name}` },
      items.map((item) => stepEntry(item, config, { asAction: true })),
    );
  part.append(
    element("p", { class: "progress-code__verdict", "data-verdict": summary.verdict }, [
      element("strong", {}, [`${labels.verdict}: `]),
      summary.verdict_text,
      ` (${labels.progress} ${summary.progress.done}/${summary.progress.total})`,
    ]),
    element("h3", {}, [labels.next]),
    summary.next
      ? list("next", [summary.next])
      : element("p", {}, [strings.code_none]),
    element("h3", {}, [labels.blockers]),
    summary.blockers.length ? list("blockers", summary.blockers) : element("p", {}, [strings.code_none]),
    element("h3", {}, [labels.answers]),
    element(
      "dl",
      { class: "progress-code__answers" },
      summary.answers.flatMap(({ key, question, answer }) => [
        element("dt", { "data-answer": key }, [question]),
        element("dd", {}, [answer]),
      ]),
    ),
  );
  const steps = element("details", { class: "progress-code__all" }, [
    element("summary", {}, [
      `${strings.code_steps} (${summary.phases.reduce((sum, phase) => sum + phase.items.length, 0)})`,
    ]),
  ]);
  for (const phase of summary.phases) {
    const items = element("ul", { class: "progress-code__list progress-code__steps" });
    items.append(...phase.items.map((item) => stepEntry(item, config)));
    steps.append(element("h4", {}, [phase.title]), items);
  }
  part.append(steps);
  return part;
}
