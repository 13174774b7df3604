"""Enter a vote for a site that answers by voice or chat (stored as entered by the moderator)."""

from __future__ import annotations

import textwrap

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
from app.ui.plain import plain_tooltip
from app.ui.widgets import ErrorLabel, ok_cancel_buttons

#: Characters of a site's name the site box shows before it elides (the whole name is its
#: tooltip); option labels wrap at about this many characters a line.
SHOWN_CHARACTERS = 60


class BallotDialog(QDialog):
    """Site (missing ones first), the options fitting the question, abstain, comment.

    As wide as a laptop screen at most: a long site name is elided in the box (whole in its
    tooltip), a long option label wraps."""

    def __init__(
        self, question: QuestionInfo, status: LiveStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter vote for site"))
        self.question = question
        self.site = QComboBox()
        self.site.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.site.setMinimumContentsLength(SHOWN_CHARACTERS)
        self.site.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for site in status.missing:
            self._add_site(site.name, site.id)
        if status.voted:
            self.site.insertSeparator(self.site.count())
            for voted in sorted(status.voted, key=lambda v: v.site.name):
                self._add_site(
                    self.tr("%1 (has voted; replaces)").replace("%1", voted.site.name),
                    voted.site.id,
                )
        self.site.currentIndexChanged.connect(self.on_site_changed)
        self.on_site_changed(self.site.currentIndex())
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
            text = _wrapped(text)
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

    def _add_site(self, text: str, site_id: int) -> None:
        """A site in the box: elided in the middle when long (its end often tells sites
        apart), whole in its tooltip."""
        metrics = self.site.fontMetrics()
        room = metrics.averageCharWidth() * SHOWN_CHARACTERS
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room)
        self.site.addItem(shown, site_id)
        self.site.setItemData(
            self.site.count() - 1, plain_tooltip(text), Qt.ItemDataRole.ToolTipRole
        )

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

    @Slot(int)
    def on_site_changed(self, index: int = 0) -> None:
        """The chosen site's whole name on hover (the box may elide it)."""
        self.site.setToolTip(self.site.itemData(index, Qt.ItemDataRole.ToolTipRole) or "")

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


def _wrapped(text: str) -> str:
    """A long option label in lines (a radio button or check box does not wrap itself)."""
    if len(text) <= SHOWN_CHARACTERS * 3 // 2:
        return text
    return "\n".join(textwrap.wrap(text, SHOWN_CHARACTERS * 3 // 2, break_long_words=True))
