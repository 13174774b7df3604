"""One language at a time: Qt's key names, the editor's validation messages, the texts
around the editor and the library, and the empty library's offer."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabBar,
    QWidget,
)

from app.models.enums import FindingKind, QuestionKind
from app.ui import messages
from app.ui.editor.case_form import CaseForm
from app.ui.editor.question_form import QuestionForm
from app.ui.i18n import install_language
from app.ui.mainwindow import MainWindow
from app.ui.models.findings_model import FindingRow
from app.ui.plain import plain_tooltip
from app.ui.window.help_menu import shortcut_rows
from tests.ui.hostile import shown_tooltip

NATIVE = QKeySequence.SequenceFormat.NativeText
#: Words that give an English text away inside the German UI (and key names Qt leaves).
ENGLISH = re.compile(
    r"\b(the|and|of|to|for|with|Ctrl|Shift|Return|Left|Right|Case|Question|Sites?|Add|Remove|"
    r"New|Delete|Open|Close|Save|Choose|Drag|Changes)\b"
)


@pytest.mark.parametrize(
    ("lang", "keys", "expected"),
    [
        ("de", "Ctrl+Return", "Strg+Eingabe"),
        ("de", "Ctrl+Shift+O", "Strg+Umschalt+O"),
        ("de", "Alt+Right", "Alt+Rechts"),
        ("en", "Ctrl+Return", "Ctrl+Return"),
    ],
)
def test_shortcut_names_follow_the_ui_language(lang: str, keys: str, expected: str) -> None:
    install_language(lang)
    assert QKeySequence(keys).toString(NATIVE) == expected


def test_german_menus_name_every_shortcut_in_german(qtbot, db_url, demo_id) -> None:  # type: ignore[no-untyped-def]
    install_language("de")
    window = MainWindow(db_url, demo_id, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    window.show_live()
    actions = window.live_menu.actions() + [
        a for m in window.menuBar().findChildren(type(window.live_menu)) for a in m.actions()
    ]
    rows = shortcut_rows(actions)
    assert ("Strg+Eingabe", "Abstimmung schließen") in rows
    assert [keys for keys, _name in rows if ENGLISH.search(keys)] == []


def _case_form_reason(field: str, text: str) -> str:
    form = CaseForm()
    form._case_id = 1  # as if a case were loaded
    getattr(form, field).setText(text)
    form.on_field_edited()
    reason = form.fields[field].error.text()
    form.deleteLater()
    return reason


@pytest.mark.parametrize(
    ("lang", "title", "icd10"),
    [
        ("de", "Höchstens 200 Zeichen", "Kein ICD-10-Code (z. B. C25.0)"),
        ("en", "At most 200 characters", "Not an ICD-10 code (e.g. C25.0)"),
    ],
)
def test_case_form_reasons_follow_the_ui_language(qtbot, lang: str, title: str, icd10: str) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    assert _case_form_reason("title", "x" * 201) == title
    assert _case_form_reason("icd10", "Bauchweh") == icd10


@pytest.mark.parametrize(
    ("lang", "gene", "hgvs", "vaf"),
    [
        (
            "de",
            "Höchstens 40 Zeichen",
            "KRAS-G12D hat nicht die HGVS-Form (z. B. p.G12D, p.(Gly12Asp), c.35G>A, "
            "Exon-19-Deletion)",
            "Höchstens 100",
        ),
        (
            "en",
            "At most 40 characters",
            "KRAS-G12D is not in HGVS shape (e.g. p.G12D, p.(Gly12Asp), c.35G>A, exon 19 deletion)",
            "At most 100",
        ),
    ],
)
def test_finding_reasons_follow_the_ui_language(lang: str, gene: str, hgvs: str, vaf: str) -> None:
    install_language(lang)
    assert FindingRow(gene="G" * 41).validate()[1] == {"gene": gene}
    snv = FindingRow(gene="KRAS", alteration="KRAS-G12D", kind=FindingKind.SNV.value)
    assert snv.validate()[1] == {"alteration": "'KRAS-G12D'".join(hgvs.split("KRAS-G12D", 1))}
    assert FindingRow(gene="KRAS", vaf="120").validate()[1] == {"vaf": vaf}


@pytest.mark.parametrize(
    ("lang", "expected", "too_long"),
    [
        ("de", "Mindestens zwei Optionen angeben", "Höchstens 2000 Zeichen"),
        ("en", "Give at least two options", "At most 2000 characters"),
    ],
)
def test_question_form_reasons_follow_the_ui_language(
    qtbot, lang: str, expected: str, too_long: str
) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    form = QuestionForm()
    qtbot.addWidget(form)
    form.kind.setCurrentIndex(form.kind.findData(QuestionKind.SINGLE.value))
    form.text.setPlainText("Welche Therapie?")
    form.on_add_option_clicked()
    form.options.item(0, 0).setText("Nur eine")
    assert form.package()[1] == {"options": expected}
    form.on_add_option_clicked()
    form.options.item(1, 0).setText("Eine andere")
    form.text.setPlainText("?" * 2001)
    assert form.package()[1] == {"text": too_long}


def _chrome_texts(root: QWidget) -> list[str]:
    """The UI's own texts under ``root``: labels, buttons, tabs, headers, group titles,
    placeholders and tooltips (not the user's data in fields and item views)."""
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            texts += [
                str(widget.model().headerData(s, widget.orientation()) or "")
                for s in range(widget.count())
            ]
        texts.append(shown_tooltip(widget.toolTip()))
    return [t.replace("&", "") for t in texts if t]


def test_german_editor_and_library_speak_german_only(qtbot, db_url, demo_id) -> None:  # type: ignore[no-untyped-def]
    install_language("de")
    window = MainWindow(db_url, demo_id, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    editor = window.workspace.editor  # type: ignore[union-attr]
    case = editor.agenda_model.cases()[0]
    seen: list[str] = []
    for tab in range(3):
        editor.tabs.setCurrentIndex(tab)
        seen += _chrome_texts(window)
    editor.select("case", case.id)
    seen += _chrome_texts(window)
    editor.select("question", case.questions[0].id)
    seen += _chrome_texts(window)
    window.show_library()
    seen += _chrome_texts(window)
    english = [t for t in seen if ENGLISH.search(t)]
    assert english == []
    assert "Änderungen werden beim Tippen gespeichert; Strg+Z macht sie rückgängig." in seen


def test_the_empty_librarys_offer_defaults_to_opening_the_demo(qtbot, db_url, prompter) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(db_url, offer_demo=True, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: bool(prompter.confirmations), timeout=5000)
    assert prompter.default_actions == [True]


@pytest.mark.parametrize("default_action", [True, False])
def test_enter_in_a_confirmation_chooses_its_default(qtbot, default_action: bool) -> None:  # type: ignore[no-untyped-def]
    box, yes = messages.confirm_box(
        None, "Willkommen", "Demo öffnen?", "Demo öffnen", default_action=default_action
    )
    qtbot.addWidget(box)
    box.show()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert (box.clickedButton() is yes) is default_action
    assert box.defaultButton() is (
        yes if default_action else box.button(QMessageBox.StandardButton.Cancel)
    )


def test_plain_tooltip_keeps_plain_text_untouched() -> None:
    assert plain_tooltip("Strg+V fügt Zeilen ein") == "Strg+V fügt Zeilen ein"
