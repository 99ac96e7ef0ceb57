// Written by scripts/engine_types.py from checklist/contract.py: do not edit.
// What the engine (Python, in the worker) hands the page, as JSON.

export type Level = "error" | "warning";

export type Verdict = "needs_answers" | "not_ready" | "ready_to_apply" | "in_progress" | "closed";

/** The merchant's details, as kept (numbers normalised, name without invisibles). */
export interface Merchant {
  merchant_id: string;
  terminal_id: string;
  name: string;
}

/** One step's closure record: when it was done, its reference number, how it was confirmed (a `how` of `record.toml`) and by whom. An empty field is left out. */
export interface RecordEntry {
  date?: string;
  reference?: string;
  how?: string;
  by?: string;
}

/** A clean current-schema saved state (see the package docstring). */
export interface State {
  schema: number;
  answers: Record<string, string>;
  done: Record<string, boolean>;
  merchant: Merchant;
  notes: string;
  record: Record<string, RecordEntry>;
  follow_up: Record<string, string>;
  updated: string | null;
  rules: number;
}

/** What is wrong with the input: about a `field` (dotted path) or an `item`. */
export interface Problem {
  field?: string;
  item?: string;
  code: string;
  level: Level;
  message: Record<string, string>;
}

/** :func:`checklist.migrate`: a current-layout state (values not yet checked) or None when refused. Its values are any JSON until :func:`normalise` reads them. */
export interface Migrated {
  state: Record<string, unknown> | null;
  problems: Problem[];
}

/** :func:`checklist.decode_progress`: the state a progress code stands for. */
export interface Decoded {
  state: Record<string, unknown> | null;
  problems: Problem[];
}

export interface NextStep {
  kind: "question" | "item";
  id: string;
  anchor: string;
}

export interface Progress {
  done: number;
  total: number;
}

/** A change of the rules since the state's `rules` version. */
export interface Change {
  item: string | null;
  question: string | null;
  kind: string;
  message: Record<string, string>;
}

/** :func:`checklist.evaluate`. */
export interface Evaluation {
  verdict: Verdict;
  unanswered: string[];
  blockers: string[];
  next: NextStep | null;
  applicable: string[];
  phases: string[];
  asked: string[];
  unsure: Record<string, string>;
  progress: Progress;
  changes: Change[];
  rules: number;
  problems: Problem[];
  state: State;
}

/** A step of the guide as the summary links it. */
export interface Link {
  id: string;
  label: string;
  action: string;
  href: string;
}

export interface SummaryItem {
  id: string;
  label: string;
  action: string;
  href: string;
  done: boolean;
  blocks: boolean;
  status: string;
  find_out: string | null;
}

export interface PhaseLink {
  id: string;
  number: number;
  title: string;
  href: string;
}

export interface SummaryPhase {
  id: string;
  number: number;
  title: string;
  href: string;
  progress: Progress;
  items: SummaryItem[];
}

export interface SummaryNext {
  kind: "question" | "item";
  id: string;
  label: string;
  action: string;
  href: string;
}

export interface SummaryChange {
  item: string | null;
  question: string | null;
  kind: string;
  message: string;
  href: string;
}

export interface SummaryAnswer {
  key: string;
  question: string;
  answer: string;
}

export interface SummaryProblem {
  code: string;
  level: Level;
  message: string;
}

/** One step's question for customer service (:func:`checklist.calls.call_list`). */
export interface Call {
  id: string;
  phase: string;
  action: string;
  ask: string;
  href: string;
}

/** A step of the closure record as the printout shows it, in one language. */
export interface RecordStep {
  id: string;
  label: string;
  action: string;
  href: string;
  date: string | null;
  reference: string;
  how: string;
  by: string;
  wants_reference: boolean;
}

/** A step still open; `next` marks the next step. */
export interface OpenStep {
  id: string;
  label: string;
  action: string;
  href: string;
  date: string | null;
  reference: string;
  how: string;
  by: string;
  wants_reference: boolean;
  next: boolean;
}

/** A follow-up date: `date` None and `ask` the words to ask for it when not given. */
export interface FollowUpDate {
  key: string;
  label: string;
  date: string | null;
  ask: string | null;
  item: string;
  href: string;
}

/** :func:`checklist.timeline.closure_record`: done steps by date, open ones, follow-up dates. */
export interface ClosureRecord {
  done: RecordStep[];
  open: OpenStep[];
  follow_up: FollowUpDate[];
  labels: Record<string, string>;
}

/** :func:`checklist.summary`: everything the printed summary shows, in one language. */
export interface Summary {
  lang: string;
  title: string;
  labels: Record<string, string>;
  date: string | null;
  merchant: Merchant;
  verdict: Verdict;
  verdict_text: string;
  progress: Progress;
  answers: SummaryAnswer[];
  phases: SummaryPhase[];
  phases_not_applying: PhaseLink[];
  blockers: Link[];
  next: SummaryNext | null;
  changes: SummaryChange[];
  notes: string;
  progress_code: string;
  problems: SummaryProblem[];
  calls: Call[];
  record: ClosureRecord;
}

/** :func:`checklist.check`: one change, evaluated once. */
export interface CheckResult {
  evaluation: Evaluation;
  summary: Summary;
}

/** What a clean state holds, for "the file holds X, here is Y". */
export interface Counts {
  answers: number;
  ticks: number;
  merchant: number;
  notes: number;
  updated: string | null;
}

/** One field an import would change (:mod:`checklist.differences`), never its value. */
export interface Difference {
  field: string;
  change: "added" | "removed" | "changed";
  message: Record<string, string>;
}

/** :func:`checklist.check_import`. */
export interface ImportCheck {
  state: State | null;
  refused: Problem | null;
  changes: Problem[];
  differences: Difference[];
  incoming: Counts | null;
  current: Counts | null;
}

/** :func:`checklist.reminders`: the follow-up dates as one iCalendar file. */
export interface Reminders {
  text: string;
  filename: string;
  events: number;
}

export interface Option {
  value: string;
  label: Record<string, string>;
  hint?: Record<string, string>;
}

export interface Question {
  key: string;
  ask_when: string;
  label: Record<string, string>;
  hint: Record<string, string>;
  options: Option[];
}

export interface Phase {
  id: string;
  number: number;
  applies: string;
  title: Record<string, string>;
  page: string;
}

export interface Item {
  id: string;
  phase: string;
  blocks: boolean;
  applies: string;
  action: Record<string, string>;
  label: Record<string, string>;
  hint?: Record<string, string>;
  ask?: Record<string, string>;
}

export interface OrderRule {
  later: string;
  earlier: string[];
  code: string;
}

export interface Rules {
  submitted: string;
  apply_phase: string;
  order: OrderRule[];
}

/** :func:`checklist.catalogue`: the questions, phases, items, rules and limits. */
export interface Catalogue {
  page: string;
  rules: Rules;
  limits: Record<string, number>;
  questions: Question[];
  phases: Phase[];
  items: Item[];
}

/** The engine's public functions by name, as the page calls them through the worker. */
export interface Ops {
  catalogue(): Catalogue;
  check(state: unknown, lang: unknown, mask?: unknown, mask_references?: unknown): CheckResult;
  check_import(value: unknown, current: unknown): ImportCheck;
  decode_progress(code: unknown): Decoded;
  encode_progress(state: unknown): string;
  evaluate(state: unknown): Evaluation;
  migrate(state: unknown): Migrated;
  new_state(): State;
  normalise_merchant_id(text: unknown): string;
  normalise_terminal_id(text: unknown): string;
  reminders(state: unknown, lang: unknown, site?: unknown, stamp?: unknown): Reminders;
  summary(state: unknown, lang: unknown, mask?: boolean, mask_references?: boolean): Summary;
}
