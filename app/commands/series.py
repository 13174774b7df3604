"""``python main.py series …``: the round's plan (list, add, change, remove, publish, make
the conference), its calendar, participation by site and the yearly report."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from app.commands.common import EXIT_OK, CliError, iso_date, open_db, whole_number
from app.commands.messages import plural, say, text
from app.config import LANGUAGES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.plan import PlanEntryData

Dispatch = Callable[[str, str], Callable[[argparse.Namespace], int]]
_LANG_HELP = "default: the command line's language (VOTUM_LANG, else the system's)"


def _lang(args: argparse.Namespace) -> str:
    """``--lang``, else the command line's language: what is printed speaks one language."""
    return str(args.lang or args.cli_lang)


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], dispatch: Dispatch
) -> None:
    """``series`` and ``archive`` with their actions (called by :mod:`app.cli`)."""
    series = sub.add_parser("series", help="the round: its plan, calendar, participation, report")
    actions = series.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("plan", help="the plan: every session with its state")
    listing.add_argument("--lang", choices=LANGUAGES, help=_LANG_HELP)
    listing.set_defaults(func=dispatch("series", "run_plan"))
    add = actions.add_parser("add", help="plan a session")
    _entry_options(add, required=True)
    add.set_defaults(func=dispatch("series", "run_add"))
    change = actions.add_parser("set", help="change a planned session")
    change.add_argument("entry", metavar="ENTRY", help="number (as 'series plan' shows) or date")
    _entry_options(change, required=False)
    change.set_defaults(func=dispatch("series", "run_set"))
    for name, help_text, func in (
        ("remove", "take a session off the plan (its conference stays)", "run_remove"),
        ("create", "make the conference of a planned session (sites as last time)", "run_create"),
        ("publish", "mark a session's results as published", "run_publish"),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("entry", metavar="ENTRY", help="number or date (YYYY-MM-DD)")
        if name == "publish":
            action.add_argument("--undo", action="store_true", help="take the mark back")
        action.set_defaults(func=dispatch("series", func))
    calendar = actions.add_parser("calendar", help="the plan as iCalendar (.ics)")
    calendar.add_argument("-o", "--output", required=True, metavar="FILE")
    calendar.add_argument("--lang", choices=LANGUAGES, help=_LANG_HELP)
    calendar.set_defaults(func=dispatch("series", "run_calendar"))
    part = actions.add_parser("participation", help="each site across the sessions held")
    part.add_argument("--year", type=whole_number, help="only the sessions of this year")
    part.set_defaults(func=dispatch("series", "run_participation"))
    report = actions.add_parser("report", help="the project lead's yearly report (PDF)")
    report.add_argument("--year", type=whole_number, required=True, metavar="YYYY")
    report.add_argument("-o", "--output", required=True, metavar="FILE")
    report.add_argument("--lang", choices=LANGUAGES, help=_LANG_HELP)
    report.set_defaults(func=dispatch("series", "run_report"))

    archive = sub.add_parser("archive", help="search every conference's questions")
    archive_actions = archive.add_subparsers(title="actions", metavar="ACTION", required=True)
    find = archive_actions.add_parser("search", help="questions, options, cases, diagnoses, genes")
    find.add_argument("text", nargs="+", metavar="TEXT", help="words that must all occur")
    find.add_argument("--limit", type=whole_number, default=50, help="hits shown (default 50)")
    find.add_argument("--lang", choices=LANGUAGES, help=_LANG_HELP)
    find.set_defaults(func=dispatch("series", "run_search"))


def _entry_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--date", type=iso_date, required=required, help="YYYY-MM-DD")
    parser.add_argument("--topic", required=required)
    parser.add_argument("--starts", metavar="HH:MM", help="start time (local)")
    parser.add_argument("--ends", metavar="HH:MM", help="end time (local)")
    parser.add_argument(
        "--fellow",
        action="append",
        metavar="NAME@SITE",
        help="a responsible fellow (repeat for each; replaces the list); --fellow '' clears it",
    )


def _fellows(values: list[str] | None) -> tuple[tuple[str, str], ...] | None:
    if values is None:
        return None
    fellows = []
    for value in values:
        if not value.strip():
            continue
        name, _, site = value.partition("@")
        if not name.strip():
            raise CliError(say("fellow_needs_name", value=repr(value)))
        fellows.append((name.strip(), site.strip()))
    return tuple(fellows)


@contextmanager
def _session(args: argparse.Namespace, *, write: bool = False) -> Iterator[Session]:
    """A session on the database ``--db`` names: one transaction, the database closed after."""
    db = open_db(args)
    try:
        with db.write() if write else db.read() as session:
            yield session
    finally:
        db.dispose()


# --- the plan ----------------------------------------------------------------------------


def run_plan(args: argparse.Namespace) -> int:
    """One line per session: number, date, times, state, conference, topic, fellows."""
    from app.services.plan import plan

    with _session(args) as session:
        rows = plan(session)
    lang = _lang(args)
    if not rows:
        print(text(lang, "plan_empty"))
    for row in rows:
        number = str(row.entry_id) if row.entry_id is not None else "-"
        times = "–".join(t for t in (row.starts_at, row.ends_at) if t) or "-"
        fields = [number, row.date.isoformat(), times, row.status.label(lang)]
        fields += [row.slug or "-", row.topic, row.fellows_text() or "-"]
        print("\t".join(fields))
    return EXIT_OK


def _data(args: argparse.Namespace, base: PlanEntryData | None = None) -> PlanEntryData:
    from app.services.plan import PlanEntryData

    fellows = _fellows(args.fellow)
    if base is None:
        return PlanEntryData(
            args.date, args.topic, args.starts or "", args.ends or "", fellows or ()
        )
    return PlanEntryData(
        args.date or base.date,
        base.topic if args.topic is None else args.topic,
        base.starts_at if args.starts is None else args.starts,
        base.ends_at if args.ends is None else args.ends,
        base.fellows if fellows is None else fellows,
    )


def run_add(args: argparse.Namespace) -> int:
    from app.services.plan import add_entry

    with _session(args, write=True) as session:
        entry_id = add_entry(session, _data(args))
    day = args.date.isoformat()
    print(text(args.cli_lang, "planned", entry=entry_id, date=day, topic=args.topic))
    return EXIT_OK


def run_set(args: argparse.Namespace) -> int:
    from app.services.plan import entry_data, find_entry, update_entry

    with _session(args, write=True) as session:
        entry_id = find_entry(session, args.entry)
        data = _data(args, entry_data(session, entry_id))
        update_entry(session, entry_id, data)
    day = data.date.isoformat()
    print(text(args.cli_lang, "changed", entry=entry_id, date=day, topic=data.topic))
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    from app.services.plan import delete_entry, find_entry

    with _session(args, write=True) as session:
        delete_entry(session, find_entry(session, args.entry))
    print(text(args.cli_lang, "removed_from_plan", entry=args.entry))
    return EXIT_OK


def run_publish(args: argparse.Namespace) -> int:
    from app.services.plan import find_entry, set_published

    with _session(args, write=True) as session:
        set_published(session, find_entry(session, args.entry), not args.undo)
    print(text(args.cli_lang, "not_published" if args.undo else "published", entry=args.entry))
    return EXIT_OK


def run_create(args: argparse.Namespace) -> int:
    from app.services.conferences import get_conference
    from app.services.plan import create_conference, find_entry

    with _session(args, write=True) as session:
        conf = get_conference(session, create_conference(session, find_entry(session, args.entry)))
    day = conf.date.isoformat()
    said = plural(
        args.cli_lang, "conference_made", conf.n_invited, slug=conf.slug, date=day, topic=conf.topic
    )
    print(said)
    return EXIT_OK


def run_calendar(args: argparse.Namespace) -> int:
    from app.commands.reports import _target
    from app.reports.plan_calendar import write_plan_calendar
    from app.services.plan import plan

    path = _target(args.output)
    with _session(args) as session:
        rows = plan(session)
    count = write_plan_calendar(rows, path, lang=_lang(args))
    print(plural(args.cli_lang, "calendar_written", count, path=path))
    return EXIT_OK


# --- participation and the yearly report ---------------------------------------------------


def run_participation(args: argparse.Namespace) -> int:
    """A table: site, sessions attended, questions voted, participants."""
    from app.services.participation import participation
    from app.services.yearly import check_year

    start = end = None
    if args.year is not None:
        check_year(args.year)
        start, end = dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)
    with _session(args) as session:
        table = participation(session, start=start, end=end)
    print(text(args.cli_lang, "participation_header"))
    for row in table.sites:
        print(
            f"{row.site.code}\t{row.site.name}\t{row.attended}/{row.invited}\t"
            f"{row.voted}/{row.asked}\t{row.participants}"
        )
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from app.commands.reports import _target
    from app.reports.yearly_report import write_year_report
    from app.services.yearly import check_year

    check_year(args.year)
    path = _target(args.output)
    db = open_db(args)
    try:
        report = write_year_report(db, args.year, path, lang=_lang(args))
    finally:
        db.dispose()
    sessions, questions = len(report.sessions), report.questions
    print(
        text(
            args.cli_lang, "year_report_written", path=path, sessions=sessions, questions=questions
        )
    )
    return EXIT_OK


# --- the archive ---------------------------------------------------------------------------


def run_search(args: argparse.Namespace) -> int:
    """One line per hit, newest first: date, conference, number, question, result."""
    from app.services.archive import search

    query = " ".join(args.text)
    with _session(args) as session:
        found = search(session, query, limit=max(1, args.limit))
    hits, total, lang = found.hits, found.total, _lang(args)
    for hit in hits:
        result = hit.result.summary(lang) if hit.result else _not_asked(lang)
        question = " ".join(hit.text.split())
        print(f"{hit.date.isoformat()}\t{hit.slug}\t{hit.number}\t{question}\t{result}")
    if total > len(hits):
        print(plural(lang, "questions_found_some", total, shown=len(hits)))
    else:
        print(plural(lang, "questions_found", total))
    return EXIT_OK


def _not_asked(lang: str) -> str:
    from app.services.series_texts import text as series_text

    return series_text(lang, "not_asked")
