"""The printed summary: everything it shows, in one language, as plain text.

Links (``href``) to the guide are relative to the root of the summary's
language (the site knows where each language lives):
``guide/<phase>/#<item id>``, and a question on the checklist page,
``checklist/#question-<key>``. Every text is plain text, never HTML.
"""

from datetime import datetime
from typing import Literal

from .calls import call_list
from .contract import (
    Change,
    Evaluation,
    Link,
    NextStep,
    Summary,
    SummaryAnswer,
    SummaryChange,
    SummaryItem,
    SummaryNext,
    SummaryPhase,
)
from .data import CATALOGUE, ITEMS, LANGS, PHASES, QUESTIONS, STRINGS
from .progress_code import encode_progress
from .rules import evaluate
from .timeline import closure_record
from .titles import href, phase_title

#: Characters left visible at the start and the end of a masked number.
MASKS: dict[Literal["merchant_id", "terminal_id"], tuple[int, int]] = {
    "merchant_id": (3, 3),
    "terminal_id": (2, 2),
}
MASK = "•"
#: The checklist page, from a language's root: questions are linked there.
CHECKLIST_PAGE = CATALOGUE["page"]


def masked(text: str, start: int, end: int) -> str:
    """``text`` with all but the first ``start`` and last ``end`` characters hidden.

    Too short to hide anything that way: every character is hidden.
    """
    hidden = len(text) - start - end
    if hidden <= 0:
        return MASK * len(text)
    return text[:start] + MASK * hidden + text[len(text) - end :]


def _link(item: str, lang: str) -> Link:
    spec = ITEMS[item]
    return {
        "id": item,
        "label": spec["label"][lang],
        "action": spec["action"][lang],
        "href": href(spec["phase"], item),
    }


def _find_out(item: str, unsure: dict[str, str], lang: str) -> str | None:
    """How to find out whether ``item`` is needed, when a "not sure" keeps it listed."""
    if item not in unsure:
        return None
    (option,) = [
        option for option in QUESTIONS[unsure[item]]["options"] if option["value"] == "unsure"
    ]
    return option["hint"][lang]


def _item(item: str, result: Evaluation, lang: str) -> SummaryItem:
    blocks = ITEMS[item]["blocks"]
    done = result["state"]["done"]
    status = "done" if item in done else "required" if blocks else "todo"
    return {
        **_link(item, lang),
        "done": item in done,
        "blocks": blocks,
        "status": STRINGS["status"][status][lang],
        "find_out": _find_out(item, result["unsure"], lang),
    }


def _phase(phase: str, result: Evaluation, lang: str) -> SummaryPhase:
    items = [
        _item(item, result, lang) for item in result["applicable"] if ITEMS[item]["phase"] == phase
    ]
    return {
        "id": phase,
        "number": PHASES[phase]["number"],
        "title": phase_title(phase, lang),
        "href": href(phase),
        "progress": {"done": sum(item["done"] for item in items), "total": len(items)},
        "items": items,
    }


def _next(step: NextStep | None, lang: str) -> SummaryNext | None:
    if step is None:
        return None
    if step["kind"] == "item":
        return {"kind": "item", **_link(step["id"], lang)}
    question = QUESTIONS[step["id"]]["label"][lang]
    return {
        "kind": "question",
        "id": step["id"],
        "label": question,
        "action": STRINGS["phrases"]["next_question"][lang].format(question=question),
        "href": f"{CHECKLIST_PAGE}#{step['anchor']}",
    }


def _change(change: Change, lang: str) -> SummaryChange:
    """A change of the rules as the summary shows it, linked to its step or question."""
    if change["item"]:
        link = href(ITEMS[change["item"]]["phase"], change["item"])
    else:
        link = f"{CHECKLIST_PAGE}#question-{change['question']}"
    return {**change, "href": link, "message": change["message"][lang]}


def _date(updated: str | None) -> str | None:
    return None if updated is None else datetime.fromisoformat(updated).date().isoformat()


def _answer(key: str, answers: dict[str, str], lang: str) -> SummaryAnswer:
    question = QUESTIONS[key]
    labels = {option["value"]: option["label"][lang] for option in question["options"]}
    answer = labels.get(answers.get(key, ""), STRINGS["labels"]["unanswered"][lang])
    return {"key": key, "question": question["label"][lang], "answer": answer}


def summary_of(
    result: Evaluation, lang: object, *, mask: bool = False, mask_references: bool = False
) -> Summary:
    """The summary of an evaluation (what :func:`checklist.evaluate` returned), in ``lang``."""
    lang = lang if lang in LANGS else LANGS[0]
    clean = result["state"]
    merchant = clean["merchant"].copy()
    if mask:
        for key, (start, end) in MASKS.items():
            merchant[key] = masked(merchant[key], start, end)

    return {
        "lang": lang,
        "title": STRINGS["title"][lang],
        "labels": {key: text[lang] for key, text in STRINGS["labels"].items()},
        "date": _date(clean["updated"]),
        "merchant": merchant,
        "verdict": result["verdict"],
        "verdict_text": STRINGS["verdicts"][result["verdict"]][lang],
        "progress": result["progress"],
        "answers": [_answer(key, clean["answers"], lang) for key in result["asked"]],
        "phases": [_phase(phase, result, lang) for phase in result["phases"]],
        # Shown as not applying, so that the numbers of the others stay the guide's.
        "phases_not_applying": [
            {
                "id": phase,
                "number": spec["number"],
                "title": phase_title(phase, lang),
                "href": href(phase),
            }
            for phase, spec in PHASES.items()
            if phase not in result["phases"]
        ],
        "blockers": [_link(blocker, lang) for blocker in result["blockers"]],
        "next": _next(result["next"], lang),
        "changes": [_change(change, lang) for change in result["changes"]],
        # What to ask customer service for each step still open (the call list).
        "calls": call_list(
            lang, [item for item in result["applicable"] if item not in clean["done"]]
        ),
        "notes": clean["notes"],
        # The closure record: dated steps, what is open, the follow-up dates.
        "record": closure_record(result, lang, mask_references=mask_references),
        # The answers and ticks only, for support staff (never a number, name or note).
        "progress_code": encode_progress(clean),
        "problems": [
            {"code": found["code"], "level": found["level"], "message": found["message"][lang]}
            for found in result["problems"]
        ],
    }


def summary(
    state: object, lang: object, *, mask: bool = False, mask_references: bool = False
) -> Summary:
    """What the printed summary of ``state`` shows, in ``lang`` (zh or en; anything else: zh).

    With ``mask``, the merchant number keeps its first and last 3 characters and
    the terminal number its first and last 2; the rest become ``•``. With
    ``mask_references``, the reference numbers of the record keep their first
    and last 2.
    """
    return summary_of(evaluate(state), lang, mask=mask, mask_references=mask_references)
