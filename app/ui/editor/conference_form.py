"""Conference details: topic, date and times, moderator, language, the CME block (VNR,
category, points, scientific lead) and the fellows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
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

from app.services.cme import normalise_vnr
from app.services.conferences import normalise_time, parse_cme_points
from app.services.errors import InvalidInput
from app.services.views import ConferenceInfo
from app.ui.editor.autosave import AutoSaveForm
from app.ui.messages import error_text
from app.ui.plain import plain_label
from app.ui.widgets import ErrorLabel, Field, name_form_rows


def _narrow(edit: QLineEdit, sample: str) -> QLineEdit:
    """Wide enough for ``sample`` (in the current font) and its frame, no wider."""
    edit.setFixedWidth(edit.fontMetrics().horizontalAdvance(sample) + 24)
    return edit


def _inline_row(*widgets: QWidget) -> tuple[QWidget, ErrorLabel]:
    """Small fields side by side in one form row, with one message under the row."""
    box = QWidget()
    line = QHBoxLayout()
    line.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        line.addWidget(widget)
    line.addStretch(1)
    error = ErrorLabel(box)
    outer = QVBoxLayout(box)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(2)
    outer.addLayout(line)
    outer.addWidget(error)
    box.setFocusProxy(widgets[0])
    return box, error


def _buddy_label(text: str, buddy: QWidget, *, inline: bool = False) -> QLabel:
    """A plain-text label that gives ``buddy`` its mnemonic; ``inline`` between two fields
    of one row keeps a gap to each."""
    label = plain_label(text)
    label.setBuddy(buddy)
    if inline:
        label.setContentsMargins(8, 0, 4, 0)
    return label


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
        self.starts_at = _narrow(QLineEdit(), "00:00 ")
        self.ends_at = _narrow(QLineEdit(), "00:00 ")
        for edit, name in ((self.starts_at, self.tr("Start")), (self.ends_at, self.tr("End"))):
            edit.setMaxLength(5)
            edit.setPlaceholderText(self.tr("HH:MM"))
            edit.setAccessibleName(name)
        self.cme_category = _narrow(QLineEdit(), "ABCDEFG")
        self.cme_category.setMaxLength(10)
        self.cme_category.setPlaceholderText(self.tr("e.g. A"))
        self.cme_points = _narrow(QLineEdit(), "0000")
        self.cme_points.setMaxLength(4)
        self.cme_points.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.scientific_lead = QLineEdit()
        self.scientific_lead.setPlaceholderText(self.tr("as on the attendance certificates"))
        self.organiser = QLineEdit()
        self.organiser.setPlaceholderText(self.tr("as on the attendance certificates"))
        self.organiser.setMaximumWidth(560)
        self.date.setMaximumWidth(170)
        self.language.setMaximumWidth(220)
        self.vnr.setMaximumWidth(320)
        self.scientific_lead.setMaximumWidth(560)
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
        times, self.times_error = _inline_row(
            self.starts_at, _buddy_label(self.tr("to"), self.ends_at, inline=True), self.ends_at
        )
        cme, self.cme_error = _inline_row(
            self.cme_category,
            _buddy_label(self.tr("CME &points"), self.cme_points, inline=True),
            self.cme_points,
        )
        form = QFormLayout()
        form.addRow(self.tr("&Topic"), self.topic_field)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(_buddy_label(self.tr("T&ime"), self.starts_at), times)
        form.addRow(self.tr("&Moderator"), self.moderator)
        lead = _buddy_label(self.tr("Scie&ntific lead"), self.scientific_lead)
        form.addRow(lead, self.scientific_lead)
        form.addRow(_buddy_label(self.tr("Or&ganiser"), self.organiser), self.organiser)
        form.addRow(self.tr("&Language of the round"), self.language)
        form.addRow(self.tr("&VNR (CME event number)"), self.vnr_field)
        form.addRow(_buddy_label(self.tr("&CME category"), self.cme_category), cme)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        fellows_box = QVBoxLayout()
        fellows_box.addWidget(self.fellows)
        fellows_box.addLayout(buttons)
        form.addRow(self.tr("Fellows"), fellows_box)
        layout = QVBoxLayout(self)
        name_form_rows(form)
        layout.addLayout(form)
        layout.addStretch(1)

        self.topic.textEdited.connect(self.on_field_edited)
        self.moderator.textEdited.connect(self.on_field_edited)
        self.vnr.textEdited.connect(self.on_field_edited)
        for edit in (
            self.starts_at,
            self.ends_at,
            self.cme_category,
            self.cme_points,
            self.scientific_lead,
            self.organiser,
        ):
            edit.textEdited.connect(self.on_field_edited)
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
            self.starts_at.setText(conf.starts_at)
            self.ends_at.setText(conf.ends_at)
            self.cme_category.setText(conf.cme_category)
            self.cme_points.setText("" if conf.cme_points is None else str(conf.cme_points))
            self.scientific_lead.setText(conf.scientific_lead)
            self.organiser.setText(conf.organiser)
            self.fellows.setRowCount(0)
            for fellow in conf.fellows:
                self._append_fellow(fellow.name, fellow.site)
            for error in (
                self.topic_field.error,
                self.vnr_field.error,
                self.times_error,
                self.cme_error,
            ):
                error.set_error("")

    @staticmethod
    def stored(conf: ConferenceInfo) -> dict[str, object]:
        """The conference as :meth:`values` gives it: the state an edit is compared with
        and that undo writes back."""
        return {
            "topic": conf.topic,
            "date": conf.date,
            "moderator": conf.moderator,
            "language": conf.language,
            "vnr": conf.vnr,
            "starts_at": conf.starts_at,
            "ends_at": conf.ends_at,
            "cme_category": conf.cme_category,
            "cme_points": conf.cme_points,
            "scientific_lead": conf.scientific_lead,
            "organiser": conf.organiser,
            "fellows": [(f.name, f.site) for f in conf.fellows],
        }

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
        times: list[str] = []
        for edit, field in ((self.starts_at, "field_starts_at"), (self.ends_at, "field_ends_at")):
            try:
                times.append(normalise_time(edit.text(), field))
            except InvalidInput as exc:  # the service's own words, in the UI language
                errors["times"] = "\n".join(filter(None, (errors.get("times"), error_text(exc))))
        points: int | None = None
        try:
            points = parse_cme_points(self.cme_points.text())
        except InvalidInput as exc:
            errors["cme"] = error_text(exc)
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
            "starts_at": times[0],
            "ends_at": times[1],
            "cme_category": self.cme_category.text().strip(),
            "cme_points": points,
            "scientific_lead": self.scientific_lead.text().strip(),
            "organiser": self.organiser.text().strip(),
            "fellows": [f for f in fellows if f[0].strip()],
        }, {}

    def checked(self, *, show_errors: bool) -> dict[str, object] | None:
        values, errors = self.values()
        if show_errors:
            self.topic_field.error.set_error(errors.get("topic", ""))
            self.vnr_field.error.set_error(errors.get("vnr", ""))
            self.times_error.set_error(errors.get("times", ""))
            self.cme_error.set_error(errors.get("cme", ""))
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
