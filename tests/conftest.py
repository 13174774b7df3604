"""Shared fixtures: real SQLite files under tmp_path, the demo conference, offscreen Qt."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db import Database
from app.services.demo import load_demo


@pytest.fixture(autouse=True)
def garbage_collector_as_found() -> Iterator[None]:
    """Servers started by a test tune the collector for the whole process: undo it."""
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{(tmp_path / 'votum.sqlite3').as_posix()}"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A fresh, migrated database file."""
    database = Database.open(db_url)
    yield database
    database.dispose()


@pytest.fixture
def demo_id(db: Database) -> int:
    """The demo conference loaded into ``db``."""
    with db.write() as session:
        return load_demo(session)
