"""Enter a vote for a site that answers by voice or chat (stored as entered by the moderator)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.models import QuestionKind
from app.services.results import LiveStatus
from app.services.views import QuestionInfo
from app.ui.i18n import current_language
from app.ui.widgets import ErrorLabel, ok_cancel_buttons


class BallotDialog(QDialog):
    """Site (missing ones first), the options fitting the question, abstain, comment."""

    def __init__(
        self, question: QuestionInfo, status: LiveStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter vote for site"))
        self.question = question
        self.site = QComboBox()
        for site in status.missing:
            self.site.addItem(site.name, site.id)
        if status.voted:
            self.site.insertSeparator(self.site.count())
            for voted in sorted(status.voted, key=lambda v: v.site.name):
                self.site.addItem(
                    self.tr("%1 (has voted; replaces)").replace("%1", voted.site.name),
                    voted.site.id,
                )
        self.group = QButtonGroup(self)
        self.group.setExclusive(question.kind is not QuestionKind.MULTIPLE)
        options = QWidget()
        options_layout = QVBoxLayout(options)
        options_layout.setContentsMargins(0, 0, 0, 0)
        lang = current_language()
        for option in question.options:
            text = option.label_in(lang)
            if option.explanation(lang):
                text += f" — {option.explanation(lang)}"
            button: QAbstractButton = (
                QCheckBox(text) if question.kind is QuestionKind.MULTIPLE else QRadioButton(text)
            )
            self.group.addButton(button, option.id)
            options_layout.addWidget(button)
        self.abstain = QCheckBox(self.tr("Abstain"))
        self.abstain.setVisible(question.allow_abstain)
        self.abstain.toggled.connect(self.on_abstain_toggled)
        options_layout.addWidget(self.abstain)
        self.comment = QLineEdit()
        self.error = ErrorLabel()
        note = QLabel(self.tr("The vote is marked as entered by the moderator."))
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        form = QFormLayout(self)
        number = QLabel(question.number)
        font = number.font()
        font.setBold(True)
        number.setFont(font)
        question_text = QLabel(question.text)
        question_text.setWordWrap(True)
        for label in (number, question_text):
            label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(number, question_text)
        form.addRow(self.tr("&Site"), self.site)
        form.addRow(self.tr("Answer"), options)
        form.addRow(self.tr("&Comment"), self.comment)
        form.addRow(note)
        form.addRow(self.error)
        buttons = ok_cancel_buttons(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enter vote"))
        form.addRow(buttons)

    def choice(self) -> tuple[int | None, tuple[int, ...], bool, str]:
        """(site id, option ids, abstain, comment)."""
        ids = tuple(self.group.id(b) for b in self.group.buttons() if b.isChecked())
        return self.site.currentData(), ids, self.abstain.isChecked(), self.comment.text().strip()

    def set_choice(
        self, site_id: int, option_ids: tuple[int, ...] = (), abstain: bool = False
    ) -> None:
        self.site.setCurrentIndex(self.site.findData(site_id))
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) in option_ids)
        self.abstain.setChecked(abstain)

    @Slot(bool)
    def on_abstain_toggled(self, checked: bool) -> None:
        for button in self.group.buttons():
            button.setEnabled(not checked)

    def accept(self) -> None:
        site_id, ids, abstain, comment = self.choice()
        if site_id is None:
            self.error.set_error(self.tr("Choose a site"))
            return
        free = self.question.kind is QuestionKind.FREE_TEXT
        if not ids and not abstain and not (free and comment):
            self.error.set_error(self.tr("Choose an answer"))
            return
        super().accept()
