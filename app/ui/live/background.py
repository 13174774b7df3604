"""A slow call (the network, a whole conference file) off the GUI thread, with a progress
dialog that can be cancelled.

:class:`BackgroundTask` runs ``work(cancelled)`` in a worker thread and returns at once;
the window stays usable (the progress dialog is window-modal, no nested event loop).
The outcome comes back through a queued signal: ``done(value)`` or ``failed(error)``, or,
after Cancel, ``cancelled()`` at once and nothing more. ``work`` checks the
:class:`threading.Event` it is given before it writes anything here, so a cancelled task
changes nothing; the abandoned call runs to its end (every network call has a timeout) and
``abandoned`` then cleans up after it (e.g. closes its HTTP client).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

# the progress dialog shows only for calls that take longer than this (ms)
SHOW_AFTER_MS = 400


class Cancelled(Exception):
    """Raised by a task's work when it sees it was cancelled (nothing written)."""


class BackgroundTask(QObject):
    """One call in a worker thread. Signals ``done(object)``, ``failed(object)`` (the
    exception), ``cancelled()``; exactly one of them, in the GUI thread."""

    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    _finished = Signal(object, object)  # from the worker: (value, error)

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Callable[[threading.Event], object],
        *,
        abandoned: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._abandoned = abandoned
        self.stop = threading.Event()
        self.running = True
        self.progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.progress.setWindowTitle(label.rstrip(" …"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(SHOW_AFTER_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.on_progress_canceled)  # its Cancel button
        self.progress.rejected.connect(self.on_progress_canceled)  # Esc
        self._finished.connect(self.on_finished)
        self._thread = threading.Thread(target=self._run, name="votum-background", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            value = self._work(self.stop)
        except BaseException as exc:  # handed to the GUI thread, said there
            self._finished.emit(None, exc)
            return
        self._finished.emit(value, None)

    @Slot()
    def on_progress_canceled(self) -> None:
        if not self.running:
            return
        self.running = False
        self.stop.set()
        self._end()
        self.cancelled.emit()

    @Slot(object, object)
    def on_finished(self, value: object, error: BaseException | None) -> None:
        if not self.running:  # cancelled meanwhile: its outcome is dropped, its parts closed
            if self._abandoned is not None:
                try:
                    self._abandoned()
                except Exception:
                    log.exception("cleaning up after a cancelled call failed")
            self.deleteLater()
            return
        self.running = False
        self._end()
        self.deleteLater()
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        elif error is not None:
            self.failed.emit(error)
        else:
            self.done.emit(value)

    def _end(self) -> None:
        self.progress.canceled.disconnect(self.on_progress_canceled)  # close() emits it
        self.progress.rejected.disconnect(self.on_progress_canceled)
        self.progress.reset()  # stops its timer: it never shows after this
        self.progress.close()
        self.progress.deleteLater()

    def wait(self, timeout: float | None = None) -> bool:
        """For a test or a shutdown: True once the worker thread has ended."""
        self._thread.join(timeout)
        return not self._thread.is_alive()
