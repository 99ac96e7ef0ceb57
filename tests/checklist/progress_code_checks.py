"""The progress code's checks, run the same way in CPython and in Pyodide.

Standard library only (no hypothesis in Pyodide): the states come from the
input file, made by the test with hypothesis and a seeded random generator.
:func:`run` returns what both runtimes must agree on.
"""

import itertools
import sys

from checklist import decode_progress, encode_progress
from checklist.progress_code import ALPHABET, LAYOUTS, MAX_LENGTH, is_code_word


def misses_of_one_or_two_changes(length: int) -> int:
    """Changes of one or two characters the check lets through (the check is linear,
    so testing them on the all-zero word covers every word of this length)."""
    misses = 0
    for position, value in itertools.product(range(length), range(1, 32)):
        word = [0] * length
        word[position] = value
        misses += is_code_word(word)
    for first, second in itertools.combinations(range(length), 2):
        for one, two in itertools.product(range(1, 32), repeat=2):
            word = [0] * length
            word[first], word[second] = one, two
            misses += is_code_word(word)
    return misses


def typos_accepted(code: str) -> list[str]:
    """Every single-character change and neighbour swap of ``code`` that decodes."""
    typos = [
        code[:position] + char + code[position + 1 :]
        for position, char in itertools.product(range(len(code)), ALPHABET)
        if char != code[position]
    ]
    typos += [
        code[:position] + code[position + 1] + code[position] + code[position + 2 :]
        for position in range(len(code) - 1)
        if code[position] != code[position + 1]
    ]
    return [typo for typo in typos if decode_progress(typo)["state"] is not None]


def run(states: list) -> dict:
    codes = [encode_progress(state) for state in states]
    return {
        "python": list(sys.version_info[:2]),
        "codes": codes,
        "decoded": [decode_progress(code) for code in codes],
        "typos_accepted": [
            typo for code in codes for typo in typos_accepted(code.replace("-", ""))
        ],
        "misses": {
            length: misses_of_one_or_two_changes(length)
            for length in sorted({LAYOUTS[max(LAYOUTS)].length, MAX_LENGTH})
        },
    }
