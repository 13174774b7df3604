"""The manuscript's "asked before" line under a question's result: the earlier asking's
result in the series beside this session's, in the protocol's words
(:func:`app.services.asked_before.trend_words`), given to the builder as
:class:`~.structure.ResultExtras`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from app.reports.manuscript.structure import Block, Paragraph, Run
from app.services.asked_before import EarlierAsking, trend_words
from app.services.results import QuestionResult


class TrendLine:
    """Blocks under a result (see :class:`~.structure.ResultExtras`): one line for a
    question asked before, nothing for one asked for the first time. ``earlier`` is keyed
    by round 1's id (a round 2 shares its round 1's); the session is named by its month,
    as in the protocol (a document read later)."""

    def __init__(self, earlier: Mapping[int, EarlierAsking], session_date: dt.date) -> None:
        self.earlier = earlier
        self.session_date = session_date

    def __call__(
        self, round_one: QuestionResult, round_two: QuestionResult | None, lang: str
    ) -> list[Block]:
        question = round_one.question
        earlier = self.earlier.get(question.parent_id or question.id)
        if earlier is None:
            return []
        shown = round_two if round_two is not None and round_two.ballots else round_one
        today = shown.tally if shown.asked else None
        name, line = trend_words(earlier, today, lang, now=self.session_date)
        return [Paragraph((Run(f"{name}: ", bold=True), line))]
