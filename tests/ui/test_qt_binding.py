"""The Qt binding keeps Python's reference counts. PySide6 6.12.0 dropped a reference to
``None`` on every call of a Qt method that returns nothing; on Python 3.11 a live session
then dies within the hour ("Fatal Python error: deallocating None"). pyproject.toml excludes
that release; this test catches a binding that does it again."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QListWidget

CALLS = 2000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_calling_qt_keeps_the_reference_count_of_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QListWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        widget.setUpdatesEnabled(True)  # returns nothing: None
    # other threads may take or drop a few references meanwhile, never one per call
    assert abs(sys.getrefcount(None) - before) < CALLS // 2
