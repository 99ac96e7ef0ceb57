"""The verdict: what applies, what blocks, what to do next.

:func:`evaluate` is a pure function of the saved state: it migrates and checks
the input, works out which phases and items apply from the answers, and reports
everything questionable as problems instead of raising.
"""

from .conditions import holds
from .data import ITEMS, PHASE_INDEX, PHASES, QUESTIONS
from .migrate import migrate
from .problems import capped, problem
from .state import new_state
from .validate import normalise

#: Every verdict, in the order a closure goes through them.
VERDICTS = ("not_ready", "ready_to_apply", "in_progress", "closed")

SUBMITTED = "application-submitted"

# (earlier, later, code): ticking `later` while `earlier` is open is a warning.
MUST_PRECEDE = (("records-exported", "linked-services-unbound", "unbound_before_export"),)


def _verdict(done: dict, open_items: list[str], blockers: list[str]) -> str:
    if blockers:
        return "not_ready"
    if SUBMITTED not in done:
        return "ready_to_apply"
    # closure-confirmed always applies, so with nothing open it is done.
    return "in_progress" if open_items else "closed"


def _order_problems(done: dict, applicable: list[str], blockers: list[str]) -> list[dict]:
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
    problems += [
        problem(code, item=later)
        for earlier, later, code in MUST_PRECEDE
        if later in done and earlier not in done
    ]
    return problems


def evaluate(state: object) -> dict:
    """Everything the checklist page shows for a saved state (any schema, any JSON value).

    Returns a JSON-ready dict: ``verdict`` (one of :data:`VERDICTS`),
    ``blockers`` (open blocking items, guide order), ``next`` (the blocker or
    else the open item to do next, or None), ``applicable`` (item ids),
    ``phases`` (phase ids), ``asked`` (question keys to show), ``progress``
    (``{"done", "total"}`` over applicable items), ``problems`` and ``state``
    (the migrated, normalised state that was evaluated; empty when the input
    was refused as ``schema_too_new``).
    """
    migrated = migrate(state)
    current = new_state() if migrated["state"] is None else migrated["state"]
    clean, problems = normalise(current)
    answers, done = clean["answers"], clean["done"]

    phases = [phase for phase, spec in PHASES.items() if holds(spec["applies"], answers)]
    applicable = [
        item
        for item, spec in ITEMS.items()
        if spec["phase"] in phases and holds(spec["applies"], answers)
    ]
    open_items = [item for item in applicable if item not in done]
    blockers = [item for item in open_items if ITEMS[item]["blocks"]]

    return {
        "verdict": _verdict(done, open_items, blockers),
        "blockers": blockers,
        "next": (blockers or open_items or [None])[0],
        "applicable": applicable,
        "phases": phases,
        "asked": [key for key, spec in QUESTIONS.items() if holds(spec["ask_when"], answers)],
        "progress": {"done": len(applicable) - len(open_items), "total": len(applicable)},
        "problems": capped(
            [*migrated["problems"], *problems, *_order_problems(done, applicable, blockers)]
        ),
        "state": clean,
    }
