"""The plan as iCalendar (RFC 5545) for the participants' calendars, written by hand.

- one VEVENT per plan entry; its UID is the entry's own (stable across exports), its
  SEQUENCE grows with every change, so a calendar that imported it updates the event
  instead of adding a second one;
- times are local to the round, ``TZID=Europe/Berlin`` with the zone's definition in the
  file (the EU rule since 1996), so no time-zone database is needed here or in the
  reader; an entry without times is an all-day event;
- TEXT values escaped (backslash, semicolon, comma, line break), lines folded at 75
  octets without splitting a UTF-8 character, CRLF line ends;
- DTSTAMP and LAST-MODIFIED are the entry's last change in UTC, so exporting twice
  gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.services.files import write_bytes_atomic
from app.services.plan import PlanRow
from app.services.series_texts import text

ZONE = "Europe/Berlin"
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{ZONE}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
#: Octets of a content line before it is folded (RFC 5545, 3.1).
LINE_OCTETS = 75


def escape(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, line breaks
    as ``\\n``."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets (the continuation lines
    start with a space), never inside a UTF-8 character."""
    out: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            out.append(current)
            current, size, limit = " ", 1, LINE_OCTETS
        current += char
        size += octets
    out.append(current)
    return "\r\n".join(out)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(day: dt.date, clock: str) -> str:
    return f"{day:%Y%m%d}T{clock.replace(':', '')}00"


def _when(row: PlanRow) -> list[str]:
    if not row.starts_at:
        following = row.date + dt.timedelta(days=1)
        return [f"DTSTART;VALUE=DATE:{row.date:%Y%m%d}", f"DTEND;VALUE=DATE:{following:%Y%m%d}"]
    lines = [f"DTSTART;TZID={ZONE}:{_local(row.date, row.starts_at)}"]
    if row.ends_at:
        lines.append(f"DTEND;TZID={ZONE}:{_local(row.date, row.ends_at)}")
    return lines


def _event(row: PlanRow, lang: str, fallback: dt.datetime) -> list[str]:
    changed = _utc(row.updated_at or fallback)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(row.uid)}",
        f"DTSTAMP:{changed}",
        f"LAST-MODIFIED:{changed}",
        f"SEQUENCE:{row.sequence}",
        *_when(row),
        f"SUMMARY:{escape(text(lang, 'calendar_summary', topic=row.topic))}",
    ]
    if row.fellows:
        fellows = text(lang, "calendar_fellows", names=row.fellows_text())
        lines.append(f"DESCRIPTION:{escape(fellows)}")
    lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
    return lines


def plan_calendar(rows: Iterable[PlanRow], lang: str = "de") -> bytes:
    """The plan entries among ``rows`` as one iCalendar file (UTF-8, CRLF)."""
    entries = [r for r in rows if r.entry_id is not None]
    fallback = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    lines: list[str] = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Votum//Series plan//" + lang.upper(),
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape(text(lang, 'calendar_name'))}",
        f"X-WR-TIMEZONE:{ZONE}",
        *VTIMEZONE,
    ]
    for row in entries:
        lines += _event(row, lang, fallback)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")


def write_plan_calendar(rows: Sequence[PlanRow], path: Path, *, lang: str = "de") -> int:
    """Write the calendar to ``path`` (whole or not at all); returns the number of events."""
    write_bytes_atomic(Path(path), plan_calendar(rows, lang))
    return sum(1 for r in rows if r.entry_id is not None)
