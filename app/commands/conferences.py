"""``python main.py list``: the conferences in the database, one per line."""

from __future__ import annotations

import argparse

from app.commands.common import EXIT_OK, open_db
from app.commands.messages import text


def run_list(args: argparse.Namespace) -> int:
    from app.services.conferences import list_conferences

    db = open_db(args)
    try:
        with db.read() as session:
            rows = list_conferences(session)
    finally:
        db.dispose()
    if not rows:
        print(text(args.cli_lang, "no_conferences"))
    for conf in rows:
        print(f"{conf.id}\t{conf.slug}\t{conf.date.isoformat()}\t{conf.topic}")
    return EXIT_OK
