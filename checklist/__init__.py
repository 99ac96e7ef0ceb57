"""The checklist engine of the POS closure guide: from what a merchant has ticked
and answered, whether they may apply to close the account, what blocks them, what
to do next, and what the printed summary shows.

Standard library only, no I/O besides reading the package's own data, no
browser access: the same code runs on CPython 3.12+ and in Pyodide. Every
public function takes any JSON-like value and never raises; bad input becomes
problems and the rest is still evaluated. Input of any size is read only up to
its limits (``catalogue()["limits"]``) before any other work.

The API (``__all__``): ``check(state, lang, mask=False)`` (the evaluation and
the summary of one change, evaluated once), ``check_import(value, current)``
(a file checked before it replaces the progress), ``evaluate(state)``,
``summary(state, lang, mask=False)``, ``migrate(state)``, ``catalogue()``,
``new_state()``, ``encode_progress(state)``, ``decode_progress(code)``,
``normalise_merchant_id(text)``, ``normalise_terminal_id(text)``,
``reminders(state, lang, site, stamp)`` (the follow-up dates as an iCalendar
file, see :mod:`checklist.calendar`); the constants ``SCHEMA`` (of the saved state),
``RULES_VERSION`` (of the rules today) and ``VERDICTS``.

What they return is typed in :mod:`checklist.contract` (one ``TypedDict`` each).

Saved state, schema 3 (current)
-------------------------------
What the page keeps in localStorage and exports::

    {
      "schema": 3,
      "answers": {"<question key>": "<option value>", ...},
      "done": {"<item id>": true, ...},
      "merchant": {"merchant_id": "822290059430BCY", "terminal_id": "A9254710",
                   "name": "..."},
      "notes": "plain text",
      "record": {"<item id>": {"date": "2026-11-02", "reference": "SQ-0042",
                               "how": "phone", "by": "..."}},
      "follow_up": {"refund_by": "2026-12-20", ...},
      "updated": "2025-01-31T09:30:00+08:00",
      "rules": 2
    }

``record`` and ``follow_up`` are the closure record (``record.py``,
``record.toml``): per step the date it was done, its reference number, how
(``phone``, ``app``, ``counter``, ``sms``, ``letter``) and by whom it was
confirmed; and the follow-up dates (``refund_by``, ``deposit_by``,
``collection_on``, ``statement_on``). Every field is optional. The progress
code never holds them. Schema 2 is schema 3 without these two keys: it is
brought forward with nothing else changed.

``answers`` maps a question key to one of its option values (``null`` or a
missing key: unanswered). ``done`` maps an item id to ``true`` (``false`` or
``null``: not done). The name, the numbers and the notes are kept up to their
``limits`` (characters); the name and the notes lose zero-width characters and
direction controls. ``updated`` is an ISO 8601 date-time (or ``null``), written
by the page when it saves; its date as written is the summary's date, so write
local time with its offset. ``rules`` is the rules version the progress was
last shown with (missing: 1, the rules before versions were recorded; a new
state has today's): a whole number from 1 to ``RULES_VERSION``, anything else
is read as today's with ``rules_invalid``. The schema stays 2: a state without
``rules`` is still valid, so older pages and files are read as before.

What changed
------------
When a state's ``rules`` is older than today's, ``evaluate`` lists under
``changes`` what changed since for this merchant (``changes.toml``: new steps,
steps now required, moved, reworded, now or no longer applying, questions
changed), only the steps that apply to them (or no longer do), questions first
then steps in guide order, each ``{"item", "question", "kind", "message":
{"zh", "en"}}``; the summary gives them in its language with an ``href``. The
page shows them once, then saves ``rules = RULES_VERSION``
(``evaluate(...)["rules"]``).

Saved state, schema 1 (older; read and migrated, never written)
--------------------------------------------------------------
::

    {
      "schema": 1,
      "answers": {...},
      "done": ["<item id>", ...],
      "merchant_id": "...", "terminal_id": "...", "merchant_name": "...",
      "notes": "..."
    }

A state without a ``schema`` key is schema 1. A ``schema`` that is not 1 or 2
is refused, never read as another schema: a whole number above 2 with
``schema_too_new``, anything else (``"3"``, ``3.5``, ``true``, ``0``,
``null``) with ``schema_invalid``. A schema-1 state with merchant details both
nested and flat keeps the nested ones (``merchant_conflict`` when they differ).

Verdicts
--------
``needs_answers`` (a question that is asked has no answer: ``next`` is that
question), ``not_ready`` (blockers remain), ``ready_to_apply`` (``next`` is the
apply phase's first open step), ``in_progress`` (applied, items open),
``closed`` (everything done).

Problems
--------
``{"field": "<dotted path>"}`` or ``{"item": "<item id>"}``, plus ``code``,
``level`` and ``message`` (``{"zh": ..., "en": ...}``, plain text). Level
``error``: the input itself is wrong (ignored, cut short or refused);
``warning``: valid input to check, or that does not fit the answers or the
guide's order. Problems never block the checklist. The codes:

- errors: ``wrong_type`` (field ``""`` when the state itself is not an
  object), ``schema_invalid``, ``schema_too_new``, ``unknown_field``,
  ``unknown_question``, ``unknown_answer``, ``unknown_item``, ``too_long``,
  ``too_many_entries``, ``invisible_removed``, ``merchant_conflict``,
  ``invalid_date``, ``rules_invalid``, ``too_many_problems`` (after the first 50; never in
  ``check_import``'s changes, which list every one);
- warnings: ``merchant_id_format`` and ``terminal_id_format`` (usually 15 and
  8 letters or digits: check against the contract; the number is kept),
  ``not_applicable`` (ticked but does not apply; the tick is kept),
  ``out_of_order`` (a later-phase item ticked while blockers remain), and the
  order rules of ``items.toml``: ``unlinked_before_export``,
  ``unlinked_before_money``, ``wiped_before_export``, ``returned_before_wipe``,
  ``bank_closed_before_money``.

:func:`decode_progress` refuses a progress code with one error about the field
``progress_code``: ``code_empty``, ``code_character``, ``code_length``,
``code_check``, ``code_too_new`` or ``code_invalid`` (see ``progress_code.py``).
"""

from .calendar import reminders
from .checking import check, check_import
from .data import RULES_VERSION, catalogue
from .migrate import migrate
from .progress_code import decode_progress, encode_progress
from .rules import VERDICTS, evaluate
from .state import SCHEMA, new_state
from .summary import summary
from .validate import normalise_merchant_id, normalise_terminal_id

__all__ = [
    "RULES_VERSION",
    "SCHEMA",
    "VERDICTS",
    "catalogue",
    "check",
    "check_import",
    "decode_progress",
    "encode_progress",
    "evaluate",
    "migrate",
    "new_state",
    "normalise_merchant_id",
    "normalise_terminal_id",
    "reminders",
    "summary",
]
