"""The protocol's "asked before" line under a question's result: the earlier asking's
result beside this session's ("Juni 2026: 60 % sprechen keine Empfehlung aus; November
2026: 81 %"), quieter than the result itself."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, Spacer

from app.reports.pdfstyle import label, para
from app.services.asked_before import EarlierAsking, trend_words
from app.services.results import QuestionResult


def trend_lines(
    earlier: EarlierAsking | None, shown: QuestionResult | None, lang: str, session_date: dt.date
) -> list[Flowable]:
    """One muted line, or nothing for a question asked for the first time."""
    if earlier is None:
        return []
    today = shown.tally if shown is not None and shown.asked else None
    name, line = trend_words(earlier, today, lang, now=session_date)
    return [Spacer(1, 3), para(line, "meta", markup=label(name + ":"))]
