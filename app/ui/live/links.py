"""Every site's voting link with a QR code and "copy link" (moderator only: links are secret)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.tokens import voter_link
from app.services.views import InvitationInfo
from app.ui.qr import qr_pixmap
from app.ui.widgets import put_cell_widget


def site_links(invitations: tuple[InvitationInfo, ...], base_url: str) -> list[tuple[str, str]]:
    """(site name, link) for every invited site with a valid token."""
    return [(i.site.name, voter_link(base_url, i.token)) for i in invitations if i.token]


class LinksDialog(QDialog):
    """The secret link of each site; do not show this window in the video call."""

    def __init__(
        self,
        invitations: tuple[InvitationInfo, ...],
        urls: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Voting links of the sites"))
        self._invitations = invitations
        warning = QLabel(
            self.tr(
                "Each link lets one site vote. Send it only to that site; do not share this window."
            )
        )
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.PlainText)
        self.base = QComboBox()
        self.base.setAccessibleName(self.tr("Address of the links"))
        self.base.addItems(list(urls))
        self.base.currentIndexChanged.connect(self.fill)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Voting links"))
        self.table.setHorizontalHeaderLabels([self.tr("Site"), self.tr("Link"), ""])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.currentCellChanged.connect(self.on_table_current_cell_changed)
        self.qr = QLabel()
        self.qr.setFixedSize(220, 220)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = QLabel()
        self.qr_caption.setTextFormat(Qt.TextFormat.PlainText)
        self.qr_caption.setWordWrap(True)
        self.qr_caption.setMaximumWidth(220)
        side = QVBoxLayout()
        side.addWidget(self.qr)
        side.addWidget(self.qr_caption)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        copy_all = QPushButton(self.tr("Copy all links"))
        copy_all.clicked.connect(self.on_copy_all_clicked)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Address:")))
        top.addWidget(self.base, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(copy_all)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(top)
        layout.addLayout(body)
        layout.addLayout(bottom)
        self.resize(980, 560)
        self.fill()

    def links(self) -> list[tuple[str, str]]:
        return site_links(self._invitations, self.base.currentText()) if self.base.count() else []

    @Slot()
    def fill(self) -> None:
        links = self.links()
        self.table.setRowCount(len(links))
        for row, (name, link) in enumerate(links):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(link))
            copy = QPushButton(self.tr("Copy link"))
            copy.clicked.connect(
                lambda _=False, text=link: QGuiApplication.clipboard().setText(text)
            )
            put_cell_widget(self.table, row, 2, copy)
        self.table.resizeColumnToContents(0)
        if links:
            self.table.setCurrentCell(0, 0)

    @Slot(int, int, int, int)
    def on_table_current_cell_changed(
        self, row: int, _column: int, _prev_row: int, _prev_col: int
    ) -> None:
        links = self.links()
        if 0 <= row < len(links):
            name, link = links[row]
            self.qr.setPixmap(qr_pixmap(link, 210))
            self.qr_caption.setText(name)

    @Slot()
    def on_copy_all_clicked(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(f"{n}\t{link}" for n, link in self.links()))
