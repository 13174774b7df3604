"""The app's log file: rotating, in the given folder, with every voting token masked."""

from __future__ import annotations

import logging
import secrets
import sys
import threading
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from app.logs import log_file, mask_tokens, setup_logging


@pytest.fixture
def clean_root() -> Iterator[None]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    hooks = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = hooks
    for handler in root.handlers:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_tokens_are_masked_but_ordinary_words_kept() -> None:
    token = secrets.token_urlsafe(32)
    line = f"POST /api/v/{token}/ballot from 10.0.0.7 · Universitätsklinikum Dresden"
    masked = mask_tokens(line)
    assert token not in masked
    assert f"/api/v/{token[:4]}…/ballot" in masked
    assert "Universitätsklinikum Dresden" in masked and "10.0.0.7" in masked
    assert mask_tokens("question_id=12 state=open") == "question_id=12 state=open"


def test_log_file_rotates_and_masks_tracebacks(tmp_path: Path, clean_root: None) -> None:
    path = setup_logging(tmp_path / "logs")
    assert path == log_file(tmp_path / "logs")
    assert setup_logging(tmp_path / "logs") == path  # once per process
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert len([h for h in handlers if Path(h.baseFilename) == path]) == 1
    token = secrets.token_urlsafe(32)
    try:
        raise RuntimeError(f"writer failed for http://192.0.2.1:8765/v/{token}")
    except RuntimeError:
        logging.getLogger("app.server.writer").exception("group failed (token %s)", token)
    for handler in handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "group failed" in text and "RuntimeError" in text
    assert token not in text
    assert handlers[0].maxBytes > 0 and handlers[0].backupCount > 0
