"""The dialog that imports a video call's poll report: the file, its format and round, the
preview (participant → site table, question matches to confirm, conflicts to resolve, in
:mod:`app.ui.poll_preview`), what keeps it from being stored, then one atomic import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import VotumError
from app.services.poll_import import import_report
from app.services.poll_preview import ImportChoices, PollPreview, preview_import
from app.services.poll_reports import CsvColumns, report_bytes
from app.ui.i18n import current_language
from app.ui.messages import error_text
from app.ui.poll_preview import SHOWN_ROWS, PollPreviewTabs
from app.ui.widgets import ErrorLabel, name_form_rows

if TYPE_CHECKING:
    from app.db import Database


class PollImportDialog(QDialog):
    """Holds the report's bytes and the current preview (the choices made in its tables
    are the :class:`PollPreviewTabs`'); emits ``imported`` with the number of ballots
    stored once the import is done."""

    imported = Signal(int)

    def __init__(self, db: Database, conference_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import poll report"))
        self.db = db
        self.conference_id = conference_id
        self.data: bytes | None = None
        self.filename = ""
        self.preview: PollPreview | None = None

        self.path = QLineEdit()
        self.path.setReadOnly(True)
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.on_choose_clicked)
        self.format = QComboBox()
        self.format.addItem(self.tr("Automatic (Zoom if recognised)"), "")
        self.format.addItem(self.tr("Zoom poll report"), "zoom")
        self.format.addItem(self.tr("Plain CSV (participant, question, answer)"), "csv")
        self.columns = QLineEdit("1,2,3")
        self.columns.setToolTip(
            self.tr("Columns of a plain CSV: participant, question, answer[, time]")
        )
        self.round = QSpinBox()
        self.round.setRange(1, 2)
        self.format.currentIndexChanged.connect(self.refresh)
        self.round.valueChanged.connect(self.refresh)
        self.columns.editingFinished.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.store_totals = QCheckBox(self.tr("Store the totals as counted by the call"))
        self.store_totals.setChecked(True)
        self.store_totals.setVisible(False)

        self.tabs = PollPreviewTabs()
        self.tabs.changed.connect(self.refresh)
        self.blockers = QPlainTextEdit()
        self.blockers.setAccessibleName(self.tr("What keeps the import from being stored"))
        self.blockers.setReadOnly(True)
        self.blockers.setMaximumHeight(90)
        self.error = ErrorLabel()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.on_import_clicked)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.path, 1)
        file_layout.addWidget(choose)
        form.addRow(self.tr("&File"), file_row)
        label = form.labelForField(file_row)
        if isinstance(label, QLabel):
            label.setBuddy(choose)
        form.addRow(self.tr("F&ormat"), self.format)
        form.addRow(self.tr("CSV &columns"), self.columns)
        form.addRow(self.tr("&Round"), self.round)
        layout = QVBoxLayout(self)
        name_form_rows(form)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.store_totals)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.blockers)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(900, 640)

    # --- input ---------------------------------------------------------------------------

    @Slot()
    def on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import poll report"), "", self.tr("Poll reports (*.csv *.txt)")
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read the report and show its preview (an unreadable file shows its error)."""
        try:
            self.data = report_bytes(path)
        except VotumError as exc:  # too large, or unreadable
            self.data = None
            self.preview = None
            self.import_button.setEnabled(False)
            self._clear()
            self.error.set_error(error_text(exc))
            return
        self.filename = path.name
        self.path.setText(str(path))
        self.refresh()

    def choices(self) -> ImportChoices:
        return self.tabs.choices(self.round.value(), self.store_totals.isChecked())

    def _columns(self) -> CsvColumns | None:
        return CsvColumns.parse(self.columns.text()) if self.format.currentData() == "csv" else None

    @Slot()
    def refresh(self) -> None:
        """Match again with the current choices and show the result."""
        if self.data is None:
            return
        try:
            with self.db.read() as session:
                self.preview = preview_import(
                    session,
                    self.conference_id,
                    self.data,
                    filename=self.filename,
                    format=self.format.currentData() or None,
                    columns=self._columns(),
                    choices=self.choices(),
                )
        except VotumError as exc:
            self.preview = None
            self.error.set_error(error_text(exc))
            self.import_button.setEnabled(False)
            self._clear()
            return
        self.error.set_error("")
        self._show(self.preview)

    # --- showing the preview -------------------------------------------------------------

    def _clear(self) -> None:
        self.tabs.clear_tables()
        self.summary.setText("")
        self.blockers.setPlainText("")

    def _show(self, preview: PollPreview) -> None:
        plan = preview.plan
        parts = [
            self.tr("%1 answers to %2 questions, %3 ballots to store")
            .replace("%1", str(len(preview.report.answers)))
            .replace("%2", str(len(preview.report.questions)))
            .replace("%3", str(len(plan.ballots)))
        ]
        if plan.unmatched:
            parts.append(
                self.tr("%1 participants match no site").replace("%1", str(len(plan.unmatched)))
            )
        if preview.report.superseded:
            parts.append(
                self.tr("%1 earlier submissions replaced by a later one (the last counts)").replace(
                    "%1", str(len(preview.report.superseded))
                )
            )
        if plan.anonymous:
            parts.append(
                self.tr(
                    "Anonymous poll: no ballots per site; only the totals can be stored, "
                    "as counted by the call"
                )
            )
        self.store_totals.setVisible(plan.anonymous)
        hidden = self.tabs.show_preview(preview)
        self.summary.setText(" · ".join(parts + hidden))
        lang = current_language()
        blockers = [b.in_language(lang) for b in preview.blockers]
        if len(blockers) > SHOWN_ROWS:
            more = len(blockers) - SHOWN_ROWS
            blockers = [*blockers[:SHOWN_ROWS], self.tr("… and %1 more").replace("%1", str(more))]
        self.blockers.setPlainText("\n".join(blockers))
        self.import_button.setEnabled(preview.ready)

    # --- importing -----------------------------------------------------------------------

    @Slot()
    def on_import_clicked(self) -> None:
        if self.data is None or self.preview is None or not self.preview.ready:
            return
        try:
            with self.db.write() as session:
                result = import_report(
                    session,
                    self.conference_id,
                    self.data,
                    filename=self.filename,
                    format=self.format.currentData() or None,
                    columns=self._columns(),
                    choices=self.choices(),
                )
        except VotumError as exc:
            self.error.set_error(error_text(exc))
            return
        self.imported.emit(result.n_ballots)
        self.accept()
