"""One story: the guide (docs/guide), the rules (items.toml) and the printout agree.

Each test named after a contradiction fails if that contradiction comes back: the
rule is checked in the engine and the words in the guide's Markdown.
"""

import re

import pytest
from scenario_results import ROOT

from checklist import evaluate, summary
from checklist.conditions import holds
from checklist.data import ITEMS, PHASES, QUESTIONS, RULES
from tests.guide_ids import LANGS, STEP_IDS

GUIDE = ROOT / "docs" / "guide"
HEADING = re.compile(r"^## (.+?) \{#([\w-]+)\}\s*$")
LABELS = {"zh": "**要做什么**", "en": "**What to do**"}
ORDER = [item for item in ITEMS]
# Every question answered: a business, terminal kept, no deposit, only the POS account closes.
ANSWERED = {
    "registered_as": "business",
    "device_must_return": "no",
    "paid_deposit": "no",
    "closing_business": "no",
}
PERSON = {**ANSWERED, "registered_as": "person", "close_bank_account": "yes"}


def state(answers: dict, *done: str) -> dict:
    return {"schema": 2, "answers": answers, "done": dict.fromkeys(done, True)}


def warned(answers: dict, *done: str) -> set[str]:
    return {problem["code"] for problem in evaluate(state(answers, *done))["problems"]}


def steps(lang: str) -> dict[str, str]:
    """Each step of the written guide: ``{step id: its Markdown up to the next heading}``."""
    found: dict[str, str] = {}
    for phase in PHASES:
        step = None
        for line in (GUIDE / f"{phase}.{lang}.md").read_text(encoding="utf-8").split("\n"):
            match = HEADING.match(line)
            if match:
                step = match.group(2)
                found[step] = ""
            elif line.strip() == "---":
                step = None
            elif step:
                found[step] += line + "\n"
    return found


def part(text: str, label: str) -> str:
    """The paragraph of a step that opens with ``label``."""
    return next((p for p in text.split("\n\n") if p.strip().startswith(label)), "")


def headings(lang: str) -> dict[str, str]:
    return {
        match.group(2): match.group(1)
        for phase in PHASES
        for line in (GUIDE / f"{phase}.{lang}.md").read_text(encoding="utf-8").split("\n")
        if (match := HEADING.match(line))
    }


# --- The rules follow the guide ------------------------------------------------


def test_every_order_rule_follows_the_order_of_the_guide_s_steps():
    for rule in RULES["order"]:
        for earlier in rule["earlier"]:
            assert ORDER.index(earlier) < ORDER.index(rule["later"]), (earlier, rule["later"])
    assert list(STEP_IDS) == ORDER


@pytest.mark.parametrize("lang", LANGS)
def test_a_step_has_the_same_words_in_the_heading_the_checklist_and_the_printout(lang):
    assert headings(lang) == {item: spec["action"][lang] for item, spec in ITEMS.items()}
    every = {**ANSWERED, "device_must_return": "yes", "paid_deposit": "yes"}
    printed = summary(
        state({**every, "registered_as": "person", "close_bank_account": "yes"}), lang
    )
    for phase in printed["phases"]:
        for item in phase["items"]:
            assert item["action"] == ITEMS[item["id"]]["action"][lang]


# --- 1. Returning the terminal and the deposit are separate ------------------------


def test_1_deposit_refund_and_device_return_are_separate_conditions():
    return_only = evaluate(state({**ANSWERED, "device_must_return": "yes"}))["applicable"]
    deposit_only = evaluate(state({**ANSWERED, "paid_deposit": "yes"}))["applicable"]
    device_steps = {item for item, spec in ITEMS.items() if spec["applies"] == "device_may_return"}
    assert device_steps == {"device-return-arranged", "device-returned"}
    assert device_steps <= set(return_only) and "deposit-refunded" not in return_only
    assert "deposit-refunded" in deposit_only and not device_steps & set(deposit_only)
    # The words: the return step never makes the deposit a reason to return the terminal.
    for lang in LANGS:
        text = part(steps(lang)["device-return-arranged"], LABELS[lang])
        assert "押金" not in text and "deposit" not in text, lang


# --- 2, 4. Unlinking waits for the money; the follow-up does not need the app -------


def test_2_the_follow_up_after_closing_does_not_rely_on_the_unlinked_app():
    for lang, own in (("zh", "流水"), ("en", "statement")):
        text = steps(lang)["follow-up-done"]
        assert not re.search(r"\bapp\b", text, re.I) and own in part(text, LABELS[lang]), lang
    # Unlinking comes after what the app is needed for, and is warned otherwise.
    assert ORDER.index("records-exported-again") < ORDER.index("linked-services-unbound")


def test_4_unlinking_before_the_refunds_or_deposit_have_arrived_is_warned():
    exported = ["records-exported", "records-exported-again"]
    assert "unlinked_before_money" in warned(ANSWERED, *exported, "linked-services-unbound")
    deposit = {**ANSWERED, "paid_deposit": "yes"}
    early = [*exported, "refunds-received", "linked-services-unbound"]
    assert "unlinked_before_money" in warned(deposit, *early)
    assert "unlinked_before_money" not in warned(deposit, *early, "deposit-refunded")


# --- 3. The bank account is kept until the follow-up is done ------------------------


def test_3_closing_the_bank_account_before_the_follow_up_is_warned():
    money = ["balance-settled", "refunds-received", "closure-confirmed"]
    assert "bank_closed_before_money" in warned(PERSON, *money, "bank-account-closed")
    done = warned(PERSON, *money, "follow-up-done", "bank-account-closed")
    assert "bank_closed_before_money" not in done


# --- 5. Every export the guide asks for is an item ---------------------------------


@pytest.mark.parametrize("step", STEP_IDS)
def test_5_a_step_asks_for_an_export_only_when_it_is_an_export_item(step):
    """In "What to do", 导出 is asked for only by the two export steps; elsewhere it
    names an export already done (已经导出, 导出之后)."""
    text = part(steps("zh")[step], LABELS["zh"])
    for sentence in re.split(r"[。；]", text):
        if "导出" in sentence and not re.search(r"已经|之后", sentence):
            assert step in ("records-exported", "records-exported-again"), sentence
    assert ITEMS["records-exported-again"]["phase"] == "settle"


# --- 6. The terminal goes back only once exported and wiped --------------------------


def test_6_returning_the_terminal_before_it_is_wiped_is_warned():
    device = {**ANSWERED, "device_must_return": "yes"}
    assert "returned_before_wipe" in warned(device, "records-exported", "device-returned")
    assert "returned_before_wipe" not in warned(
        device, "records-exported", "device-wiped", "device-returned"
    )


# --- 7. The settlement bank account: optional, last, after the money, if not needed ---

OPTIONAL = {
    "zh": ("可选", "最后", "到账", "不再需要"),
    "en": ("ptional", "last", "money is in", "no longer need"),
}


@pytest.mark.parametrize("answer", [None, "unsure", "no"])
def test_7_only_deciding_to_close_lists_the_bank_account(answer):
    answers = (
        {**PERSON, "close_bank_account": answer}
        if answer
        else ANSWERED | {"registered_as": "person"}
    )
    result = evaluate(state(answers))
    assert "bank-account-closed" not in result["applicable"]
    assert "bank" not in result["phases"]
    if answer:  # answered: done without the bank account is closed
        everything = evaluate(state(answers, *result["applicable"]))
        assert everything["verdict"] == "closed"


@pytest.mark.parametrize("lang", LANGS)
def test_7_the_bank_step_says_optional_last_after_the_money_if_not_needed_everywhere(lang):
    question = QUESTIONS["close_bank_account"]
    item = ITEMS["bank-account-closed"]
    bank_page = (GUIDE / f"bank.{lang}.md").read_text(encoding="utf-8")
    note = bank_page.split("\n## ")[0]
    for where, text in {
        "question": question["hint"][lang],
        "item": item["hint"][lang],
        "bank page": note,
    }.items():
        for word in OPTIONAL[lang]:
            assert word in text, (where, word)
    assert OPTIONAL[lang][0] in item["action"][lang]  # the heading, checklist and printout
    assert OPTIONAL[lang][0] in PHASES["bank"]["title"][lang]
    assert ITEMS["bank-account-closed"]["blocks"] is False
    assert list(PHASES)[-1] == "bank"
    assert holds(PHASES["bank"]["applies"], PERSON)


# --- 8. Phase 1 points to the contact step or the call list ---------------------------

SENDS = {
    "zh": re.compile(r"问客服|找客服|联系客服|问清"),
    "en": re.compile(r"ask customer service|contact customer service", re.I),
}


@pytest.mark.parametrize("lang", LANGS)
def test_8_phase_1_sends_the_merchant_to_customer_service_only_through_the_contact_step(lang):
    """Customer service is contacted in phase 2: in phase 1, every paragraph that sends
    the merchant there links to that step or to the call list."""
    page = (GUIDE / f"before.{lang}.md").read_text(encoding="utf-8")
    paragraphs = [p for p in page.split("\n\n") if SENDS[lang].search(p)]
    assert paragraphs, "phase 1 says where its questions go"
    for paragraph in paragraphs:
        assert "apply.md#support-contacted" in paragraph or "call-list.md" in paragraph, paragraph
    # Each phase 1 step with something to ask has it in the call list.
    asks = [step for step in STEP_IDS if ITEMS[step]["phase"] == "before" and "ask" in ITEMS[step]]
    assert asks == [step for step in ITEMS if ITEMS[step]["phase"] == "before"]


# --- The call list -------------------------------------------------------------------

ASKS = {
    "zh": re.compile(r"问客服|问清|问银行|问当地|要问"),
    "en": re.compile(r"\bask (customer service|the bank|how|which|whether)", re.I),
}


@pytest.mark.parametrize("lang", LANGS)
def test_every_step_that_tells_the_merchant_to_ask_has_a_question_in_the_call_list(lang):
    for step, text in steps(lang).items():
        if ASKS[lang].search(text):
            assert "ask" in ITEMS[step], step


def test_every_question_is_worded_as_a_question_in_both_languages():
    for item, spec in ITEMS.items():
        if "ask" in spec:
            assert spec["ask"]["zh"].endswith("？"), item
            assert spec["ask"]["en"].endswith("?"), item


def test_the_call_list_has_what_a_merchant_must_get_on_record():
    asks = {item: spec["ask"]["en"] for item, spec in ITEMS.items() if "ask" in spec}
    assert "early-termination" in asks["no-unpaid-fees"]
    for step in ("refunds-received", "deposit-refunded"):
        assert "how long" in asks[step] and "which account" in asks[step]
    assert all(w in asks["closure-confirmed"] for w in ("reference number", "SMS", "letter"))
    assert "When and how" in asks["device-return-arranged"]


def test_the_printout_lists_the_questions_of_the_open_steps_only():
    open_state = state(ANSWERED, "terminal-stopped")
    printed = summary(open_state, "en")
    listed = [call["id"] for call in printed["calls"]]
    assert "terminal-stopped" not in listed and "stop-period-met" in listed
    applicable = evaluate(open_state)["applicable"]
    assert listed == [
        item for item in applicable if "ask" in ITEMS[item] and item != "terminal-stopped"
    ]
    assert printed["calls"][0]["ask"] == ITEMS["stop-period-met"]["ask"]["en"]
    assert printed["labels"]["calls"]


# --- Every "before" or "after" sentence of the guide names a pair a rule enforces -----

ORDER_WORDS = {
    "zh": re.compile(r"之前|之后|以前|以后|前先|先.{1,25}再|最后|才|了结前"),
    "en": re.compile(r"\b(before|after|once|until|first|then|last|only when)\b", re.I),
}
# The words that name a step, by step: enough to tell which steps a sentence puts in order.
NAMES = {
    "zh": {
        "application-submitted": r"申请",
        "application-approved": r"审核通过",
        "termination-signed": r"合同解除|解除合同",
        "records-exported": r"导出",
        "records-exported-again": r"再次导出|再导出|新出现的记录",
        "device-wiped": r"清除",
        "device-returned": r"交回|退还机器|交出",
        "accounts-reconciled": r"与.{0,25}对账|账对清",
        "refunds-received": r"退款",
        "deposit-refunded": r"押金",
        "linked-services-unbound": r"解绑",
        "closure-confirmed": r"销户确认",
        "follow-up-done": r"跟进|(账单|退款).{0,4}了结",
        "bank-account-closed": r"注销.{0,4}(银行账户|这个账户|它)|去注销|留到最后",
        "business-deregistered": r"注销登记",
    },
    "en": {
        "application-submitted": r"\bappl(y|ying|ication)\b",
        "application-approved": r"\bapproved\b|\bapproval\b",
        "termination-signed": r"contract is ended|end(ing)? (this|the) contract"
        r"|(?<!early-)termination",
        "records-exported": r"\bexport",
        "records-exported-again": r"exported again|export .*again|appeared after phase 1",
        "device-wiped": r"\bwip",
        "device-returned": r"hand(ed)? (it|the terminal)? ?(back|over)|\breturn(ing)? (it\b|the t)"
        r"|part with it",
        "accounts-reconciled": r"reconcil",
        "refunds-received": r"\brefund",
        "deposit-refunded": r"\bdeposit",
        "linked-services-unbound": r"\bunlink",
        "closure-confirmed": r"closure (is )?confirm|closure confirmation",
        "follow-up-done": r"follow(ed)?[ -]up",
        "bank-account-closed": r"close (it|the (settlement |bank )+account|this account)"
        r"|stays open",
        "business-deregistered": r"deregist",
    },
}
# Sentences that put two steps in order with no warning for it, and why.
ORDER_EXCEPTIONS = {
    # Approval comes before the agreement in the phases' order; the provider will not
    # sign before it approves, so the checklist needs no warning of its own.
    "审核通过后，才能签订解除合同的协议",
    "Only after approval can you sign the agreement ending the contract",
    "Once your application is approved, you end this contract formally",
    # Reconciling is the first step of its phase; the refunds are the provider's to pay
    # from its own figures, so a refund ticked first is not a mistake to warn about.
    "账对清了，退款、押金和剩余资金才有依据",
    "之后的退款和确认可能都有争议",
    "The refunds and the confirmation may then be disputed",
    # The apply phase follows customer service's instructions step by step; ticking
    # its steps in another order loses neither money nor records.
    "销户申请要通过客服或官网提交，之后的手续也都听客服安排",
    # Applying again after a refusal: phase 1's blockers are what the engine enforces
    # before applying (out_of_order), whatever the attempt.
    "fix what's missing, then apply again",
    # The registration office checks the annual report itself before deregistering.
    "企业信息要真实准确，后面的注销登记才能办下去",
    # Unlinking before the confirmation is the advice; a confirmation that comes first
    # is the provider's doing, not a mistake of the merchant's, so it is not warned.
    "Do it before the closure is confirmed",
    # Says what the follow-up relies on once unlinked (the export is what this step is):
    # the steps are not put in order here.
    "之后跟进退款和账单，要靠你手上的记录",
    "Following up later then relies on your own copies",
    # Reading the agreement before signing it: one step, not two.
    "Before signing, compare it with the contract",
}


def order_sentences(lang: str) -> list[tuple[str, set[str]]]:
    """(sentence, the steps it names) for each sentence of the guide with an order word."""
    found = []
    for phase in PHASES:
        step = None  # a sentence in a step names that step too
        for line in (GUIDE / f"{phase}.{lang}.md").read_text(encoding="utf-8").split("\n"):
            match = HEADING.match(line)
            step = match.group(2) if match else None if line.strip() == "---" else step
            line = re.sub(r"\]\([^)]*\)", "]", line)
            for sentence in re.split(r"[。；！？]|(?<=[.;:?!])\s", line):
                if match or not ORDER_WORDS[lang].search(sentence):
                    continue
                named = {s for s, name in NAMES[lang].items() if re.search(name, sentence, re.I)}
                found.append((sentence.strip(), named | ({step} if step else set())))
    return found


def enforced(named: set[str]) -> bool:
    """A pair of these steps is an order rule, or a blocker before applying."""
    rules = {(r["later"], e) for r in RULES["order"] for e in r["earlier"]}
    blockers = {(RULES["submitted"], i) for i, spec in ITEMS.items() if spec["blocks"]}
    return any((a, b) in rules | blockers for a in named for b in named)


@pytest.mark.parametrize("lang", LANGS)
def test_every_order_sentence_of_the_guide_names_a_pair_a_rule_enforces(lang):
    sentences = order_sentences(lang)
    pairs = [(s, named) for s, named in sentences if len(named) >= 2]
    assert len(pairs) >= 8, "the guide states its order in words"
    unexplained = [
        (s, sorted(named))
        for s, named in pairs
        if not enforced(named) and not any(e in s for e in ORDER_EXCEPTIONS)
    ]
    assert unexplained == []


# --- Each part of a step holds what its label says --------------------------------------

NEED = {"zh": "**需要准备**", "en": "**What you need**"}
INSTRUCTION = {
    "zh": re.compile(r"(^|[。；：])\s*(记下|保留|保持|核对|确认|问|去|带上|告诉|把|留|签)"),
    "en": re.compile(r"(^|[.;:])\s*(Keep|Check|Ask|Write|Note|Make|Tell|Go|Take|Bring|Sign)\b"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_what_you_need_lists_things_to_have_not_instructions(lang):
    for step, text in steps(lang).items():
        need = part(text, NEED[lang]).removeprefix(NEED[lang]).lstrip("：: ")
        assert not INSTRUCTION[lang].search(need), (step, need)
