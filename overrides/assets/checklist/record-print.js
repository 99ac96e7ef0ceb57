/**
 * The closure record on the printout, from the engine's `summary.record`:
 * what was done, dated, with its reference number and how it was confirmed;
 * what is still open, the next step first; the follow-up dates ("ask
 * customer service" where there is none). With "both languages", each line
 * carries the other language's words below it, marked with their `lang`.
 * Every value is set as text, never as HTML.
 */

/** @typedef {import("../../../types/engine.js").Summary} Summary */

/**
 * @param {string} tag
 * @param {string} className
 * @param {...(Node | string)} children
 */
export function element(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/**
 * `text`, and the other language's words for it below, when there are any.
 * @param {string} text
 * @param {{lang: string} | null} other the other language's summary
 * @param {string | null | undefined} otherText
 * @returns {Array<Node | string>}
 */
export function twin(text, other, otherText) {
  if (!other || !otherText || otherText === text) return [text];
  const below = element("span", "checklist-summary__other", otherText);
  below.lang = other.lang === "zh" ? "zh-CN" : other.lang;
  return [text, below];
}

/** @param {string} text @param {{lang: string} | null} other @param {string | undefined} otherText */
export function heading(text, other, otherText) {
  return element("h2", "checklist-summary__heading", ...twin(text, other, otherText));
}

/**
 * A table with column headings.
 * @param {string} className
 * @param {Array<[string, string]>} columns class and heading of each column
 * @param {Array<Array<Node | string | Array<Node | string>>>} rows
 */
function table(className, columns, rows) {
  const head = element(
    "tr",
    "",
    ...columns.map(([name, text]) => {
      const cell = /** @type {HTMLTableCellElement} */ (element("th", name, text));
      cell.scope = "col";
      return cell;
    }),
  );
  const body = rows.map((cells) =>
    element("tr", "", ...cells.map((cell) => element("td", "", ...[cell].flat()))),
  );
  return element(
    "table",
    `checklist-summary__items ${className}`,
    element("thead", "", head),
    element("tbody", "", ...body),
  );
}

/**
 * The record's parts of the printout.
 * @param {Summary} summary the engine's summary in the page's language
 * @param {Summary | null} other the same in the other language, or null
 * @param {Record<string, string>} strings the page's strings
 * @returns {HTMLElement[]}
 */
export function recordParts(summary, other, strings) {
  const record = summary.record;
  const labels = record.labels;
  const otherRecord = other?.record;
  /** @param {string} key */
  const otherLabel = (key) => otherRecord?.labels[key];
  /** @param {"done" | "open"} part @param {string} id */
  const otherStep = (part, id) => otherRecord?.[part].find((step) => step.id === id);
  const go = (/** @type {string} */ id) => element("span", "checklist-summary__go", `go/#${id}`);

  const parts = [];
  if (record.done.length) {
    const rows = record.done.map((step) => {
      const confirmed = [step.how, step.by].filter(Boolean).join(", ");
      const otherConfirmed = otherStep("done", step.id)?.how;
      const reference = step.reference
        ? element("span", "checklist-summary__reference", step.reference)
        : "";
      return [
        step.date ?? element("span", "checklist-summary__undated", labels.undated),
        twin(step.label, other, otherStep("done", step.id)?.label),
        reference,
        confirmed ? twin(confirmed, other, otherConfirmed && [otherConfirmed, step.by].filter(Boolean).join(", ")) : "",
      ];
    });
    parts.push(
      heading(labels.done_heading, other, otherLabel("done_heading")),
      table(
        "checklist-summary__done-steps",
        [
          ["checklist-summary__col-date", strings.record_col_date],
          ["checklist-summary__col-step", strings.record_col_step],
          ["checklist-summary__col-reference", strings.record_col_reference],
          ["checklist-summary__col-how", strings.record_col_how],
        ],
        rows,
      ),
    );
  }
  if (record.open.length) {
    const rows = record.open.map((step) => {
      const found = summary.phases
        .flatMap((phase) => phase.items)
        .find((item) => item.id === step.id);
      const task = [...twin(step.action, other, otherStep("open", step.id)?.action), " ", go(step.id)];
      if (found?.find_out) task.push(element("br", ""), element("small", "", found.find_out));
      // The step's question for customer service (the call list), under it.
      const call = summary.calls?.find((entry) => entry.id === step.id);
      if (call) task.push(element("br", ""), element("small", "checklist-summary__ask", call.ask));
      const priority = [step.next ? strings.record_next : "", found?.blocks ? strings.blocks_tag : ""]
        .filter(Boolean)
        .join(" · ");
      return [task, priority];
    });
    parts.push(
      heading(labels.open_heading, other, otherLabel("open_heading")),
      table(
        "checklist-summary__open-steps",
        [
          ["checklist-summary__col-task", strings.summary_col_task],
          ["checklist-summary__col-priority", strings.summary_col_priority],
        ],
        rows,
      ),
    );
  }
  /** @type {Array<[Array<Node | string>, Node | string]>} */
  const dates = record.follow_up.map((date, index) => {
    const otherDate = otherRecord?.follow_up[index];
    // The engine gives the words to ask whenever it has no date.
    const ask = /** @type {string} */ (date.ask);
    const value = date.date
      ? date.date
      : element("span", "checklist-summary__ask", ...twin(ask, other, otherDate?.ask));
    return [twin(date.label, other, otherDate?.label), value];
  });
  const list = element("dl", "checklist-summary__facts");
  for (const [label, value] of dates) list.append(element("dt", "", ...label), element("dd", "", value));
  // A heading stays with what it heads (a section does not break inside, if it fits a page).
  parts.push(
    element("section", "checklist-summary__part", heading(labels.follow_up_heading, other, otherLabel("follow_up_heading")), list),
  );
  return parts;
}
