"""Totals of anonymous call polls ("counted by the call"), read back for reports and screens.

An anonymous poll names no site, so its counts are never ballots: they stay apart from the
per-site results (no consensus class, no appendix). Where a question got several imports,
the latest counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CallPollTotal, PollImport
from app.services.agenda import get_question
from app.services.presets import option_label
from app.services.tally import largest_remainder, round_half_up


@dataclass(frozen=True)
class CallCount:
    """One option as the call counted it."""

    label: str
    code: str
    count: int
    percent: int
    step: str = ""  # the code its label is said by (presets.label_code)

    def label_in(self, lang: str) -> str:
        """The label in ``lang`` (a preset's own label translated, any other as typed)."""
        return option_label(self.label, self.step or self.code, lang)


@dataclass(frozen=True)
class CallTally:
    """Totals an anonymous call poll gave for one question: no site behind any of them, so
    they stay apart from the per-site results (no consensus class, no appendix)."""

    question_id: int
    options: tuple[CallCount, ...]
    n_valid: int
    n_abstain: int

    def summary(self, lang: str) -> str:
        """``"Ja 1 (33 %), Nein 2 (67 %)"``, a preset's labels in ``lang``."""
        return ", ".join(f"{o.label_in(lang)} {o.count} ({o.percent} %)" for o in self.options)


def conference_call_totals(session: Session, conference_id: int) -> dict[int, CallTally]:
    """Question id → the totals of the latest anonymous poll imported for it."""
    rows = session.execute(
        select(CallPollTotal, PollImport.id)
        .join(PollImport, PollImport.id == CallPollTotal.import_id)
        .where(PollImport.conference_id == conference_id)
        .order_by(CallPollTotal.id)
    ).all()
    return _latest(session, [(total, import_id) for total, import_id in rows])


def question_call_tally(session: Session, question_id: int) -> CallTally | None:
    """The totals of the latest anonymous poll imported for one question (None: none)."""
    rows = session.execute(
        select(CallPollTotal, CallPollTotal.import_id)
        .where(CallPollTotal.question_id == question_id)
        .order_by(CallPollTotal.id)
    ).all()
    return _latest(session, [(total, import_id) for total, import_id in rows]).get(question_id)


def _latest(session: Session, rows: Sequence[tuple[CallPollTotal, int]]) -> dict[int, CallTally]:
    latest: dict[int, int] = {}
    for total, import_id in rows:
        latest[total.question_id] = max(import_id, latest.get(total.question_id, 0))
    result: dict[int, CallTally] = {}
    for question_id, import_id in latest.items():
        mine = [t for t, i in rows if i == import_id and t.question_id == question_id]
        question = get_question(session, question_id)
        counts = {t.option_id: t.count for t in mine if t.option_id is not None}
        n_valid = next((t.count for t in mine if t.option_id is None and not t.abstain), 0)
        n_abstain = next((t.count for t in mine if t.abstain), 0)
        raw = [counts.get(o.id, 0) for o in question.options]
        if question.kind.value == "multiple":
            percents = [round_half_up(Fraction(c, n_valid)) if n_valid else 0 for c in raw]
        else:
            percents = largest_remainder(raw, n_valid)
        options = tuple(
            CallCount(o.label, o.code, c, p, o.step)
            for o, c, p in zip(question.options, raw, percents, strict=True)
        )
        result[question_id] = CallTally(question_id, options, n_valid, n_abstain)
    return result


def call_totals(session: Session, question_id: int) -> list[CallPollTotal]:
    """The counts an anonymous call poll gave for a question (empty if none)."""
    return list(
        session.scalars(
            select(CallPollTotal)
            .where(CallPollTotal.question_id == question_id)
            .order_by(CallPollTotal.id)
        )
    )
