"""The engine's boundary types: what goes in and what comes out, one ``TypedDict`` each.

The page reads these shapes through Pyodide as plain JSON, so they are the
contract between the engine and the page. ``mypy --strict`` checks the engine
against them, and ``scripts/engine_types.py`` writes ``types/engine.d.ts`` from
this module, so a field renamed here fails the page's type check until the page
follows (``make lint`` checks the file is up to date).

Only JSON types are used: ``str``, ``int``, ``bool``, ``None``, lists and
string-keyed dicts. ``Message`` is ``{lang: text}`` for every language.
"""

from typing import Literal, NotRequired, TypedDict

#: ``{"zh": ..., "en": ...}``: one text in every language of the site.
Message = dict[str, str]

Level = Literal["error", "warning"]
Verdict = Literal["needs_answers", "not_ready", "ready_to_apply", "in_progress", "closed"]


class Merchant(TypedDict):
    """The merchant's details, as kept (numbers normalised, name without invisibles)."""

    merchant_id: str
    terminal_id: str
    name: str


class RecordEntry(TypedDict, total=False):
    """One step's closure record: when it was done, its reference number, how it was
    confirmed (a ``how`` of ``record.toml``) and by whom. An empty field is left out."""

    date: str
    reference: str
    how: str
    by: str


#: The fields of a :class:`RecordEntry`, in the order kept.
RecordField = Literal["date", "reference", "how", "by"]


class State(TypedDict):
    """A clean current-schema saved state (see the package docstring)."""

    schema: int
    answers: dict[str, str]
    done: dict[str, bool]
    merchant: Merchant
    notes: str
    record: dict[str, RecordEntry]
    follow_up: dict[str, str]
    updated: str | None
    rules: int


class Problem(TypedDict):
    """What is wrong with the input: about a ``field`` (dotted path) or an ``item``."""

    field: NotRequired[str]
    item: NotRequired[str]
    code: str
    level: Level
    message: Message


class Migrated(TypedDict):
    """:func:`checklist.migrate`: a current-layout state (values not yet checked) or
    None when refused. Its values are any JSON until :func:`normalise` reads them."""

    state: dict[str, object] | None
    problems: list[Problem]


class Decoded(TypedDict):
    """:func:`checklist.decode_progress`: the state a progress code stands for."""

    state: dict[str, object] | None
    problems: list[Problem]


class NextStep(TypedDict):
    kind: Literal["question", "item"]
    id: str
    anchor: str


class Progress(TypedDict):
    done: int
    total: int


class Change(TypedDict):
    """A change of the rules since the state's ``rules`` version."""

    item: str | None
    question: str | None
    kind: str
    message: Message


class Evaluation(TypedDict):
    """:func:`checklist.evaluate`."""

    verdict: Verdict
    unanswered: list[str]
    blockers: list[str]
    next: NextStep | None
    applicable: list[str]
    phases: list[str]
    asked: list[str]
    unsure: dict[str, str]
    progress: Progress
    changes: list[Change]
    rules: int
    problems: list[Problem]
    state: State


class Link(TypedDict):
    """A step of the guide as the summary links it."""

    id: str
    label: str
    action: str
    href: str


class SummaryItem(Link):
    done: bool
    blocks: bool
    status: str
    find_out: str | None


class PhaseLink(TypedDict):
    id: str
    number: int
    title: str
    href: str


class SummaryPhase(PhaseLink):
    progress: Progress
    items: list[SummaryItem]


class SummaryNext(TypedDict):
    kind: Literal["question", "item"]
    id: str
    label: str
    action: str
    href: str


class SummaryChange(TypedDict):
    item: str | None
    question: str | None
    kind: str
    message: str
    href: str


class SummaryAnswer(TypedDict):
    key: str
    question: str
    answer: str


class SummaryProblem(TypedDict):
    code: str
    level: Level
    message: str


class Call(TypedDict):
    """One step's question for customer service (:func:`checklist.calls.call_list`)."""

    id: str
    phase: str
    action: str
    ask: str
    href: str


class RecordStep(TypedDict):
    """A step of the closure record as the printout shows it, in one language."""

    id: str
    label: str
    action: str
    href: str
    date: str | None
    reference: str
    how: str
    by: str
    wants_reference: bool


class OpenStep(RecordStep):
    """A step still open; ``next`` marks the next step."""

    next: bool


class FollowUpDate(TypedDict):
    """A follow-up date: ``date`` None and ``ask`` the words to ask for it when not given."""

    key: str
    label: str
    date: str | None
    ask: str | None
    item: str
    href: str


class ClosureRecord(TypedDict):
    """:func:`checklist.timeline.closure_record`: done steps by date, open ones, follow-up dates."""

    done: list[RecordStep]
    open: list[OpenStep]
    follow_up: list[FollowUpDate]
    labels: dict[str, str]


class Summary(TypedDict):
    """:func:`checklist.summary`: everything the printed summary shows, in one language."""

    lang: str
    title: str
    labels: dict[str, str]
    date: str | None
    merchant: Merchant
    verdict: Verdict
    verdict_text: str
    progress: Progress
    answers: list[SummaryAnswer]
    phases: list[SummaryPhase]
    phases_not_applying: list[PhaseLink]
    blockers: list[Link]
    next: SummaryNext | None
    changes: list[SummaryChange]
    notes: str
    progress_code: str
    problems: list[SummaryProblem]
    calls: list[Call]
    record: ClosureRecord


class CheckResult(TypedDict):
    """:func:`checklist.check`: one change, evaluated once."""

    evaluation: Evaluation
    summary: Summary


class Counts(TypedDict):
    """What a clean state holds, for "the file holds X, here is Y"."""

    answers: int
    ticks: int
    merchant: int
    notes: int
    updated: str | None


class Difference(TypedDict):
    """One field an import would change (:mod:`checklist.differences`), never its value."""

    field: str
    change: Literal["added", "removed", "changed"]
    message: Message


class ImportCheck(TypedDict):
    """:func:`checklist.check_import`."""

    state: State | None
    refused: Problem | None
    changes: list[Problem]
    differences: list[Difference]
    incoming: Counts | None
    current: Counts | None


class Reminders(TypedDict):
    """:func:`checklist.reminders`: the follow-up dates as one iCalendar file."""

    text: str
    filename: str
    events: int


class Option(TypedDict):
    value: str
    label: Message
    hint: NotRequired[Message]


class Question(TypedDict):
    key: str
    ask_when: str
    label: Message
    hint: Message
    options: list[Option]


class Phase(TypedDict):
    id: str
    number: int
    applies: str
    title: Message
    page: str


class Item(TypedDict):
    id: str
    phase: str
    blocks: bool
    applies: str
    action: Message
    label: Message
    hint: NotRequired[Message]
    ask: NotRequired[Message]


class OrderRule(TypedDict):
    later: str
    earlier: list[str]
    code: str


class Rules(TypedDict):
    submitted: str
    apply_phase: str
    order: list[OrderRule]


class Catalogue(TypedDict):
    """:func:`checklist.catalogue`: the questions, phases, items, rules and limits."""

    page: str
    rules: Rules
    limits: dict[str, int]
    questions: list[Question]
    phases: list[Phase]
    items: list[Item]
