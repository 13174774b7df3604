"""``import`` and ``export``: case packages into a conference and out of it."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import EXIT_OK, conference_id, open_db


def run_import(args: argparse.Namespace) -> int:
    from app.services.conferences import get_conference
    from app.services.packages import import_packages

    db = open_db(args)
    with db.write() as session:
        target = conference_id(session, args.into) if args.into else None
        conf_id, case_ids = import_packages(
            session,
            [Path(f) for f in args.files],
            conference_id=target,
            date=getattr(args, "date", None),
        )
        slug = get_conference(session, conf_id).slug
    print(f"imported {len(case_ids)} case(s) from {len(args.files)} file(s) into {slug}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from app.services.packages import build_package, write_package

    db = open_db(args)
    with db.read() as session:
        package = build_package(session, conference_id(session, args.conference))
    write_package(package, Path(args.file))
    print(f"exported {len(package.cases)} case(s) to {args.file}")
    return EXIT_OK
