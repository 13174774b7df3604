"""The site registry and the conference's invitations."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.db import Database
from app.services import conferences
from app.services.conferences import SiteData
from app.services.errors import VotumError
from app.services.views import SiteInfo
from app.ui.messages import error_text, show_error
from app.ui.models.sites_model import SitesModel
from app.ui.plain import plain_label
from app.ui.widgets import ErrorLabel, ok_cancel_buttons


class NewSiteDialog(QDialog):
    """Name, code, city and e-mail of a new site; the reason shows if the registry refuses."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New site"))
        self._db = db
        self.site_id: int | None = None
        self.name, self.code, self.city, self.email = (QLineEdit() for _ in range(4))
        self.code.setMaximumWidth(100)
        self.error = ErrorLabel()
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Code"), self.code)
        form.addRow(self.tr("C&ity"), self.city)
        form.addRow(self.tr("&E-mail"), self.email)
        form.addRow(self.error)
        buttons = ok_cancel_buttons(self)
        form.addRow(buttons)

    def accept(self) -> None:
        data = SiteData(self.name.text(), self.code.text(), self.city.text(), self.email.text())
        try:
            with self._db.write() as session:
                self.site_id = conferences.save_site(session, data)
        except VotumError as exc:
            self.error.set_error(error_text(exc))
            return
        super().accept()


class SitesPage(QWidget):
    """Check a site to invite it; edit names and codes in place."""

    def __init__(self, db: Database, conference_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._conference_id = conference_id
        self.model = SitesModel(self)
        self.model.set_headers(
            (
                self.tr("Invited"),
                self.tr("Site"),
                self.tr("Code"),
                self.tr("City"),
                self.tr("E-mail"),
            )
        )
        self.model.inviteToggled.connect(self.on_model_invite_toggled)
        self.model.siteEdited.connect(self.on_model_site_edited)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Sites"))
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.summary = plain_label()
        new = QPushButton(self.tr("New site…"))
        invite_all = QPushButton(self.tr("Invite all"))
        new.clicked.connect(self.on_new_clicked)
        invite_all.clicked.connect(self.on_invite_all_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(invite_all)
        buttons.addWidget(new)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        with self._db.read() as session:
            sites = conferences.list_sites(session)
            invited = {i.site.id for i in conferences.invitations(session, self._conference_id)}
        self.model.set_sites(sites, invited)
        self.summary.setText(
            self.tr("%1 of %2 sites invited")
            .replace("%1", str(len(invited)))
            .replace("%2", str(len(sites)))
        )

    def _write(self, action: str, fn: Callable[[Session], object]) -> None:
        try:
            with self._db.write() as session:
                fn(session)
        except VotumError as exc:
            show_error(self, action, error_text(exc))
        QTimer.singleShot(0, self.reload)

    @Slot(int, bool)
    def on_model_invite_toggled(self, site_id: int, invited: bool) -> None:
        if invited:
            self._write(
                self.tr("Invite site"),
                lambda s: conferences.invite_sites(s, self._conference_id, [site_id]),
            )
        else:
            self._write(
                self.tr("Withdraw invitation"),
                lambda s: conferences.uninvite_site(s, self._conference_id, site_id),
            )

    @Slot(object)
    def on_model_site_edited(self, site: SiteInfo) -> None:
        data = SiteData(site.name, site.code, site.city, site.email)
        self._write(self.tr("Edit site"), lambda s: conferences.save_site(s, data, site.id))

    @Slot()
    def on_new_clicked(self) -> None:
        dialog = NewSiteDialog(self._db, self)
        if dialog.exec() and dialog.site_id is not None:
            site_id = dialog.site_id
            self._write(
                self.tr("Invite site"),
                lambda s: conferences.invite_sites(s, self._conference_id, [site_id]),
            )

    @Slot()
    def on_invite_all_clicked(self) -> None:
        ids = [self.model.site_at(r).id for r in range(self.model.rowCount())]
        self._write(
            self.tr("Invite site"), lambda s: conferences.invite_sites(s, self._conference_id, ids)
        )
