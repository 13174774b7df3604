"""The library: every conference in the database (new, open, demo, delete, and the archive
search across all of them), the series plan and participation by site."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import VotumError
from app.ui.messages import error_text
from app.ui.models.conferences_model import ConferencesModel, DetailRole
from app.ui.series.archive_search import ArchiveSearch
from app.ui.series.participation_view import ParticipationView
from app.ui.series.plan_view import PlanView
from app.ui.theme import muted_color
from app.ui.widgets import ErrorLabel, ok_cancel_buttons

if TYPE_CHECKING:
    from app.db import Database


class NewConferenceDialog(QDialog):
    """Topic, date and language of a new conference."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.conference_id: int | None = None
        self.setWindowTitle(self.tr("New conference"))
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(self.tr("e.g. KRAS-mutated pancreatic cancer"))
        self.topic.setMinimumWidth(360)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.language = QComboBox()
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.moderator = QLineEdit()
        self.error = ErrorLabel()
        form = QFormLayout(self)
        form.addRow(self.tr("&Topic"), self.topic)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Moderator"), self.moderator)
        form.addRow(self.tr("&Language of the round"), self.language)
        form.addRow(self.error)
        buttons = ok_cancel_buttons(self)
        form.addRow(buttons)

    def accept(self) -> None:
        from app.services import conferences

        qdate = self.date.date()
        try:
            with self._db.write() as session:
                self.conference_id = conferences.create_conference(
                    session,
                    self.topic.text(),
                    dt.date(qdate.year(), qdate.month(), qdate.day()),
                    moderator=self.moderator.text(),
                    language=self.language.currentData(),
                )
        except VotumError as exc:
            self.error.set_error(error_text(exc))
            return
        super().accept()


class ConferenceDelegate(QStyledItemDelegate):
    """Two lines per conference: the topic, then date, moderator and number of sites."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = option.fontMetrics.height()
        return QSize(option.rect.width(), int(height * 2.6) + 12)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(12, 6, -12, -6)
        painter.save()
        title = QFont(opt.font)
        title.setBold(True)
        title.setPointSizeF(title.pointSizeF() * 1.1)
        painter.setFont(title)
        painter.setPen(opt.palette.color(group))
        top = rect.adjusted(0, 0, 0, -rect.height() // 2)
        painter.drawText(
            top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(index.data())
        )
        painter.setFont(opt.font)
        if not selected:
            painter.setPen(muted_color())
        bottom = rect.adjusted(0, rect.height() // 2, 0, 0)
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            str(index.data(DetailRole) or ""),
        )
        painter.restore()


class LibraryPage(QWidget):
    """Three tabs: the conferences (with the archive search across all of them), the
    series plan, participation by site. Signals ``openRequested(id)``, ``newRequested()``,
    ``demoRequested()``, ``importRequested()`` and ``deleteRequested(id)``."""

    openRequested = Signal(int)
    newRequested = Signal()
    demoRequested = Signal()
    importRequested = Signal()
    deleteRequested = Signal(int)

    CONFERENCES, SERIES, PARTICIPATION = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self.model = ConferencesModel(self)
        self.model.set_sites_word(self.tr("sites"))
        self.placeholder = QLabel(
            self.tr(
                "No conference yet. Create one, import case packages, or open the demo conference."
            )
        )
        self.placeholder.setWordWrap(True)
        self.search = ArchiveSearch()
        self.search.openRequested.connect(self.openRequested)
        self.search.searching.connect(self.on_search_searching)
        self.view = QListView()
        self.view.setAccessibleName(self.tr("Conferences"))
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setItemDelegate(ConferenceDelegate(self.view))
        self.view.setAlternatingRowColors(True)
        self.view.setMaximumWidth(1100)
        self.view.setAccessibleName(self.tr("Conferences"))
        self.view.activated.connect(self.on_view_activated)
        self.view.doubleClicked.connect(self.on_view_activated)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setDefault(True)
        new = QPushButton(self.tr("&New conference…"))
        imp = QPushButton(self.tr("&Import case packages…"))
        demo = QPushButton(self.tr("Open the &demo conference"))
        delete = QPushButton(self.tr("De&lete…"))
        self.open_button.clicked.connect(self.on_open_clicked)
        new.clicked.connect(self.newRequested)
        imp.clicked.connect(self.importRequested)
        demo.clicked.connect(self.demoRequested)
        delete.clicked.connect(self.on_delete_clicked)
        buttons = QHBoxLayout()
        for button in (self.open_button, new, imp, demo):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(delete)
        conferences = QWidget()
        self._list_layout = layout = QVBoxLayout(conferences)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.search.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.plan = PlanView()
        self.plan.openRequested.connect(self.openRequested)
        self.plan.conferencesChanged.connect(self.on_plan_conferences_changed)
        self.participation = ParticipationView()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(conferences, self.tr("Conferences"))
        self.tabs.addTab(self.plan, self.tr("Series"))
        self.tabs.addTab(self.participation, self.tr("Participation"))
        self.tabs.currentChanged.connect(self.on_tabs_current_changed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 18)
        outer.addWidget(self.tabs)

    def reload(self, db: Database, select_id: int | None = None) -> None:
        from app.services import conferences

        self._db = db
        with db.read() as session:
            items = conferences.list_conferences(session)
        self.model.set_conferences(items)
        self.placeholder.setVisible(not items and not self.search.active())
        row = self.model.row_of(select_id) if select_id is not None else 0
        if items:
            self.view.setCurrentIndex(self.model.index(max(row, 0), 0))
        self.search.set_database(db)
        self.on_tabs_current_changed(self.tabs.currentIndex())
        self.view.setFocus()

    def show_tab(self, index: int) -> None:
        """Bring a tab to the front (the View menu's "Series")."""
        self.tabs.setCurrentIndex(index)
        self.on_tabs_current_changed(index)

    @Slot(int)
    def on_tabs_current_changed(self, index: int) -> None:
        """The plan and the participation are read when their tab shows."""
        if self._db is None:
            return
        if index == self.SERIES:
            self.plan.reload(self._db)
        elif index == self.PARTICIPATION:
            self.participation.reload(self._db)

    @Slot(bool)
    def on_search_searching(self, searching: bool) -> None:
        """The hits take the list's place (and its room) while the field holds words."""
        vertical = QSizePolicy.Policy.Expanding if searching else QSizePolicy.Policy.Maximum
        self.search.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        self._list_layout.setStretchFactor(self.search, 1 if searching else 0)
        self.view.setVisible(not searching)
        self.placeholder.setVisible(not searching and self.model.rowCount() == 0)

    @Slot(int)
    def on_plan_conferences_changed(self, conference_id: int) -> None:
        if self._db is not None:
            self.reload(self._db, conference_id)
            self.show_tab(self.SERIES)

    def _current_id(self) -> int | None:
        if self.search.active():  # the hits are on screen: the chosen hit's conference
            return self.search.current_conference()
        index = self.view.currentIndex()
        return self.model.conference_at(index.row()).id if index.isValid() else None

    @Slot(QModelIndex)
    def on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(self.model.conference_at(index.row()).id)

    @Slot()
    def on_open_clicked(self) -> None:
        conf_id = self._current_id()
        if conf_id is not None:
            self.openRequested.emit(conf_id)

    @Slot()
    def on_delete_clicked(self) -> None:
        conf_id = self._current_id()
        if conf_id is not None:
            self.deleteRequested.emit(conf_id)
