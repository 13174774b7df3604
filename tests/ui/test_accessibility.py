"""Every screen as a screen reader reads it (Qt's accessibility layer): no interactive
widget without a name, on every tab and form, in the live console, the presenter view and
every dialog the app can open; the live console's lists and chart are reached by Tab and
the chart's numbers are its text.

The walk is generic (:mod:`tests.ui.accessibility`): a widget added anywhere is checked
without a line here. A new dialog class fails :func:`test_every_dialog_class_is_walked`
until it has a factory in :data:`DIALOGS`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

import app.ui
from app.db import Database
from app.ui.live.session import LiveSession
from app.ui.mainwindow import MainWindow
from tests.ui.accessibility import accessible_description, accessible_name, unnamed


def _window(qtbot, db_url: str, conf_id: int) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db_url, conf_id, offer_demo=False, auto_start_server=False, warm=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    window.resize(1280, 720)
    return window


def test_every_screen_names_its_inputs(qtbot, db_url, demo_id, prompter) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db_url, demo_id)
    workspace = window.workspace
    assert workspace is not None
    editor = workspace.editor
    found: dict[str, list[str]] = {}

    def walk(screen: str, root: QWidget) -> None:
        found[screen] = unnamed(root)

    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        walk(f"editor tab {editor.tabs.tabText(tab)}", editor.tabs.currentWidget())
    walk("conference form", editor.conference_form)
    walk("sites page", editor.sites_page)
    for case in editor.agenda_model.cases():
        editor.select("case", case.id)
        walk(f"case form {case.number}", editor.case_form)
        for question in case.questions:
            editor.select("question", question.id)
            walk(f"question form {question.number}", editor.question_form)
    walk("editor", editor)
    window.show_live()
    console = workspace.console
    assert console is not None
    walk("live console", console)
    presenter = workspace.ensure_presenter()
    presenter.show()
    walk("presenter view", presenter)
    window.show_library()
    walk("library", window)
    assert len(found) > 10
    assert {screen: names for screen, names in found.items() if names} == {}


def test_the_walk_finds_a_nameless_input(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The check can fail: a line edit without a label, a list without a name."""
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QListWidget

    root = QWidget()
    qtbot.addWidget(root)
    form = QFormLayout(root)
    named, nameless, listed = QLineEdit(), QLineEdit(), QListWidget()
    form.addRow("Topic", named)
    form.addRow(nameless)
    form.addRow(listed)
    root.show()
    assert [line.split(" < ")[0] for line in unnamed(root)] == ["QLineEdit", "QListWidget"]
    listed.setAccessibleName("Sites")
    nameless.setAccessibleName("Date")
    assert unnamed(root) == []


# --- dialogs -------------------------------------------------------------------------


def _session(db: Database, conf_id: int) -> LiveSession:
    session = LiveSession(db, conf_id)
    session.refresh()
    return session


def _order(db: Database, conf_id: int) -> QDialog:
    from app.ui.editor.packages_io import OrderDialog

    return OrderDialog([Path("fall-1.votum.json"), Path("fall-2.votum.json")])


def _new_site(db: Database, conf_id: int) -> QDialog:
    from app.ui.editor.sites_page import NewSiteDialog

    return NewSiteDialog(db)


def _shortcuts(db: Database, conf_id: int) -> QDialog:
    from app.ui.window.help_menu import ShortcutsDialog

    return ShortcutsDialog([("Ctrl+Shift+O", "Open voting")])


def _new_conference(db: Database, conf_id: int) -> QDialog:
    from app.ui.library import NewConferenceDialog

    return NewConferenceDialog(db)


def _poll_import(db: Database, conf_id: int) -> QDialog:
    from app.ui.poll_import import PollImportDialog

    return PollImportDialog(db, conf_id)


def _links(db: Database, conf_id: int) -> QDialog:
    from app.ui.live.links import LinksDialog

    snapshot = _session(db, conf_id).snapshot
    assert snapshot is not None
    return LinksDialog(snapshot.invitations, ("http://192.0.2.10:8765", "http://127.0.0.1:8765"))


def _attendees(db: Database, conf_id: int) -> QDialog:
    from app.ui.live.attendance import AttendeesDialog

    snapshot = _session(db, conf_id).snapshot
    assert snapshot is not None
    return AttendeesDialog(snapshot.invitations[0])


def _attendance(db: Database, conf_id: int) -> QDialog:
    from app.ui.live.attendance import AttendanceDialog

    return AttendanceDialog(_session(db, conf_id))


def _connect(db: Database, conf_id: int) -> QDialog:
    from app.ui.live.connect_dialog import ConnectDialog

    return ConnectDialog("demo")


def _ballot(db: Database, conf_id: int) -> QDialog:
    from app.ui.live.ballot_dialog import BallotDialog

    snapshot = _session(db, conf_id).snapshot
    assert snapshot is not None and snapshot.question is not None
    assert snapshot.status is not None
    return BallotDialog(snapshot.question, snapshot.status)


def _publish(db: Database, conf_id: int, *, round_server: bool = False) -> QDialog:
    from app.remote.transfer import PublishPlan, outgoing
    from app.services.conference_export import Publish
    from app.ui.live.remote_actions import PublishDialog
    from app.ui.live.round_server import RoundPublishDialog
    from app.ui.workspace import Workspace

    workspace = Workspace(db, conf_id, auto_start_server=False)
    server: dict[str, object] = {"ballots": 0, "invited_sites": 0, "host": "round.example"}
    plan = PublishPlan(outgoing(db, conf_id, Publish()), server)
    kind = RoundPublishDialog if round_server else PublishDialog
    dialog = kind(workspace, plan, None)
    workspace.setParent(dialog)
    workspace.hide()
    return dialog


def _round_publish(db: Database, conf_id: int) -> QDialog:
    return _publish(db, conf_id, round_server=True)


def _round_server(db: Database, conf_id: int) -> QDialog:
    from app.ui.live.round_dialog import RoundServerDialog

    return RoundServerDialog()


def _plan_entry(db: Database, conf_id: int) -> QDialog:
    from app.ui.series.plan_dialog import PlanEntryDialog

    return PlanEntryDialog(db)


def _link(db: Database, conf_id: int) -> QDialog:
    from app.services.agenda import agenda
    from app.ui.editor.asked_before import LinkDialog

    with db.read() as session:
        question_id = agenda(session, conf_id)[0].questions[0].id
    return LinkDialog(db, question_id)


#: A way to build each dialog class of app/ui, by class name.
DIALOGS: dict[str, Callable[[Database, int], QDialog]] = {
    "OrderDialog": _order,
    "NewSiteDialog": _new_site,
    "ShortcutsDialog": _shortcuts,
    "NewConferenceDialog": _new_conference,
    "PollImportDialog": _poll_import,
    "LinksDialog": _links,
    "AttendeesDialog": _attendees,
    "AttendanceDialog": _attendance,
    "ConnectDialog": _connect,
    "BallotDialog": _ballot,
    "PublishDialog": _publish,
    "RoundPublishDialog": _round_publish,
    "RoundServerDialog": _round_server,
    "ServerDialog": _connect,  # the base of ConnectDialog and RoundServerDialog
    "PlanEntryDialog": _plan_entry,
    "LinkDialog": _link,
}


def _dialog_classes() -> set[str]:
    """Every QDialog subclass defined in app/ui (each module imported)."""
    for module in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        importlib.import_module(module.name)
    found: set[str] = set()
    todo = list(QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("app.ui."):
            found.add(cls.__name__)
    return found


def test_every_dialog_class_is_walked() -> None:
    """A dialog added to app/ui needs a factory in DIALOGS, so its inputs are checked."""
    assert sorted(_dialog_classes() - set(DIALOGS)) == []


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_dialog_names_its_inputs(qtbot, db, demo_id, prompter, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = DIALOGS[name](db, demo_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []


# --- the live console by keyboard ----------------------------------------------------


def _tab_stops(start: QWidget, limit: int = 60) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes back round."""
    from PySide6.QtTest import QTest

    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    stops: list[QWidget] = []
    for _ in range(limit):
        widget = QApplication.focusWidget()
        assert widget is not None
        if stops and widget is stops[0]:
            break
        stops.append(widget)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        QApplication.processEvents()
    return stops


def test_tab_reaches_every_list_and_the_chart_in_the_console(qtbot, db, demo_id, prompter) -> None:  # type: ignore[no-untyped-def]
    from app.ui.live.console import LiveConsole

    console = LiveConsole(LiveSession(db, demo_id))
    qtbot.addWidget(console)
    console.resize(1280, 720)
    console.show()
    console.activateWindow()
    qtbot.waitExposed(console)
    stops = _tab_stops(console.tree)
    names = [accessible_name(w) for w in stops]
    for widget in (
        console.tree,
        console.primary,
        console.count.missing,
        console.count.voted,
        console.chart,
        console.notes.question_note,
    ):
        assert widget in stops, (accessible_name(widget), names)
    assert all(names), names  # every stop says what it is
    # the site lists follow the count, then the chart, in reading order
    order = [stops.index(w) for w in (console.count.missing, console.count.voted, console.chart)]
    assert order == sorted(order)


def test_the_charts_numbers_are_its_text_and_follow_each_ballot(
    qtbot, db, demo_id, prompter
) -> None:  # type: ignore[no-untyped-def]
    from app.services import agenda, ballots, lifecycle
    from app.ui.live.console import LiveConsole

    session = LiveSession(db, demo_id)
    console = LiveConsole(session)
    qtbot.addWidget(console)
    console.show()
    question = console.snapshot.question
    assert question is not None
    before = accessible_description(console.chart)
    assert "Round 2: 0 of 17 sites voted" in before
    assert "Round 1: Ja, Empfehlung HCQ + Trametinib: 3 (19 %); Keine Empfehlung: 13 (81 %)" in (
        before
    )
    with db.write() as s:
        lifecycle.open_question(s, question.id)
        site = agenda.get_question(s, question.id)
        dresden = next(i.site.id for i in session.snapshot.invitations if i.site.code == "DD")
        ballots.cast_ballot(s, question.id, dresden, option_ids=[site.options[1].id])
    session.refresh()
    after = accessible_description(console.chart)
    assert "Round 2: 1 of 17 sites voted" in after
    assert "Round 2: Ja, Empfehlung HCQ + Trametinib: 0 (0 %); Keine Empfehlung: 1 (100 %)" in (
        after
    )
    assert accessible_name(console.chart) == "Result chart"
