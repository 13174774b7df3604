"""``python main.py demo``: the ready demo conference, opened in the app unless ``--no-gui``."""

from __future__ import annotations

import argparse

from app.commands.common import EXIT_OK, open_db
from app.commands.messages import text


def run(args: argparse.Namespace) -> int:
    from app.services.demo import load_demo

    db = open_db(args)
    try:
        with db.write() as session:
            conf_id = load_demo(session, reset=args.reset, series=True)
        if args.no_gui:
            from app.services.conferences import get_conference

            with db.read() as session:
                conf = get_conference(session, conf_id)
    finally:
        db.dispose()
    if args.no_gui:
        day = conf.date.isoformat()
        print(text(args.cli_lang, "demo_ready", slug=conf.slug, topic=conf.topic, date=day))
        return EXIT_OK
    from app.commands.gui import start_app

    return start_app(args.db, conference_id=conf_id)
