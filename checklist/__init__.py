"""The checklist engine of the POS closure guide: from what a merchant has ticked
and answered, whether they may apply to close the account, what blocks them, what
to do next, and what the printed summary shows.

Standard library only, no I/O besides reading the package's own data, no
browser access: the same code runs on CPython 3.12+ and in Pyodide. Every
public function takes any JSON-like value and never raises; bad input becomes
problems and the rest is still evaluated.

Saved state, schema 2 (current)
-------------------------------
What the page keeps in localStorage and exports::

    {
      "schema": 2,
      "answers": {"registered_as": "person", "device_must_return": "unsure", ...},
      "done": {"terminal-stopped": true, ...},
      "merchant": {"merchant_id": "822290059430BCY", "terminal_id": "A9254710",
                   "name": "..."},
      "notes": "plain text, at most 2000 characters",
      "updated": "2025-01-31T09:30:00+08:00"
    }

``answers`` maps a question key to one of its option values (``null`` or a
missing key: unanswered). ``done`` maps an item id to ``true`` (``false`` or
``null``: not done). ``merchant.name`` is at most 100 characters. ``updated`` is
an ISO 8601 date-time (or ``null``), written by the page when it saves; its date
as written is the summary's date, so write local time with its offset.

Saved state, schema 1 (older; read and migrated, never written)
--------------------------------------------------------------
::

    {
      "schema": 1,
      "answers": {...},
      "done": ["terminal-stopped", ...],
      "merchant_id": "...", "terminal_id": "...", "merchant_name": "...",
      "notes": "..."
    }

A state without a ``schema`` key is schema 1. A schema newer than 2 is
refused with the problem ``schema_too_new``.

Problems
--------
``{"field": "<dotted path>"}`` or ``{"item": "<item id>"}``, plus ``code``,
``level`` and ``message`` (``{"zh": ..., "en": ...}``, plain text). Level
``error``: the input itself is wrong (ignored, cut short or to be corrected);
``warning``: valid input that does not fit the answers or the guide's order.
Problems never block the checklist. The codes (texts in ``strings.toml``):

- errors: ``wrong_type`` (field ``""`` when the state itself is not an
  object), ``schema_invalid``, ``schema_too_new``, ``unknown_field``,
  ``unknown_question``, ``unknown_answer``, ``unknown_item``,
  ``merchant_id_format``, ``terminal_id_format``, ``too_long``,
  ``invalid_date``, ``too_many_problems`` (after the first 50);
- warnings (about items): ``not_applicable`` (ticked but does not apply; the
  tick is kept), ``out_of_order`` (a later-phase item ticked while blockers
  remain), ``unbound_before_export`` (linked services unbound before the
  records were exported).

:func:`decode_progress` refuses a progress code with one error about the field
``progress_code``: ``code_empty``, ``code_character``, ``code_length``,
``code_check``, ``code_too_new`` or ``code_invalid`` (see ``progress_code.py``).
"""

from .data import catalogue
from .migrate import migrate
from .progress_code import decode_progress, encode_progress
from .rules import VERDICTS, evaluate
from .state import SCHEMA, new_state
from .summary import summary
from .validate import normalise_merchant_id, normalise_terminal_id

__all__ = [
    "SCHEMA",
    "VERDICTS",
    "catalogue",
    "decode_progress",
    "encode_progress",
    "evaluate",
    "migrate",
    "new_state",
    "normalise_merchant_id",
    "normalise_terminal_id",
    "summary",
]
