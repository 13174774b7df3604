"""The settings: defaults spelled once, each overridable by a ``VOTUM_*`` variable."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from app.config import Settings, SettingsError, command_language, env_var, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_without_environment_the_settings_are_the_defaults() -> None:
    settings = load_settings({})
    assert settings == Settings()
    assert (settings.host, settings.port) == ("0.0.0.0", 8765)


def test_every_setting_is_read_from_its_environment_variable() -> None:
    environ = {
        "VOTUM_DB": "postgresql+psycopg://votum@db/votum",
        "VOTUM_LANG": "de",
        "VOTUM_HOST": "127.0.0.1",
        "VOTUM_PORT": "9000",
        "VOTUM_MAX_BODY_BYTES": "1000",
        "VOTUM_BALLOT_RATE": "0.5",
        "VOTUM_BALLOT_BURST": "4",
        "VOTUM_READ_RATE": "2",
        "VOTUM_READ_BURST": "5",
        "VOTUM_UNKNOWN_RATE": "0",
        "VOTUM_UNKNOWN_BURST": "6",
        "VOTUM_COALESCE_MS": "0",
        "VOTUM_MAX_UPLOAD_BYTES": "2000",
        "VOTUM_REQUEST_SECONDS": "2.5",
        "VOTUM_KEEP_ALIVE_SECONDS": "7",
        "VOTUM_MAX_CONNECTIONS": "50",
        "VOTUM_GC_THRESHOLDS": "700, 10,10",
        "VOTUM_UNRELATED": "ignored",
    }
    assert load_settings(environ) == Settings(
        db="postgresql+psycopg://votum@db/votum",
        host="127.0.0.1",
        port=9000,
        max_body_bytes=1000,
        ballot_rate=0.5,
        ballot_burst=4,
        read_rate=2.0,
        read_burst=5,
        unknown_rate=0.0,
        unknown_burst=6,
        coalesce_ms=0,
        max_upload_bytes=2000,
        request_seconds=2.5,
        keep_alive_seconds=7,
        max_connections=50,
        gc_thresholds=(700, 10, 10),
        lang="de",
    )
    assert {env_var(f.name) for f in fields(Settings)} < set(environ)


def test_every_variable_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [env_var(f.name) for f in fields(Settings) if f"`{env_var(f.name)}`" not in readme]
    assert missing == []


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"VOTUM_PORT": "eighty"}, "VOTUM_PORT='eighty': expected a whole number"),
        ({"VOTUM_PORT": "70000"}, "VOTUM_PORT='70000': not a port (0–65535)"),
        ({"VOTUM_BALLOT_RATE": "fast"}, "VOTUM_BALLOT_RATE='fast': expected a number"),
        ({"VOTUM_BALLOT_RATE": "-1"}, "VOTUM_BALLOT_RATE='-1': expected 0 or more"),
        ({"VOTUM_READ_RATE": "nan"}, "VOTUM_READ_RATE='nan': expected 0 or more"),
        ({"VOTUM_READ_BURST": "0"}, "VOTUM_READ_BURST='0': expected at least 1"),
        ({"VOTUM_MAX_BODY_BYTES": "1.5"}, "VOTUM_MAX_BODY_BYTES='1.5': expected a whole number"),
        ({"VOTUM_GC_THRESHOLDS": "700,10"}, "VOTUM_GC_THRESHOLDS='700,10': expected three"),
        ({"VOTUM_GC_THRESHOLDS": "a,b,c"}, "VOTUM_GC_THRESHOLDS='a,b,c': expected numbers"),
    ],
)
def test_a_bad_value_names_its_variable(environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings(environ)
    assert str(refused.value).startswith(message)


def test_an_empty_variable_keeps_the_default() -> None:
    assert load_settings({"VOTUM_PORT": "", "VOTUM_HOST": "  "}) == Settings()


def test_the_default_host_and_port_are_spelled_once() -> None:
    """8765 and 0.0.0.0 as defaults live in app/config.py only (an example URL such as
    ``http://192.168.1.20:8765`` in a message is no default, nor is addresses.py asking
    whether a host means "every interface")."""
    spelled: dict[str, list[str]] = {"8765": [], "0.0.0.0": []}
    for path in (ROOT / "app").rglob("*.py"):
        text = path.read_text("utf-8")
        for value, where in spelled.items():
            if re.search(rf"(?<![\d.:]){re.escape(value)}(?![\d.])", text):
                where.append(path.relative_to(ROOT).as_posix())
    assert {value: sorted(where) for value, where in spelled.items()} == {
        "8765": ["app/config.py"],
        "0.0.0.0": sorted(["app/config.py", "app/server/addresses.py"]),
    }


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"VOTUM_LANG": "en", "LANG": "de_DE.UTF-8"}, "en"),
        ({"VOTUM_LANG": "de_DE", "LANG": "C.UTF-8"}, "de"),
        ({"VOTUM_LANG": "EN-us", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "de_AT.UTF-8", "LANG": "C.UTF-8"}, "de"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_the_command_line_speaks_votum_lang_else_the_system_s_language(
    environ: dict[str, str], lang: str
) -> None:
    assert command_language(load_settings(environ), environ) == lang


def test_an_unknown_votum_lang_is_one_line() -> None:
    with pytest.raises(SettingsError, match="VOTUM_LANG='fr': expected de or en"):
        load_settings({"VOTUM_LANG": "fr"})
