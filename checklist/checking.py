"""One engine call per change: the evaluation and the summary together, and the
check of a file before it is imported.
"""

from .contract import CheckResult, Counts, ImportCheck, Problem, State
from .data import LANGS, STRINGS
from .differences import differences
from .migrate import migrated_state
from .rules import evaluate
from .summary import summary_of
from .validate import normalise


def check(
    state: object, lang: object, mask: object = False, mask_references: object = False
) -> CheckResult:
    """``{"evaluation": evaluate(state), "summary": summary(state, lang, mask=mask,
    mask_references=mask_references)}``, with the state evaluated once."""
    evaluation = evaluate(state)
    summary = summary_of(evaluation, lang, mask=bool(mask), mask_references=mask_references is True)
    return {"evaluation": evaluation, "summary": summary}


def counts(state: State) -> Counts:
    """What a clean state holds, for "the file holds X against what is here now Y"."""
    return {
        "answers": len(state["answers"]),
        "ticks": len(state["done"]),
        "merchant": sum(1 for value in state["merchant"].values() if value),
        "notes": len(state["notes"]),
        "updated": state["updated"],
    }


def _clean(state: object) -> State | None:
    migrated, _ = migrated_state(state)
    return None if migrated is None else normalise(migrated)[0]


def _refusal(found: Problem) -> Problem:
    """A problem that refuses the whole file, with the import's own words for it."""
    words = STRINGS["refusals"][found["code"]]
    return {**found, "message": {lang: words[lang] for lang in LANGS}}


def check_import(value: object, current: object) -> ImportCheck:
    """Check a file's content (any JSON value) before it replaces ``current``.

    Returns ``{"state", "refused", "changes", "differences", "incoming", "current"}``:

    - refused (the value is not an object, or its ``schema`` is not one this
      engine reads): ``state`` None, ``refused`` the problem (``wrong_type``,
      ``schema_too_new`` or ``schema_invalid``, with a message saying nothing was
      imported), ``changes`` empty, ``incoming`` None;
    - else ``state`` is the clean state to save, ``refused`` None and
      ``changes`` every change the import made to the file's content (each
      value dropped, cut or ignored, as a problem of level ``error``; none is
      left out);
    - ``differences``: field by field, what importing would change in
      ``current`` (see :mod:`checklist.differences`; empty when refused);
    - ``incoming`` and ``current``: :func:`counts` of the file's clean state and
      of ``current`` (None when ``current`` is unreadable), so the page can show
      what would be replaced and ask first.
    """
    now = _clean(current)
    here = None if now is None else counts(now)
    migrated, problems = migrated_state(value)
    if migrated is None or not isinstance(value, dict):
        return {
            "state": None,
            "refused": _refusal(problems[0]),
            "changes": [],
            "differences": [],
            "incoming": None,
            "current": here,
        }
    clean, found = normalise(migrated)
    changes = [change for change in [*problems, *found] if change["level"] == "error"]
    return {
        "state": clean,
        "refused": None,
        "changes": changes,
        "differences": differences(clean, now),
        "incoming": counts(clean),
        "current": here,
    }
