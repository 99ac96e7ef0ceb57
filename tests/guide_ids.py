"""The guide's phases and step ids: the contract between the guide, the
checklist engine, the checklist page and support links. Tests read it from here."""

PHASES: dict[str, tuple[str, ...]] = {
    "before": (
        "terminal-stopped",
        "stop-period-met",
        "balance-settled",
        "no-unpaid-fees",
        "device-return-arranged",
        "records-exported",
        "documents-ready",
    ),
    "apply": (
        "support-contacted",
        "reason-stated",
        "application-submitted",
        "application-approved",
    ),
    "contract": ("termination-signed", "device-wiped", "device-returned"),
    # Money first: unlink the e-payment services only once refunds and the deposit are back
    # (the merchant app is how they are tracked), and before the provider closes the account.
    "settle": (
        "accounts-reconciled",
        "refunds-received",
        "deposit-refunded",
        "linked-services-unbound",
        "closure-confirmed",
    ),
    "business": ("tax-filed", "tax-paid", "annual-report-filed", "business-deregistered"),
    "after": ("partners-notified", "follow-up-done"),
    # Last: the settlement account receives refunds, the deposit and the balance until the end.
    "bank": ("bank-account-closed",),
}
# Must be done before applying (device-return-arranged only when it applies), in guide order.
BLOCKING: tuple[str, ...] = (
    "terminal-stopped",
    "stop-period-met",
    "balance-settled",
    "no-unpaid-fees",
    "device-return-arranged",
    "records-exported",
    "documents-ready",
)
STEP_IDS: tuple[str, ...] = tuple(step for steps in PHASES.values() for step in steps)
LANGS = ("zh", "en")


def lang_prefix(lang: str) -> str:
    """Where a language lives under the site root."""
    return "" if lang == "zh" else f"{lang}/"
