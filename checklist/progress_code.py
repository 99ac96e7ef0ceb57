"""The progress code: a short code a merchant reads out so support sees their progress.

It holds the rules version, the answers and the ticks, and nothing else (no
merchant or terminal number, no name, no notes, no date). Its layout is data, in
``progress_code.toml``: one table per rules version, so reordering the guide
never changes what an old code means.

Format: Crockford base 32 (``0-9`` and ``A-Z`` without ``I L O U``), at most
:data:`MAX_LENGTH` characters, shown in groups of 4. Input is read
case-insensitively, with spaces and dashes ignored and ``I L`` read as ``1``,
``O`` as ``0``. The first character is the rules version, then the data, then
two check characters: the code is a shortened Reed-Solomon code over GF(32)
with minimum distance 3, so any change of one or two characters is caught
(every mistyped character and every swap of two characters, neighbours or not).
A dropped or extra character changes the length, which the version fixes.
"""

import tomllib
import unicodedata
from collections.abc import Mapping
from importlib import resources
from math import prod
from typing import Any

from .contract import Decoded
from .migrate import migrate
from .problems import problem
from .state import new_state
from .validate import normalise

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: The longest code, without separators.
MAX_LENGTH = 16
#: Check characters at the end of every code.
CHECKS = 2
#: Characters per group when the code is shown.
GROUP = 4

_VALUE = {char: index for index, char in enumerate(ALPHABET)}
# Crockford's look-alikes, read as the digit they resemble.
_VALUE.update({"I": 1, "L": 1, "O": 0})
# Hyphens and dashes that turn up when a code is copied or typed on a phone.
_DROPPED = str.maketrans("", "", "-‐‑‒–—―−\u200b\u200c\u200d\u2060\ufeff")
_FIELD = "progress_code"

# GF(32) with the primitive polynomial x^5 + x^2 + 1: powers of alpha and logs.
_EXP = [1] * 62
for _i in range(1, 62):
    _EXP[_i] = _EXP[_i - 1] << 1 ^ (0b100101 if _EXP[_i - 1] & 0b10000 else 0)
_LOG = {_EXP[_i]: _i for _i in range(31)}


def _mul(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else _EXP[_LOG[a] + _LOG[b]]


def _syndrome(symbols: list[int], root: int) -> int:
    """The code word as a polynomial (first symbol highest) at ``root``, by Horner."""
    value = 0
    for symbol in symbols:
        value = _mul(value, root) ^ symbol
    return value


# The generator (x - alpha)(x - alpha^2) = x^2 + g1 x + g0: code words have both roots.
_ROOTS = (_EXP[1], _EXP[2])
_G1, _G0 = _EXP[1] ^ _EXP[2], _EXP[3]


def _checks(symbols: list[int]) -> list[int]:
    """The two check symbols: the remainder of ``symbols * x^2`` by the generator."""
    high = low = 0
    for symbol in symbols:
        feedback = symbol ^ high
        high, low = low ^ _mul(feedback, _G1), _mul(feedback, _G0)
    return [high, low]


def is_code_word(symbols: list[int]) -> bool:
    """Whether ``symbols`` (values 0-31, check symbols last) pass the check."""
    return all(_syndrome(symbols, root) == 0 for root in _ROOTS)


class Layout:
    """One rules version's layout: its questions (key, values) and items, in bit order."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.version: int = spec["version"]
        self.schema: int = spec["schema"]
        self.questions: list[tuple[str, list[str]]] = [
            (question["key"], question["values"]) for question in spec["questions"]
        ]
        self.items: list[str] = spec["items"]
        self.answer_space = prod(len(values) + 1 for _, values in self.questions)
        bits = (self.answer_space - 1).bit_length() + len(self.items)
        self.data_length = -(-bits // 5)
        self.length = 1 + self.data_length + CHECKS

    def number(self, answers: Mapping[str, str], done: Mapping[str, bool]) -> int:
        """The answers and ticks as one number (see ``progress_code.toml`` for the order)."""
        answered = 0
        for key, values in self.questions:
            answer = answers.get(key)
            answered = answered * (len(values) + 1) + (
                values.index(answer) + 1 if answer in values else 0
            )
        ticks = 0
        for item in self.items:
            ticks = ticks << 1 | (done.get(item) is True)
        return answered << len(self.items) | ticks

    def state(self, number: int) -> dict[str, object] | None:
        """The saved state (in this layout's schema) a number stands for; None if none does."""
        answered, ticks = divmod(number, 1 << len(self.items))
        if answered >= self.answer_space:
            return None
        answers = {}
        for key, values in reversed(self.questions):
            answered, digit = divmod(answered, len(values) + 1)
            if digit:
                answers[key] = values[digit - 1]
        ticked = [item for bit, item in enumerate(reversed(self.items)) if ticks >> bit & 1]
        ticked.reverse()
        if self.schema == 1:
            return {"schema": 1, "answers": answers, "done": ticked}
        return {"schema": self.schema, "answers": answers, "done": dict.fromkeys(ticked, True)}


def load_layouts(spec: dict[str, Any]) -> dict[int, Layout]:
    """The layouts of ``progress_code.toml`` (already parsed), by version."""
    return {layout.version: layout for layout in map(Layout, spec["versions"])}


LAYOUTS = load_layouts(
    tomllib.loads(
        resources.files(__package__).joinpath("progress_code.toml").read_text(encoding="utf-8")
    )
)


def grouped(code: str) -> str:
    """A code as shown: groups of :data:`GROUP` characters separated by ``-``."""
    return "-".join(code[start : start + GROUP] for start in range(0, len(code), GROUP))


def _encode(state: object, layout: Layout) -> str:
    migrated = migrate(state)
    if migrated["state"] is None:
        return ""
    clean, _ = normalise(migrated["state"])
    number = layout.number(clean["answers"], clean["done"])
    data = [number >> 5 * shift & 31 for shift in reversed(range(layout.data_length))]
    symbols = [layout.version, *data]
    return grouped("".join(ALPHABET[symbol] for symbol in [*symbols, *_checks(symbols)]))


def encode_progress(state: object) -> str:
    """The progress code of a saved state (any schema), grouped: ``"1ABC-DEFG-HJ"``.

    Only the answers and ticks are encoded; values the engine would drop
    (unknown items, answers that are not an option) are left out. A state the
    engine refuses (a newer schema) has no code: ``""``. Never raises.
    """
    return _encode(state, LAYOUTS[max(LAYOUTS)])


def normalise_code(text: object) -> str:
    """A typed code made comparable: NFKC, upper case, spaces and dashes removed."""
    if not isinstance(text, str):
        return ""
    half_width = unicodedata.normalize("NFKC", text)
    return "".join(half_width.split()).translate(_DROPPED).upper()


def _refused(code: str, *, position: int = 0, expected: int = 0, length: int = 0) -> Decoded:
    """No state, and the one problem ``code`` about the code (the numbers fill its message)."""
    found = problem(code, field=_FIELD, position=position, expected=expected, length=length)
    return {"state": None, "problems": [found]}


def _decode(text: object, layouts: dict[int, Layout]) -> Decoded:
    code = normalise_code(text)
    if not code:
        return _refused("code_empty")
    for position, char in enumerate(code, start=1):
        if char not in _VALUE:
            return _refused("code_character", position=position)
    current = layouts[max(layouts)].length
    if not 1 + CHECKS < len(code) <= MAX_LENGTH:
        return _refused("code_length", expected=current, length=len(code))
    symbols = [_VALUE[char] for char in code]
    if not is_code_word(symbols):
        return _refused("code_check")
    layout = layouts.get(symbols[0])
    if layout is None:
        return _refused("code_too_new" if symbols[0] > max(layouts) else "code_invalid")
    if len(code) != layout.length:
        return _refused("code_length", expected=layout.length, length=len(code))
    number = 0
    for symbol in symbols[1 : 1 + layout.data_length]:
        number = number << 5 | symbol
    state = layout.state(number)
    if state is None:
        return _refused("code_invalid")
    migrated = migrate(state)
    # A layout's schema is one this engine reads (a test checks), so it is never refused.
    assert migrated["state"] is not None
    return {"state": {**new_state(), **migrated["state"]}, "problems": migrated["problems"]}


def decode_progress(code: object) -> Decoded:
    """``{"state": <current-schema state>, "problems": [...]}`` for a progress code.

    The state holds the code's answers and ticks (merchant details and notes
    empty), read through :func:`checklist.migrate` whatever the code's rules
    version. A code that is empty, has a character no code uses, the wrong
    length, fails its check, comes from a newer version or stands for nothing
    gives ``state`` None and one problem saying which. Never raises.
    """
    return _decode(code, LAYOUTS)
