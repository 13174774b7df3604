"""The findings and prior-therapy tables of the case form (see :mod:`rows_view`)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.editor.rows_view import RowsView
from app.ui.models.findings_model import FindingsModel, kind_names
from app.ui.models.therapy_lines_model import TherapyLinesModel, response_names

#: Starting widths in pixels (the comment stretches); a user may drag them wider.
FINDING_WIDTHS = {
    "gene": 66,
    "alteration": 108,
    "kind": 80,
    "vaf": 52,
    "coding": 96,
    "transcript": 104,
    "copy_number": 42,
    "partner": 62,
    "breakpoints": 124,
    "score": 50,
    "evidence": 84,
}


def _kinds() -> list[tuple[str, str]]:
    return [(kind.value, name) for kind, name in kind_names().items()]


def _responses() -> list[tuple[str, str]]:
    return [("", "–")] + [(r.value, name) for r, name in response_names().items()]


class FindingsView(RowsView):
    """The molecular findings: a kind chooser; wide, so it scrolls sideways when narrow."""

    def __init__(self, model: FindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(model, FINDING_WIDTHS, parent, choices={"kind": _kinds})
        self.setMinimumHeight(210)  # six rows and the scroll bar


class TherapyLinesView(RowsView):
    """The prior lines of therapy: a chooser for the best response."""

    def __init__(self, model: TherapyLinesModel, parent: QWidget | None = None) -> None:
        widths = {"line": 60, "substances": 420}
        super().__init__(model, widths, parent, choices={"best_response": _responses})
        self.setMinimumHeight(110)
