"""The plan as iCalendar: RFC 5545 lines (folded at 75 octets, CRLF, escaped text), local
times in Europe/Berlin, stable UIDs; read back by the icalendar library."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from app.reports.plan_calendar import escape, fold, plan_calendar
from app.services.plan import PlanRow, PlanStatus
from app.services.views import FellowInfo

CHANGED = dt.datetime(2026, 11, 30, 9, 15, tzinfo=dt.UTC)


def _row(**changes: object) -> PlanRow:
    values: dict[str, object] = {
        "entry_id": 1,
        "uid": "8d2c@votum",
        "date": dt.date(2027, 3, 31),  # the first session after the clocks went forward
        "starts_at": "16:00",
        "ends_at": "17:30",
        "topic": "KRAS; NRG1, NTRK \\ RET",
        "fellows": (FellowInfo("Dr. Ünal Özdemir", "Universitätsklinikum Schleswig-Holstein"),),
        "conference_id": None,
        "slug": "",
        "status": PlanStatus.PLANNED,
        "sequence": 3,
        "updated_at": CHANGED,
    }
    values.update(changes)
    return PlanRow(**values)  # type: ignore[arg-type]


def test_an_entry_reads_back_with_its_local_time_and_every_character() -> None:
    data = plan_calendar([_row()], "de")
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    berlin = ZoneInfo("Europe/Berlin")
    assert event.decoded("dtstart") == dt.datetime(2027, 3, 31, 16, 0, tzinfo=berlin)
    assert event.decoded("dtstart").utcoffset() == dt.timedelta(hours=2)  # summer time
    assert event.decoded("dtend") == dt.datetime(2027, 3, 31, 17, 30, tzinfo=berlin)
    assert str(event["summary"]) == "MTB-Runde: KRAS; NRG1, NTRK \\ RET"
    assert str(event["description"]) == (
        "Fellows: Dr. Ünal Özdemir (Universitätsklinikum Schleswig-Holstein)"
    )
    assert str(event["uid"]) == "8d2c@votum"
    assert event["sequence"] == 3
    assert event.decoded("dtstamp") == CHANGED


def test_a_winter_session_is_an_hour_from_utc_and_one_without_time_lasts_the_day() -> None:
    winter = _row(uid="w@votum", date=dt.date(2027, 1, 20))
    all_day = _row(uid="d@votum", starts_at="", ends_at="")
    events = icalendar.Calendar.from_ical(plan_calendar([winter, all_day], "en")).walk("VEVENT")
    assert events[0].decoded("dtstart").utcoffset() == dt.timedelta(hours=1)
    assert events[1].decoded("dtstart") == dt.date(2027, 3, 31)
    assert events[1].decoded("dtend") == dt.date(2027, 4, 1)
    assert str(events[1]["summary"]).startswith("MTB round: ")


def test_lines_are_folded_at_75_octets_never_inside_a_character() -> None:
    long_topic = "Präzisionsonkologie " * 12 + "🧬 Ende"
    data = plan_calendar([_row(topic=long_topic)], "de")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # every folded line is whole UTF-8
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["summary"]) == f"MTB-Runde: {long_topic}"


def test_folding_and_escaping_by_the_rules() -> None:
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("X" * 80)
    assert folded == "X" * 75 + "\r\n " + "X" * 5
    umlauts = fold("ä" * 40)  # 80 octets: 37 characters (74 octets) fit the first line
    assert umlauts.split("\r\n")[0] == "ä" * 37


def test_exporting_twice_gives_the_same_bytes_and_conferences_outside_the_plan_stay_out() -> None:
    outside = _row(entry_id=None, uid="", topic="Ohne Plan")
    first = plan_calendar([_row(), outside], "de")
    assert first == plan_calendar([_row(), outside], "de")
    assert b"Ohne Plan" not in first
    assert first.count(b"BEGIN:VEVENT") == 1
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin" in first
