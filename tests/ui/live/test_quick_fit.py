"""The quick-question form on the console still fits a 1280×720 screen, in German and
English: its fields, its buttons and what a question needs stay on screen, unclipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from app.ui.i18n import install_language
from tests.ui.live.test_fit import _not_clipped, _on_screen, _open_window


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_quick_question_form_fits_a_1280x720_screen(  # type: ignore[no-untyped-def]
    qtbot, db_url, demo_id, prompter, lang: str, tmp_path: Path
) -> None:
    install_language(lang)
    window = _open_window(qtbot, db_url, demo_id, (1280, 720))
    console = window.workspace.console
    console.live_actions.quick.trigger()
    form = console.quick_form
    form.kind.setCurrentIndex(3)  # single choice: the options box too
    QApplication.processEvents()
    window.grab().save(str(tmp_path / f"console-quick-form-{lang}.png"))
    assert window.width() <= 1280 and window.height() <= 720
    for widget in (form.text, form.kind, form.options, form.case, form.ask_button,
                   console.primary, console.count, console.chart):  # fmt: skip
        assert _on_screen(widget, window), widget
    for button in console.findChildren(QPushButton):
        if button.isVisible():
            assert _not_clipped(button), (button.text(), button.width())
    for field, label in form.labels.items():
        assert label.buddy() is field and field.accessibleName() == label.text()
