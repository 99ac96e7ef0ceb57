"""The verdict: what applies, what blocks, what to do next.

:func:`evaluate` is a pure function of the saved state: it migrates and checks
the input, works out which phases and items apply from the answers, and reports
everything questionable as problems instead of raising. The items it relies on
and the order it warns about are data (``[rules]`` of ``items.toml``).
"""

from typing import get_args

from .changes import changes_since
from .conditions import holds
from .contract import Evaluation, NextStep, Problem, Verdict
from .data import ITEMS, PHASE_INDEX, PHASES, QUESTIONS, RULES, RULES_VERSION
from .migrate import migrate
from .problems import capped, problem
from .state import new_state
from .validate import normalise

#: Every verdict, in the order a closure goes through them.
#: (One home: the ``Verdict`` type of :mod:`checklist.contract`.)
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
#: The value of an answer that keeps a step on the list until the merchant finds out.
UNSURE = "unsure"


def _unconditional(item: str) -> bool:
    """The item applies whatever the answers are."""
    return (
        ITEMS[item]["applies"] == "always" and PHASES[ITEMS[item]["phase"]]["applies"] == "always"
    )


def _verdict(
    unanswered: list[str], done: dict[str, bool], open_items: list[str], blockers: list[str]
) -> Verdict:
    if unanswered:
        return "needs_answers"
    if blockers:
        return "not_ready"
    if RULES["submitted"] not in done:
        return "ready_to_apply"
    return "in_progress" if open_items else "closed"


def _next(
    verdict: Verdict, unanswered: list[str], open_items: list[str], blockers: list[str]
) -> NextStep | None:
    """What to do next: the first unanswered question, blocker, apply step or open item."""
    if unanswered:
        return {"kind": "question", "id": unanswered[0], "anchor": f"question-{unanswered[0]}"}
    if verdict == "ready_to_apply":
        # The submitted item is open, so the apply phase has an open item.
        apply = [item for item in open_items if ITEMS[item]["phase"] == RULES["apply_phase"]]
        open_items = apply
    item = next(iter(blockers or open_items), None)
    return None if item is None else {"kind": "item", "id": item, "anchor": item}


def _order_problems(
    done: dict[str, bool], applicable: list[str], blockers: list[str]
) -> list[Problem]:
    """Warnings about ticks that do not fit the answers or the guide's order."""
    problems = [problem("not_applicable", item=item) for item in done if item not in applicable]
    if blockers:
        # Blockers are in guide order: the first one is in the earliest phase.
        gate = PHASE_INDEX[ITEMS[blockers[0]]["phase"]]
        problems += [
            problem("out_of_order", item=item)
            for item in applicable
            if item in done and PHASE_INDEX[ITEMS[item]["phase"]] > gate
        ]
    for rule in RULES["order"]:
        still_open = [item for item in rule["earlier"] if item in applicable and item not in done]
        if rule["later"] in done and rule["later"] in applicable and still_open:
            problems.append(problem(rule["code"], item=rule["later"]))
    return problems


def _unsure(answers: dict[str, str], applicable: list[str]) -> dict[str, str]:
    """``{item: question key}`` for the items on the list only because of a "not sure"."""
    unsure = [key for key, answer in answers.items() if answer == UNSURE]
    found: dict[str, str] = {}
    for item in applicable:
        spec = ITEMS[item]
        for key in unsure:
            answered_no = {**answers, key: "no"}
            if not (
                holds(spec["applies"], answered_no)
                and holds(PHASES[spec["phase"]]["applies"], answered_no)
            ):
                found[item] = key
                break
    return found


def evaluate(state: object) -> Evaluation:
    """Everything the checklist page shows for a saved state (any schema, any JSON value).

    Returns a JSON-ready dict:

    - ``verdict``: one of :data:`VERDICTS`; ``needs_answers`` while a question
      that is asked has no answer;
    - ``unanswered``: the asked questions without an answer (keys, display order);
    - ``blockers``: open blocking items, guide order (while questions are
      unanswered, only those that apply whatever the answers);
    - ``next``: None (nothing left) or ``{"kind": "question" | "item", "id":
      <question key | item id>, "anchor": <id of the element to link to>}``:
      the first unanswered question (anchor ``question-<key>``, on the checklist
      page), else the first blocker, else when ready to apply the first open
      step of the apply phase, else the first open item (anchor: the item id,
      the step's heading in the guide);
    - ``applicable`` (item ids), ``phases`` (phase ids), ``asked`` (question keys);
    - ``unsure``: ``{item id: question key}`` for the items listed only because
      that question was answered "not sure" (its option's ``hint`` says how to
      find out);
    - ``progress``: ``{"done", "total"}`` over applicable items;
    - ``changes``: what changed in the rules since the state's ``rules`` version
      that concerns this merchant (see :func:`checklist.changes.changes_since`;
      empty when the state's version is today's), and ``rules``: today's rules
      version, which the page saves as the state's ``rules`` once it has shown
      the changes;
    - ``problems`` and ``state`` (the migrated, normalised state that was
      evaluated; empty when the input was refused).
    """
    migrated = migrate(state)
    current = new_state() if migrated["state"] is None else migrated["state"]
    clean, problems = normalise(current)
    answers, done = clean["answers"], clean["done"]

    asked = [key for key, spec in QUESTIONS.items() if holds(spec["ask_when"], answers)]
    unanswered = [key for key in asked if key not in answers]
    phases = [phase for phase, spec in PHASES.items() if holds(spec["applies"], answers)]
    applicable = [
        item
        for item, spec in ITEMS.items()
        if spec["phase"] in phases and holds(spec["applies"], answers)
    ]
    open_items = [item for item in applicable if item not in done]
    blockers = [
        item
        for item in open_items
        if ITEMS[item]["blocks"] and (not unanswered or _unconditional(item))
    ]
    verdict = _verdict(unanswered, done, open_items, blockers)

    return {
        "verdict": verdict,
        "unanswered": unanswered,
        "blockers": blockers,
        "next": _next(verdict, unanswered, open_items, blockers),
        "applicable": applicable,
        "phases": phases,
        "asked": asked,
        "unsure": _unsure(answers, applicable),
        "progress": {"done": len(applicable) - len(open_items), "total": len(applicable)},
        "changes": changes_since(clean, applicable, asked),
        "rules": RULES_VERSION,
        "problems": capped(
            [*migrated["problems"], *problems, *_order_problems(done, applicable, blockers)]
        ),
        "state": clean,
    }
