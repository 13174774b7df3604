"""``python main.py sites import|export FILE``: the site registry as CSV or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.common import EXIT_OK, open_db
from app.commands.messages import plural, text


def run_import(args: argparse.Namespace) -> int:
    from app.services.site_registry import import_registry, read_registry

    path = Path(args.file)
    sites = read_registry(path)  # every row checked before the database is touched
    db = open_db(args)
    try:
        with db.write() as session:
            done = import_registry(session, sites, name=path.name)
    finally:
        db.dispose()
    said = text(
        args.cli_lang, "sites_imported", added=done.added, updated=done.updated, file=path.name
    )
    print(said)
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from app.services.site_registry import registry_text, write_registry

    db = open_db(args)
    try:
        with db.read() as session:
            if args.file == "-":
                sys.stdout.write(registry_text(session, as_json=args.json))
                return EXIT_OK
            count = write_registry(session, Path(args.file))
    finally:
        db.dispose()
    print(plural(args.cli_lang, "sites_exported", count, file=args.file), file=sys.stderr)
    return EXIT_OK
