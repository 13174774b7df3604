"""The sites' own hands on the command line: ``sites status`` (who tested their link),
``conference checkin --open|--close``, ``conference held`` and ``certificates``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import EXIT_OK, CliError, conference_id, open_db
from app.commands.messages import say


def run_status(args: argparse.Namespace) -> int:
    """``sites status CONFERENCE``: one line per invited site, its last visit or "not yet"."""
    from app.services.checkin import link_visits

    db = open_db(args)
    try:
        with db.read() as session:
            visits = link_visits(session, conference_id(session, args.conference))
    finally:
        db.dispose()
    width = max((len(v.site.code) for v in visits), default=0)
    for visit in visits:
        if visit.last_seen_at is None:
            seen = "not opened yet / noch nicht geöffnet"
        else:
            seen = visit.last_seen_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{visit.site.code:<{width}}  {seen:<37}  {visit.site.name}")
    tested = sum(1 for v in visits if v.tested)
    print(f"{tested} of {len(visits)} sites have opened their link")
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
    print("check-in open" if args.open else "check-in closed (only the moderator changes it)")
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
    print(f"held: {held_at.astimezone().strftime('%Y-%m-%d %H:%M')}; check-in closed")
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
    print(f"{len(written) - 1} certificate(s) written to {folder}; all in one: {written[-1].name}")
    return EXIT_OK
