"""The case form: structured summary and findings, validated as typed, saved when valid."""

from __future__ import annotations

import itertools

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.package_schema import PackageCase
from app.services.views import CaseInfo
from app.ui.editor.autosave import AutoSaveForm
from app.ui.editor.findings_view import FindingsView
from app.ui.editor.images_box import ImagesBox
from app.ui.models.findings_model import FindingRow, FindingsModel
from app.ui.validation import reason
from app.ui.widgets import ErrorLabel, Field, OptionalSpinBox, name_form_rows


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
        self.icd10 = QLineEdit()
        self.icd10.setPlaceholderText("C25.0")
        self.icd10.setMaximumWidth(120)
        self.histology = QLineEdit()
        self.stage = QLineEdit()
        self.ecog = QComboBox()
        self.ecog.addItem("–", None)
        for level in range(5):
            self.ecog.addItem(str(level), level)
        self.lines = OptionalSpinBox(0, 20)
        self.prior = QPlainTextEdit()
        self.prior.setTabChangesFocus(True)
        self.prior.setFixedHeight(60)
        self.tmb = QLineEdit()
        self.tmb.setPlaceholderText(self.tr("mut/Mb"))
        self.tmb.setMaximumWidth(120)
        self.msi = QComboBox()
        self.msi.setEditable(True)
        self.msi.addItems(["", "MSS", "MSI-H", "MSI-L"])
        self.msi.setMinimumWidth(120)
        self.setMaximumWidth(1200)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(80)
        self.findings_model = FindingsModel(self)
        self.findings_model.set_headers(
            (
                self.tr("Gene"),
                self.tr("Alteration (HGVS)"),
                self.tr("Kind"),
                self.tr("VAF %"),
                self.tr("Comment"),
            )
        )
        self.findings = FindingsView(self.findings_model)
        self.findings.setToolTip(
            self.tr(
                "Paste rows from a spreadsheet with Ctrl+V (gene, alteration, kind, VAF, comment)"
            )
        )

        self.fields: dict[str, Field] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def add(label: str, name: str, widget: QWidget) -> None:
            field = Field(widget)
            self.fields[name] = field
            form.addRow(label, field)

        add(self.tr("&Title"), "title", self.title)
        add(self.tr("&Presented by"), "presenter", self.presenter)
        add(self.tr("&Age"), "age", self.age)
        add(self.tr("&Sex"), "sex", self.sex)
        add(self.tr("&Diagnosis"), "diagnosis", self.diagnosis)
        add(self.tr("&ICD-10"), "icd10", self.icd10)
        add(self.tr("&Histology"), "histology", self.histology)
        add(self.tr("Stag&e"), "stage", self.stage)
        add(self.tr("E&COG"), "ecog", self.ecog)
        add(self.tr("Prior therapy &lines"), "prior_therapy_lines", self.lines)
        add(self.tr("Prior thera&pies"), "prior_therapies", self.prior)
        add(self.tr("T&MB"), "tmb", self.tmb)
        add(self.tr("MS&I"), "msi", self.msi)
        add(self.tr("Case &text"), "text", self.text)

        findings_box = QGroupBox(self.tr("Molecular findings"))
        add_button = QPushButton(self.tr("Add finding"))
        remove_button = QPushButton(self.tr("Remove finding"))
        add_button.clicked.connect(self.findings.add_row)
        remove_button.clicked.connect(self.findings.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add_button)
        buttons.addWidget(remove_button)
        buttons.addStretch(1)
        self.findings_error = ErrorLabel()
        box_layout = QVBoxLayout(findings_box)
        box_layout.addWidget(self.findings)
        box_layout.addWidget(self.findings_error)
        box_layout.addLayout(buttons)

        self.images = ImagesBox()
        self.images.edited.connect(self.on_field_edited)
        layout = QVBoxLayout(self)
        name_form_rows(form)
        layout.addLayout(form)
        layout.addWidget(findings_box, 1)
        layout.addWidget(self.images)

        for edit in (
            self.title,
            self.presenter,
            self.diagnosis,
            self.icd10,
            self.histology,
            self.stage,
            self.tmb,
        ):
            edit.textEdited.connect(self.on_field_edited)
        for spin in (self.age, self.lines):
            spin.valueChanged.connect(self.on_field_edited)
        for combo in (self.sex, self.ecog):
            combo.currentIndexChanged.connect(self.on_field_edited)
        self.msi.currentTextChanged.connect(self.on_field_edited)
        for plain in (self.prior, self.text):
            plain.textChanged.connect(self.on_field_edited)
        self.findings_model.edited.connect(self.on_field_edited)
        order = [self.title, self.presenter, self.age, self.sex, self.diagnosis, self.icd10,
                 self.histology, self.stage, self.ecog, self.lines, self.prior, self.tmb, self.msi,
                 self.text, self.findings, add_button, remove_button, self.images.table,
                 *self.images.buttons]  # fmt: skip
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
            self.histology.setText(case.histology)
            self.stage.setText(case.stage)
            self.ecog.setCurrentIndex(max(0, self.ecog.findData(case.ecog)))
            self.lines.set_optional_value(case.prior_therapy_lines)
            self.prior.setPlainText(case.prior_therapies)
            self.tmb.setText("" if case.tmb is None else f"{case.tmb:g}")
            self.msi.setCurrentText(case.msi)
            self.text.setPlainText(case.text)
            self.findings_model.set_rows([FindingRow.of(f) for f in case.findings])
            self._show_errors({}, [])

    def package(self) -> tuple[PackageCase | None, dict[str, str], list[tuple[int, str, str]]]:
        """The case as typed, or the reasons per field (and per findings cell)."""
        errors: dict[str, str] = {}
        tmb: float | None = None
        if self.tmb.text().strip():
            try:
                tmb = float(self.tmb.text().strip().replace(",", "."))
            except ValueError:
                errors["tmb"] = self.tr("TMB must be a number (mutations per megabase)")
        findings, finding_errors = self.findings_model.findings()
        if errors or finding_errors:
            return None, errors, finding_errors
        data = {
            "title": self.title.text(),
            "presenter": self.presenter.text(),
            "age": self.age.optional_value(),
            "sex": self.sex.currentData(),
            "diagnosis": self.diagnosis.text(),
            "icd10": self.icd10.text(),
            "histology": self.histology.text(),
            "stage": self.stage.text(),
            "ecog": self.ecog.currentData(),
            "prior_therapy_lines": self.lines.optional_value(),
            "prior_therapies": self.prior.toPlainText(),
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

    def _show_errors(
        self, errors: dict[str, str], finding_errors: list[tuple[int, str, str]]
    ) -> None:
        for name, field in self.fields.items():
            field.error.set_error(errors.get(name, ""))
        if finding_errors:
            row, _column, reason = finding_errors[0]
            self.findings_error.set_error(
                self.tr("Row %1: %2").replace("%1", str(row + 1)).replace("%2", reason)
            )
        else:
            self.findings_error.set_error("")

    def checked(self, *, show_errors: bool) -> PackageCase | None:
        package, errors, finding_errors = self.package()
        if show_errors:
            self._show_errors(errors, finding_errors)
        return package if self._case_id is not None else None
