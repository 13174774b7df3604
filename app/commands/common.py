"""What every subcommand shares: its one-line error, the database, naming a conference."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database
    from app.texts import Message

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A one-line message for the user, printed in the command line's language
    (:func:`app.config.command_language`); the command exits with ``code``."""

    def __init__(self, message: Message, code: int = EXIT_REFUSED) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code


def open_db(args: argparse.Namespace) -> Database:
    """The database named by ``--db`` (imported lazily: start-up speed), migrated."""
    from app.commands.messages import say
    from app.db import Database, DatabaseError

    try:
        return Database.open(args.db)
    except DatabaseError as exc:
        raise CliError(say("database_refused", problem=exc.message)) from None
    except Exception as exc:
        if type(exc).__module__.startswith("sqlalchemy"):
            # one line: the driver's own reason, without SQLAlchemy's "Background" link
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            refused = say("database_unopened", database=repr(_shown(args.db)), reason=reason)
            raise CliError(refused) from None
        raise


def _shown(url: str) -> str:
    """``url`` as it may be printed: a password in it becomes ``***``."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not even a URL: the user typed it, print it as it is
        return url


def write_private(path: Path, text: str) -> None:
    """A secret for the operator only (mode 0600), kept out of a service's journal and
    the terminal's scrollback."""
    import os

    from app.commands.messages import say

    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        raise CliError(say("token_file_unwritable", path=path, reason=exc.strerror)) from None


def conference_id(session: Session, ref: str) -> int:
    """The id of the conference the user named by id or short name (NotFound otherwise)."""
    from app.services.conferences import find_conference

    return find_conference(session, ref).id


def port_number(text: str) -> int:
    """An argparse type: a TCP port, 0 (any free port) to 65535."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port (0–65535)")
    return port


def iso_date(text: str) -> dt.date:
    """An argparse type: a date as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def whole_number(text: str) -> int:
    """An argparse type: an integer."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
