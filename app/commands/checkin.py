"""The sites' own hands on the command line: ``sites status`` (who tested their link),
``conference checkin --open|--close``, ``conference held`` and ``certificates``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import EXIT_OK, CliError, conference_id, open_db
from app.commands.messages import plural, say, text


def run_status(args: argparse.Namespace) -> int:
    """``sites status CONFERENCE``: one line per invited site, its last visit or "not yet"."""
    from app.services.checkin import link_visits

    db = open_db(args)
    try:
        with db.read() as session:
            visits = link_visits(session, conference_id(session, args.conference))
    finally:
        db.dispose()
    lang = args.cli_lang
    width = max((len(v.site.code) for v in visits), default=0)
    not_yet = text(lang, "not_opened_yet")
    column = max(len(not_yet), len("YYYY-MM-DD HH:MM"))
    for visit in visits:
        if visit.last_seen_at is None:
            seen = not_yet
        else:
            seen = visit.last_seen_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{visit.site.code:<{width}}  {seen:<{column}}  {visit.site.name}")
    tested = sum(1 for v in visits if v.tested)
    print(plural(lang, "sites_tested", len(visits), tested=tested))
    return EXIT_OK


def run_checkin(args: argparse.Namespace) -> int:
    """``conference checkin CONFERENCE --open|--close``: the sites' own check-in."""
    from app.services.checkin import set_checkin_open
    from app.services.moderator_actions import DESKTOP

    db = open_db(args)
    try:
        with db.write() as session:
            conf_id = conference_id(session, args.conference)
            set_checkin_open(session, conf_id, args.open, actor=DESKTOP)
    finally:
        db.dispose()
    print(text(args.cli_lang, "checkin_opened" if args.open else "checkin_closed"))
    return EXIT_OK


def run_held(args: argparse.Namespace) -> int:
    """``conference held CONFERENCE``: mark the session as held (closes the check-in)."""
    from app.services.checkin import mark_held
    from app.services.moderator_actions import DESKTOP

    db = open_db(args)
    try:
        with db.write() as session:
            state = mark_held(session, conference_id(session, args.conference), actor=DESKTOP)
            held_at = state.held_at
    finally:
        db.dispose()
    assert held_at is not None
    print(text(args.cli_lang, "held", when=held_at.astimezone().strftime("%Y-%m-%d %H:%M")))
    return EXIT_OK


def run_certificates(args: argparse.Namespace) -> int:
    """``certificates CONFERENCE -o FOLDER [--lang]``: one PDF per participant, and all."""
    from app.reports.certificates import write_certificates

    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise CliError(say("not_a_folder", path=folder))
    if not folder.parent.resolve().is_dir():
        raise CliError(say("folder_missing", path=folder, folder=folder.parent))
    db = open_db(args)
    try:
        with db.read() as session:
            conf_id = conference_id(session, args.conference)
        written = write_certificates(db, conf_id, folder, lang=args.lang)
    finally:
        db.dispose()
    count, everyone = len(written) - 1, written[-1].name
    print(plural(args.cli_lang, "certificates_written", count, folder=folder, all=everyone))
    return EXIT_OK
