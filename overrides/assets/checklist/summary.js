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

/** A summary list: label/value rows; a value may be a node. */
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
 * @param {object} summary from the engine
 * @param {{strings: Record<string, string>, languageURL: URL, pageURL: string}} context
 */
export function renderSummary(container, summary, context) {
  const { strings, languageURL, pageURL } = context;
  const labels = summary.labels;
  const orBlank = (value) => (value ? String(value) : strings.summary_blank);
  const heading = (text) => element("h2", "checklist-summary__heading", text);
  const number = (value) =>
    value ? element("span", "checklist-summary__number", String(value)) : strings.summary_blank;
  // A step is named as the guide's heading names it (its action), everywhere.
  const linked = (target, text = target.action || target.label) =>
    element(
      "li",
      "checklist-summary__link",
      text,
      element("span", "checklist-summary__go", `go/#${target.id}`),
    );

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
    element("h1", "checklist-summary__title", summary.title),
    element(
      "p",
      "checklist-summary__meta",
      time,
      element("br", ""),
      element("span", "checklist-summary__disclaimer", strings.summary_disclaimer),
    ),
    facts(merchantRows),
    heading(labels.verdict),
    element("p", "checklist-summary__verdict", summary.verdict_text),
    element(
      "p",
      "",
      format(strings.summary_progress, { label: labels.progress, ...summary.progress }),
    ),
  ];
  if (summary.problems.length) {
    parts.push(
      heading(labels.problems),
      element(
        "ul",
        "checklist-summary__problems",
        ...summary.problems.map((problem) =>
          element("li", `checklist-problem--${problem.level}`, problem.message),
        ),
      ),
    );
  }
  parts.push(heading(labels.next));
  const next = summary.next;
  if (!next) {
    parts.push(element("p", "", strings.nothing_next));
  } else if (next.kind === "question") {
    parts.push(element("p", "", next.action || next.label));
  } else {
    const step = linked(next, next.action || next.label);
    parts.push(element("ul", "checklist-summary__links", step));
  }
  if (summary.blockers.length) {
    parts.push(
      heading(labels.blockers),
      element("ul", "checklist-summary__links", ...summary.blockers.map((item) => linked(item))),
    );
  }
  parts.push(
    heading(labels.answers),
    facts(summary.answers.map((answer) => [answer.question, answer.answer])),
    heading(strings.summary_phases),
  );
  const shown = new Map(summary.phases.map((phase) => [phase.id, phase]));
  // Every phase in the guide's order, numbered; those that do not apply say so.
  const phases = [...summary.phases, ...(summary.phases_not_applying ?? [])];
  phases.sort((one, other) => one.number - other.number);
  for (const phase of phases) {
    const found = shown.get(phase.id);
    const body = found
      ? taskTable(found.items, strings)
      : element(
          "p",
          "checklist-summary__skipped",
          element("strong", "checklist-summary__na", strings.status_na),
          ` ${strings.phase_not_applicable}`,
        );
    const title = element("h3", "", phase.title);
    parts.push(element("section", "checklist-summary__phase", title, body));
  }
  if (summary.calls?.length) {
    // The questions of the steps still open, with room to write the answer.
    parts.push(
      heading(labels.calls),
      element(
        "ol",
        "checklist-summary__calls",
        ...summary.calls.map((call) =>
          element(
            "li",
            "checklist-summary__call",
            element("strong", "", call.action),
            element("br", ""),
            call.ask,
            element("span", "checklist-summary__answer"),
          ),
        ),
      ),
    );
  }
  parts.push(
    heading(labels.notes),
    element("p", "checklist-summary__notes", summary.notes || strings.summary_none),
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
 * One phase's tasks: the task, its state (done / not done) and, apart from
 * it, its priority (required before applying).
 * @param {Array<{label: string, action: string, done: boolean, blocks: boolean, find_out?: string | null}>} items
 * @param {Record<string, string>} strings
 */
function taskTable(items, strings) {
  /** A column heading. @param {string} className @param {string} text */
  const column = (className, text) => {
    const heading = /** @type {HTMLTableCellElement} */ (element("th", className, text));
    heading.scope = "col";
    return heading;
  };
  const head = element(
    "tr",
    "",
    column("checklist-summary__col-task", strings.summary_col_task),
    column("checklist-summary__col-state", strings.summary_col_state),
    column("checklist-summary__col-priority", strings.summary_col_priority),
  );
  const rows = items.map((item) =>
    element(
      "tr",
      "",
      item.find_out
        ? element("td", "", item.action, element("br", ""), element("small", "", item.find_out))
        : element("td", "", item.action),
      element(
        "td",
        item.done ? "checklist-summary__done" : "",
        item.done ? strings.status_done : strings.status_todo,
      ),
      element("td", "", item.blocks ? strings.blocks_tag : ""),
    ),
  );
  return element(
    "table",
    "checklist-summary__items",
    element("thead", "", head),
    element("tbody", "", ...rows),
  );
}
