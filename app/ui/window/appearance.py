"""Language and theme switching: remembered in the settings, applied to the application."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.ui import settings
from app.ui.i18n import install_language
from app.ui.theme import apply_theme

#: The UI languages with their names in their own language (the View → Language menu).
LANGUAGE_NAMES = (("de", "Deutsch"), ("en", "English"))


def set_language(lang: str) -> None:
    """Remember and load ``lang``; every window then gets a LanguageChange event."""
    settings.set_language(lang)
    install_language(lang)


def set_theme(name: str) -> None:
    """Remember and apply the theme ("system", "light" or "dark")."""
    settings.set_theme(name)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, name)
