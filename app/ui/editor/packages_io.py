"""Import, merge and export of case packages, with clear messages for broken files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.services.errors import VotumError
from app.services.packages import SUFFIX, build_package, import_packages, write_package
from app.ui.i18n import translate
from app.ui.messages import error_text, inform, os_error_text, show_error
from app.ui.plain import plain_tooltip
from app.ui.widgets import ok_cancel_buttons


def _filter() -> str:
    return translate("PackageFiles", "Case packages (*.votum.json *.json);;All files (*)")


class OrderDialog(QDialog):
    """Puts several package files in the order their cases should appear in."""

    def __init__(self, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Order of the case packages"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Case packages in agenda order"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for path in paths:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(plain_tooltip(str(path)))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        up = QPushButton(self.tr("Move &up"))
        down = QPushButton(self.tr("Move &down"))
        up.clicked.connect(self.on_up_clicked)
        down.clicked.connect(self.on_down_clicked)
        side = QVBoxLayout()
        side.addWidget(up)
        side.addWidget(down)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The cases are added in this order (drag to change it):")))
        layout.addLayout(body)
        layout.addWidget(buttons)

    def paths(self) -> list[Path]:
        return [
            Path(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not (0 <= target < self.list.count()):
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    @Slot()
    def on_up_clicked(self) -> None:
        self._move(-1)

    @Slot()
    def on_down_clicked(self) -> None:
        self._move(1)


def choose_packages(parent: QWidget | None) -> list[Path]:
    """Ask for one or more package files; several are put in order by the user."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, translate("PackageFiles", "Import case packages"), "", _filter()
    )
    paths = [Path(n) for n in names]
    if len(paths) > 1:
        dialog = OrderDialog(paths, parent)
        if not dialog.exec():
            return []
        paths = dialog.paths()
    return paths


def import_into(
    parent: QWidget | None, db: Database, paths: list[Path], conference_id: int | None
) -> int | None:
    """Import the files in order (all or nothing); returns the conference id, or None after
    telling the user what was wrong."""
    if not paths:
        return None
    try:
        with db.write() as session:
            conf_id, case_ids = import_packages(session, paths, conference_id=conference_id)
    except VotumError as exc:
        show_error(
            parent,
            translate("PackageFiles", "Case package not imported"),
            translate("PackageFiles", "Nothing was imported:") + "\n\n" + error_text(exc),
        )
        return None
    except OSError as exc:
        show_error(
            parent, translate("PackageFiles", "Case package not imported"), os_error_text(exc)
        )
        return None
    inform(
        parent,
        translate("PackageFiles", "Case packages imported"),
        translate("PackageFiles", "%1 cases imported from %2 files.")
        .replace("%1", str(len(case_ids)))
        .replace("%2", str(len(paths))),
    )
    return conf_id


def export_conference(
    parent: QWidget | None, db: Database, conference_id: int, slug: str
) -> Path | None:
    """Ask for a file name and write the conference's cases as a package."""
    name, _ = QFileDialog.getSaveFileName(
        parent, translate("PackageFiles", "Export case package"), f"{slug}{SUFFIX}", _filter()
    )
    if not name:
        return None
    path = Path(name)
    if not path.name.endswith(".json"):
        path = path.with_name(path.name + SUFFIX)
    return export_to(parent, db, conference_id, path)


def export_to(parent: QWidget | None, db: Database, conference_id: int, path: Path) -> Path | None:
    try:
        with db.read() as session:
            package = build_package(session, conference_id)
        write_package(package, path)
    except (VotumError, OSError) as exc:
        text = error_text(exc)
        show_error(parent, translate("PackageFiles", "Case package not exported"), text)
        return None
    return path
