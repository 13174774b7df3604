"""``python main.py ask CONFERENCE TEXT``: a quick question of the free discussion, for
scripted sessions. It is written to the database like every other command; a voting
server serving the same database shows it on the sites' pages within its usual second."""

from __future__ import annotations

import argparse

from app.commands.common import EXIT_OK, conference_id, open_db
from app.commands.messages import text


def run(args: argparse.Namespace) -> int:
    from app.services.moderator_actions import DESKTOP
    from app.services.quick import add_quick_question

    db = open_db(args)
    try:
        with db.write() as session:
            question = add_quick_question(
                session,
                conference_id(session, args.conference),
                args.text,
                args.kind,
                args.option,
                args.case,
                allow_abstain=not args.no_abstain,
                duration_seconds=args.duration,
                open=not args.draft,
                actor=DESKTOP,
            )
    finally:
        db.dispose()
    state = text(args.cli_lang, "asked_open" if question.is_open else "asked_draft")
    print(f"{question.number} (id {question.id}): {state} – {question.text}")
    return EXIT_OK
