"""The question form: text, kind, options fitting the kind, abstain, duration."""

from __future__ import annotations

import itertools

from pydantic import ValidationError
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import QuestionKind, QuestionState
from app.services.package_schema import PackageOption, PackageQuestion
from app.services.presets import PRESETS, kind_label
from app.services.views import QuestionInfo
from app.ui.editor.asked_before import AskedBeforeBox
from app.ui.editor.autosave import AutoSaveForm
from app.ui.i18n import current_language
from app.ui.plain import plain_label
from app.ui.validation import reason
from app.ui.widgets import Field, OptionalSpinBox, name_form_rows

DEFAULT_DURATION = 90
ALONE = 3  # the column of the "stands alone" check box


def new_question(text: str) -> PackageQuestion:
    """A sensible new question: yes / no with abstain and a 90-second countdown."""
    return PackageQuestion(text=text, kind=QuestionKind.YES_NO, duration_seconds=DEFAULT_DURATION)


class QuestionForm(AutoSaveForm):
    """Edits one question; emits ``changed(PackageQuestion)`` shortly after a valid edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._question_id: int | None = None
        self._build()

    def _build(self) -> None:
        lang = current_language()
        self.heading = plain_label()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        self.kind = QComboBox()
        for kind in QuestionKind:
            self.kind.addItem(kind_label(kind, lang), kind.value)
        self.frozen_note = QLabel(
            self.tr(
                "Asked: the kind, the options' number and order and abstain are fixed; the "
                "text, the option labels (typos) and the sentence parts can still be "
                "corrected. The votes stay with their options."
            )
        )
        self.frozen_note.setWordWrap(True)

        self.options = QTableWidget(0, 4)
        self.options.setHorizontalHeaderLabels(
            [
                self.tr("Option"),
                self.tr("Sentence (German)"),
                self.tr("Sentence (English)"),
                self.tr("Alone"),
            ]
        )
        header = self.options.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ALONE, QHeaderView.ResizeMode.ResizeToContents)
        alone_header = self.options.horizontalHeaderItem(ALONE)
        if alone_header is not None:
            alone_header.setToolTip(
                self.tr(
                    "Stands alone: cannot be combined with another option in a multiple-choice "
                    'ballot ("No recommendation" always does)'
                )
            )
        self.options.setTabKeyNavigation(False)
        self.options.setToolTip(
            self.tr('The sentences finish "15 % of sites …" in the manuscript sentence')
        )
        self.options.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_option = QPushButton(self.tr("Add option"))
        self.remove_option = QPushButton(self.tr("Remove option"))
        self.add_option.clicked.connect(self.on_add_option_clicked)
        self.remove_option.clicked.connect(self.on_remove_option_clicked)
        editable = QWidget()
        editable_layout = QVBoxLayout(editable)
        editable_layout.setContentsMargins(0, 0, 0, 0)
        editable_layout.addWidget(self.options)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_option)
        buttons.addWidget(self.remove_option)
        buttons.addStretch(1)
        editable_layout.addLayout(buttons)
        self.preset_list = plain_label()
        self.preset_list.setWordWrap(True)
        self.no_options = QLabel(self.tr("Sites answer in their own words; there are no options."))
        self.option_stack = QStackedWidget()
        for page in (editable, self.preset_list, self.no_options):
            self.option_stack.addWidget(page)
        self.options_field = Field(self.option_stack)

        self.abstain = QCheckBox(self.tr('Offer "abstain"'))
        self.abstain.setToolTip(
            self.tr("Abstentions are shown apart and left out of the percentages")
        )
        self.duration = OptionalSpinBox(10, 3600)
        self.duration.setSuffix(self.tr(" s"))
        self.duration.setSingleStep(15)
        self.duration.setMaximumWidth(140)
        self.kind.setMaximumWidth(360)
        self.duration.setToolTip(self.tr("Countdown in the live console; – for none"))

        form = QFormLayout()
        self.text_field = Field(self.text)
        form.addRow(self.tr("&Question"), self.text_field)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow("", self.frozen_note)
        form.addRow(self.tr("Options"), self.options_field)
        form.addRow("", self.abstain)
        form.addRow(self.tr("&Duration"), self.duration)
        self.asked_before = AskedBeforeBox()  # the series: its earlier asking (editor fills)
        form.addRow(self.tr("Asked before"), self.asked_before)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        name_form_rows(form)
        layout.addLayout(form)
        layout.addStretch(1)

        self.text.textChanged.connect(self.on_field_edited)
        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        self.options.itemChanged.connect(self.on_field_edited)
        self.abstain.toggled.connect(self.on_field_edited)
        self.duration.valueChanged.connect(self.on_field_edited)
        order = [self.text, self.kind, self.options, self.add_option, self.remove_option,
                 self.abstain, self.duration]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # --- data in and out ------------------------------------------------------------------

    @property
    def question_id(self) -> int | None:
        return self._question_id

    def load(self, question: QuestionInfo, package: PackageQuestion) -> None:
        with self.loading():
            self._question_id = question.id
            title = self.tr("Question %1").replace("%1", question.number)
            if question.round > 1:
                title += " · " + self.tr("round %1").replace("%1", str(question.round))
            self.heading.setText(title)
            self.text.setPlainText(package.text)
            self.kind.setCurrentIndex(max(0, self.kind.findData(package.kind.value)))
            self.options.setRowCount(0)
            for option in package.options:
                self._append_option(
                    option.label, option.phrase_de, option.phrase_en, option.exclusive
                )
            self.abstain.setChecked(package.allow_abstain)
            self.duration.set_optional_value(package.duration_seconds)
            frozen = question.state is not QuestionState.DRAFT
            self.kind.setEnabled(not frozen)
            self.abstain.setEnabled(not frozen)
            self._freeze_labels(frozen)
            self.add_option.setEnabled(not frozen)
            self.remove_option.setEnabled(not frozen)
            self.frozen_note.setVisible(frozen)
            self._show_kind_page()
            self._show_errors({})

    def _freeze_labels(self, frozen: bool) -> None:
        """Once voting began, which option stands alone is fixed (and no option is added or
        removed); labels and sentence parts stay editable, for typos seen afterwards."""
        for row in range(self.options.rowCount()):
            box = self.options.item(row, ALONE)
            if box is not None:
                checkable = Qt.ItemFlag.ItemIsUserCheckable
                box.setFlags(box.flags() & ~checkable if frozen else box.flags() | checkable)

    def _append_option(
        self, label: str, phrase_de: str = "", phrase_en: str = "", exclusive: bool = False
    ) -> None:
        row = self.options.rowCount()
        self.options.insertRow(row)
        for column, value in enumerate((label, phrase_de, phrase_en)):
            self.options.setItem(row, column, QTableWidgetItem(value))
        box = QTableWidgetItem()
        box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        box.setCheckState(Qt.CheckState.Checked if exclusive else Qt.CheckState.Unchecked)
        self.options.setItem(row, ALONE, box)

    def _kind(self) -> QuestionKind:
        return QuestionKind(self.kind.currentData())

    def _show_kind_page(self) -> None:
        kind = self._kind()
        lang = current_language()
        if kind in PRESETS:
            lines = []
            for preset in PRESETS[kind]:
                line = f"• {preset.label(lang)}"
                if preset.explanation(lang):
                    line += f" — {preset.explanation(lang)}"
                lines.append(line)
            self.preset_list.setText("\n".join(lines))
            self.option_stack.setCurrentIndex(1)
        elif kind is QuestionKind.FREE_TEXT:
            self.option_stack.setCurrentIndex(2)
        else:
            self.option_stack.setCurrentIndex(0)
            if self.options.rowCount() == 0 and not self._loading:
                self._loading = True
                self._append_option("")
                self._append_option("")
                self._loading = False

    def package(self) -> tuple[PackageQuestion | None, dict[str, str]]:
        kind = self._kind()
        options: list[PackageOption] = []
        errors: dict[str, str] = {}
        if kind not in PRESETS and kind is not QuestionKind.FREE_TEXT:
            for row in range(self.options.rowCount()):
                cells = [self.options.item(row, c) for c in range(3)]
                label, de, en = (c.text().strip() if c is not None else "" for c in cells)
                box = self.options.item(row, ALONE)
                alone = box is not None and box.checkState() == Qt.CheckState.Checked
                if label:
                    options.append(
                        PackageOption(label=label, phrase_de=de, phrase_en=en, exclusive=alone)
                    )
        if not self.text.toPlainText().strip():
            errors["text"] = self.tr("The question needs a text")
        try:
            package = PackageQuestion(
                text=self.text.toPlainText().strip() or "?",
                kind=kind,
                options=options,
                allow_abstain=self.abstain.isChecked(),
                duration_seconds=self.duration.optional_value(),
            )
        except ValidationError as exc:
            error = exc.errors()[0]
            errors["text" if error["loc"][:1] == ("text",) else "options"] = reason(error)
            return None, errors
        return (None if errors else package), errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.text_field.error.set_error(errors.get("text", ""))
        self.options_field.error.set_error(errors.get("options", ""))

    def checked(self, *, show_errors: bool) -> PackageQuestion | None:
        package, errors = self.package()
        if show_errors:
            self._show_errors(errors)
        return package if self._question_id is not None else None

    # --- slots ------------------------------------------------------------------------

    @Slot()
    def on_kind_changed(self) -> None:
        self._show_kind_page()
        self.on_field_edited()

    @Slot()
    def on_add_option_clicked(self) -> None:
        self._append_option("")
        row = self.options.rowCount() - 1
        self.options.setCurrentCell(row, 0)
        if (item := self.options.item(row, 0)) is not None:
            self.options.editItem(item)

    @Slot()
    def on_remove_option_clicked(self) -> None:
        rows = sorted({i.row() for i in self.options.selectedIndexes()}, reverse=True)
        for row in rows:
            self.options.removeRow(row)
        self.on_field_edited()
