"""``poll-import CONFERENCE FILE``: a call's poll report into a conference, preview first."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.common import EXIT_OK, CliError, conference_id, open_db
from app.commands.messages import say, text
from app.texts import Message

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.poll_matching import Resolution
    from app.services.poll_preview import ImportChoices, PollPreview
    from app.services.views import QuestionInfo, SiteInfo

RESOLVE_HINT = "--resolve SITE:QUESTION=1|2|…|abstain"


def run(args: argparse.Namespace) -> int:
    from app.services.poll_import import import_report
    from app.services.poll_preview import preview_import
    from app.services.poll_reports import CsvColumns, report_bytes

    path = Path(args.file)
    data = report_bytes(path)  # refused before reading when too large
    mapping = _read_mapping(args.mapping) if args.mapping else {}
    columns = CsvColumns.parse(args.columns) if args.columns else None
    db = open_db(args)
    try:
        with db.write() as session:
            conf_id = conference_id(session, args.conference)
            plain = preview_import(
                session, conf_id, data, filename=path.name, format=args.format, columns=columns
            )
            choices = _choices(session, args, mapping, plain)
            preview = preview_import(
                session,
                conf_id,
                data,
                filename=path.name,
                format=args.format,
                columns=columns,
                choices=choices,
            )
            lang = args.cli_lang
            print(describe(preview, lang, full=args.full))
            blockers = preview.blockers
            if blockers:
                refused = blockers[0]
                if len(blockers) > 1:
                    refused = say("blocked_more", first=refused, more=len(blockers) - 1)
                if preview.plan.conflicts:
                    refused = say("blocked_hint", first=refused, hint=RESOLVE_HINT)
                raise CliError(refused)
            if args.dry_run:
                print(text(lang, "dry_run"))
                session.rollback()
                return EXIT_OK
            result = import_report(
                session,
                conf_id,
                data,
                filename=path.name,
                format=args.format,
                columns=columns,
                choices=choices,
            )
    finally:
        db.dispose()
    ballots, totals = result.n_ballots, result.n_totals
    print(text(args.cli_lang, "poll_imported", ballots=ballots, totals=totals))
    return EXIT_OK


def _read_mapping(raw: str) -> dict[str, Any]:
    """``{"participants": {who: site}, "domains": {domain: site}, "questions": {poll text:
    number or null}, "resolve": {"SITE:QUESTION": choice}}``; every part optional."""
    path = Path(raw)
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        reason = Message.plain(str(exc.strerror or exc))
        raise CliError(say("mapping_unreadable", path=path, reason=reason)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CliError(say("not_json", path=path, reason=Message.plain(str(exc)))) from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k, {}), dict)
        for k in ("participants", "domains", "questions", "resolve")
    ):
        raise CliError(say("mapping_shape", path=path))
    return data


def _choices(
    session: Session, args: argparse.Namespace, mapping: Mapping[str, Any], plain: PollPreview
) -> ImportChoices:
    from app.services.poll_preview import (
        ImportChoices,
        find_question,
        find_site,
        round_questions,
    )
    from app.services.poll_rules import rule_key

    sites = plain.sites
    questions = {q.id: q for q in round_questions(session, plain.conference_id, args.round)}
    participants = {
        rule_key(who): find_site(sites, str(code))
        for who, code in mapping.get("participants", {}).items()
    }
    domains = {
        str(domain).casefold().lstrip("@"): find_site(sites, str(code))
        for domain, code in mapping.get("domains", {}).items()
    }
    chosen: dict[str, int | None] = {
        text: find_question(questions, str(number)) if number else None
        for text, number in mapping.get("questions", {}).items()
    }
    confirmed = _confirmed(args.confirm, plain, questions)
    resolutions: dict[tuple[int, int], Resolution] = {}
    entries = [*mapping.get("resolve", {}).items(), *(_split_resolve(r) for r in args.resolve)]
    for target, choice in entries:
        site_ref, _, number = str(target).partition(":")
        key = (find_site(sites, site_ref), find_question(questions, number))
        resolutions[key] = _resolution(str(choice))
    return ImportChoices(
        round=args.round,
        participants=participants,
        domains=domains,
        questions=chosen,
        confirmed=frozenset(confirmed),
        resolutions=resolutions,
    )


def _confirmed(
    wanted: list[str], plain: PollPreview, questions: Mapping[int, QuestionInfo]
) -> set[str]:
    """Poll texts whose close match the user accepted by question number (or ``all``)."""
    texts = set()
    for number in wanted:
        for match in plain.plan.unconfirmed:
            if number == "all" or match.number == number.strip():
                texts.add(match.poll_text)
    return texts


def _split_resolve(raw: str) -> tuple[str, str]:
    target, sep, choice = raw.partition("=")
    if not sep or ":" not in target:
        raise CliError(say("resolve_shape", raw=repr(raw)))
    return target, choice


def _resolution(choice: str) -> Resolution:
    choice = choice.strip().casefold()
    if choice in ("abstain", "enthaltung"):
        return "abstain"
    if choice.isdigit() and int(choice) >= 1:
        return int(choice)
    raise CliError(say("resolution_shape", choice=repr(choice)))


def _site(sites: Mapping[int, SiteInfo], site_id: int | None) -> str:
    if site_id is None or site_id not in sites:
        return "—"
    return sites[site_id].code


#: Lines a section of the preview shows before it says how many more there are.
PREVIEW_LINES = 20


def _capped(entries: list[str], full: bool, lang: str) -> list[str]:
    """A section's lines, the first :data:`PREVIEW_LINES` and how many more (unless ``full``)."""
    if full or len(entries) <= PREVIEW_LINES:
        return entries
    more = len(entries) - PREVIEW_LINES
    return [*entries[:PREVIEW_LINES], f"  {text(lang, 'more_lines', count=more)}"]


def describe(preview: PollPreview, lang: str, *, full: bool = False) -> str:
    """The preview as text: questions, participants, ballots, conflicts, what stays out;
    each section summarised after :data:`PREVIEW_LINES` lines unless ``full``."""
    plan, report = preview.plan, preview.report

    def word(key: str) -> str:
        return text(lang, key)

    lines = [
        f"{word('report')}: {preview.filename} ({report.format.value}), "
        f"{len(report.questions)} {word('questions')}, {len(report.answers)} {word('answers')}"
    ]
    if plan.anonymous:
        lines.append(text(lang, "anonymous_poll"))
    lines.append(f"{text(lang, 'questions')}:")
    questions = []
    how = {m.how.value: word("match_" + m.how.value) for m in plan.questions}
    width = max([6, *(len(w) for w in how.values())])
    for match in plan.questions:
        number = match.number or "—"
        note = f" — {text(lang, 'confirm')}: --confirm {number}" if match.needs_confirmation else ""
        questions.append(
            f"  {number:5} {how[match.how.value]:{width}} {match.score:.2f}  "
            f"{match.poll_text}{note}"
        )
    lines += _capped(questions, full, lang)
    if plan.participants:
        lines.append(f"{text(lang, 'participants')}:")
        people = []
        for person in plan.participants:
            rule = word(f"rule_{person.rule.value}") + (f": {person.note}" if person.note else "")
            people.append(f"  {person.label} → {_site(preview.sites, person.site_id)} ({rule})")
        lines += _capped(people, full, lang)
    lines += _capped(
        [
            f"  {word('line')} {e.line}: {e.name or e.email} — {word('superseded')}"
            for e in report.superseded
        ],
        full,
        lang,
    )
    lines.append(f"{text(lang, 'ballots')}: {len(plan.ballots)}")
    lines += _capped(_ballot_lines(preview, lang), full, lang)
    conflicts = []
    for conflict in plan.conflicts:
        site = _site(preview.sites, conflict.site_id)
        number = preview.questions[conflict.question_id].number
        conflicts.append(f"{text(lang, 'conflict')} {site} {number}:")
        for index, variant in enumerate(conflict.variants, start=1):
            answer = variant.vote.comment or preview.answer_text(
                conflict.question_id, variant.vote.option_ids, variant.vote.abstain
            )
            conflicts.append(f"  [{index}] {answer} — {', '.join(variant.participants)}")
        conflicts.append(f"  --resolve {site}:{number}=1|…|abstain")
    lines += _capped(conflicts, full, lang)
    lines += _capped([f"! {b.in_language(lang)}" for b in preview.blockers], full, lang)
    return "\n".join(lines)


def _ballot_lines(preview: PollPreview, lang: str) -> list[str]:
    """The ballots, the stored ones they replace, and an anonymous poll's totals."""
    plan = preview.plan
    found = []
    for ballot in plan.ballots:
        number = preview.questions[ballot.question_id].number
        answer = ballot.vote.comment or preview.answer_text(
            ballot.question_id, ballot.vote.option_ids, ballot.vote.abstain
        )
        counted = f" ({len(ballot.participants)}×, {text(lang, 'counted_once')})"
        found.append(
            f"  {number:5} {_site(preview.sites, ballot.site_id):6} {answer}"
            + (counted if len(ballot.participants) > 1 else "")
        )
    for replaced in preview.replaced:
        found.append(
            f"  {text(lang, 'replaces')} {_site(preview.sites, replaced.site_id)} "
            f"{preview.questions[replaced.question_id].number} ({replaced.source.value})"
        )
    for total in plan.totals:
        what = (
            text(lang, "abstain")
            if total.abstain
            else text(lang, "valid")
            if total.option_id is None
            else preview.answer_text(total.question_id, (total.option_id,), False)
        )
        found.append(f"  {preview.questions[total.question_id].number:5} {what}: {total.count}")
    return found
