"""The agenda as a Qt tree model: cases with their questions; drag and drop to reorder."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from app.models.enums import QuestionState
from app.services.quick import case_line_of
from app.services.views import CaseInfo, QuestionInfo
from app.ui.icons import question_icon_kind, state_icon
from app.ui.plain import plain_tooltip

MIME = "application/x-votum-agenda"
Index = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole + 1  # ("case"|"question", id)


class AgendaModel(QAbstractItemModel):
    """Cases (top level) and their question rounds; internalId 0 marks a case row,
    ``n + 1`` a question of case row ``n``.

    Signals: ``moveRequested(kind, item_id, new_index)`` after a drop; the owner moves the
    item through the services and calls :meth:`set_agenda` with the new order.
    """

    moveRequested = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None, *, draggable: bool = False) -> None:
        super().__init__(parent)
        self._cases: list[CaseInfo] = []
        self._current: int | None = None
        self._draggable = draggable
        self.set_language("de")

    # --- data source ----------------------------------------------------------------

    def set_agenda(self, cases: list[CaseInfo], current_question_id: int | None = None) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self._current = current_question_id
        self.endResetModel()

    def update_agenda(self, cases: list[CaseInfo], current_question_id: int | None) -> None:
        """Refresh in place when the shape is unchanged (keeps selection and expansion)."""
        same_shape = [(c.id, [q.id for q in c.questions]) for c in cases] == [
            (c.id, [q.id for q in c.questions]) for c in self._cases
        ]
        if not same_shape:
            self.set_agenda(cases, current_question_id)
            return
        self._cases = list(cases)
        self._current = current_question_id
        for row, case in enumerate(self._cases):
            top = self.index(row, 0)
            self.dataChanged.emit(top, top)
            if case.questions:
                self.dataChanged.emit(
                    self.index(0, 0, top), self.index(len(case.questions) - 1, 0, top)
                )

    def set_language(self, lang: str) -> None:
        """Case headlines follow ``lang``; the words are the UI's translations."""
        self._lang = lang
        self._words = {
            "case": self.tr("Case %1"),
            "round": self.tr("Round %1"),
            "open": self.tr("OPEN"),
            "free": self.tr("Free discussion"),
        }

    def cases(self) -> list[CaseInfo]:
        return list(self._cases)

    def case_at(self, index: Index) -> CaseInfo | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._cases[index.row()]
        return self._cases[index.internalId() - 1]

    def question_at(self, index: Index) -> QuestionInfo | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._cases[index.internalId() - 1].questions[index.row()]

    def index_of_case(self, case_id: int) -> QModelIndex:
        for row, case in enumerate(self._cases):
            if case.id == case_id:
                return self.index(row, 0)
        return QModelIndex()

    def index_of_question(self, question_id: int) -> QModelIndex:
        for row, case in enumerate(self._cases):
            for qrow, question in enumerate(case.questions):
                if question.id == question_id:
                    return self.index(qrow, 0, self.index(row, 0))
        return QModelIndex()

    # --- structure --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._cases) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        if row >= len(self._cases[parent.row()].questions):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    # one method for both of Qt's overloads, QObject.parent() and the model's parent(index):
    # a checker cannot match it to either alone
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._cases)
        if parent.internalId() == 0:
            return len(self._cases[parent.row()].questions)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    # --- content ------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        question = self.question_at(index)
        if question is None:
            return self._case_data(self._cases[index.row()], role)
        return self._question_data(question, role)

    def _case_data(self, case: CaseInfo, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            word = self._words["case"].replace("%1", str(case.number))
            if case.free_discussion:  # its title is its one-line case, if one was given
                line = case_line_of(case.title)
                return f"{word}  {self._words['free']}" + (f" · {line}" if line else "")
            return f"{word}  {case.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(case.headline(self._lang))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == ItemRole:
            return ("case", case.id)
        return None

    def _question_data(self, question: QuestionInfo, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            word = self._words["round"].replace("%1", str(question.round))
            text = question.text if len(question.text) <= 48 else question.text[:47] + "…"
            label = f"{question.number}  {text}"
            if question.round > 1 or self._has_repeat(question):
                label = f"{question.number}  {word} · {text}"
            if question.state is QuestionState.OPEN:
                label += "  — " + self._words["open"]
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(question.text)
        if role == Qt.ItemDataRole.DecorationRole:
            return state_icon(question_icon_kind(question.state, question.revealed))
        if role == Qt.ItemDataRole.FontRole and question.id == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == ItemRole:
            return ("question", question.id)
        return None

    def _has_repeat(self, question: QuestionInfo) -> bool:
        return any(
            q.parent_id == question.id
            for c in self._cases
            for q in c.questions
            if c.id == question.case_id
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._draggable:
            return base
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = base | Qt.ItemFlag.ItemIsDragEnabled
        question = self.question_at(index)
        if question is None:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        elif question.parent_id is not None:
            flags &= ~Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- drag and drop ------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        valid = [i for i in indexes if i.isValid()]
        if valid:
            kind, item_id = valid[0].data(ItemRole)
            payload = {"kind": kind, "id": item_id}
            mime.setData(MIME, QByteArray(json.dumps(payload).encode()))
        return mime

    def _payload(self, mime: QMimeData) -> dict[str, Any] | None:
        if not mime.hasFormat(MIME):
            return None
        try:
            data = json.loads(bytes(mime.data(MIME).data()).decode())
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def drop_target(self, mime: QMimeData, row: int, parent: Index) -> tuple[str, int, int] | None:
        """(kind, id, new index) for a drop, or None when it does not fit."""
        payload = self._payload(mime)
        if payload is None:
            return None
        kind, item_id = str(payload.get("kind")), int(payload.get("id", 0))
        if kind == "case":
            if parent.isValid():
                if parent.internalId() != 0:
                    return None
                row = parent.row()
            old = next((i for i, c in enumerate(self._cases) if c.id == item_id), None)
            if old is None:
                return None
            row = len(self._cases) if row < 0 else row
            return kind, item_id, row - 1 if row > old else row
        if kind == "question":
            if not parent.isValid():
                return None
            if parent.internalId() != 0:  # dropped onto a question: take its row
                row, parent = parent.row(), self.parent(parent)
            case = self._cases[parent.row()]
            if item_id not in {q.id for q in case.questions}:
                return None
            questions = case.questions
            row = len(questions) if row < 0 else row
            before = [q for q in questions[:row] if q.parent_id is None and q.id != item_id]
            return kind, item_id, len(before)
        return None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._draggable and self.drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = self.drop_target(data, row, parent) if self._draggable else None
        if target is not None:
            self.moveRequested.emit(*target)
        return False  # the owner reloads the agenda; the view must not remove rows
