"""The preparation editor: conference, sites, and the agenda of cases and questions."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTime, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.models import Question
from app.services import agenda, conferences
from app.services.package_schema import PackageCase, PackageQuestion
from app.ui.editor import commands
from app.ui.editor.case_form import CaseForm
from app.ui.editor.conference_form import ConferenceForm
from app.ui.editor.question_form import QuestionForm, new_question
from app.ui.editor.sites_page import SitesPage
from app.ui.i18n import current_language
from app.ui.messages import confirm, show_error
from app.ui.models.agenda_model import AgendaModel, ItemRole
from app.ui.plain import plain_label
from app.ui.theme import muted_color


class AgendaTree(QTreeView):
    """The editor's agenda: drag cases and questions to reorder them."""

    def __init__(self, model: AgendaModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)


class PreparationEditor(QWidget):
    """Edits one conference. Every change is written at once (one transaction) and put on
    :attr:`undo_stack`. Emits ``saved(str)`` with the time of the last save."""

    saved = Signal(str)
    agendaChanged = Signal()

    def __init__(self, db: Database, conference_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._conference_id = conference_id
        self.undo_stack = QUndoStack(self)
        self.ctx = commands.EditContext(db, conference_id, self.reload, self._on_write_error)
        self.agenda_model = AgendaModel(self, draggable=True)
        self.agenda_model.set_language(current_language())
        self.agenda_model.moveRequested.connect(self.on_agenda_model_move_requested)

        self.tabs = QTabWidget()
        self.conference_form = ConferenceForm()
        self.conference_form.changed.connect(self.on_conference_form_changed)
        self.sites_page = SitesPage(db, conference_id)
        self.tabs.addTab(self._scrolled(self.conference_form), self.tr("Conference"))
        self.tabs.addTab(self.sites_page, self.tr("Sites"))
        self.tabs.addTab(self._build_agenda_tab(), self.tr("Cases and questions"))
        self.status = plain_label(self.tr("Changes are saved as you type; Ctrl+Z undoes them."))
        self.status.setStyleSheet(f"color: {muted_color().name()}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        self.reload()
        self.tabs.setCurrentIndex(2)

    def _scrolled(self, widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the form's fields
        return area

    def _build_agenda_tab(self) -> QWidget:
        self.tree = AgendaTree(self.agenda_model)
        self.tree.setAccessibleName(self.tr("Agenda: cases and questions"))
        self.tree.selectionModel().currentChanged.connect(self.on_tree_current_changed)
        self.add_case_button = QPushButton(self.tr("New case"))
        self.add_question_button = QPushButton(self.tr("New question"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_case_button.clicked.connect(self.add_case)
        self.add_question_button.clicked.connect(self.add_question)
        self.delete_button.clicked.connect(self.delete_selected)
        hint = QLabel(self.tr("Drag cases and questions to reorder them."))
        hint.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(hint)
        buttons = QHBoxLayout()
        for button in (self.add_case_button, self.add_question_button, self.delete_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)

        self.case_form = CaseForm()
        self.case_form.changed.connect(self.on_case_form_changed)
        self.question_form = QuestionForm()
        self.question_form.changed.connect(self.on_question_form_changed)
        self.empty = QLabel(
            self.tr("Choose a case or a question on the left, or create a new case.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.forms = QStackedWidget()
        self.forms.addWidget(self.empty)
        self.forms.addWidget(self._scrolled(self.case_form))
        self.forms.addWidget(self._scrolled(self.question_form))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.forms)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 700])
        return splitter

    # --- reading --------------------------------------------------------------------

    @property
    def conference_id(self) -> int:
        return self._conference_id

    def reload(self) -> None:
        """Read the conference again and show it; keeps the selected item."""
        selected = self.selected_item()
        with self._db.read() as session:
            conf = conferences.get_conference(session, self._conference_id)
            cases = agenda.agenda(session, self._conference_id)
        self.conference_form.load(conf)
        self.agenda_model.set_agenda(cases, conf.current_question_id)
        self.tree.expandAll()
        self.sites_page.reload()
        if selected is not None:
            self.select(*selected)
        else:
            self._show_item(None)
        self.agendaChanged.emit()

    def selected_item(self) -> tuple[str, int] | None:
        index = self.tree.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def select(self, kind: str, item_id: int) -> None:
        item_id = self.ctx.ids.resolve(item_id)
        index = (
            self.agenda_model.index_of_case(item_id)
            if kind == "case"
            else self.agenda_model.index_of_question(item_id)
        )
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self._show_item((kind, item_id))
        else:
            self._show_item(None)

    def _show_item(self, item: tuple[str, int] | None) -> None:
        if item is None:
            self.forms.setCurrentIndex(0)
            return
        kind, item_id = item
        with self._db.read() as session:
            if kind == "case":
                case = agenda.get_case(session, item_id)
                package = agenda.case_as_package(session, item_id)
                self.case_form.load(case, package)
                self.forms.setCurrentIndex(1)
            else:
                question = agenda.get_question(session, item_id)
                row = session.get(Question, item_id)
                assert row is not None
                self.question_form.load(question, agenda.question_as_package(row))
                self.forms.setCurrentIndex(2)
            if kind == "question":
                self.question_form.asked_before.show_question(self._db, item_id)

    def _mark_saved(self) -> None:
        stamp = QTime.currentTime().toString("HH:mm:ss")
        text = self.tr("All changes saved %1").replace("%1", stamp)
        self.status.setText(text)
        self.saved.emit(stamp)

    def _refresh_tree(self) -> None:
        with self._db.read() as session:
            conf = conferences.get_conference(session, self._conference_id)
            cases = agenda.agenda(session, self._conference_id)
        self.agenda_model.update_agenda(cases, conf.current_question_id)
        self.tree.expandAll()
        self.agendaChanged.emit()

    def _on_write_error(self, message: str) -> None:
        show_error(self, self.tr("Not saved"), message)

    def flush(self) -> None:
        """Write pending edits of the open form now."""
        self.conference_form.flush()
        self.case_form.flush()
        self.question_form.flush()

    # --- edits -------------------------------------------------------------------------

    def _push(self, text: str, do: commands.Write, undo: commands.Write) -> bool:
        ok = commands.push_write(self.undo_stack.push, self.ctx, text, do, undo)
        if ok:
            self._mark_saved()
        return ok

    @Slot(object)
    def on_conference_form_changed(self, values: dict[str, object]) -> None:
        with self._db.read() as session:
            conf = conferences.get_conference(session, self._conference_id)
        before = ConferenceForm.stored(conf)
        if before == values:
            return
        do, undo = commands.update_conference(self.ctx, before, values)
        self._push(self.tr("Edit conference"), do, undo)

    @Slot(object)
    def on_case_form_changed(self, package: PackageCase) -> None:
        case_id = self.case_form.case_id
        if case_id is None:
            return
        with self._db.read() as session:
            before = agenda.case_as_package(session, case_id)
        if before.model_copy(update={"questions": []}) == package:
            return
        do, undo = commands.update_case(self.ctx, case_id, before, package)
        if self._push(self.tr("Edit case"), do, undo):
            self._refresh_tree()

    @Slot(object)
    def on_question_form_changed(self, package: PackageQuestion) -> None:
        question_id = self.question_form.question_id
        if question_id is None:
            return
        with self._db.read() as session:
            row = session.get(Question, question_id)
            assert row is not None
            before = agenda.question_as_package(row)
        if before == package:
            return
        do, undo = commands.update_question(self.ctx, question_id, before, package)
        if self._push(self.tr("Edit question"), do, undo):
            self._refresh_tree()

    @Slot()
    def add_case(self) -> int | None:
        self.flush()
        with self._db.read() as session:
            conf = conferences.get_conference(session, self._conference_id)
        presenter = conf.fellows[0].name if conf.fellows else ""
        data = PackageCase(title=self.tr("New case"), presenter=presenter)
        holder: list[int] = []
        do, undo = commands.add_case(self.ctx, data, holder)
        if not self._push(self.tr("New case"), do, undo):
            return None
        self.tabs.setCurrentIndex(2)
        self._refresh_tree()
        self.select("case", holder[0])
        self.case_form.title.setFocus()
        self.case_form.title.selectAll()
        return holder[0]

    @Slot()
    def add_question(self) -> int | None:
        self.flush()
        index = self.tree.currentIndex()
        case = self.agenda_model.case_at(index)
        if case is None:
            show_error(
                self, self.tr("New question"), self.tr("Choose the case the question belongs to.")
            )
            return None
        holder: list[int] = []
        do, undo = commands.add_question(
            self.ctx, case.id, new_question(self.tr("New question")), holder
        )
        if not self._push(self.tr("New question"), do, undo):
            return None
        self._refresh_tree()
        self.select("question", holder[0])
        self.question_form.text.setFocus()
        self.question_form.text.selectAll()
        return holder[0]

    @Slot()
    def delete_selected(self) -> None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return
        question = self.agenda_model.question_at(index)
        case = self.agenda_model.case_at(index)
        assert case is not None
        with self._db.read() as session:
            if question is None:
                title = self.tr("Delete case")
                text = self.tr("Delete case %1 with its questions?").replace("%1", case.title)
                data = agenda.case_as_package(session, case.id)
                do, undo = commands.delete_case(self.ctx, case.id, data, index.row())
            else:
                title = self.tr("Delete question")
                text = self.tr("Delete question %1?").replace("%1", question.number)
                row = session.get(Question, question.id)
                assert row is not None
                data_q = agenda.question_as_package(row)
                top = [q.id for q in case.questions if q.parent_id is None]
                position = top.index(question.id) if question.id in top else len(top)
                do, undo = commands.delete_question(
                    self.ctx, question.id, case.id, data_q, position
                )
        if not confirm(self, title, text, self.tr("Delete"), destroys=True):
            return
        if self._push(title, do, undo):
            self._refresh_tree()
            self._show_item(None)

    @Slot(str, int, int)
    def on_agenda_model_move_requested(self, kind: str, item_id: int, new_index: int) -> None:
        with self._db.read() as session:
            if kind == "case":
                old = commands._case_index(session, self._conference_id, item_id)
                do, undo = commands.move_case(self.ctx, item_id, old, new_index)
            else:
                old = commands._question_index(session, item_id)[1]
                do, undo = commands.move_question(self.ctx, item_id, old, new_index)
        if old == new_index:
            return
        if self._push(self.tr("Move"), do, undo):
            QTimer.singleShot(0, self.reload)

    @Slot(QModelIndex, QModelIndex)
    def on_tree_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.flush()
        self._show_item(current.data(ItemRole) if current.isValid() else None)
