"""Conference files (format: :mod:`app.services.conference_schema`): export, validated
atomic import, and replacing a served conference's content before its session.

Reading never writes; a broken file gives a :class:`ConferenceFileError` naming the
file, the JSON path and the problem. Importing is all or nothing (the caller's
transaction). ``mode="publish"`` exports only what the sites' pages show (case number,
title, headline, questions, options) plus what the moderator chooses to publish.
"""

# Longer than 450 lines: export and import are two halves of one round trip whose field
# lists must stay in step (tested as a round trip); read them side by side.

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app import __version__
from app.models import (
    Attendee,
    AuditEvent,
    Ballot,
    BallotChange,
    BallotChoice,
    BallotSource,
    CallPollTotal,
    Case,
    Conference,
    Fellow,
    Invitation,
    Note,
    NoteKind,
    Option,
    PollImport,
    Question,
    QuestionState,
    Sex,
    Site,
    utcnow,
)
from app.services import audit
from app.services.agenda import add_case, finding_as_package, question_as_package
from app.services.conference_schema import (
    FORMAT,
    ConferenceFile,
    FileAttendee,
    FileAuditEvent,
    FileBallot,
    FileBallotChange,
    FileCase,
    FileCme,
    FileConference,
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
from app.services.conferences import SiteData, create_conference, ensure_site, get_conference_row
from app.services.errors import InvalidInput, StateConflict
from app.services.file_messages import at, first_problems, say
from app.services.files import write_text_atomic
from app.services.package_schema import PackageImage
from app.services.packages import describe, read_json_object
from app.services.tokens import issue_token, token_digest
from app.texts import Message

#: images are embedded, so a conference file may be larger than one package
MAX_FILE_BYTES = 200 * 1024 * 1024


class ConferenceFileError(InvalidInput):
    """A conference file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Publish:
    """What a published conference carries beyond the voter pages' needs."""

    images: bool = False
    #: the case's free text and prior therapies
    text: bool = False
    #: the structured summary beyond the headline: histology, stage, ECOG, all findings …
    summary: bool = False


# --- reading and checking ------------------------------------------------------------


def parse_conference_file(data: object, name: str) -> ConferenceFile:
    """Validate an already parsed JSON value (an upload, a file's content)."""
    if not isinstance(data, dict):
        raise ConferenceFileError(at(name, "$", say("expected_object", what='"conference"')))
    if data.get("format") not in (None, FORMAT):
        raise ConferenceFileError(at(name, "$.format", say("not_a_conference_file")))
    try:
        parsed = ConferenceFile.model_validate(data)
    except ValidationError as exc:
        raise ConferenceFileError(describe(exc, Path(name))) from None
    check_conference_file(parsed, name)
    return parsed


def check_conference_file(file: ConferenceFile, name: str) -> None:
    """Every reference inside the file must point somewhere (the schema cannot say it)."""
    problems = [at(name, where, problem) for where, problem in _reference_problems(file)]
    if problems:
        raise ConferenceFileError(first_problems(problems))


def read_conference_file(path: Path) -> ConferenceFile:
    """Read and validate one conference file (no database involved)."""
    path = Path(path)
    data = read_json_object(
        path, ConferenceFileError, max_bytes=MAX_FILE_BYTES, what='"conference"'
    )
    return parse_conference_file(data, path.name)


def _reference_problems(file: ConferenceFile) -> Iterator[tuple[str, Message]]:
    """Every reference that points nowhere, as ("$.path", problem)."""
    codes: dict[str, int] = {}
    for index, site in enumerate(file.sites):
        if site.code.lower() in codes:
            yield f"$.sites[{index}].code", say("code_twice", code=site.code)
        codes[site.code.lower()] = index
    invited: set[str] = set()
    for index, inv in enumerate(file.invitations):
        if inv.site.lower() not in codes:
            yield f"$.invitations[{index}].site", say("no_site_in_sites", code=inv.site)
        if inv.site.lower() in invited:
            yield f"$.invitations[{index}].site", say("invited_twice", code=inv.site)
        invited.add(inv.site.lower())
    tokens = [i.token for i in file.invitations if i.token]
    if len(set(tokens)) != len(tokens):
        yield "$.invitations", say("token_shared")
    questions: dict[str, FileQuestion] = {}
    for c, case in enumerate(file.cases):
        own: dict[str, FileQuestion] = {}
        for q, question in enumerate(case.questions):
            where = f"$.cases[{c}].questions[{q}]"
            if question.ref in questions or question.ref in own:
                yield f"{where}.ref", say("code_twice", code=question.ref)
            if question.round == 2:
                parent = own.get(question.repeats or "")
                if parent is None or parent.round != 1:
                    yield f"{where}.repeats", say("repeats_earlier_question")
            elif question.repeats is not None:
                yield f"{where}.repeats", say("only_round_two_repeats")
            own[question.ref] = question
        questions.update(own)
    if file.results is None:
        return
    results = file.results
    if results.current_question is not None and results.current_question not in questions:
        yield "$.results.current_question", say("no_question_ref", ref=results.current_question)
    seen: set[tuple[str, str]] = set()
    rows: list[tuple[str, FileBallot | FileBallotChange]] = [
        *(("ballots", b) for b in results.ballots),
        *(("history", h) for h in results.history),
    ]
    counters = {"ballots": 0, "history": 0}
    for kind, row in rows:
        index = counters[kind]
        counters[kind] += 1
        where = f"$.results.{kind}[{index}]"
        found = questions.get(row.question)
        if found is None:
            yield f"{where}.question", say("no_question_ref", ref=row.question)
            continue
        if row.site.lower() not in invited:
            yield f"{where}.site", say("site_not_invited_code", code=row.site)
        n_options = len(found.options)
        if any(i >= n_options for i in row.options):
            yield f"{where}.options", say("question_has_options", ref=row.question, count=n_options)
        if len(set(row.options)) != len(row.options):
            yield f"{where}.options", say("option_appears_twice")
        if kind == "ballots":
            key = (row.question, row.site.lower())
            if key in seen:
                yield where, say("second_ballot", code=row.site, ref=row.question)
            seen.add(key)
    for p, poll in enumerate(results.poll_imports):
        for t, total in enumerate(poll.totals):
            where = f"$.results.poll_imports[{p}].totals[{t}]"
            found = questions.get(total.question)
            if found is None:
                yield f"{where}.question", say("no_question_ref", ref=total.question)
            elif total.option is not None and total.option >= len(found.options):
                n_options = len(found.options)
                yield (
                    f"{where}.option",
                    say("question_has_options", ref=total.question, count=n_options),
                )
    hashes = [poll.sha256 for poll in results.poll_imports]
    if len(set(hashes)) != len(hashes):
        yield "$.results.poll_imports", say("report_imported_twice")
    for index, note in enumerate(results.notes):
        where = f"$.results.notes[{index}]"
        if (note.case is None) == (note.question is None):
            yield where, say("case_or_question")
        elif note.case is not None and note.case > len(file.cases):
            yield f"{where}.case", say("there_are_cases", count=len(file.cases))
        elif note.question is not None and note.question not in questions:
            yield f"{where}.question", say("no_question_ref", ref=note.question)


# --- export --------------------------------------------------------------------------


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
    findings = [finding_as_package(f) for f in case.findings]
    if not summary:  # the headline shows the first finding only, without its comment
        findings = [f.model_copy(update={"comment": ""}) for f in findings[:1]]
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
    return FileCase(
        title=case.title,
        presenter=case.presenter if summary else "",
        age=case.age,
        sex=Sex(case.sex) if case.sex else None,
        diagnosis=case.diagnosis,
        icd10=case.icd10 if summary else "",
        histology=case.histology if summary else "",
        stage=case.stage if summary else "",
        ecog=case.ecog if summary else None,
        prior_therapy_lines=case.prior_therapy_lines if summary else None,
        prior_therapies=case.prior_therapies if text else "",
        tmb=case.tmb if summary else None,
        msi=case.msi if summary else "",
        text=case.text if text else "",
        findings=findings,
        images=[
            PackageImage(
                filename=i.filename,
                mime=i.mime,  # type: ignore[arg-type]  # a str column; pydantic checks it
                caption=i.caption,
                data=base64.b64encode(i.data).decode("ascii"),
            )
            for i in case.images
        ]
        if images
        else [],
        questions=questions,
    )


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
    )


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
            )
            if full
            else FileCme(),
            fellows=[FileFellow(name=f.name, site=f.site) for f in conf.fellows] if full else [],
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
                attendees=[FileAttendee(name=a.name, efn=a.efn) for a in i.attendees]
                if full
                else [],
            )
            for i in invitations
        ],
        cases=[_file_case(case, refs, publish) for case in cases],
        results=_results(session, conf, cases, refs) if full else None,
    )


def write_conference_file(file: ConferenceFile, path: Path) -> None:
    """Write atomically: a crash never leaves half a file behind."""
    text = file.model_dump_json(indent=2, exclude_none=False) + "\n"
    write_text_atomic(Path(path), text)


# --- import --------------------------------------------------------------------------


def _check_tokens_free(session: Session, file: ConferenceFile, name: str, keep: int | None) -> None:
    """A link works for one conference only: refuse tokens another conference holds."""
    for index, inv in enumerate(file.invitations):
        if not inv.token:
            continue
        holder = session.scalar(
            select(Conference.slug)
            .join(Invitation, Invitation.conference_id == Conference.id)
            .where(Invitation.token_hash == token_digest(inv.token))
        )
        if holder is not None and (keep is None or holder != _slug_of(session, keep)):
            where = f"$.invitations[{index}].token"
            raise ConferenceFileError(at(name, where, say("token_taken", holder=holder)))


def _slug_of(session: Session, conference_id: int) -> str:
    return get_conference_row(session, conference_id).slug


def _fill(
    session: Session,
    conf: Conference,
    file: ConferenceFile,
    name: str,
    actor: str,
    *,
    new_links: bool = False,
) -> None:
    """Write the file's content into an empty conference (metadata already set)."""
    meta = file.conference
    conf.starts_at, conf.ends_at = meta.starts_at, meta.ends_at
    conf.moderator = meta.moderator
    conf.vnr = meta.cme.vnr
    conf.cme_category = meta.cme.category
    conf.cme_points = meta.cme.points
    conf.scientific_lead = meta.cme.scientific_lead
    conf.fellows = [
        Fellow(position=i, name=f.name, site=f.site) for i, f in enumerate(meta.fellows)
    ]
    site_ids: dict[str, int] = {}
    for index, site in enumerate(file.sites):
        try:
            site_ids[site.code.lower()] = ensure_site(
                session, SiteData(site.name, site.code, site.city, site.email)
            )
        except InvalidInput as exc:
            raise ConferenceFileError(at(name, f"$.sites[{index}]", exc.message)) from None
        same = [c for c, i in site_ids.items() if i == site_ids[site.code.lower()]]
        if len(same) > 1:
            problem = say("same_site_here", code=site.code, other=same[0])
            raise ConferenceFileError(at(name, f"$.sites[{index}]", problem))
    for inv in file.invitations:
        invitation = Invitation(
            site_id=site_ids[inv.site.lower()],
            token=inv.token,
            token_hash=token_digest(inv.token) if inv.token else None,
            present=inv.present,
            attendee_count=max(inv.attendee_count, len(inv.attendees)) if inv.present else 0,
            checked_in_at=inv.checked_in_at,
            attendees=[Attendee(name=a.name, efn=a.efn) for a in inv.attendees],
        )
        if new_links and inv.token:  # a revoked link stays revoked
            issue_token(invitation)
        conf.invitations.append(invitation)
    session.flush()
    question_ids: dict[str, int] = {}
    case_ids: list[int] = []
    for c, case in enumerate(file.cases):
        firsts = case.model_copy(update={"questions": [q for q in case.questions if q.round == 1]})
        try:
            case_id = add_case(session, conf.id, firsts)
        except InvalidInput as exc:
            raise ConferenceFileError(at(name, f"$.cases[{c}]", exc.message)) from None
        case_ids.append(case_id)
        rows = list(
            session.scalars(
                select(Question).where(Question.case_id == case_id).order_by(Question.position)
            )
        )
        for row, question in zip(rows, (q for q in case.questions if q.round == 1), strict=True):
            question_ids[question.ref] = row.id
        for question in case.questions:
            if question.round == 2:
                parent_id = question_ids[question.repeats or ""]
                parent = session.get(Question, parent_id)
                assert parent is not None
                repeat = Question(
                    case_id=case_id,
                    text=parent.text,
                    kind=parent.kind,
                    allow_abstain=question.allow_abstain,
                    round=2,
                    parent_id=parent_id,
                    duration_seconds=question.duration_seconds,
                    options=[_copy_option(o) for o in parent.options],
                )
                session.add(repeat)
                session.flush()
                question_ids[question.ref] = repeat.id
        for position, question in enumerate(case.questions):  # repeats right after round 1
            stored = session.get(Question, question_ids[question.ref])
            assert stored is not None
            stored.position = position
            stored.state = question.state.value
            stored.opened_at, stored.closed_at = question.opened_at, question.closed_at
            stored.revealed_at = question.revealed_at
            stored.skip_reason = question.skip_reason
    if file.results is not None:
        _restore_results(session, conf, file, site_ids, question_ids, case_ids)
    session.flush()


def _copy_option(option: Option) -> Option:
    return Option(
        position=option.position,
        label=option.label,
        code=option.code,
        phrase_de=option.phrase_de,
        phrase_en=option.phrase_en,
        exclusive=option.exclusive,
    )


def _restore_results(
    session: Session,
    conf: Conference,
    file: ConferenceFile,
    site_ids: dict[str, int],
    question_ids: dict[str, int],
    case_ids: list[int],
) -> None:
    results = file.results
    assert results is not None
    options: dict[str, list[int]] = {}
    for ref, question_id in question_ids.items():
        question = session.get(Question, question_id)
        assert question is not None
        options[ref] = [o.id for o in question.options]
    for ballot in results.ballots:
        session.add(
            Ballot(
                question_id=question_ids[ballot.question],
                site_id=site_ids[ballot.site.lower()],
                abstain=ballot.abstain,
                comment=ballot.comment,
                source=ballot.source.value,
                actor=ballot.actor,
                cast_at=ballot.cast_at,
                revision=ballot.revision,
                choices=[
                    BallotChoice(option_id=options[ballot.question][i]) for i in ballot.options
                ],
            )
        )
    for change in results.history:
        session.add(
            BallotChange(
                question_id=question_ids[change.question],
                site_id=site_ids[change.site.lower()],
                revision=change.revision,
                option_ids=",".join(str(options[change.question][i]) for i in change.options),
                abstain=change.abstain,
                comment=change.comment,
                source=change.source.value,
                actor=change.actor,
                at=change.at,
            )
        )
    for note in results.notes:
        session.add(
            Note(
                conference_id=conf.id,
                case_id=case_ids[note.case - 1] if note.case else None,
                question_id=question_ids[note.question] if note.question else None,
                kind=note.kind.value,
                text=note.text,
                updated_at=note.updated_at,
            )
        )
    for event in results.audit:
        session.add(
            AuditEvent(
                conference_id=conf.id,
                at=event.at,
                actor=event.actor,
                action=event.action,
                question_id=question_ids.get(event.question or ""),
                site_id=site_ids.get((event.site or "").lower()),
                detail=json.dumps(event.detail, ensure_ascii=False, sort_keys=True, default=str),
            )
        )
    for poll in results.poll_imports:
        stored = PollImport(
            conference_id=conf.id,
            sha256=poll.sha256,
            filename=poll.filename,
            format=poll.format,
            anonymous=poll.anonymous,
            n_ballots=poll.n_ballots,
            actor=poll.actor,
            summary=poll.summary,
            imported_at=poll.imported_at,
        )
        session.add(stored)
        session.flush()
        for total in poll.totals:
            session.add(
                CallPollTotal(
                    import_id=stored.id,
                    question_id=question_ids[total.question],
                    option_id=None
                    if total.option is None
                    else options[total.question][total.option],
                    abstain=total.abstain,
                    count=total.count,
                )
            )
    session.flush()
    conf.current_question_id = question_ids.get(results.current_question or "")


def import_conference_file(
    session: Session,
    file: ConferenceFile,
    *,
    name: str = "conference file",
    actor: str = "moderator",
    new_links: bool = False,
) -> int:
    """A new conference from the file (its sites added to the registry when new); returns
    its id. The sites keep their links unless ``new_links`` (a copy in the same database).
    Raises before the caller commits when anything is wrong, so nothing is written."""
    if not new_links:
        _check_tokens_free(session, file, name, None)
    meta = file.conference
    conf_id = create_conference(
        session, meta.topic, meta.date, language=meta.language, slug=meta.slug, actor=actor
    )
    conf = get_conference_row(session, conf_id)
    _fill(session, conf, file, name, actor, new_links=new_links)
    audit.record(session, conf_id, actor, "conference_imported", file=name, mode=file.mode)
    return conf_id


def count_ballots(session: Session, conference_id: int) -> int:
    """How many ballots the conference holds (current ones, every question and round)."""
    return (
        session.scalar(
            select(func.count(Ballot.id))
            .join(Question, Question.id == Ballot.question_id)
            .join(Case, Case.id == Question.case_id)
            .where(Case.conference_id == conference_id)
        )
        or 0
    )


def replace_conference(
    session: Session,
    conference_id: int,
    file: ConferenceFile,
    *,
    name: str = "conference file",
    actor: str = "moderator",
) -> None:
    """Put the file's content into an existing conference, refused once it has ballots.

    The conference keeps its id, short name and moderator token; everything else (data,
    sites invited, cases, notes) comes from the file.
    """
    conf = get_conference_row(session, conference_id)
    ballots = count_ballots(session, conference_id)
    if ballots:
        raise StateConflict(say("conference_has_ballots", count=ballots))
    _check_tokens_free(session, file, name, conference_id)
    overwrite_content(session, conf, file, name, actor)
    audit.record(session, conference_id, actor, "conference_replaced", file=name, mode=file.mode)


def overwrite_content(
    session: Session, conf: Conference, file: ConferenceFile, name: str, actor: str
) -> None:
    """The conference's content (cases, invitations, fellows, notes, metadata) becomes the
    file's; the conference keeps its id, short name and moderator token."""
    conf.current_question_id = None
    session.flush()
    session.execute(delete(Note).where(Note.conference_id == conf.id))
    for case in list(conf.cases):
        session.delete(case)
    conf.invitations.clear()
    conf.fellows.clear()
    session.flush()
    meta = file.conference
    conf.topic, conf.date, conf.language = meta.topic, meta.date, meta.language
    conf.updated_at = utcnow()
    _fill(session, conf, file, name, actor)


def summary_of(session: Session, conference_id: int) -> dict[str, object]:
    """What the database holds of a conference, in a few numbers (before overwriting it)."""
    conf = get_conference_row(session, conference_id)
    session.refresh(conf)
    n_cases = session.scalar(select(func.count(Case.id)).where(Case.conference_id == conf.id))
    n_questions = session.scalar(
        select(func.count(Question.id))
        .join(Case, Case.id == Question.case_id)
        .where(Case.conference_id == conf.id)
    )
    return {
        "slug": conf.slug,
        "topic": conf.topic,
        "date": conf.date.isoformat(),
        "cases": n_cases or 0,
        "questions": n_questions or 0,
        "invited_sites": len(conf.invitations),
        "present_sites": sum(1 for i in conf.invitations if i.present),
        "ballots": count_ballots(session, conference_id),
        "updated_at": (conf.updated_at or conf.created_at).isoformat(),
    }
