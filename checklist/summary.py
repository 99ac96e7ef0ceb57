"""The printed summary: everything it shows, in one language, as plain text.

Links (``href``) are relative to the root of the summary's language (the
site knows where each language lives): ``guide/before/#balance-settled``.
Every text is plain text, never HTML.
"""

from datetime import datetime

from .data import ITEMS, LANGS, PHASES, QUESTIONS, STRINGS
from .rules import evaluate

#: Characters left visible at the start and the end of a masked number.
MASKS = {"merchant_id": (3, 3), "terminal_id": (2, 2)}
MASK = "•"


def masked(text: str, start: int, end: int) -> str:
    """``text`` with all but the first ``start`` and last ``end`` characters hidden.

    Too short to hide anything that way: every character is hidden.
    """
    hidden = len(text) - start - end
    if hidden <= 0:
        return MASK * len(text)
    return text[:start] + MASK * hidden + text[len(text) - end :]


def href(phase: str, item: str | None = None) -> str:
    """The guide page of ``phase`` (at ``item``'s step), from the language's root."""
    page = PHASES[phase]["page"]
    return f"{page}#{item}" if item else page


def _link(item: str, lang: str) -> dict:
    spec = ITEMS[item]
    return {"id": item, "label": spec["label"][lang], "href": href(spec["phase"], item)}


def _item(item: str, done: dict, lang: str) -> dict:
    blocks = ITEMS[item]["blocks"]
    status = "done" if item in done else "required" if blocks else "todo"
    return {
        **_link(item, lang),
        "done": item in done,
        "blocks": blocks,
        "status": STRINGS["status"][status][lang],
    }


def _date(updated: str | None) -> str | None:
    return None if updated is None else datetime.fromisoformat(updated).date().isoformat()


def _answer(key: str, answers: dict, lang: str) -> dict:
    question = QUESTIONS[key]
    labels = {option["value"]: option["label"][lang] for option in question["options"]}
    answer = labels.get(answers.get(key), STRINGS["labels"]["unanswered"][lang])
    return {"key": key, "question": question["label"][lang], "answer": answer}


def summary(state: object, lang: object, *, mask: bool = False) -> dict:
    """What the printed summary of ``state`` shows, in ``lang`` (zh or en; anything else: zh).

    With ``mask``, the merchant number keeps its first and last 3 characters and
    the terminal number its first and last 2; the rest become ``•``.
    """
    lang = lang if lang in LANGS else LANGS[0]
    result = evaluate(state)
    clean = result["state"]
    merchant = dict(clean["merchant"])
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
        "phases": [
            {
                "id": phase,
                "title": PHASES[phase]["title"][lang],
                "href": href(phase),
                "items": [
                    _item(item, clean["done"], lang)
                    for item in result["applicable"]
                    if ITEMS[item]["phase"] == phase
                ],
            }
            for phase in result["phases"]
        ],
        "blockers": [_link(blocker, lang) for blocker in result["blockers"]],
        "next": None if result["next"] is None else _link(result["next"], lang),
        "notes": clean["notes"],
        "problems": [
            {"code": found["code"], "level": found["level"], "message": found["message"][lang]}
            for found in result["problems"]
        ],
    }
