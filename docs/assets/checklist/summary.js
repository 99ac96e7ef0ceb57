/**
 * The printed summary, built from checklist.summary(state, lang, mask=...):
 * the engine gives every label, the verdict in words and each item's status;
 * this module only lays them out (GOV.UK "check answers" summary lists).
 * Only shown in print (see checklist.css). Every value is set as text, never
 * as HTML, so notes like "<script>" print as typed. Guide links are written
 * out as absolute addresses, so they can be typed in from paper.
 */

import { format } from "./settings.js";

/**
 * @param {string} tag
 * @param {string} className
 * @param {...(Node | string)} children
 */
function element(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** The status tag's colour: done, required before applying, or to do. */
function tagModifier(item) {
  if (item.done) return " checklist-tag--done";
  return item.blocks ? " checklist-tag--blocks" : "";
}

/** A summary list: label/value rows. */
function facts(rows) {
  const list = element("dl", "checklist-summary__facts");
  for (const [label, value] of rows) list.append(element("dt", "", label), element("dd", "", value));
  return list;
}

/**
 * @param {HTMLElement} container
 * @param {object} summary from the engine
 * @param {{strings: Record<string, string>, languageURL: URL, pageURL: string}} context
 */
export function renderSummary(container, summary, { strings, languageURL, pageURL }) {
  const labels = summary.labels;
  const orBlank = (value) => (value ? String(value) : strings.summary_blank);
  const heading = (text) => element("h2", "checklist-summary__heading", text);
  const linked = (target) =>
    element(
      "li",
      "checklist-summary__link",
      target.label,
      element("br", ""),
      element("span", "checklist-summary__url", new URL(target.href, languageURL).href),
    );

  const parts = [
    element("h1", "checklist-summary__title", summary.title),
    facts([
      [labels.name, orBlank(summary.merchant.name)],
      [labels.merchant_id, orBlank(summary.merchant.merchant_id)],
      [labels.terminal_id, orBlank(summary.merchant.terminal_id)],
      [labels.date, summary.date || strings.summary_none],
    ]),
    heading(labels.verdict),
    element("p", "checklist-summary__verdict", summary.verdict_text),
    element(
      "p",
      "",
      format(strings.summary_progress, { label: labels.progress, ...summary.progress }),
    ),
  ];
  if (summary.blockers.length) {
    parts.push(
      heading(labels.blockers),
      element("ul", "checklist-summary__links", ...summary.blockers.map(linked)),
    );
  }
  parts.push(
    heading(labels.next),
    summary.next
      ? element("ul", "checklist-summary__links", linked(summary.next))
      : element("p", "", strings.nothing_next),
    heading(labels.answers),
    facts(summary.answers.map((answer) => [answer.question, answer.answer])),
    heading(strings.summary_phases),
  );
  for (const phase of summary.phases) {
    const rows = phase.items.map((item) =>
      element(
        "li",
        "checklist-summary__item",
        element("span", "checklist-summary__label", item.label),
        element("span", `checklist-tag${tagModifier(item)}`, item.status),
      ),
    );
    parts.push(
      element(
        "section",
        "checklist-summary__phase",
        element("h3", "", phase.title),
        element("ul", "checklist-summary__items", ...rows),
      ),
    );
  }
  if (summary.problems.length) {
    parts.push(
      heading(labels.problems),
      element("ul", "", ...summary.problems.map((problem) => element("li", "", problem.message))),
    );
  }
  parts.push(
    heading(labels.notes),
    element("p", "checklist-summary__notes", summary.notes || strings.summary_none),
    element("p", "checklist-summary__source", format(strings.summary_source, { url: pageURL })),
  );
  container.replaceChildren(...parts);
}
