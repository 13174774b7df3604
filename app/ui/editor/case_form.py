"""The case form: structured summary, prior lines of therapy and findings, validated as
typed (the reason beside the field), saved when valid."""

from __future__ import annotations

import itertools

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.package_schema import PackageCase
from app.services.views import CaseInfo
from app.ui.editor.autosave import AutoSaveForm
from app.ui.editor.findings_view import FindingsView, TherapyLinesView
from app.ui.editor.images_box import ImagesBox
from app.ui.editor.rows_view import RowsView
from app.ui.models.findings_model import FindingRow, FindingsModel
from app.ui.models.therapy_lines_model import TherapyLineRow, TherapyLinesModel
from app.ui.validation import reason
from app.ui.widgets import ErrorLabel, Field, OptionalSpinBox, name_form_rows, row


class CaseForm(AutoSaveForm):
    """Edits one case. Emits ``changed(PackageCase)`` a moment after a valid edit
    (questions are not part of it: they have their own form)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case_id: int | None = None
        self._build()

    def _build(self) -> None:
        self.title = QLineEdit()
        self.presenter = QLineEdit()
        self.age = OptionalSpinBox(0, 120)
        self.age.setSuffix(self.tr(" years"))
        self.sex = QComboBox()
        for label, value in (
            ("–", None),
            (self.tr("female"), "f"),
            (self.tr("male"), "m"),
            (self.tr("diverse"), "d"),
        ):
            self.sex.addItem(label, value)
        self.diagnosis = QLineEdit()
        self.icd10 = _short_edit("C25.0")
        self.topography = _short_edit("C25.0")
        self.topography.setToolTip(self.tr("ICD-O-3 topography"))
        self.topography.setAccessibleName(self.tr("ICD-O-3 topography"))
        self.morphology = _short_edit("8500/3")
        self.morphology.setToolTip(self.tr("ICD-O-3 morphology with behaviour code"))
        self.morphology.setAccessibleName(self.tr("ICD-O-3 morphology with behaviour code"))
        self.histology = QLineEdit()
        self.stage = QLineEdit()
        self.tnm = QLineEdit()
        self.tnm.setPlaceholderText("pT3 pN1 (2/14) cM0 L1 V0 G3 R0")
        self.ecog = QComboBox()
        self.ecog.addItem("–", None)
        for level in range(5):
            self.ecog.addItem(str(level), level)
        self.lines = OptionalSpinBox(0, 20)
        self.comorbidities = _notes_edit(44)
        self.prior = _notes_edit(44)
        self.prior.setPlaceholderText(self.tr("What the table of lines does not say"))
        self.tmb = _short_edit(self.tr("mut/Mb"))
        self.msi = QComboBox()
        self.msi.setEditable(True)
        self.msi.addItems(["", "MSS", "MSI-H", "MSI-L"])
        self.msi.setMinimumWidth(120)
        self.setMaximumWidth(1200)
        self.text = _notes_edit(80)
        self.findings_model = FindingsModel(self)
        self.findings_model.set_headers(
            (
                self.tr("Gene"),
                self.tr("Alteration (p.)"),
                self.tr("Kind"),
                self.tr("VAF %"),
                self.tr("c. notation"),
                self.tr("Transcript"),
                self.tr("CN"),
                self.tr("Partner"),
                self.tr("Breakpoints"),
                self.tr("Score"),
                self.tr("Evidence"),
                self.tr("Comment"),
            )
        )
        self.findings = FindingsView(self.findings_model)
        self.findings.setAccessibleName(self.tr("Molecular findings"))
        self.findings.setToolTip(
            self.tr(
                "Paste rows from a spreadsheet with Ctrl+V: gene, alteration, kind, VAF, "
                "c. notation, transcript, … in the order of the columns, or any order under "
                "a header row"
            )
        )
        self.therapy_model = TherapyLinesModel(self)
        self.therapy_model.set_headers(
            (self.tr("Line"), self.tr("Substances"), self.tr("Best response"))
        )
        self.therapy = TherapyLinesView(self.therapy_model)
        self.therapy.setAccessibleName(self.tr("Prior lines of therapy"))
        self.therapy.setToolTip(
            self.tr("Paste rows with Ctrl+V: line, substances, best response (CR, PR, SD, PD, NE)")
        )

        self.fields: dict[str, Field] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def field(name: str, widget: QWidget) -> Field:
            self.fields[name] = Field(widget)
            return self.fields[name]

        def add(label: str, name: str, widget: QWidget, *beside: tuple[str, str, QWidget]) -> None:
            """A form row; ``beside``: more (label, name, widget) on the same row. Each
            widget is named by its label (screen readers: the label's buddy is a Field)."""
            parts: list[QWidget] = [field(name, widget)]
            _name(widget, label)
            for text, other, other_widget in beside:
                if text:
                    buddy = QLabel(text)
                    buddy.setBuddy(other_widget)
                    parts.append(buddy)
                    _name(other_widget, text)
                parts.append(field(other, other_widget))
            form.addRow(label, parts[0] if len(parts) == 1 else row(*parts))
            label_item = form.itemAt(form.rowCount() - 1, QFormLayout.ItemRole.LabelRole)
            label_widget = label_item.widget() if label_item else None
            if isinstance(label_widget, QLabel):
                label_widget.setBuddy(widget)

        add(self.tr("&Title"), "title", self.title)
        add(self.tr("&Presented by"), "presenter", self.presenter)
        add(self.tr("&Age"), "age", self.age, (self.tr("&Sex"), "sex", self.sex))
        add(self.tr("&Diagnosis"), "diagnosis", self.diagnosis)
        add(
            self.tr("&ICD-10"),
            "icd10",
            self.icd10,
            (self.tr("ICD-&O-3"), "icdo3_topography", self.topography),
            ("", "icdo3_morphology", self.morphology),
        )
        add(self.tr("&Histology"), "histology", self.histology)
        add(self.tr("Stag&e"), "stage", self.stage)
        add(self.tr("T&NM"), "tnm", self.tnm)
        add(
            self.tr("E&COG"),
            "ecog",
            self.ecog,
            (self.tr("Prior therapy &lines"), "prior_therapy_lines", self.lines),
        )
        add(self.tr("T&MB"), "tmb", self.tmb, (self.tr("MS&I"), "msi", self.msi))
        add(self.tr("Como&rbidities"), "comorbidities", self.comorbidities)
        add(self.tr("Prior thera&pies"), "prior_therapies", self.prior)
        add(self.tr("Case &text"), "text", self.text)

        therapy_box, self.therapy_error, therapy_buttons = _table_box(
            self.tr("Prior lines of therapy"),
            self.therapy,
            self.tr("Add line"),
            self.tr("Remove line"),
        )
        findings_box, self.findings_error, finding_buttons = _table_box(
            self.tr("Molecular findings"),
            self.findings,
            self.tr("Add finding"),
            self.tr("Remove finding"),
        )
        self.images = ImagesBox()
        self.images.edited.connect(self.on_field_edited)
        layout = QVBoxLayout(self)
        name_form_rows(form)
        layout.addLayout(form)
        layout.addWidget(therapy_box)
        layout.addWidget(findings_box, 1)
        layout.addWidget(self.images)

        for edit in (self.title, self.presenter, self.diagnosis, self.icd10, self.topography,
                     self.morphology, self.histology, self.stage, self.tnm, self.tmb):  # fmt: skip
            edit.textEdited.connect(self.on_field_edited)
        for spin in (self.age, self.lines):
            spin.valueChanged.connect(self.on_field_edited)
        for combo in (self.sex, self.ecog):
            combo.currentIndexChanged.connect(self.on_field_edited)
        self.msi.currentTextChanged.connect(self.on_field_edited)
        for plain in (self.comorbidities, self.prior, self.text):
            plain.textChanged.connect(self.on_field_edited)
        self.findings_model.edited.connect(self.on_field_edited)
        self.therapy_model.edited.connect(self.on_field_edited)
        order = [self.title, self.presenter, self.age, self.sex, self.diagnosis, self.icd10,
                 self.topography, self.morphology, self.histology, self.stage, self.tnm,
                 self.ecog, self.lines, self.tmb, self.msi, self.comorbidities, self.prior,
                 self.text, self.therapy, *therapy_buttons, self.findings, *finding_buttons,
                 self.images.table, *self.images.buttons]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # --- data in and out ----------------------------------------------------------------

    @property
    def case_id(self) -> int | None:
        return self._case_id

    def load(self, case: CaseInfo, package: PackageCase) -> None:
        """Show a case (no save is triggered)."""
        with self.loading():
            self._case_id = case.id
            self.images.set_images(list(package.images))
            self.title.setText(case.title)
            self.presenter.setText(case.presenter)
            self.age.set_optional_value(case.age)
            self.sex.setCurrentIndex(max(0, self.sex.findData(case.sex)))
            self.diagnosis.setText(case.diagnosis)
            self.icd10.setText(case.icd10)
            self.topography.setText(case.icdo3_topography)
            self.morphology.setText(case.icdo3_morphology)
            self.histology.setText(case.histology)
            self.stage.setText(case.stage)
            self.tnm.setText(case.tnm)
            self.ecog.setCurrentIndex(max(0, self.ecog.findData(case.ecog)))
            self.lines.set_optional_value(case.prior_therapy_lines)
            self.comorbidities.setPlainText(case.comorbidities)
            self.prior.setPlainText(case.prior_therapies)
            self.tmb.setText("" if case.tmb is None else f"{case.tmb:g}")
            self.msi.setCurrentText(case.msi)
            self.text.setPlainText(case.text)
            self.findings_model.set_rows([FindingRow.of(f) for f in case.findings])
            self.therapy_model.set_rows([TherapyLineRow.of(t) for t in case.therapy_lines])
            self._show_errors({}, [], [])

    def package(self) -> tuple[PackageCase | None, dict[str, str], list[tuple[int, str, str]]]:
        """The case as typed, or the reasons per field (and per findings cell; the reasons
        of the prior lines' cells are shown under their table)."""
        errors: dict[str, str] = {}
        tmb: float | None = None
        if self.tmb.text().strip():
            try:
                tmb = float(self.tmb.text().strip().replace(",", "."))
            except ValueError:
                errors["tmb"] = self.tr("TMB must be a number (mutations per megabase)")
        findings, finding_errors = self.findings_model.findings()
        lines, line_errors = self.therapy_model.lines()
        if line_errors:
            errors["therapy_lines"] = self._row_reason(line_errors)
        if errors or finding_errors:
            return None, errors, finding_errors
        data = {
            "title": self.title.text(),
            "presenter": self.presenter.text(),
            "age": self.age.optional_value(),
            "sex": self.sex.currentData(),
            "diagnosis": self.diagnosis.text(),
            "icd10": self.icd10.text(),
            "icdo3_topography": self.topography.text(),
            "icdo3_morphology": self.morphology.text(),
            "histology": self.histology.text(),
            "stage": self.stage.text(),
            "tnm": self.tnm.text(),
            "ecog": self.ecog.currentData(),
            "prior_therapy_lines": self.lines.optional_value(),
            "comorbidities": self.comorbidities.toPlainText(),
            "prior_therapies": self.prior.toPlainText(),
            "therapy_lines": lines,
            "tmb": tmb,
            "msi": self.msi.currentText(),
            "text": self.text.toPlainText(),
            "findings": findings,
            "images": self.images.images(),
        }
        try:
            return PackageCase.model_validate(data), {}, []
        except ValidationError as exc:
            for item in exc.errors():
                name = str(item["loc"][0]) if item["loc"] else "title"
                errors.setdefault(name, self._reason(name, item))
            return None, errors, []

    def _reason(self, name: str, error: ErrorDetails) -> str:
        if name == "title" and not str(error.get("input") or "").strip():
            return self.tr("A case needs a title")
        if name == "icd10":
            return self.tr("Not an ICD-10 code (e.g. C25.0)")
        return reason(error)

    def _row_reason(self, problems: list[tuple[int, str, str]]) -> str:
        row, _column, reason = problems[0]
        return self.tr("Row %1: %2").replace("%1", str(row + 1)).replace("%2", reason)

    def _show_errors(
        self,
        errors: dict[str, str],
        finding_errors: list[tuple[int, str, str]],
        line_errors: list[tuple[int, str, str]],
    ) -> None:
        for name, field in self.fields.items():
            field.error.set_error(errors.get(name, ""))
        self.findings_error.set_error(self._row_reason(finding_errors) if finding_errors else "")
        self.therapy_error.set_error(self._row_reason(line_errors) if line_errors else "")

    def checked(self, *, show_errors: bool) -> PackageCase | None:
        package, errors, finding_errors = self.package()
        if show_errors:
            self._show_errors(errors, finding_errors, self.therapy_model.problems())
        return package if self._case_id is not None else None


def _name(widget: QWidget, label: str) -> None:
    """The widget's accessible name from its label ("&Age" → "Age"), unless it has one."""
    if not widget.accessibleName():
        widget.setAccessibleName(label.replace("&", ""))


def _short_edit(placeholder: str) -> QLineEdit:
    """A line edit for a code or a number (ICD-10, ICD-O-3, TMB)."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaximumWidth(120)
    return edit


def _notes_edit(height: int) -> QPlainTextEdit:
    """A few lines of free text; Tab moves on to the next field."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _table_box(
    title: str, table: RowsView, add_text: str, remove_text: str
) -> tuple[QGroupBox, ErrorLabel, tuple[QPushButton, QPushButton]]:
    """A table under its title with the reason of its first bad cell and its buttons."""
    box = QGroupBox(title)
    add_button = QPushButton(add_text)
    remove_button = QPushButton(remove_text)
    add_button.clicked.connect(table.add_row)
    remove_button.clicked.connect(table.remove_selected)
    buttons = QHBoxLayout()
    buttons.addWidget(add_button)
    buttons.addWidget(remove_button)
    buttons.addStretch(1)
    error = ErrorLabel()
    layout = QVBoxLayout(box)
    layout.addWidget(table)
    layout.addWidget(error)
    layout.addLayout(buttons)
    return box, error, (add_button, remove_button)
