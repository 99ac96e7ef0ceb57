"""The guide's phases and step ids: the contract between the guide, the
checklist engine, the checklist page and support links. Tests read it from here,
and the site's languages from mkdocs.yml (the i18n plugin's list, their one home)."""

from pathlib import Path

import yaml


class _Config(yaml.SafeLoader):
    """mkdocs.yml as data: its ``!ENV`` values are read as their default."""


_Config.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def _roots() -> dict[str, str]:
    """Each built language and its root, default first, from the i18n plugin's config."""
    config = yaml.load((Path(__file__).parent.parent / "mkdocs.yml").read_text("utf-8"), _Config)
    (i18n,) = [p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p]
    built = sorted((lang for lang in i18n["languages"] if lang.get("build", True)),
                   key=lambda lang: not lang.get("default", False))  # fmt: skip
    return {lang["locale"]: "" if lang.get("default") else f"{lang['locale']}/" for lang in built}


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
    # and the records are exported again (the merchant app may be where they are tracked),
    # and before the provider closes the account.
    "settle": (
        "accounts-reconciled",
        "refunds-received",
        "deposit-refunded",
        "records-exported-again",
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
#: Where each language lives under the site root: {"zh": "", "en": "en/"}.
ROOTS: dict[str, str] = _roots()
LANGS: tuple[str, ...] = tuple(ROOTS)


def lang_prefix(lang: str) -> str:
    """Where a language lives under the site root."""
    return ROOTS[lang]
