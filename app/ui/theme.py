"""Light and dark palettes; "system" follows the platform's colour scheme.

Every text colour reaches 4.5:1 against the backgrounds it is drawn on, placeholder text
included (WCAG 1.4.3), in both themes; ``tests/ui/test_contrast.py`` computes the ratios.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f6feb"


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def is_dark(theme: str) -> bool:
    return theme == "dark" or (theme == "system" and system_is_dark())


def _palette(dark: bool) -> QPalette:
    pal = QPalette()
    if dark:
        colors = {
            QPalette.ColorRole.Window: "#1e1f22",
            QPalette.ColorRole.WindowText: "#e6e6e6",
            QPalette.ColorRole.Base: "#2b2d30",
            QPalette.ColorRole.AlternateBase: "#323438",
            QPalette.ColorRole.Text: "#e6e6e6",
            QPalette.ColorRole.Button: "#2f3136",
            QPalette.ColorRole.ButtonText: "#e6e6e6",
            QPalette.ColorRole.ToolTipBase: "#2b2d30",
            QPalette.ColorRole.ToolTipText: "#e6e6e6",
            QPalette.ColorRole.PlaceholderText: "#9aa0a8",
            QPalette.ColorRole.Highlight: "#3170e6",  # white on it 4.5:1, it on Base 3:1
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Link: "#6ea8fe",
            QPalette.ColorRole.Mid: "#45484d",
            QPalette.ColorRole.Dark: "#151618",
            QPalette.ColorRole.Light: "#3c3f44",
        }
    else:
        colors = {
            QPalette.ColorRole.Window: "#f5f6f7",
            QPalette.ColorRole.WindowText: "#1b1d21",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#f0f2f4",
            QPalette.ColorRole.Text: "#1b1d21",
            QPalette.ColorRole.Button: "#eceef1",
            QPalette.ColorRole.ButtonText: "#1b1d21",
            QPalette.ColorRole.ToolTipBase: "#ffffe8",
            QPalette.ColorRole.ToolTipText: "#1b1d21",
            QPalette.ColorRole.PlaceholderText: "#676d77",
            QPalette.ColorRole.Highlight: ACCENT,
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Link: ACCENT,
            QPalette.ColorRole.Mid: "#c9ced6",
            QPalette.ColorRole.Dark: "#9aa1ab",
            QPalette.ColorRole.Light: "#ffffff",
        }
    for role, value in colors.items():
        pal.setColor(role, QColor(value))
    disabled = QColor("#6b6f76") if dark else QColor("#a0a5ad")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply the named theme ("system", "light", "dark"); returns whether it is dark."""
    dark = is_dark(theme)
    app.setStyle("Fusion")
    app.setPalette(_palette(dark))
    app.setProperty("votumDark", dark)
    return dark


def error_color() -> QColor:
    app = QApplication.instance()
    dark = bool(app.property("votumDark")) if app is not None else False
    return QColor("#ff7b72") if dark else QColor("#b42318")


def warning_color() -> QColor:
    """Amber: something to fix later that does not stop the work (an invalid EFN kept)."""
    app = QApplication.instance()
    dark = bool(app.property("votumDark")) if app is not None else False
    return QColor("#d29922") if dark else QColor("#8f5f00")


def muted_color() -> QColor:
    app = QApplication.instance()
    dark = bool(app.property("votumDark")) if app is not None else False
    return QColor("#9da3ab") if dark else QColor("#5f6670")


def ok_color() -> QColor:
    app = QApplication.instance()
    dark = bool(app.property("votumDark")) if app is not None else False
    return QColor("#3fb950") if dark else QColor("#1a7f37")


def focus_color() -> QColor:
    """The ring that shows where the keyboard is: 3:1 against either theme's backgrounds
    (the dark theme's selection blue is too dark for a ring on its dark base)."""
    app = QApplication.instance()
    dark = bool(app.property("votumDark")) if app is not None else False
    return QColor("#6ea8fe") if dark else QColor(ACCENT)


def focus_ring_style(selector: str) -> str:
    """A style sheet that marks keyboard focus on a framed widget (a list whose style
    draws no focus frame): a 2-pixel ring in :func:`focus_color`, the usual thin frame
    otherwise; the content does not move."""
    return (
        f"{selector} {{ border: 1px solid palette(mid); padding: 1px; }}"
        f"{selector}:focus {{ border: 2px solid {focus_color().name()}; padding: 0px; }}"
    )
