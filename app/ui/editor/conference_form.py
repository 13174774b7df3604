"""Conference details: topic, date, moderator, language, VNR and the fellows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.cme import normalise_vnr
from app.services.errors import InvalidInput
from app.services.views import ConferenceInfo
from app.ui.editor.autosave import AutoSaveForm
from app.ui.widgets import Field


class ConferenceForm(AutoSaveForm):
    """Emits ``changed(dict)`` with ``update_conference`` fields (and ``fellows``) when a
    valid edit settles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = QLineEdit()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.moderator = QLineEdit()
        self.language = QComboBox()
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.vnr = QLineEdit()
        self.vnr.setPlaceholderText(self.tr("19 digits, from the medical chamber"))
        self.date.setMaximumWidth(170)
        self.language.setMaximumWidth(220)
        self.vnr.setMaximumWidth(320)
        self.setMaximumWidth(980)
        self.fellows = QTableWidget(0, 2)
        self.fellows.setHorizontalHeaderLabels([self.tr("Fellow"), self.tr("Site")])
        self.fellows.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fellows.setTabKeyNavigation(False)
        self.fellows.setMinimumHeight(120)
        add = QPushButton(self.tr("Add fellow"))
        remove = QPushButton(self.tr("Remove fellow"))
        add.clicked.connect(self.on_add_fellow_clicked)
        remove.clicked.connect(self.on_remove_fellow_clicked)

        self.topic_field = Field(self.topic)
        self.vnr_field = Field(self.vnr)
        form = QFormLayout()
        form.addRow(self.tr("&Topic"), self.topic_field)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Moderator"), self.moderator)
        form.addRow(self.tr("&Language of the round"), self.language)
        form.addRow(self.tr("&VNR (CME event number)"), self.vnr_field)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        fellows_box = QVBoxLayout()
        fellows_box.addWidget(self.fellows)
        fellows_box.addLayout(buttons)
        form.addRow(self.tr("Fellows"), fellows_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

        self.topic.textEdited.connect(self.on_field_edited)
        self.moderator.textEdited.connect(self.on_field_edited)
        self.vnr.textEdited.connect(self.on_field_edited)
        self.date.dateChanged.connect(self.on_field_edited)
        self.language.currentIndexChanged.connect(self.on_field_edited)
        self.fellows.itemChanged.connect(self.on_field_edited)

    def load(self, conf: ConferenceInfo) -> None:
        with self.loading():
            self.topic.setText(conf.topic)
            self.date.setDate(QDate(conf.date.year, conf.date.month, conf.date.day))
            self.moderator.setText(conf.moderator)
            self.language.setCurrentIndex(max(0, self.language.findData(conf.language)))
            self.vnr.setText(conf.vnr)
            self.fellows.setRowCount(0)
            for fellow in conf.fellows:
                self._append_fellow(fellow.name, fellow.site)
            self.topic_field.error.set_error("")
            self.vnr_field.error.set_error("")

    def _append_fellow(self, name: str = "", site: str = "") -> None:
        row = self.fellows.rowCount()
        self.fellows.insertRow(row)
        self.fellows.setItem(row, 0, QTableWidgetItem(name))
        self.fellows.setItem(row, 1, QTableWidgetItem(site))

    def values(self) -> tuple[dict[str, object] | None, dict[str, str]]:
        errors: dict[str, str] = {}
        if not self.topic.text().strip():
            errors["topic"] = self.tr("The conference needs a topic")
        try:
            vnr = normalise_vnr(self.vnr.text())
        except InvalidInput:
            errors["vnr"] = self.tr("The VNR has 19 digits")
            vnr = ""
        if errors:
            return None, errors
        qdate = self.date.date()
        fellows = []
        for row in range(self.fellows.rowCount()):
            name, site = (self.fellows.item(row, c) for c in range(2))
            fellows.append((name.text() if name else "", site.text() if site else ""))
        return {
            "topic": self.topic.text().strip(),
            "date": dt.date(qdate.year(), qdate.month(), qdate.day()),
            "moderator": self.moderator.text().strip(),
            "language": self.language.currentData(),
            "vnr": vnr,
            "fellows": [f for f in fellows if f[0].strip()],
        }, {}

    def checked(self, *, show_errors: bool) -> dict[str, object] | None:
        values, errors = self.values()
        if show_errors:
            self.topic_field.error.set_error(errors.get("topic", ""))
            self.vnr_field.error.set_error(errors.get("vnr", ""))
        return values

    @Slot()
    def on_add_fellow_clicked(self) -> None:
        self._append_fellow()
        row = self.fellows.rowCount() - 1
        self.fellows.setCurrentCell(row, 0)
        if (item := self.fellows.item(row, 0)) is not None:
            self.fellows.editItem(item)

    @Slot()
    def on_remove_fellow_clicked(self) -> None:
        for row in sorted({i.row() for i in self.fellows.selectedIndexes()}, reverse=True):
            self.fellows.removeRow(row)
        self.on_field_edited()
