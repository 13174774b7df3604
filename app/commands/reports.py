"""``report``, ``manuscript`` and ``results``: the protocol, the article's draft and the
exports, one line on success or error."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.common import EXIT_OK, CliError, conference_id, open_db
from app.commands.messages import say, text

if TYPE_CHECKING:
    from app.db import Database


def _target(raw: str) -> Path:
    """The output path, refused early when it cannot be a file."""
    path = Path(raw)
    if path.is_dir():
        raise CliError(say("is_a_folder", path=path))
    if not path.parent.resolve().is_dir():
        raise CliError(say("folder_missing", path=path, folder=path.parent))
    return path


def _with_conference(args: argparse.Namespace, action: Callable[[Database, int], None]) -> None:
    db = open_db(args)
    try:
        with db.read() as session:
            conf_id = conference_id(session, args.conference)
        action(db, conf_id)
    finally:
        db.dispose()


def run_report(args: argparse.Namespace) -> int:
    """``report CONFERENCE -o FILE [--lang] [--anonymise]``: the PDF protocol."""
    from app.reports.protocol import write_protocol

    path = _target(args.output)
    _with_conference(
        args,
        lambda db, conf_id: write_protocol(
            db,
            conf_id,
            path,
            lang=args.lang,
            anonymise=args.anonymise,
            allow_empty=args.allow_empty,
        ),
    )
    print(text(args.cli_lang, "protocol_written", path=path))
    return EXIT_OK


def run_manuscript(args: argparse.Namespace) -> int:
    """``manuscript CONFERENCE -o draft.docx|draft.md [--lang]``: the article's draft."""
    from app.reports.manuscript.write import check_target, write_manuscript

    path = _target(args.output)
    check_target(path)
    written: list[Path] = []
    _with_conference(
        args,
        lambda db, conf_id: written.extend(
            write_manuscript(db, conf_id, path, lang=args.lang, allow_empty=args.allow_empty)
        ),
    )
    if len(written) > 1:
        folder, count = written[1].parent, len(written) - 1
        print(text(args.cli_lang, "manuscript_with_figures", path=path, count=count, folder=folder))
    else:
        print(text(args.cli_lang, "manuscript_written", path=path))
    return EXIT_OK


def run_results(args: argparse.Namespace) -> int:
    """``results CONFERENCE --format csv|xlsx|json -o FILE [--lang]``."""
    from app.reports.exports import ballots_path, write_results

    if args.format == "attendance-csv":
        return run_attendance(args)
    if args.format == "eiv":
        return run_eiv(args)
    path = _target(args.output)
    _with_conference(
        args,
        lambda db, conf_id: write_results(
            db,
            conf_id,
            path,
            args.format,
            lang=args.lang,
            allow_empty=args.allow_empty,
        ),
    )
    if args.format == "csv":
        print(text(args.cli_lang, "results_written_with", path=path, also=ballots_path(path)))
    else:
        print(text(args.cli_lang, "results_written", path=path))
    return EXIT_OK


def run_attendance(args: argparse.Namespace) -> int:
    """``results CONFERENCE --format attendance-csv -o FILE``: the CME attendance list."""
    from app.reports.attendance import write_attendance_csv

    path = _target(args.output)
    _with_conference(
        args, lambda db, conf_id: write_attendance_csv(db, conf_id, path, lang=args.lang)
    )
    print(text(args.cli_lang, "attendance_written", path=path))
    return EXIT_OK


def run_eiv(args: argparse.Namespace) -> int:
    """``results CONFERENCE --format eiv -o FILE``: the chamber's list (VNR;EFN)."""
    from app.reports.eiv import write_eiv

    path = _target(args.output)
    counted: list[int] = []
    _with_conference(args, lambda db, conf_id: counted.append(write_eiv(db, conf_id, path)))
    print(text(args.cli_lang, "chamber_list_written", path=path, count=counted[0]))
    return EXIT_OK
