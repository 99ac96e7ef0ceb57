"""How a phase is named and linked, as the guide names it: shared by the summary and
the list of what changed."""

from .data import PHASES, STRINGS


def href(phase: str, item: str | None = None) -> str:
    """The guide page of ``phase`` (at ``item``'s step), from the language's root."""
    page = PHASES[phase]["page"]
    return f"{page}#{item}" if item else page


def phase_title(phase: str, lang: str) -> str:
    """The phase's title with its number, as the guide's heading says it."""
    spec = PHASES[phase]
    phrases = STRINGS["phrases"]
    number: str = phrases["numerals"][lang][spec["number"] - 1]
    return str(phrases["phase_heading"][lang]).format(number=number, title=spec["title"][lang])
