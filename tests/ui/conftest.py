"""Fixtures for the Qt tests: isolated settings, English UI, a recording prompter."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from app.db import Database
from app.ui import messages
from app.ui.application import create_application
from app.ui.i18n import install_language
from tests.ui.hostile import hostile_conference


@dataclass
class RecordingPrompter:
    """Answers confirmations with ``answer`` and records every message instead of showing it."""

    answer: bool = True
    errors: list[tuple[str, str]] = field(default_factory=list)
    confirmations: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    default_actions: list[bool] = field(default_factory=list)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.errors.append((title, text))

    def confirm(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        action: str,
        *,
        default_action: bool = False,
    ) -> bool:
        self.confirmations.append((title, text))
        self.default_actions.append(default_action)
        return self.answer

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.infos.append((title, text))


@pytest.fixture
def backend() -> str:
    """The desktop app runs on SQLite: its tests do not repeat on PostgreSQL."""
    return "sqlite"


@pytest.fixture(autouse=True)
def ui_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """Settings in tmp_path (never the user's), English source texts by default."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    create_application()
    install_language("en")
    yield
    install_language("en")


@pytest.fixture
def prompter(monkeypatch: pytest.MonkeyPatch) -> RecordingPrompter:
    double = RecordingPrompter()
    monkeypatch.setattr(messages, "prompter", double)
    return double


@pytest.fixture
def hostile_id(db: Database) -> int:
    """A conference built from :data:`tests.ui.hostile.HOSTILE` in every text field."""
    return hostile_conference(db)
