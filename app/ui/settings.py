"""Persistent user preferences (language, theme, window state) kept in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from app.config import LANGUAGES, load_settings

ORGANISATION = "Votum"
APPLICATION = "Votum"
THEMES = ("system", "light", "dark")


def settings() -> QSettings:
    """The application's settings store (registry on Windows, ini/plist elsewhere)."""
    return QSettings(ORGANISATION, APPLICATION)


def language() -> str:
    value = str(settings().value("ui/language", "de"))
    return value if value in LANGUAGES else "de"


def set_language(lang: str) -> None:
    settings().setValue("ui/language", lang)


def theme() -> str:
    value = str(settings().value("ui/theme", "system"))
    return value if value in THEMES else "system"


def set_theme(name: str) -> None:
    settings().setValue("ui/theme", name)


def window_state(name: str) -> tuple[QByteArray | None, QByteArray | None]:
    """Saved (geometry, state) of the window called ``name``."""
    store = settings()
    geometry = store.value(f"{name}/geometry")
    state = store.value(f"{name}/state")
    return (
        geometry if isinstance(geometry, QByteArray) else None,
        state if isinstance(state, QByteArray) else None,
    )


def save_window_state(name: str, geometry: QByteArray, state: QByteArray | None = None) -> None:
    store = settings()
    store.setValue(f"{name}/geometry", geometry)
    if state is not None:
        store.setValue(f"{name}/state", state)


def server_port(default: int | None = None) -> int:
    """The voting server port the moderator used last (else ``default``, else the
    configured one: :attr:`app.config.Settings.port`)."""
    if default is None:
        default = load_settings().port
    try:
        port = int(str(settings().value("live/port", default)))
    except (TypeError, ValueError):
        return default
    return port if 1024 <= port <= 65535 else default


def set_server_port(port: int) -> None:
    settings().setValue("live/port", port)
