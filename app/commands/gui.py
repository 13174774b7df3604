"""``python main.py`` without a subcommand: the desktop app (Qt is imported only here)."""

from __future__ import annotations

import argparse


def start_app(db_url: str, conference_id: int | None = None) -> int:
    from app.ui.application import run_app

    return run_app(db_url=db_url, conference_id=conference_id)


def run(args: argparse.Namespace) -> int:
    return start_app(args.db)
