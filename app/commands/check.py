"""``python main.py serve [CONFERENCE] … --check``: what is wrong before the server starts.

Reads the same options and environment as ``serve`` (systemd's ``ExecStartPre`` runs it
with the unit's own command line) and checks everything ``serve`` would stumble over,
all at once: the options, the database (reachable, Votum's, its schema this Votum's,
writable), the conference, workers and PostgreSQL, the port. Prints one line per problem
and exits 1, or a short summary and exits 0. Changes nothing (it does not migrate).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.commands.common import EXIT_OK, EXIT_REFUSED, CliError
from app.commands.messages import MESSAGES, say
from app.commands.messages import text as said
from app.texts import Message

T = TypeVar("T")


class Check:
    """Problems found so far (each one line) and what was found fine."""

    def __init__(self) -> None:
        self.problems: list[Message] = []
        self.fine: list[Message] = []

    def attempt(self, step: Callable[[], T]) -> T | None:
        """``step()``, its one-line refusal noted as a problem."""
        try:
            return step()
        except CliError as exc:
            self.problems.append(exc.message)
        return None

    def problem(self, message: Message) -> None:
        self.problems.append(message)


def run_check(args: argparse.Namespace) -> int:
    from app.commands.links import normalise_base_url
    from app.commands.serve import connection_limits, tls_files, trusted_proxies
    from app.server.workers import check_workers

    check = Check()
    check.attempt(lambda: tls_files(args))
    check.attempt(lambda: trusted_proxies(args))
    if args.base_url:
        check.attempt(lambda: normalise_base_url(args.base_url))
    check.attempt(lambda: connection_limits(args))
    if args.conference is None and args.moderator_token_file:
        check.problem(say("token_file_needs_conference"))
    workers = check_workers(args.db, args.workers)
    if workers is not None:
        check.problem(workers)
    _check_database(args, check)
    _check_port(args, check)
    lang = args.cli_lang
    if check.problems:
        for problem in check.problems:
            print(f"votum: check: {problem.in_language(lang)}", file=sys.stderr, flush=True)
        return EXIT_REFUSED
    print(said(lang, "check_ok"), flush=True)
    for line in check.fine:
        print(f"  {line.in_language(lang).strip()}", flush=True)
    return EXIT_OK


def _check_database(args: argparse.Namespace, check: Check) -> None:
    from sqlalchemy.engine import make_url

    from app.db import (
        Database,
        DatabaseError,
        create_db_engine,
        known_revision,
        schema_revisions,
        sqlite_file,
        storage_message,
    )

    shown = make_url(args.db).render_as_string(hide_password=True)
    try:
        engine = create_db_engine(args.db)
    except DatabaseError as exc:
        check.problem(say("database_refused", problem=exc.message))
        return
    try:
        current, head = schema_revisions(engine)
    except Exception as exc:
        engine.dispose()
        problem = storage_message(exc, args.db)
        if problem is None:
            raise
        check.problem(problem)
        return
    try:
        if current is None:
            check.problem(say("schema_empty", database=shown))
            return
        if current != head:
            key = "schema_older" if known_revision(engine, current) else "schema_newer"
            check.problem(say(key, database=shown, found=current, wanted=head))
            return
        where = sqlite_file(args.db)
        if where is not None:
            for path in (Path(where), Path(where).parent):
                if not os.access(path, os.W_OK):
                    check.problem(say("database_not_writable", path=path))
                    return
        check.fine.append(say("check_database", database=shown, head=head))
        _check_contents(args, Database(engine), check)
    finally:
        engine.dispose()


def _check_contents(args: argparse.Namespace, db: object, check: Check) -> None:
    """The conference named, or on a standing server its conferences and organiser."""
    from app.db import Database
    from app.services.conferences import find_conference, list_conferences
    from app.services.errors import VotumError
    from app.services.organiser import organiser_token_since

    assert isinstance(db, Database)
    with db.read() as session:
        if args.conference is not None:
            try:
                conf = find_conference(session, args.conference)
            except VotumError as exc:
                check.problem(exc.message)
                return
            check.fine.append(say("check_conference", slug=conf.slug, topic=conf.topic))
            return
        count = len(list_conferences(session))
        since = organiser_token_since(session)
    check.fine.append(MESSAGES.plural_message("check_round", count))
    if since is None:  # it can start, but nothing can be published to it yet
        check.fine.append(say("organiser_token_none"))
    else:
        check.fine.append(say("organiser_token_issued", since=since.strftime("%Y-%m-%d %H:%M UTC")))


def _check_port(args: argparse.Namespace, check: Check) -> None:
    from app.server.runner import ServerStartError, bind_socket

    try:
        bind_socket(args.host, args.port).close()
    except ServerStartError as exc:
        check.problem(exc.message)
        return
    check.fine.append(say("check_port", port=args.port, host=args.host))
