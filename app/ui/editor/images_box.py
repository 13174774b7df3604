"""Case images: add from a file (PNG, JPEG, SVG), caption them, remove them."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import InvalidInput
from app.services.images import check_image
from app.services.package_schema import PackageImage
from app.ui.messages import os_error_text
from app.ui.widgets import ErrorLabel

MAX_BYTES = 10 * 1024 * 1024
ImageMime = Literal["image/png", "image/jpeg", "image/svg+xml"]
MIME: dict[str, ImageMime] = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}


class ImagesBox(QGroupBox):
    """Holds the case's images as package images; signals ``edited()`` on any change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Images"), parent)
        self._images: list[PackageImage] = []
        self._loading = False
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Caption")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(120)
        self.table.itemChanged.connect(self.on_table_item_changed)
        self.error = ErrorLabel()
        add = QPushButton(self.tr("Add image…"))
        remove = QPushButton(self.tr("Remove image"))
        add.clicked.connect(self.on_add_clicked)
        remove.clicked.connect(self.on_remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.buttons = (add, remove)

    def images(self) -> list[PackageImage]:
        return list(self._images)

    def set_images(self, images: list[PackageImage]) -> None:
        self._loading = True
        self._images = list(images)
        self.table.setRowCount(len(images))
        for row, image in enumerate(images):
            name = QTableWidgetItem(image.filename)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(image.caption))
        self.table.resizeColumnToContents(0)
        self.error.set_error("")
        self._loading = False

    def add_file(self, path: Path) -> bool:
        """Attach an image file; the reason shows under the table if it cannot be used."""
        mime = MIME.get(path.suffix.lower())
        if mime is None:
            self.error.set_error(self.tr("Only PNG, JPEG and SVG images"))
            return False
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.error.set_error(os_error_text(exc))
            return False
        if len(raw) > MAX_BYTES:
            self.error.set_error(self.tr("The image is larger than 10 MB"))
            return False
        try:
            check_image(raw, mime, path.name)  # a .png that is no picture says so now
        except InvalidInput as exc:
            self.error.set_error(str(exc))
            return False
        image = PackageImage(
            filename=path.name, mime=mime, data=base64.b64encode(raw).decode("ascii")
        )
        self.set_images([*self._images, image])
        self.edited.emit()
        return True

    @Slot()
    def on_add_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add image"), "", self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if name:
            self.add_file(Path(name))

    @Slot()
    def on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows:
            return
        images = list(self._images)
        for row in rows:
            del images[row]
        self.set_images(images)
        self.edited.emit()

    @Slot(QTableWidgetItem)
    def on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 1:
            return
        row = item.row()
        self._images[row] = self._images[row].model_copy(update={"caption": item.text().strip()})
        self.edited.emit()
