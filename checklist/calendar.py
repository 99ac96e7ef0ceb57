"""The follow-up dates as one iCalendar file (RFC 5545), made on the device.

:func:`reminders` turns the ``follow_up`` dates of a saved state into one
all-day event each, with a display alarm at 09:00 on the day. The words are in
the language asked for (``[record]`` of ``locales/<lang>.toml``), and each
event links to its step in the guide through ``go/#<item id>`` under the
``site`` given (the root of the page's language). The engine has no clock: the
page passes the time the file is made (``DTSTAMP``). A state without a date
gives no file: an empty calendar is not valid iCalendar.
"""

from datetime import UTC, datetime, timedelta

from .contract import Reminders, State
from .data import ITEMS, LANGS, STRINGS
from .record import FOLLOW_UP, parse_date
from .rules import evaluate

#: The file name the page offers.
FILENAME = "pos-closure-reminders.ics"
#: Identifies the product that made the file (``PRODID``).
PRODID = "-//POS closure guide//Checklist//{lang}"
#: When the alarm goes off: 09:00 on the day of the event.
ALARM = "PT9H"
# Longest line, in octets, before it is folded (RFC 5545 3.1).
_LINE = 75
# Text escapes (RFC 5545 3.3.11); other control characters are dropped.
_ESCAPES = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}
# A stamp longer than this is no date-time.
_STAMP_LENGTH = 64


def escape(text: str) -> str:
    """``text`` as an iCalendar TEXT value: escaped, line breaks as ``\\n``,
    other control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        _ESCAPES.get(char, char)
        for char in text
        if char in _ESCAPES or char == "\t" or not (ord(char) < 32 or 127 <= ord(char) < 160)
    )


def fold(line: str) -> str:
    """``line`` folded into lines of at most 75 octets, never inside a character."""
    parts: list[str] = []
    part: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _LINE:
            parts.append("".join(part))
            part, size = [" "], 1
        part.append(char)
        size += width
    parts.append("".join(part))
    return "\r\n".join(parts)


def _stamp(stamp: object, updated: str | None) -> str:
    """``DTSTAMP``: the time given (else the state's last update, else the epoch), in UTC."""
    for value in (stamp, updated):
        if isinstance(value, str) and len(value) <= _STAMP_LENGTH:
            try:
                when = datetime.fromisoformat(value)
            except ValueError:
                continue
            if when.tzinfo is not None:
                when = when.astimezone(UTC)
            return when.strftime("%Y%m%dT%H%M%SZ")
    return "19700101T000000Z"


def _site(site: object) -> str:
    """The root of the page's language, if it is a web address: the links go under it."""
    if not isinstance(site, str) or not site.startswith(("https://", "http://")):
        return ""
    if any(char.isspace() or ord(char) < 32 for char in site) or len(site) > 2000:
        return ""
    return site if site.endswith("/") else site + "/"


def _description(key: str, state: State, lang: str, url: str) -> str:
    words = STRINGS["record"]
    item = FOLLOW_UP[key]
    lines = [ITEMS[item]["hint"][lang]]
    reference = state["record"].get(item, {}).get("reference")
    if reference:
        lines.append(words["event_reference"][lang].format(reference=reference))
    lines.append(words["event_if_not"][lang])
    if url:
        lines.append(words["event_link"][lang].format(url=url))
    return "\n".join(lines)


def _event(key: str, day: str, state: State, lang: str, site: str, stamp: str) -> list[str]:
    words = STRINGS["record"]
    item = FOLLOW_UP[key]
    start = parse_date(day)
    assert start is not None  # validated by normalise
    label = words[key][lang]
    url = f"{site}go/#{item}" if site else ""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{key}-{start:%Y%m%d}@pos-closure-checklist",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
        "SUMMARY:"
        + escape(words["event"][lang].format(label=label, action=ITEMS[item]["action"][lang])),
        "DESCRIPTION:" + escape(_description(key, state, lang, url)),
    ]
    if url:
        lines.append(f"URL:{url}")
    return [
        *lines,
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:{ALARM}",
        "DESCRIPTION:" + escape(words["alarm"][lang].format(label=label)),
        "END:VALARM",
        "END:VEVENT",
    ]


def reminders(state: object, lang: object, site: object = "", stamp: object = None) -> Reminders:
    """``{"text", "filename", "events"}``: the follow-up dates of ``state`` as an
    iCalendar file in ``lang`` (zh or en; anything else: zh).

    ``site`` is the web address of the language's root (``https://…/en/``): each
    event links to ``<site>go/#<item id>``; without a valid address, no link.
    ``stamp`` is when the file is made (ISO 8601). ``text`` uses CRLF line ends;
    it is ``""`` when the state has no follow-up date (``events`` 0). Never raises.
    """
    lang = lang if lang in LANGS else LANGS[0]
    clean = evaluate(state)["state"]
    dates = clean["follow_up"]
    if not dates:
        return {"text": "", "filename": FILENAME, "events": 0}
    when = _stamp(stamp, clean["updated"])
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID.format(lang=lang.upper())}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape(STRINGS["record"]["calendar_name"][lang]),
    ]
    for key, day in dates.items():
        lines += _event(key, day, clean, lang, _site(site), when)
    lines.append("END:VCALENDAR")
    text = "".join(fold(line) + "\r\n" for line in lines)
    return {"text": text, "filename": FILENAME, "events": len(dates)}
