"""Discussion notes per question and per case, saved as typed (debounced).

The notes come with the live snapshot and are saved through the live source
(:meth:`app.ui.live.source.LiveSource.save_note`): no database here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt, QTime, QTimer, Slot
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from app.services import notes
from app.services.notes import NoteView
from app.ui.live.source import Done
from app.ui.messages import error_text
from app.ui.theme import muted_color

SAVE_DELAY_MS = 800


class SaveNote(Protocol):
    """Saves a note, then ``done(error or None)`` in the GUI thread."""

    def __call__(
        self, text: str, *, case_id: int | None, question_id: int | None, done: Done
    ) -> None: ...


class NotesPanel(QWidget):
    """Two note editors; "saved 14:03:12" tells when the last save happened."""

    def __init__(self, save: SaveNote, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save_note = save
        self._question_id: int | None = None
        self._case_id: int | None = None
        self._loading = False
        self.tabs = QTabWidget()
        self.question_note = QPlainTextEdit()
        self.case_note = QPlainTextEdit()
        self.question_note.setAccessibleName(self.tr("Notes on the question"))
        self.case_note.setAccessibleName(self.tr("Notes on the case"))
        for edit in (self.question_note, self.case_note):
            edit.setAccessibleDescription(self.tr("Saved as you type"))
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(self.tr("Discussion notes for the protocol …"))
        self.tabs.addTab(self.question_note, self.tr("Notes on the question"))
        self.tabs.addTab(self.case_note, self.tr("Notes on the case"))
        self.saved = QLabel()
        self.saved.setTextFormat(Qt.TextFormat.PlainText)
        self.saved.setStyleSheet(f"color: {muted_color().name()}")
        self.tabs.setCornerWidget(self.saved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._question_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._case_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._question_timer.timeout.connect(self.on_question_timer_timeout)
        self._case_timer.timeout.connect(self.on_case_timer_timeout)
        self.question_note.textChanged.connect(self.on_question_note_text_changed)
        self.case_note.textChanged.connect(self.on_case_note_text_changed)
        self.setEnabled(False)

    def show_item(
        self, case_id: int | None, question_id: int | None, all_notes: Sequence[NoteView]
    ) -> None:
        """Follow the current question (pending edits of the previous one are saved first);
        ``all_notes``: the conference's notes as the snapshot has them."""
        if (case_id, question_id) == (self._case_id, self._question_id):
            return
        self.flush()
        self._case_id, self._question_id = case_id, question_id
        all_notes = list(all_notes)
        self._loading = True
        self.question_note.setPlainText(
            notes.note_text(all_notes, question_id=question_id) if question_id else ""
        )
        self.case_note.setPlainText(notes.note_text(all_notes, case_id=case_id) if case_id else "")
        self._loading = False
        self.saved.setText("")
        self.setEnabled(question_id is not None)

    def flush(self) -> None:
        if self._question_timer.isActive():
            self._question_timer.stop()
            self.on_question_timer_timeout()
        if self._case_timer.isActive():
            self._case_timer.stop()
            self.on_case_timer_timeout()

    def _save(
        self, text: str, *, case_id: int | None = None, question_id: int | None = None
    ) -> None:
        self._save_note(text, case_id=case_id, question_id=question_id, done=self._on_saved)

    def _on_saved(self, error: BaseException | None) -> None:
        if error is not None:
            self.saved.setText(error_text(error))
            return
        stamp = QTime.currentTime().toString("HH:mm:ss")
        self.saved.setText(self.tr("saved %1").replace("%1", stamp) + "  ")

    @Slot()
    def on_question_note_text_changed(self) -> None:
        if not self._loading:
            self.saved.setText(self.tr("not yet saved") + "  ")
            self._question_timer.start()

    @Slot()
    def on_case_note_text_changed(self) -> None:
        if not self._loading:
            self.saved.setText(self.tr("not yet saved") + "  ")
            self._case_timer.start()

    @Slot()
    def on_question_timer_timeout(self) -> None:
        if self._question_id is not None:
            self._save(self.question_note.toPlainText(), question_id=self._question_id)

    @Slot()
    def on_case_timer_timeout(self) -> None:
        if self._case_id is not None:
            self._save(self.case_note.toPlainText(), case_id=self._case_id)
