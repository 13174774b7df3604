"""Importing a call's poll report into a conference: a preview first, then one atomic write.

The ballots go through :func:`app.services.ballots.cast_ballot` with the source
``poll``, so every rule of a ballot and the ballot history apply. A question must have
been asked to carry ballots: the import opens a draft (or reopens a closed) question,
stores its ballots and closes it again, each step in the audit trail — the poll in the
call *was* the asking. An open question is refused (its vote is still running through the
links; close it first). An anonymous poll gives no site ballots: only its totals are
stored ("counted by the call"), and a draft question it answered is opened and closed.
The same file (by SHA-256) is imported into a conference once.

The import writes exactly what the preview showed: it makes the preview again
(:mod:`app.services.poll_preview`, every check) and stores its plan, or nothing. The rules
it remembers are :mod:`app.services.poll_rules`; reading the stored call totals back is
:mod:`app.services.call_polls`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.models import BallotSource, CallPollTotal, PollImport, Question, QuestionState
from app.services import audit, electorate, lifecycle
from app.services.ballots import cast_ballot
from app.services.conferences import get_conference_row
from app.services.errors import StateConflict
from app.services.file_messages import lines
from app.services.poll_matching import SiteBallot
from app.services.poll_preview import ImportChoices, PollPreview, one_line, preview_import
from app.services.poll_reports import CsvColumns
from app.services.poll_rules import remember

ACTOR = "Umfrage-Import"


@dataclass(frozen=True)
class ImportResult:
    """What an import stored."""

    import_id: int
    n_ballots: int
    n_totals: int
    question_ids: tuple[int, ...]


def import_report(
    session: Session,
    conference_id: int,
    data: bytes,
    *,
    filename: str = "",
    format: str | None = None,
    columns: CsvColumns | None = None,
    choices: ImportChoices | None = None,
    actor: str = ACTOR,
) -> ImportResult:
    """Check everything again, then store ballots, totals, remembered rules and the import
    record in the caller's transaction; on any refusal nothing is written."""
    choices = choices or ImportChoices()
    preview = preview_import(
        session,
        conference_id,
        data,
        filename=filename,
        format=format,
        columns=columns,
        choices=choices,
    )
    blockers = preview.blockers
    if blockers:
        raise StateConflict(lines(blockers))
    conf = get_conference_row(session, conference_id)
    current = conf.current_question_id
    plan = preview.plan
    order = list(preview.questions)
    question_ids = sorted({b.question_id for b in plan.ballots}, key=order.index)
    for question_id in question_ids:
        _store_question(
            session,
            question_id,
            [b for b in plan.ballots if b.question_id == question_id],
            preview,
            actor,
        )
    lifecycle.set_current(session, conference_id, current, actor=actor)
    record = PollImport(
        conference_id=conference_id,
        sha256=preview.report.sha256,
        filename=preview.filename,
        format=preview.report.format.value,
        anonymous=plan.anonymous,
        n_ballots=len(plan.ballots),
        actor=actor[:200],
        summary=json.dumps(_summary(preview), ensure_ascii=False, sort_keys=True),
    )
    session.add(record)
    session.flush()
    n_totals = 0
    if plan.anonymous and choices.store_totals:
        for total in plan.totals:
            session.add(
                CallPollTotal(
                    import_id=record.id,
                    question_id=total.question_id,
                    option_id=total.option_id,
                    abstain=total.abstain,
                    count=total.count,
                )
            )
        n_totals = len(plan.totals)
        for question_id in dict.fromkeys(t.question_id for t in plan.totals):
            row = session.get(Question, question_id)
            if row is not None and row.state == QuestionState.DRAFT.value:
                # asked in the call: on record as opened and closed, without site ballots
                lifecycle.open_question(session, question_id, actor=actor)
                lifecycle.close_question(session, question_id, actor=actor)
        lifecycle.set_current(session, conference_id, current, actor=actor)
    remember(session, choices.edits)
    audit.record(session, conference_id, actor, "poll_imported", **_summary(preview))
    session.flush()
    return ImportResult(record.id, len(plan.ballots), n_totals, tuple(question_ids))


def _store_question(
    session: Session, question_id: int, ballots: list[SiteBallot], preview: PollPreview, actor: str
) -> None:
    """Open (or reopen) the question, cast its ballots, close it; keep a reveal."""
    row = session.get(Question, question_id)
    assert row is not None
    revealed = row.revealed_at is not None
    # a question closed before keeps who could vote at that close (the import's sites
    # count besides, as every site that voted does)
    earlier = electorate.kept(session, [question_id]).get(question_id)
    if row.state == QuestionState.DRAFT.value:
        lifecycle.open_question(session, question_id, actor=actor)
    else:
        lifecycle.reopen_question(session, question_id, actor=actor)
    for ballot in ballots:
        who = ", ".join(ballot.participants)
        cast_ballot(
            session,
            question_id,
            ballot.site_id,
            option_ids=ballot.vote.option_ids,
            abstain=ballot.vote.abstain,
            comment=ballot.vote.comment,
            source=BallotSource.POLL,
            actor=one_line(f"{actor}: {who}", 200),
        )
        if ballot.resolved is not None:
            audit.record(
                session,
                row.case.conference_id,
                actor,
                "poll_conflict_resolved",
                question_id=question_id,
                site_id=ballot.site_id,
                resolution=ballot.resolved,
                participants=list(ballot.participants),
            )
    lifecycle.close_question(session, question_id, actor=actor)
    if earlier is not None:
        electorate.restore(session, question_id, earlier.site_ids, earlier.present)
    if revealed:
        lifecycle.reveal_question(session, question_id, actor=actor)


def _summary(preview: PollPreview) -> dict[str, Any]:
    plan = preview.plan
    return {
        "file": preview.filename,
        "sha256": preview.report.sha256,
        "format": preview.report.format.value,
        "ballots": len(plan.ballots),
        "anonymous": plan.anonymous,
        "unmatched": [p.label for p in plan.unmatched],
        "not_imported": [q.poll_text for q in plan.not_imported],
        "superseded": len(preview.report.superseded),
    }
