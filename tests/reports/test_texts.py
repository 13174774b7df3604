"""The protocol's wording of a conference's times and CME block, in each language."""

from __future__ import annotations

import datetime as dt

import pytest

from app.reports.texts import cme_text, day_and_time_text


@pytest.mark.parametrize(
    ("starts", "ends", "de", "en"),
    [
        ("16:00", "17:30", "18.11.2026, 16:00–17:30 Uhr", "18 November 2026, 16:00–17:30"),
        ("16:00", "", "18.11.2026, ab 16:00 Uhr", "18 November 2026, from 16:00"),
        ("", "17:30", "18.11.2026, bis 17:30 Uhr", "18 November 2026, until 17:30"),
        ("", "", "18.11.2026", "18 November 2026"),
    ],
)
def test_the_date_carries_the_times_that_are_known(
    starts: str, ends: str, de: str, en: str
) -> None:
    day = dt.date(2026, 11, 18)
    assert day_and_time_text(day, starts, ends, "de") == de
    assert day_and_time_text(day, starts, ends, "en") == en


@pytest.mark.parametrize(
    ("category", "points", "de", "en"),
    [
        ("A", 3, "Kategorie A, 3 Punkte", "category A, 3 points"),
        ("A", 1, "Kategorie A, 1 Punkt", "category A, 1 point"),
        ("", 0, "0 Punkte", "0 points"),
        ("C", None, "Kategorie C", "category C"),
        ("", None, "", ""),  # the protocol shows a dash
    ],
)
def test_cme_category_and_points(category: str, points: int | None, de: str, en: str) -> None:
    assert cme_text(category, points, "de") == de
    assert cme_text(category, points, "en") == en
