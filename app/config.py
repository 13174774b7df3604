"""Where Votum keeps its data and which defaults it starts with."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Votum"
DB_ENV_VAR = "VOTUM_DB"
DEFAULT_HOST = "0.0.0.0"
DEFAULT_PORT = 8765
#: the languages of the UI, the voter page, the protocol and a conference
LANGUAGES = ("de", "en")
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The per-user folder for the database (created on demand)."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    """``VOTUM_DB`` if set, else an SQLite file in the user's data folder."""
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return env
    return f"sqlite:///{(data_dir() / 'votum.sqlite3').as_posix()}"


@dataclass(frozen=True)
class ServerSettings:
    """Address the voting server binds to and the public base URL it prints."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
