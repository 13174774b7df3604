"""Every widget outside the live console shows a user's text literally, never as HTML.

A conference built from :data:`tests.ui.hostile.HOSTILE` (topic, moderator, fellows, sites,
case fields, findings, questions, options) is opened in the main window; every label that
shows such a text is grabbed and compared with a plain-text rendering, item views and
tooltips are read back as Qt would show them, and message boxes are built for real.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QStyledItemDelegate, QWidget

from app.db import Database
from app.models.enums import FindingKind, QuestionKind
from app.services import agenda, conferences
from app.ui import messages
from app.ui.editor.packages_io import OrderDialog
from app.ui.editor.sites_page import NewSiteDialog
from app.ui.mainwindow import MainWindow
from app.ui.plain import plain_title, plain_tooltip
from tests.ui.hostile import HOSTILE, assert_label_literal, shown_tooltip

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _stored(db: Database, conf_id: int) -> dict[str, object]:
    """The texts as the services keep them (a cleaning rule may have changed them)."""
    with db.read() as s:
        return {
            "conference": conferences.get_conference(s, conf_id),
            "sites": conferences.list_sites(s),
            "cases": agenda.agenda(s, conf_id),
        }


def _window(qtbot, db_url: str, conf_id: int | None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db_url, conf_id, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    return window


def _cells(view: QAbstractItemView, role: int) -> list[str]:
    """Every cell's data in ``role`` (trees included), as strings."""
    model = view.model()
    found: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            flat = isinstance(model, QAbstractListModel)  # its columnCount is private
            for column in range(1 if flat else model.columnCount(parent)):
                value = model.index(row, column, parent).data(role)
                if value is not None:
                    found.append(str(value))
            walk(model.index(row, 0, parent))

    walk(QModelIndex())
    return found


def _assert_view_plain(view: QAbstractItemView) -> None:
    """Item views draw DisplayRole text plainly through QStyledItemDelegate; no view here
    may swap in a delegate that renders HTML."""
    delegates = [view.itemDelegate()] + [
        view.itemDelegateForColumn(c) for c in range(view.model().columnCount())
    ]
    for delegate in delegates:
        assert delegate is None or isinstance(delegate, QStyledItemDelegate)
        assert "Html" not in type(delegate).__name__ and "Rich" not in type(delegate).__name__


def _assert_labels_literal(root: QWidget) -> int:
    """Every visible label under ``root`` that shows part of a hostile string shows it
    literally; returns how many were checked."""
    checked = 0
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and any(h[:6] in label.text() for h in HOSTILE):
            assert_label_literal(label)
            checked += 1
    return checked


def test_editor_shows_every_hostile_text_literally(qtbot, db, db_url, hostile_id) -> None:  # type: ignore[no-untyped-def]
    stored = _stored(db, hostile_id)
    conf = stored["conference"]
    window = _window(qtbot, db_url, hostile_id)
    assert window.windowHandle().title().startswith(conf.topic)  # type: ignore[attr-defined]
    editor = window.workspace.editor  # type: ignore[union-attr]

    editor.tabs.setCurrentIndex(0)
    form = editor.conference_form
    assert form.topic.text() == conf.topic  # type: ignore[attr-defined]
    assert form.moderator.text() == conf.moderator  # type: ignore[attr-defined]
    assert form.scientific_lead.text() == conf.scientific_lead  # type: ignore[attr-defined]
    assert form.cme_category.text() == conf.cme_category  # type: ignore[attr-defined]
    fellows = [form.fellows.item(r, c).text() for r in range(2) for c in range(2)]
    assert fellows == [v for f in conf.fellows for v in (f.name, f.site)]  # type: ignore[attr-defined]

    editor.tabs.setCurrentIndex(1)
    view = editor.sites_page.view
    _assert_view_plain(view)
    shown = _cells(view, DISPLAY)
    for site in stored["sites"]:  # type: ignore[attr-defined]
        assert {site.name, site.code, site.city, site.email} <= set(shown)
    assert_label_literal(editor.sites_page.summary)

    editor.tabs.setCurrentIndex(2)
    tree = editor.tree
    _assert_view_plain(tree)
    (case,) = stored["cases"]  # type: ignore[misc]
    assert any(text.endswith(case.title) for text in _cells(tree, DISPLAY))
    tooltips = [shown_tooltip(t) for t in _cells(tree, TOOLTIP)]
    assert case.headline("en") in tooltips or case.headline("de") in tooltips
    for question in case.questions:
        assert question.text in tooltips

    editor.select("case", case.id)
    case_form = editor.case_form
    assert case_form.title.text() == case.title
    assert case_form.text.toPlainText() == case.text
    _assert_view_plain(case_form.findings)
    assert {f.alteration for f in case.findings} <= set(_cells(case_form.findings, DISPLAY))
    # An SNV whose alteration is not HGVS: the reason quotes the user's text, in the cell's
    # tooltip and under the table.
    model = case_form.findings_model
    model.setData(model.index(0, 2), FindingKind.SNV.value, Qt.ItemDataRole.EditRole)
    alteration = case.findings[0].alteration
    assert alteration in shown_tooltip(model.index(0, 1).data(TOOLTIP))
    qtbot.waitUntil(lambda: case_form.findings_error.isVisible())
    assert_label_literal(case_form.findings_error, alteration)
    assert _assert_labels_literal(window) >= 1

    for question in case.questions:
        editor.select("question", question.id)
        form_q = editor.question_form
        assert form_q.text.toPlainText() == question.text
        assert_label_literal(form_q.heading)
        labels = [form_q.options.item(r, 0).text() for r in range(form_q.options.rowCount())]
        assert labels == [o.label for o in question.options] or question.kind == "agreement"
        if question.kind == QuestionKind.AGREEMENT:
            assert_label_literal(form_q.preset_list)
        _assert_labels_literal(window)


def test_library_shows_topic_and_moderator_literally(qtbot, db, db_url, hostile_id) -> None:  # type: ignore[no-untyped-def]
    conf = _stored(db, hostile_id)["conference"]
    window = _window(qtbot, db_url, None)
    library = window.library
    assert library is not None
    assert conf.topic in _cells(library.view, DISPLAY)  # type: ignore[attr-defined]
    assert conf.moderator in [shown_tooltip(t) for t in _cells(library.view, TOOLTIP)]  # type: ignore[attr-defined]
    # The delegate paints the topic with QPainter.drawText: plain text by definition.
    assert type(library.view.itemDelegate()).__name__ == "ConferenceDelegate"


class InspectingPrompter(messages.Prompter):
    """Builds every message box for real, checks its text, and answers "no"."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def _check(self, box: QMessageBox) -> None:
        box.show()
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        assert_label_literal(label)
        self.seen.append(label.text())
        box.done(0)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._check(messages.message_box(parent, QMessageBox.Icon.Warning, title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self._check(messages.message_box(parent, QMessageBox.Icon.Information, title, text))

    def confirm(  # type: ignore[override]
        self, parent: QWidget | None, title: str, text: str, action: str, **options: bool
    ) -> bool:
        box, _yes = messages.confirm_box(parent, title, text, action, **options)
        self._check(box)
        return False


def test_message_boxes_show_the_text_literally(
    qtbot, db, db_url, hostile_id, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    inspecting = InspectingPrompter()
    monkeypatch.setattr(messages, "prompter", inspecting)
    for text in HOSTILE:
        messages.show_error(None, text, text)
        messages.inform(None, text, text)
    assert inspecting.seen == [t for t in HOSTILE for _ in range(2)]

    conf = _stored(db, hostile_id)["conference"]
    window = _window(qtbot, db_url, None)
    window.pages.delete_conference(hostile_id)  # asks first, quoting the topic
    assert conf.topic in inspecting.seen[-1]  # type: ignore[attr-defined]


def test_message_box_title_keeps_the_modified_placeholder(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = messages.message_box(None, QMessageBox.Icon.Warning, HOSTILE[7], "text")
    qtbot.addWidget(box)
    box.show()
    assert box.windowHandle().title() == HOSTILE[7]
    assert plain_title("a [*] b") == "a [*][*] b"


def test_site_dialog_error_quotes_the_name_literally(qtbot, db, hostile_id) -> None:  # type: ignore[no-untyped-def]
    site = _stored(db, hostile_id)["sites"][0]  # type: ignore[index]
    dialog = NewSiteDialog(db)
    qtbot.addWidget(dialog)
    dialog.name.setText(site.name)
    dialog.code.setText("NEU")
    dialog.show()
    dialog.accept()  # refused: the name exists
    assert dialog.error.isVisible()
    assert_label_literal(dialog.error, site.name)


@pytest.mark.parametrize("text", HOSTILE)
def test_tooltips_show_the_text_literally(text: str) -> None:
    assert shown_tooltip(plain_tooltip(text)) == text


def test_package_order_dialog_tooltips_show_the_path(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = [tmp_path / "<b>fett</b>.votum.json", tmp_path / "&amp;.votum.json"]
    dialog = OrderDialog(paths)
    qtbot.addWidget(dialog)
    shown = [shown_tooltip(dialog.list.item(i).toolTip()) for i in range(2)]
    assert shown == [str(p) for p in paths]
    assert [dialog.list.item(i).text() for i in range(2)] == [p.name for p in paths]
