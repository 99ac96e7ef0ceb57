"""When a question is asked and when a phase or an item applies.

Each condition is a small named predicate of the answers (``{question key:
option value}``); ``items.toml`` refers to them by name through
:data:`CONDITIONS`, and a test checks that every name it uses resolves.

An unanswered or "unsure" question counts as the cautious answer: the terminal
may have to go back and a deposit may have been paid, so those items stay on the
list until the merchant answers "no"; so does closing the settlement bank account
of a terminal registered to a person. The business phase applies only when the
merchant says the business is closing. The last conditions say which merchants a
change of the rules concerns (``changes.toml``).
"""

from collections.abc import Callable, Mapping

Answers = Mapping[str, str]


def always(answers: Answers) -> bool:
    return True


def is_person(answers: Answers) -> bool:
    """The terminal is registered to a person (not a business)."""
    return answers.get("registered_as") == "person"


def device_may_return(answers: Answers) -> bool:
    """The contract requires returning the terminal, or the merchant does not know yet."""
    return answers.get("device_must_return") != "no"


def deposit_may_be_paid(answers: Answers) -> bool:
    """A deposit was paid, or the merchant does not know yet."""
    return answers.get("paid_deposit") != "no"


def bank_account_may_close(answers: Answers) -> bool:
    """Registered to a person, unless the bank and customer service confirmed that the
    settlement bank account need not be closed (the source says it is closed)."""
    return is_person(answers) and answers.get("close_bank_account") != "no"


def business_closing(answers: Answers) -> bool:
    """The business itself is closing, not only the POS account."""
    return answers.get("closing_business") == "yes"


# For the history of the rules (changes.toml): which merchants a change concerns.


def bank_account_was_closing(answers: Answers) -> bool:
    """Registered to a person who answered that the bank account is closed: the bank
    phase applied to them under rules version 1 too."""
    return is_person(answers) and answers.get("close_bank_account") == "yes"


def bank_account_undecided(answers: Answers) -> bool:
    """Registered to a person who has not said yes or no about the bank account: the
    bank phase applies to them since rules version 2, not before."""
    return is_person(answers) and answers.get("close_bank_account") not in ("yes", "no")


CONDITIONS: dict[str, Callable[[Answers], bool]] = {
    condition.__name__: condition
    for condition in (
        always,
        is_person,
        device_may_return,
        deposit_may_be_paid,
        bank_account_may_close,
        business_closing,
        bank_account_was_closing,
        bank_account_undecided,
    )
}


def holds(name: str, answers: Answers) -> bool:
    """Whether the condition called ``name`` holds for these answers."""
    return CONDITIONS[name](answers)
