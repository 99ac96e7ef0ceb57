"""When a question is asked and when a phase or an item applies.

Each condition is a small named predicate of the answers (``{question key:
option value}``); ``items.toml`` refers to them by name through
:data:`CONDITIONS`, and a test checks that every name it uses resolves.

An unanswered or "unsure" question counts as the cautious answer: the terminal
may have to go back and a deposit may have been paid, so those items stay on the
list until the merchant answers "no". Returning the terminal and getting a deposit
back are two separate facts, each with its own question. Closing the settlement
bank account is optional and last: it is on the list only when a merchant whose
terminal is registered to them as a person says they will close it (closing an
account that is still needed is the costly mistake, so "not sure" keeps it off).
Tax filings concern every merchant with a business registration; the annual
report and deregistration only a business that is closing. The last conditions
say which merchants a change of the rules concerns (``changes.toml``).
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


def closing_bank_account(answers: Answers) -> bool:
    """Registered to a person who has decided to close the settlement bank account
    (optional: only once all the money is in and the account is no longer needed)."""
    return is_person(answers) and answers.get("close_bank_account") == "yes"


def business_closing(answers: Answers) -> bool:
    """The business itself is closing, not only the POS account."""
    return answers.get("closing_business") == "yes"


def has_business_registration(answers: Answers) -> bool:
    """Registered to a business (or not said yet), or a business is closing: its tax
    filings are checked whether or not it closes."""
    return answers.get("registered_as") != "person" or business_closing(answers)


# For the history of the rules (changes.toml): which merchants a change concerns.


def bank_account_was_closing(answers: Answers) -> bool:
    """Registered to a person who answered that the bank account is closed: the bank
    phase applied to them under rules version 1 too."""
    return is_person(answers) and answers.get("close_bank_account") == "yes"


def bank_account_undecided(answers: Answers) -> bool:
    """Registered to a person who has not said yes or no about the bank account: the
    bank phase applied to them under rules version 2 only."""
    return is_person(answers) and answers.get("close_bank_account") not in ("yes", "no")


def business_staying_open(answers: Answers) -> bool:
    """The business is not closing: its tax filings are on the list since rules version 3."""
    return not business_closing(answers)


CONDITIONS: dict[str, Callable[[Answers], bool]] = {
    condition.__name__: condition
    for condition in (
        always,
        is_person,
        device_may_return,
        deposit_may_be_paid,
        closing_bank_account,
        business_closing,
        has_business_registration,
        bank_account_was_closing,
        bank_account_undecided,
        business_staying_open,
    )
}


def holds(name: str, answers: Answers) -> bool:
    """Whether the condition called ``name`` holds for these answers."""
    return CONDITIONS[name](answers)
