"""The question form's "asked before" row: which earlier asking of the series the question
repeats (found by its text, or chosen by hand), with buttons to link it to another
earlier question, to say it was not asked before, or to let the text decide again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import VotumError
from app.ui.i18n import current_language
from app.ui.messages import error_text, show_error
from app.ui.widgets import ok_cancel_buttons

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database
    from app.services.asked_before import EarlierAsking


def describe(earlier: EarlierAsking, lang: str) -> str:
    """ "17.06.2026 · DEMO – KRAS … · 1.1 · Keine Empfehlung 60 % · Mehrheitliche …"."""
    result = earlier.result.summary(lang) if earlier.result else ""
    parts = (f"{earlier.date:%d.%m.%Y}", earlier.topic, earlier.number, result)
    return " · ".join(p for p in parts if p)


class AskedBeforeBox(QWidget):
    """Shows and changes the earlier asking of the question on the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self._question_id: int | None = None
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.link = QPushButton(self.tr("Link to an earlier question…"))
        self.unlink = QPushButton(self.tr("Not asked before"))
        self.follow = QPushButton(self.tr("Link by the text"))
        self.follow.setToolTip(
            self.tr("Undo the choice by hand: an earlier question with the same text is linked")
        )
        self.link.clicked.connect(self.on_link_clicked)
        self.unlink.clicked.connect(self.on_unlink_clicked)
        self.follow.clicked.connect(self.on_follow_clicked)
        buttons = QHBoxLayout()
        for button in (self.link, self.unlink, self.follow):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addLayout(buttons)

    def show_question(self, db: Database, question_id: int) -> None:
        from app.services.asked_before import earlier_asking, earlier_id

        self._db, self._question_id = db, question_id
        with db.read() as session:
            found, by_hand = earlier_id(session, question_id)
            earlier = earlier_asking(session, question_id) if found is not None else None
        lang = current_language()
        if earlier is not None:
            how = self.tr("chosen by hand") if by_hand else self.tr("the same text")
            self.state.setText(f"{describe(earlier, lang)} ({how})")
        elif by_hand:
            self.state.setText(self.tr("Not asked before (chosen by hand)."))
        else:
            self.state.setText(self.tr("Not asked before: no earlier question has this text."))
        self.unlink.setEnabled(earlier is not None)
        self.follow.setEnabled(by_hand)

    def _write(self, work: Callable[[Session], object]) -> None:
        if self._db is None or self._question_id is None:
            return
        try:
            with self._db.write() as session:
                work(session)
        except VotumError as exc:
            show_error(self, self.tr("Asked before"), error_text(exc))
        self.show_question(self._db, self._question_id)

    @Slot()
    def on_link_clicked(self) -> None:
        if self._db is None or self._question_id is None:
            return
        dialog = LinkDialog(self._db, self._question_id, self)
        chosen = dialog.chosen if dialog.exec() else None
        if chosen is not None:
            from app.services.asked_before import link_question

            question = self._question_id
            self._write(lambda s: link_question(s, question, chosen, actor="moderator"))

    @Slot()
    def on_unlink_clicked(self) -> None:
        from app.services.asked_before import unlink_question

        question = self._question_id
        if question is not None:
            self._write(lambda s: unlink_question(s, question, actor="moderator"))

    @Slot()
    def on_follow_clicked(self) -> None:
        from app.services.asked_before import follow_text

        question = self._question_id
        if question is not None:
            self._write(lambda s: follow_text(s, question, actor="moderator"))


class LinkDialog(QDialog):
    """The earlier questions that may be this one (suggested), or any found by a search;
    ``chosen`` is the question picked."""

    def __init__(self, db: Database, question_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._question_id = question_id
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Link to an earlier question"))
        self.resize(900, 420)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search earlier sessions (words of the question)"))
        self.search.setAccessibleName(self.tr("Search earlier sessions"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Earlier questions"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Conference"),
                self.tr("No."),
                self.tr("Question"),
                self.tr("Why"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.accept)
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.on_timer_timeout)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(ok_cancel_buttons(self))
        self._suggest()

    def _fill(self, rows: list[tuple[int, dt.date, str, str, str, str]]) -> None:
        self.table.setRowCount(0)
        for qid, date, topic, number, text, why in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, value in enumerate((f"{date:%d.%m.%Y}", topic, number, text, why)):
                item = QTableWidgetItem(" ".join(value.split()))
                item.setData(Qt.ItemDataRole.UserRole, qid)
                self.table.setItem(row, column, item)
        if rows:
            self.table.selectRow(0)

    def _suggest(self) -> None:
        from app.services.asked_before import suggestions

        with self._db.read() as session:
            found = suggestions(session, self._question_id)
        why = {
            "text": self.tr("the same text"),
            "similar": self.tr("a similar text"),
            "case": self.tr("the same gene and diagnosis"),
        }
        self._fill(
            [
                (
                    s.asking.question_id,
                    s.asking.date,
                    s.asking.topic,
                    s.asking.number,
                    s.asking.text,
                    why[s.reason],
                )
                for s in found
            ]
        )

    @Slot()
    def on_timer_timeout(self) -> None:
        if not self.search.text().strip():
            self._suggest()
            return
        from app.services.agenda import conference_of_question
        from app.services.archive import search
        from app.services.conferences import get_conference

        with self._db.read() as session:
            before = get_conference(session, conference_of_question(session, self._question_id))
            found = search(session, self.search.text(), limit=100)
        found_word = self.tr("found")
        self._fill(
            [
                (h.question_id, h.date, h.topic, h.number, h.text, found_word)
                for h in found.hits
                if h.asked and h.date < before.date
            ]
        )

    def accept(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        self.chosen = None if item is None else int(item.data(Qt.ItemDataRole.UserRole))
        super().accept()
