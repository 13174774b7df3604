"""The editor forms' rhythm: check every edit at once, save a moment after the last valid one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

SAVE_DELAY_MS = 700


class AutoSaveForm(QWidget):
    """Emits ``changed(value)`` once a valid edit has rested for :data:`SAVE_DELAY_MS`.

    Subclasses connect their fields to :meth:`on_field_edited`, fill them inside
    :meth:`loading` and implement :meth:`checked`.
    """

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.on_timer_timeout)

    def checked(self, *, show_errors: bool) -> object | None:
        """The value to save, or None while the fields hold an error (then shown beside
        its field if ``show_errors``) or there is nothing to save to."""
        raise NotImplementedError

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Fill the fields from the database: not an edit, nothing is saved."""
        self._timer.stop()
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    def flush(self) -> None:
        """Save a pending edit now (before switching to another item)."""
        if self._timer.isActive():
            self._timer.stop()
            self.on_timer_timeout()

    @Slot()
    def on_field_edited(self) -> None:
        if self._loading:
            return
        if self.checked(show_errors=True) is not None:
            self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def on_timer_timeout(self) -> None:
        value = self.checked(show_errors=False)
        if value is not None:
            self.changed.emit(value)
