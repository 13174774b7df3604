"""The desktop app's log: a rotating file in the user's log folder, voting tokens masked.

A session started from a desktop icon has no console, so a writer error or a failed server
start would otherwise be lost. Every line passes :func:`mask_tokens` first: a voting link
in a log file must not let anyone vote.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_path

from app.config import APP_NAME

LOG_FILE = "votum.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

#: A voting or moderator token (``secrets.token_urlsafe(32)``: 43 characters) or anything
#: as long made of the same characters (hashes too): kept are its first 4 characters.
_TOKEN = re.compile(r"(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{4})[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])")


def mask_tokens(text: str) -> str:
    """``/v/Ab3dXyz…`` for every token-like word of 24 or more URL-safe characters."""
    return _TOKEN.sub(lambda m: f"{m.group(1)}…", text)


class MaskingFormatter(logging.Formatter):
    """Formats as usual (traceback included), then masks tokens in the whole text."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_tokens(super().format(record))


def log_dir() -> Path:
    """The user's log folder for Votum (not created here)."""
    return user_log_path(APP_NAME, appauthor=False)


def log_file(directory: Path | None = None) -> Path:
    """The current log file (the one *Hilfe → Protokolldatei öffnen* shows)."""
    return (directory or log_dir()) / LOG_FILE


def setup_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Log to the rotating file (once per process) and log uncaught exceptions of any
    thread there too. Returns the file's path."""
    path = log_file(directory)
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(MaskingFormatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _log_uncaught()
    logging.getLogger(__name__).info("Votum started (Python %s)", sys.version.split()[0])
    return path


def _log_uncaught() -> None:
    """Uncaught exceptions (GUI thread, server threads) go to the log as well."""
    previous_hook = sys.excepthook
    previous_thread_hook = threading.excepthook
    log = logging.getLogger("votum.uncaught")

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught exception", exc_info=(kind, exc, tb))
        previous_hook(kind, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.error(
                "uncaught exception in thread %s",
                args.thread.name if args.thread else "?",
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )
        previous_thread_hook(args)

    sys.excepthook = hook
    threading.excepthook = thread_hook
