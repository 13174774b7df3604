"""The File menu's commands on packages and exports, for the conference on screen."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from app.ui.window.pages import Pages


class FileCommands(QObject):
    """Import, merge and export case packages; export protocol, results, attendance and
    chart of the open conference. Dialogs open over ``window``."""

    def __init__(self, pages: Pages, window: QWidget) -> None:
        super().__init__(window)
        self._pages = pages
        self._window = window

    def _open_conference(self) -> int | None:
        workspace = self._pages.workspace
        return workspace.conference_id if self._pages.db is not None and workspace else None

    @Slot()
    def import_packages(self) -> None:
        db = self._pages.db
        if db is None:
            return
        from app.ui.editor import packages_io

        paths = packages_io.choose_packages(self._window)
        workspace = self._pages.workspace
        target = workspace.conference_id if workspace and self._pages.in_workspace() else None
        self._pages.after_import(packages_io.import_into(self._window, db, paths, target))

    @Slot()
    def merge_packages(self) -> None:
        db = self._pages.db
        if db is None:
            return
        from app.ui.editor import packages_io

        paths = packages_io.choose_packages(self._window)
        self._pages.after_import(packages_io.import_into(self._window, db, paths, None))

    @Slot()
    def export_package(self) -> None:
        conf_id = self._open_conference()
        if conf_id is None or self._pages.db is None or self._pages.workspace is None:
            return
        from app.services import conferences
        from app.ui.editor import packages_io

        self._pages.workspace.editor.flush()
        with self._pages.db.read() as session:
            slug = conferences.get_conference(session, conf_id).slug
        packages_io.export_conference(self._window, self._pages.db, conf_id, slug)

    @Slot()
    def import_poll_report(self) -> None:
        conf_id = self._open_conference()
        if conf_id is None or self._pages.db is None or self._pages.workspace is None:
            return
        from app.ui.poll_import import PollImportDialog

        workspace = self._pages.workspace
        dialog = PollImportDialog(self._pages.db, conf_id, self._window)
        dialog.imported.connect(lambda _count: workspace.reload_data())
        dialog.exec()

    @Slot()
    def export_protocol(self) -> None:
        conf_id = self._open_conference()
        if conf_id is not None and self._pages.db is not None:
            from app.ui import exports

            exports.export_protocol(self._window, self._pages.db, conf_id)

    @Slot()
    def export_manuscript(self) -> None:
        conf_id = self._open_conference()
        if conf_id is not None and self._pages.db is not None:
            from app.ui import exports

            exports.export_manuscript(self._window, self._pages.db, conf_id)

    @Slot()
    def export_results(self) -> None:
        conf_id = self._open_conference()
        if conf_id is not None and self._pages.db is not None:
            from app.ui import exports

            exports.export_results(self._window, self._pages.db, conf_id)

    @Slot()
    def export_attendance(self) -> None:
        conf_id = self._open_conference()
        if conf_id is not None and self._pages.db is not None:
            from app.ui import exports

            exports.export_attendance(self._window, self._pages.db, conf_id)

    @Slot()
    def export_certificates(self) -> None:
        conf_id = self._open_conference()
        if conf_id is not None and self._pages.db is not None:
            from app.ui import exports

            exports.export_certificates(self._window, self._pages.db, conf_id)

    @Slot()
    def export_chamber_list(self) -> None:
        conf_id = self._open_conference()
        if conf_id is not None and self._pages.db is not None:
            from app.ui import exports

            exports.export_chamber_list(self._window, self._pages.db, conf_id)

    @Slot()
    def save_chart(self) -> None:
        workspace = self._pages.workspace
        if self._pages.db is not None and workspace is not None:
            from app.ui import exports

            remote = workspace.remote_result()
            if remote is not None:  # a hosted server's question: its result as counted there
                exports.save_result_chart(self._window, *remote)
                return
            exports.save_chart(self._window, self._pages.db, workspace.current_question_id())
