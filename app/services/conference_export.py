"""A conference as a conference file: whole (results included) for a lossless round
trip, or published (``publish``): only what the sites' pages show (case number, title,
headline, questions, options) plus what the moderator chooses to publish.

Its field lists stay in step with :mod:`app.services.conference_import` (tested as a
round trip through both).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__
from app.models import (
    AuditEvent,
    Ballot,
    BallotChange,
    BallotSource,
    CallPollTotal,
    Case,
    Conference,
    Note,
    NoteKind,
    PollImport,
    Question,
    QuestionState,
    Site,
    utcnow,
)
from app.services.agenda import question_as_package
from app.services.case_data import summary_as_package
from app.services.conference_schema import (
    ConferenceFile,
    FileAttendee,
    FileAuditEvent,
    FileBallot,
    FileBallotChange,
    FileCase,
    FileCme,
    FileConference,
    FileElectorate,
    FileFellow,
    FileInvitation,
    FileNote,
    FileOrigin,
    FilePollImport,
    FilePollTotal,
    FileQuestion,
    FileResults,
    FileSite,
)
from app.services.conferences import get_conference_row
from app.services.electorate import kept
from app.services.images import image_as_package
from app.services.package_schema import PackageFinding


@dataclass(frozen=True)
class Publish:
    """What a published conference carries beyond the voter pages' needs."""

    images: bool = False
    #: the case's free text, prior therapies and comorbidities
    text: bool = False
    #: the structured summary beyond the headline: histology, stage, TNM, ECOG, all
    #: findings with their details, the prior therapy lines …
    summary: bool = False


#: What a published case keeps of its summary without ``summary`` (the headline's parts),
#: and what it keeps of its first finding (the headline shows it, without its details).
_HEADLINE_FIELDS = ("title", "age", "sex", "diagnosis")
_HEADLINE_FINDING = ("gene", "alteration", "kind", "vaf", "copy_number", "partner", "score")
#: The free text, published only with ``text``.
_TEXT_FIELDS = ("prior_therapies", "comorbidities", "text")


def _refs(cases: list[Case]) -> dict[int, str]:
    """Each question's ref: "case.question" by agenda number, "-r2" for a second round."""
    refs: dict[int, str] = {}
    for case_number, case in enumerate(cases, start=1):
        firsts = [q for q in case.questions if q.parent_id is None]
        for number, question in enumerate(firsts, start=1):
            refs[question.id] = f"{case_number}.{number}"
        for question in case.questions:
            if question.parent_id is not None:
                refs[question.id] = f"{refs.get(question.parent_id, '?')}-r{question.round}"
    return refs


def _ordered_questions(case: Case) -> list[Question]:
    """Round-1 questions in order, each followed by its repeats."""
    out: list[Question] = []
    for question in case.questions:
        if question.parent_id is None:
            out.append(question)
            out.extend(q for q in case.questions if q.parent_id == question.id)
    return out


def _file_case(case: Case, refs: dict[int, str], publish: Publish | None) -> FileCase:
    full = publish is None
    summary = full or (publish is not None and publish.summary)
    text = full or (publish is not None and publish.text)
    images = full or (publish is not None and publish.images)
    questions = []
    for question in _ordered_questions(case):
        if not full and question.round > 1:
            continue  # a published conference starts afresh: round 1, every question a draft
        base = question_as_package(question).model_dump()
        questions.append(
            FileQuestion(
                **base,
                ref=refs[question.id],
                round=question.round,
                repeats=refs.get(question.parent_id) if question.parent_id else None,
                state=QuestionState(question.state) if full else QuestionState.DRAFT,
                opened_at=question.opened_at if full else None,
                closed_at=question.closed_at if full else None,
                revealed_at=question.revealed_at if full else None,
                skip_reason=question.skip_reason if full else None,
            )
        )
    fields = summary_as_package(case)
    if not summary:
        kept = _HEADLINE_FIELDS + (_TEXT_FIELDS if text else ())
        first = fields["findings"][:1]
        fields = {name: fields[name] for name in kept} | {
            "findings": [f.model_copy(update=_only(f, _HEADLINE_FINDING)) for f in first]
        }
    elif not text:
        fields = {name: value for name, value in fields.items() if name not in _TEXT_FIELDS}
    return FileCase(
        **fields,
        images=[image_as_package(i) for i in case.images] if images else [],
        questions=questions,
        free_discussion=case.free_discussion,
    )


def _only(finding: PackageFinding, kept: tuple[str, ...]) -> dict[str, object]:
    """The update that empties every field of ``finding`` but the ``kept`` ones."""
    defaults = {name: f.default for name, f in PackageFinding.model_fields.items()}
    return {name: defaults[name] for name in defaults if name not in kept}


def _option_indexes(question: Question, option_ids: list[int]) -> list[int]:
    position = {o.id: index for index, o in enumerate(question.options)}
    return sorted(position[i] for i in option_ids)


def _results(
    session: Session, conf: Conference, cases: list[Case], refs: dict[int, str]
) -> FileResults:
    questions = {q.id: q for case in cases for q in case.questions}
    codes = {s.id: s.code for s in session.scalars(select(Site))}
    ids = list(questions)
    ballots = session.scalars(
        select(Ballot).where(Ballot.question_id.in_(ids)).order_by(Ballot.id)
    ).all()
    changes = session.scalars(
        select(BallotChange).where(BallotChange.question_id.in_(ids)).order_by(BallotChange.id)
    ).all()
    notes = session.scalars(
        select(Note).where(Note.conference_id == conf.id).order_by(Note.id)
    ).all()
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.conference_id == conf.id).order_by(AuditEvent.id)
    ).all()
    case_numbers = {case.id: number for number, case in enumerate(cases, start=1)}
    polls = session.scalars(
        select(PollImport).where(PollImport.conference_id == conf.id).order_by(PollImport.id)
    ).all()
    totals = session.scalars(
        select(CallPollTotal)
        .where(CallPollTotal.import_id.in_([p.id for p in polls]))
        .order_by(CallPollTotal.id)
    ).all()
    return FileResults(
        current_question=refs.get(conf.current_question_id or 0),
        ballots=[
            FileBallot(
                question=refs[b.question_id],
                site=codes[b.site_id],
                options=_option_indexes(questions[b.question_id], [c.option_id for c in b.choices]),
                abstain=b.abstain,
                comment=b.comment,
                source=BallotSource(b.source),
                actor=b.actor,
                cast_at=b.cast_at,
                revision=b.revision,
            )
            for b in ballots
        ],
        history=[
            FileBallotChange(
                question=refs[h.question_id],
                site=codes[h.site_id],
                revision=h.revision,
                options=_option_indexes(
                    questions[h.question_id], [int(i) for i in h.option_ids.split(",") if i]
                ),
                abstain=h.abstain,
                comment=h.comment,
                source=BallotSource(h.source),
                actor=h.actor,
                at=h.at,
            )
            for h in changes
        ],
        notes=[
            FileNote(
                case=case_numbers.get(n.case_id) if n.case_id else None,
                question=refs.get(n.question_id) if n.question_id else None,
                kind=NoteKind(n.kind),
                text=n.text,
                updated_at=n.updated_at,
            )
            for n in notes
        ],
        audit=[
            FileAuditEvent(
                at=e.at,
                actor=e.actor,
                action=e.action,
                question=refs.get(e.question_id) if e.question_id else None,
                site=codes.get(e.site_id) if e.site_id else None,
                detail=json.loads(e.detail or "{}"),
            )
            for e in events
        ],
        poll_imports=[
            FilePollImport(
                sha256=p.sha256,
                filename=p.filename,
                format=p.format,
                anonymous=p.anonymous,
                n_ballots=p.n_ballots,
                actor=p.actor,
                summary=p.summary,
                imported_at=p.imported_at,
                totals=[
                    FilePollTotal(
                        question=refs[t.question_id],
                        option=_option_indexes(questions[t.question_id], [t.option_id])[0]
                        if t.option_id is not None
                        else None,
                        abstain=t.abstain,
                        count=t.count,
                    )
                    for t in totals
                    if t.import_id == p.id
                ],
            )
            for p in polls
        ],
        electorates=_electorates(session, conf, refs),
    )


def _electorates(session: Session, conf: Conference, refs: dict[int, str]) -> list[FileElectorate]:
    """Who could vote on each closed question (sites still invited: the file's sites)."""
    invited = {i.site_id: i.site.code for i in conf.invitations}
    return [
        FileElectorate(
            question=refs[question_id],
            sites=sorted(invited[s] for s in electorate.site_ids if s in invited),
            checked_in=electorate.checked_in,
        )
        for question_id, electorate in sorted(kept(session, refs).items())
    ]


def build_conference_file(
    session: Session,
    conference_id: int,
    *,
    publish: Publish | None = None,
    server: str = "",
) -> ConferenceFile:
    """The conference whole (results included), or with ``publish`` only what sites need."""
    conf = get_conference_row(session, conference_id)
    cases = list(
        session.scalars(
            select(Case).where(Case.conference_id == conf.id).order_by(Case.position, Case.id)
        )
    )
    refs = _refs(cases)
    full = publish is None
    invitations = sorted(conf.invitations, key=lambda i: i.site.code)
    return ConferenceFile(
        mode="full" if full else "publish",
        origin=FileOrigin(votum_version=__version__, exported_at=utcnow(), server=server),
        conference=FileConference(
            slug=conf.slug,
            topic=conf.topic,
            date=conf.date,
            starts_at=conf.starts_at,
            ends_at=conf.ends_at,
            language=conf.language,  # type: ignore[arg-type]  # a str column; pydantic checks it
            moderator=conf.moderator if full else "",
            cme=FileCme(
                vnr=conf.vnr,
                category=conf.cme_category,
                points=conf.cme_points,
                scientific_lead=conf.scientific_lead,
                organiser=conf.organiser,
            )
            if full
            else FileCme(),
            fellows=[FileFellow(name=f.name, site=f.site) for f in conf.fellows] if full else [],
            held_at=conf.held_at if full else None,
            checkin_closed_at=conf.checkin_closed_at if full else None,
        ),
        sites=[
            FileSite(
                code=i.site.code,
                name=i.site.name,
                city=i.site.city,
                email=i.site.email if full else "",
            )
            for i in invitations
        ],
        invitations=[
            FileInvitation(
                site=i.site.code,
                token=i.token,
                present=i.present if full else False,
                attendee_count=i.attendee_count if full else 0,
                checked_in_at=i.checked_in_at if full else None,
                attendees=[FileAttendee(name=a.name, efn=a.efn, role=a.role) for a in i.attendees]
                if full
                else [],
                last_seen_at=i.last_seen_at if full else None,
            )
            for i in invitations
        ],
        cases=[_file_case(case, refs, publish) for case in cases],
        results=_results(session, conf, cases, refs) if full else None,
    )
