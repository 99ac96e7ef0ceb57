/**
 * "What changed since your last visit": the engine lists, in the summary's
 * language, what changed in the rules since the saved progress was last shown
 * (checklist.summary()["changes"], only this merchant's steps and questions);
 * this module turns that list into a notice and its links, and says which
 * state to save so the list is shown once. Every text is set as text, never as
 * HTML; links are resolved against the root of the page's language.
 */

/**
 * One change, as the summary gives it.
 * @typedef {object} Change
 * @property {string} kind e.g. "now_required", "moved", "question_changed"
 * @property {string | null} item the step's id, or null for a question
 * @property {string | null} question the question's key, or null for a step
 * @property {string} href the step in the guide or the question on the checklist,
 *   relative to the language's root
 * @property {string} message what changed, in the summary's language
 */

/**
 * What the page shows: a title and one linked line per change.
 * @typedef {object} ChangesNotice
 * @property {string} title
 * @property {{kind: string, text: string, href: string}[]} entries
 */

/**
 * The notice for the summary's list of changes, or null when nothing changed.
 * @param {Change[] | undefined} changes `summary.changes`
 * @param {Record<string, string>} labels `summary.labels` (its `changes` is the title)
 * @param {URL | string} languageURL the root of the page's language
 * @returns {ChangesNotice | null}
 */
export function changesNotice(changes, labels, languageURL) {
  if (!Array.isArray(changes) || changes.length === 0) return null;
  return {
    title: labels.changes,
    entries: changes.map((change) => ({
      kind: change.kind,
      text: change.message,
      href: new URL(change.href, languageURL).href,
    })),
  };
}

/**
 * The notice's lines as a list of links (`<ul>`), to put inside the notice.
 * @param {ChangesNotice} notice
 * @param {Document} doc
 * @returns {HTMLUListElement}
 */
export function changesList(notice, doc = document) {
  const list = doc.createElement("ul");
  list.className = "checklist-changes";
  for (const entry of notice.entries) {
    const link = doc.createElement("a");
    link.href = entry.href;
    link.textContent = entry.text;
    const line = doc.createElement("li");
    line.dataset.change = entry.kind;
    line.append(link);
    list.append(line);
  }
  return list;
}

/**
 * The state to save once the engine has seen it, so the list is shown only
 * once: with `rules` set to today's rules version (`evaluation.rules`); null
 * when it already has it. Save it after the first result for a loaded or
 * imported state, whether or not there were changes to show (a state with
 * nothing answered is told nothing, and must not be told later either).
 * @template {object} State
 * @param {State & {rules?: unknown}} state the page's current state
 * @param {{rules: number}} evaluation `check(...).evaluation`
 * @returns {(State & {rules: number}) | null}
 */
export function caughtUp(state, evaluation) {
  if (state.rules === evaluation.rules) return null;
  return { ...state, rules: evaluation.rules };
}
