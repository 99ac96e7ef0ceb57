/**
 * The printed summary, built from checklist.summary(state, lang, mask=...):
 * the engine gives every label, the verdict in words and what applies; this
 * module only lays them out (GOV.UK "check answers" summary lists and a task
 * table per phase). Only shown in print (see checklist-print.css). Every value is
 * set as text, never as HTML, so notes like "<script>" print as typed.
 *
 * The page's own words (task states, phase titles) are the same as on screen.
 * Guide steps are named by their short permanent link, `go/#<step-id>`, and the
 * site's address is printed once; each phase keeps the guide's number, and a
 * phase that does not apply is listed as such.
 */

import { element, recordParts, twin } from "./record-print.js";
import { format } from "./settings.js";

/**
 * @typedef {import("../../../types/engine.js").Summary} Summary
 * @typedef {[label: string, value: Node | string]} Fact
 */

/**
 * A summary list: label/value rows; a value may be a node.
 * @param {Fact[]} rows
 */
function facts(rows) {
  const list = element("dl", "checklist-summary__facts");
  for (const [label, value] of rows) list.append(element("dt", "", label), element("dd", "", value));
  return list;
}

/**
 * The date and time now, in the page's language.
 * @param {string} lang
 */
export function printTime(lang, date = new Date()) {
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
  }).format(date);
}

const stamped = new WeakSet();
/**
 * Keep the summary's print time current: set now, and again just before the
 * browser prints (the summary may have been written long before).
 * @param {HTMLElement} container
 * @param {Record<string, string>} strings
 * @param {string} lang
 */
function stampPrintTime(container, strings, lang) {
  const stamp = () => {
    const slot = container.querySelector("[data-print-time]");
    if (slot) slot.textContent = format(strings.summary_printed, { time: printTime(lang) });
  };
  stamp();
  if (!stamped.has(container)) {
    stamped.add(container);
    window.addEventListener("beforeprint", stamp);
  }
}

/**
 * @param {HTMLElement} container
 * @param {Summary} summary from the engine
 * @param {{strings: Record<string, string>, languageURL: URL, pageURL: string, other?: Summary | null}} context
 *   `other`: the summary in the other language, printed below each line ("both languages")
 */
export function renderSummary(container, summary, context) {
  const { strings, languageURL, pageURL, other = null } = context;
  const labels = summary.labels;
  /** @param {string} value */
  const orBlank = (value) => (value ? String(value) : strings.summary_blank);
  /** @param {string} text @param {string} [key] the label's key in the other language */
  const heading = (text, key = "") =>
    element("h2", "checklist-summary__heading", ...twin(text, other, other?.labels[key]));
  /** @param {string} value */
  const number = (value) =>
    value ? element("span", "checklist-summary__number", String(value)) : strings.summary_blank;
  // A step is named as the guide's heading names it (its action), everywhere.
  /** @param {{id: string, label: string, action: string}} target @param {string} [text] */
  const linked = (target, text = target.action || target.label) =>
    element(
      "li",
      "checklist-summary__link",
      text,
      element("span", "checklist-summary__go", `go/#${target.id}`),
    );

  /** @type {Fact[]} */
  const merchantRows = [
    [labels.name, orBlank(summary.merchant.name)],
    [labels.merchant_id, number(summary.merchant.merchant_id)],
    [labels.terminal_id, number(summary.merchant.terminal_id)],
  ];
  if (summary.date) merchantRows.push([labels.date, summary.date]);
  if (summary.progress_code) merchantRows.push([labels.progress_code, summary.progress_code]);

  const time = element("span", "checklist-summary__time");
  time.dataset.printTime = "";
  const parts = [
    element("h1", "checklist-summary__title", ...twin(summary.title, other, other?.title)),
    element(
      "p",
      "checklist-summary__meta",
      time,
      element("br", ""),
      element("span", "checklist-summary__disclaimer", strings.summary_disclaimer),
    ),
    heading(labels.verdict, "verdict"),
    element("p", "checklist-summary__verdict", ...twin(summary.verdict_text, other, other?.verdict_text)),
    element(
      "p",
      "checklist-summary__progress",
      format(strings.summary_progress, { label: labels.progress, ...summary.progress }),
    ),
  ];
  if (summary.problems.length) {
    parts.push(
      heading(labels.problems, "problems"),
      element(
        "ul",
        "checklist-summary__problems",
        ...summary.problems.map((problem) =>
          element("li", `checklist-problem--${problem.level}`, problem.message),
        ),
      ),
    );
  }
  const next = summary.next;
  // A next step that is a task leads the list of what is still open (record-print.js).
  const leadsOpen = next?.kind === "item" && summary.record.open.some((step) => step.next);
  if (!leadsOpen) parts.push(heading(labels.next, "next"));
  if (!next) {
    parts.push(element("p", "", strings.nothing_next));
  } else if (next.kind === "question") {
    parts.push(element("p", "", next.action || next.label));
  } else if (!leadsOpen) {
    const step = linked(next, next.action || next.label);
    parts.push(element("ul", "checklist-summary__links", step));
  }
  if (summary.blockers.length) {
    parts.push(
      heading(labels.blockers, "blockers"),
      element("ul", "checklist-summary__links", ...summary.blockers.map((item) => linked(item))),
    );
  }
  // The closure record: what was done, what is open, the follow-up dates.
  parts.push(...recordParts(summary, other, strings));
  parts.push(element("section", "checklist-summary__part", heading(strings.summary_phases), phaseList(summary, strings)));
  // Then the merchant's and the device's details (masked as the merchant chose).
  // A heading stays with what it heads (a section does not break inside, if it fits a page).
  parts.push(element("section", "checklist-summary__part", heading(strings.merchant_heading), facts(merchantRows)));
  parts.push(
    element(
      "p",
      "checklist-summary__notes-line",
      element("strong", "", labels.notes),
      " ",
      element("span", "checklist-summary__notes", summary.notes || strings.summary_none),
    ),
    element(
      "p",
      "checklist-summary__source",
      format(strings.summary_links, { url: new URL(languageURL).href }),
      element("br", ""),
      format(strings.summary_source, { url: pageURL }),
    ),
  );
  container.replaceChildren(...parts);
  stampPrintTime(container, strings, summary.lang);
}

/**
 * Every phase in the guide's order, numbered, with how far it is; a phase
 * that does not apply says so (the others keep the guide's numbers).
 * @param {Summary} summary
 * @param {Record<string, string>} strings
 */
function phaseList(summary, strings) {
  const shown = new Map(summary.phases.map((phase) => [phase.id, phase]));
  const phases = [...summary.phases, ...(summary.phases_not_applying ?? [])];
  phases.sort((one, other) => one.number - other.number);
  return element(
    "ul",
    "checklist-summary__phases",
    ...phases.map((phase) => {
      const found = shown.get(phase.id);
      if (!found) {
        return element(
          "li",
          "checklist-summary__skipped",
          `${phase.title} `,
          element("strong", "checklist-summary__na", strings.status_na),
          ` ${strings.phase_not_applicable}`,
        );
      }
      const { done, total } = found.progress;
      return element("li", "", `${phase.title} `, element("span", "checklist-summary__count", `${done}/${total}`));
    }),
  );
}
