"""The quick-question form of the console: a question asked on the spot in the free
discussion, typed without the mouse and asked with Enter.

Text, kind (a number picks it: 1 yes/no, 2 evidence level …), options one per line (single
and multiple choice only), the case in one line; Enter asks and opens it, Esc puts the
form away. The kind and the case line stay for the next question (a second question on
the same patient is text, Enter). What the service would refuse is said in the form
before anything is sent.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.models.enums import QuestionKind
from app.services.errors import VotumError
from app.services.moderator_actions import QUICK, Action
from app.services.presets import kind_label
from app.services.quick import prepare
from app.ui.i18n import current_language
from app.ui.plain import plain_label
from app.ui.theme import error_color, muted_color

#: the kinds in the order their numbers pick them
KINDS = (
    QuestionKind.YES_NO,
    QuestionKind.EVIDENCE,
    QuestionKind.AGREEMENT,
    QuestionKind.SINGLE,
    QuestionKind.MULTIPLE,
    QuestionKind.FREE_TEXT,
)
_WITH_OPTIONS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
_SUBMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class QuickQuestionForm(QFrame):
    """Signals ``asked(Action)`` (the quick-question action) on Enter when the input is
    fine, ``cancelled()``
    on Esc. ``blocked`` (set by the console) says why nothing can be asked now, e.g.
    another question is still open."""

    asked = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.blocked = ""
        lang = current_language()
        title = plain_label(self.tr("Quick question · free discussion"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        hint = plain_label(self.tr("Enter asks and opens it · Esc closes"))
        hint.setStyleSheet(f"color: {muted_color().name()}")
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("e.g. Which evidence level would you give?"))
        self.text.setMaxLength(2_000)
        self.kind = QComboBox()
        for number, kind in enumerate(KINDS, start=1):
            self.kind.addItem(f"{number} · {kind_label(kind, lang)}", kind.value)
        self.kind.setToolTip(self.tr("Type the number to choose the kind"))
        self.options = QPlainTextEdit()
        self.options.setTabChangesFocus(True)
        self.options.setPlaceholderText(
            self.tr(
                "One option per line. “No recommendation” stands alone; “Abstain” offers "
                "abstaining."
            )
        )
        line_height = self.options.fontMetrics().lineSpacing()
        self.options.setFixedHeight(line_height * 3 + 12)
        self.case = QLineEdit()
        self.case.setPlaceholderText(
            self.tr("optional, e.g. presented by site X: 54 y, NSCLC, KRAS G12C")
        )
        self.case.setMaxLength(400)
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {error_color().name()};")
        self.ask_button = QPushButton(self.tr("Ask and open") + "   " + self.tr("Enter"))
        self.cancel_button = QPushButton(self.tr("Cancel") + "   " + self.tr("Esc"))
        self.ask_button.clicked.connect(self.on_ask_button_clicked)
        self.cancel_button.clicked.connect(self.cancelled)

        self.labels: dict[QWidget, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(4)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(hint)
        grid.addLayout(head, 0, 0, 1, 4)
        self._row(grid, 1, self.tr("Question"), self.text, span=3)
        self._row(grid, 2, self.tr("Kind"), self.kind)
        self._row(grid, 2, self.tr("Case (one line)"), self.case, column=2)
        self._row(grid, 3, self.tr("Options"), self.options, span=3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.ask_button)
        buttons.addWidget(self.cancel_button)
        grid.addLayout(buttons, 4, 0, 1, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        for first, second in (
            (self.text, self.kind),
            (self.kind, self.options),
            (self.options, self.case),
            (self.case, self.ask_button),
            (self.ask_button, self.cancel_button),
        ):
            QWidget.setTabOrder(first, second)
        self.kind.currentIndexChanged.connect(self.on_kind_current_index_changed)
        for field in (self.text, self.kind, self.options, self.case):
            field.installEventFilter(self)
        self.on_kind_current_index_changed()

    def _row(
        self,
        grid: QGridLayout,
        row: int,
        text: str,
        field: QWidget,
        *,
        column: int = 0,
        span: int = 1,
    ) -> None:
        label = plain_label(text)
        label.setBuddy(field)
        field.setAccessibleName(text)
        grid.addWidget(label, row, column)
        grid.addWidget(field, row, column + 1, 1, span)
        self.labels[field] = label

    # --- what was typed -------------------------------------------------------------------

    def chosen_kind(self) -> QuestionKind:
        return QuestionKind(self.kind.currentData())

    def typed(self) -> tuple[str, QuestionKind, list[str], str]:
        """Text, kind, options (as typed, one per line) and the case line."""
        kind = self.chosen_kind()
        lines = self.options.toPlainText() if kind in _WITH_OPTIONS else ""
        return self.text.text(), kind, [lines] if lines.strip() else [], self.case.text()

    def question(self) -> Action:
        """The quick-question action with what was typed (opened at once)."""
        text, kind, options, case = self.typed()
        return QUICK(text=text, kind=kind, options=options, case=case)

    def start(self) -> None:
        """Show the form with the cursor in the question (the kind and case line kept)."""
        self.error.clear()
        self.show()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def clear_question(self) -> None:
        """After asking: the text and options go; the kind and the case line stay."""
        self.text.clear()
        self.options.clear()
        self.error.clear()

    def say(self, problem: str) -> None:
        self.error.setText(problem)

    # --- keys and slots ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter asks (a new line in the options), a digit picks the kind, Esc cancels."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return True
        if key in _SUBMIT_KEYS and watched is not self.options:
            if watched is self.kind and self.kind.view().isVisible():
                return False  # Enter chooses in the open list
            self.on_ask_button_clicked()
            return True
        if watched is self.kind and Qt.Key.Key_1 <= key < Qt.Key.Key_1 + len(KINDS):
            self.kind.setCurrentIndex(key - Qt.Key.Key_1)
            return True
        return False

    @Slot()
    def on_kind_current_index_changed(self) -> None:
        with_options = self.chosen_kind() in _WITH_OPTIONS
        self.options.setVisible(with_options)
        self.labels[self.options].setVisible(with_options)

    @Slot()
    def on_ask_button_clicked(self) -> None:
        if self.blocked:
            self.say(self.blocked)
            return
        asked = self.question()
        try:
            prepare(*self.typed())  # the rule's own check, before anything is sent
            asked.body()
        except VotumError as exc:
            self.say(exc.in_language(current_language()))
            return
        self.error.clear()
        self.asked.emit(asked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)
