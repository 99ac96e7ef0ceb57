"""The reminder file: RFC 5545, read back with a real iCalendar parser (icalendar),
in each language and for the edge cases."""

from datetime import date, timedelta

import icalendar
import pytest

from checklist import SCHEMA, reminders
from checklist.calendar import ALARM, FILENAME, escape, fold
from checklist.data import ITEMS, LIMITS, STRINGS
from checklist.record import FOLLOW_UP

SITE = "https://pos.example.org/en/"
STAMP = "2026-12-04T15:00:00+08:00"
DATES = {
    "refund_by": "2026-12-20",
    "deposit_by": "2027-01-15",
    "collection_on": "2026-11-20",
    "statement_on": "2027-02-01",
}
STATE = {
    "schema": SCHEMA,
    "done": {"application-submitted": True},
    "record": {"refunds-received": {"reference": "TK-2026-001"}},
    "follow_up": DATES,
}


def parsed(text: str) -> icalendar.Calendar:
    assert text.endswith("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert "\n" not in text.replace("\r\n", "")
    return icalendar.Calendar.from_ical(text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_event_and_one_alarm_per_date_in_the_page_s_language(lang):
    result = reminders(STATE, lang, SITE, STAMP)
    assert (result["filename"], result["events"]) == (FILENAME, 4)
    calendar = parsed(result["text"])
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == STRINGS["record"]["calendar_name"][lang]
    events = calendar.walk("VEVENT")
    assert [event["DTSTART"].dt for event in events] == [
        date.fromisoformat(day) for day in DATES.values()
    ]
    for event, (key, item) in zip(events, FOLLOW_UP.items(), strict=True):
        start = event["DTSTART"].dt
        assert event["DTEND"].dt == start + timedelta(days=1)
        assert event["DTSTAMP"].dt.isoformat() == "2026-12-04T07:00:00+00:00"
        assert str(event["URL"]) == f"{SITE}go/#{item}"
        label = STRINGS["record"][key][lang]
        assert (
            str(event["SUMMARY"])
            == f"{label}{'：' if lang == 'zh' else ': '}" + (ITEMS[item]["action"][lang])
        )
        description = str(event["DESCRIPTION"])
        assert ITEMS[item]["hint"][lang] in description
        assert f"{SITE}go/#{item}" in description
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == timedelta(hours=9) and ALARM == "PT9H"
        assert str(alarm["DESCRIPTION"]) == STRINGS["record"]["alarm"][lang].format(label=label)
    refund = str(events[0]["DESCRIPTION"])
    assert "TK-2026-001" in refund
    assert len({str(event["UID"]) for event in events}) == 4


def test_no_date_gives_no_file():
    assert reminders({"schema": SCHEMA}, "en", SITE, STAMP) == {
        "text": "",
        "filename": FILENAME,
        "events": 0,
    }
    assert reminders("not a state", "zh")["events"] == 0


def test_a_date_in_the_past_is_still_a_valid_event():
    result = reminders({"follow_up": {"refund_by": "2001-01-01"}, "schema": SCHEMA}, "en", SITE)
    (event,) = parsed(result["text"]).walk("VEVENT")
    assert event["DTSTART"].dt == date(2001, 1, 1)
    assert event["DTSTAMP"].dt.isoformat() == "1970-01-01T00:00:00+00:00"  # no clock given


def test_chinese_text_and_the_longest_hostile_fields_survive_folding_and_escaping():
    reference = ("编号;,\\\n" * LIMITS["record.reference"])[: LIMITS["record.reference"]]
    state = {
        "schema": SCHEMA,
        "record": {"deposit-refunded": {"reference": reference + "\u202e<b>", "by": "王" * 60}},
        "follow_up": {"deposit_by": "2026-12-31"},
    }
    result = reminders(state, "zh", "https://例子.中国/路径/", STAMP)
    (event,) = parsed(result["text"]).walk("VEVENT")
    kept = reference.replace("\n", " ")[: LIMITS["record.reference"]].strip()
    assert f"编号：{kept}" in str(event["DESCRIPTION"])
    assert "\u202e" not in result["text"]
    assert str(event["URL"]) == "https://例子.中国/路径/go/#deposit-refunded"
    assert "预计退押金日期" in str(event["SUMMARY"])


@pytest.mark.parametrize(
    "site", ["", "javascript:alert(1)", "/en/", "https://a b/", "https://x/\r\nX-EVIL:1", 5, None]
)
def test_a_site_that_is_not_a_web_address_gives_no_link(site):
    result = reminders({"schema": SCHEMA, "follow_up": {"refund_by": "2026-12-20"}}, "en", site)
    (event,) = parsed(result["text"]).walk("VEVENT")
    assert "URL" not in event
    assert "X-EVIL" not in result["text"]


@pytest.mark.parametrize("lang", ["fr", None, 3])
def test_another_language_falls_back_to_chinese(lang):
    result = reminders({"schema": SCHEMA, "follow_up": {"refund_by": "2026-12-20"}}, lang)
    (event,) = parsed(result["text"]).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("预计退款日期")


@pytest.mark.parametrize("stamp", ["yesterday", 17, "2026-12-04T15:00:00" * 10, None])
def test_a_stamp_that_is_no_date_falls_back_to_the_last_update(stamp):
    state = {
        "schema": SCHEMA,
        "follow_up": {"refund_by": "2026-12-20"},
        "updated": "2026-12-01T08:00:00+08:00",
    }
    (event,) = parsed(reminders(state, "en", SITE, stamp)["text"]).walk("VEVENT")
    assert event["DTSTAMP"].dt.isoformat() == "2026-12-01T00:00:00+00:00"


def test_a_stamp_without_a_time_zone_is_taken_as_utc():
    state = {"schema": SCHEMA, "follow_up": {"refund_by": "2026-12-20"}}
    (event,) = parsed(reminders(state, "en", SITE, "2026-12-04T15:00:00")["text"]).walk("VEVENT")
    assert event["DTSTAMP"].dt.isoformat() == "2026-12-04T15:00:00+00:00"


def test_escape_and_fold():
    assert escape("a;b,c\\d\r\ne\x00\x1b\tf") == "a\\;b\\,c\\\\d\\ne\tf"
    folded = fold("DESCRIPTION:" + "退" * 40)
    assert [len(line.encode()) for line in folded.split("\r\n")] == [75, 58]
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + "退" * 40
