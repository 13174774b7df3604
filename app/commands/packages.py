"""``import`` and ``export``: case packages into a conference and out of it."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import EXIT_OK, conference_id, open_db
from app.commands.messages import plural, text


def run_import(args: argparse.Namespace) -> int:
    from app.services.conferences import get_conference
    from app.services.packages import import_packages

    db = open_db(args)
    try:
        with db.write() as session:
            target = conference_id(session, args.into) if args.into else None
            conf_id, case_ids = import_packages(
                session,
                [Path(f) for f in args.files],
                conference_id=target,
                date=getattr(args, "date", None),
            )
            slug = get_conference(session, conf_id).slug
    finally:
        db.dispose()
    cases, files = len(case_ids), len(args.files)
    print(text(args.cli_lang, "packages_imported", cases=cases, files=files, slug=slug))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from app.services.packages import build_package, write_package

    db = open_db(args)
    try:
        with db.read() as session:
            package = build_package(session, conference_id(session, args.conference))
    finally:
        db.dispose()
    write_package(package, Path(args.file))
    print(plural(args.cli_lang, "package_exported", len(package.cases), file=args.file))
    return EXIT_OK
