"""A conference file into the database: a new conference from it, or a served
conference's content replaced before its session.

All or nothing (the caller's transaction): a file that cannot be used raises a
:class:`~app.services.conference_file.ConferenceFileError` naming the file, the JSON
path and the problem before anything is committed. Its field lists stay in step with
:mod:`app.services.conference_export` (tested as a round trip through both).
"""

from __future__ import annotations

import json

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.models import (
    Attendee,
    AuditEvent,
    Ballot,
    BallotChange,
    BallotChoice,
    CallPollTotal,
    Case,
    Conference,
    Fellow,
    Invitation,
    Note,
    Option,
    PollImport,
    Question,
    utcnow,
)
from app.services import audit, electorate
from app.services.agenda import add_case
from app.services.conference_file import ConferenceFileError
from app.services.conference_schema import ConferenceFile
from app.services.conferences import SiteData, create_conference, ensure_site, get_conference_row
from app.services.errors import InvalidInput, StateConflict
from app.services.file_messages import at, say
from app.services.kept_links import KeptLinks
from app.services.tokens import issue_token, token_digest


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
    link_missing: bool = True,
) -> None:
    """Write the file's content into an empty conference (metadata already set).

    ``new_links``: every site with a link gets a new one (a copy in the same database);
    ``link_missing``: an invitation the file gives no link gets one (a file prepared
    elsewhere must not leave a site without a way to vote). A fetch home keeps a link the
    server revoked revoked."""
    meta = file.conference
    conf.starts_at, conf.ends_at = meta.starts_at, meta.ends_at
    conf.moderator = meta.moderator
    conf.vnr = meta.cme.vnr
    conf.cme_category = meta.cme.category
    conf.cme_points = meta.cme.points
    conf.scientific_lead = meta.cme.scientific_lead
    conf.organiser = meta.cme.organiser
    conf.held_at = meta.held_at or conf.held_at  # fetched home: held here stays held
    conf.checkin_closed_at = meta.checkin_closed_at
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
            attendees=[Attendee(name=a.name, efn=a.efn, role=a.role) for a in inv.attendees],
            last_seen_at=inv.last_seen_at,
        )
        if (new_links and inv.token) or (link_missing and not inv.token):
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
    for kept in results.electorates:
        sites = [site_ids[code.lower()] for code in kept.sites]
        electorate.restore(
            session, question_ids[kept.question], sites, sites if kept.checked_in else ()
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
    audit.record(
        session,
        conf_id,
        actor,
        "conference_imported",
        file=name,
        mode=file.mode,
        new_links=sites_without_link(file),
    )
    return conf_id


def sites_without_link(file: ConferenceFile) -> list[str]:
    """The codes of the sites whose invitation in the file carries no link: an import gives
    each a new one (say so, the organiser must send them)."""
    return [inv.site for inv in file.invitations if not inv.token]


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
    overwrite_content(session, conf, file, name, actor, link_missing=True)
    audit.record(
        session,
        conference_id,
        actor,
        "conference_replaced",
        file=name,
        mode=file.mode,
        new_links=sites_without_link(file),
    )


def overwrite_content(
    session: Session,
    conf: Conference,
    file: ConferenceFile,
    name: str,
    actor: str,
    *,
    link_missing: bool = False,
) -> None:
    """The conference's content (cases, invitations, fellows, notes, metadata) becomes the
    file's; the conference keeps its id, short name and moderator token, and the links to
    earlier askings made or removed by hand stay with its questions (:mod:`.kept_links`).
    ``link_missing``: as :func:`_fill`."""
    links = KeptLinks.take(session, conf.id)
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
    _fill(session, conf, file, name, actor, link_missing=link_missing)
    links.restore(session, conf.id)


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
