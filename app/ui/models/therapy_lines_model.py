"""A case's prior lines of therapy as an editable table: line, substances, best response."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError
from PySide6.QtCore import QObject

from app.models.enums import TherapyResponse
from app.services.package_schema import PackageTherapyLine
from app.services.views import TherapyLineInfo
from app.ui.i18n import translate
from app.ui.models.rows_model import RowsModel
from app.ui.validation import reason

COLUMNS = ("line", "substances", "best_response")

HEADER_ALIASES = {
    "linie": "line", "line": "line", "therapielinie": "line", "nr.": "line",
    "substanzen": "substances", "substanz": "substances", "therapie": "substances",
    "substances": "substances", "therapy": "substances", "regimen": "substances",
    "beste antwort": "best_response", "best response": "best_response",
    "ansprechen": "best_response", "response": "best_response", "recist": "best_response",
}  # fmt: skip

_RESPONSE_WORDS = {
    "komplette remission": "CR", "complete response": "CR", "complete remission": "CR",
    "partielle remission": "PR", "partial response": "PR", "partial remission": "PR",
    "stabile erkrankung": "SD", "stable disease": "SD",
    "progress": "PD", "progression": "PD", "progressive disease": "PD",
    "nicht beurteilbar": "NE", "not evaluable": "NE", "-": "", "–": "",
}  # fmt: skip


def response_names() -> dict[TherapyResponse, str]:
    """The best responses as the table shows them, in the UI language."""
    return {
        TherapyResponse.CR: translate("TherapyResponses", "CR – complete response"),
        TherapyResponse.PR: translate("TherapyResponses", "PR – partial response"),
        TherapyResponse.SD: translate("TherapyResponses", "SD – stable disease"),
        TherapyResponse.PD: translate("TherapyResponses", "PD – progressive disease"),
        TherapyResponse.NE: translate("TherapyResponses", "NE – not evaluable"),
    }


def parse_response(text: str) -> str:
    """ "PR", "partielle Remission", "PR – partial response" → "PR"; else as typed."""
    key = text.strip()
    if key.upper() in TherapyResponse.__members__:
        return key.upper()
    words = _RESPONSE_WORDS | {n.casefold(): r.value for r, n in response_names().items()}
    return words.get(key.casefold(), key)


@dataclass(frozen=True)
class TherapyLineRow:
    """One prior line as typed."""

    line: str = ""
    substances: str = ""
    best_response: str = ""

    def is_blank(self) -> bool:
        return not any((self.line, self.substances, self.best_response))

    def problems(self) -> Mapping[str, str]:
        return self.validate()[1]

    def validate(self) -> tuple[PackageTherapyLine | None, dict[str, str]]:
        """The line, or per-column reasons why not ("2." is line 2)."""
        number: int | None = None
        typed = self.line.strip().rstrip(".").strip()
        if typed:
            if not typed.isdigit():
                return None, {"line": translate("Validation", "Must be a whole number")}
            number = int(typed)
        response = parse_response(self.best_response)
        if response and response not in TherapyResponse.__members__:
            text = translate("Validation", "Best response: CR, PR, SD, PD or NE")
            return None, {"best_response": text}
        try:
            line = PackageTherapyLine(
                line=number,
                substances=self.substances,
                best_response=TherapyResponse(response) if response else None,
            )
        except ValidationError as exc:
            errors: dict[str, str] = {}
            for item in exc.errors():
                column = str(item["loc"][0]) if item["loc"] else "substances"
                errors.setdefault(column, reason(item))
            return None, errors
        return line, {}

    @classmethod
    def of(cls, info: TherapyLineInfo) -> TherapyLineRow:
        line = "" if info.line is None else str(info.line)
        return cls(line, info.substances, info.best_response)


class TherapyLinesModel(RowsModel):
    """Editable prior lines; signals ``edited`` after any change made through the model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(TherapyLineRow, COLUMNS, parent, aliases=HEADER_ALIASES)

    def normalise(self, column: str, text: str) -> str:
        return parse_response(text) if column == "best_response" else text

    def shown(self, column: str, value: str) -> str:
        if column == "best_response" and value in TherapyResponse.__members__:
            return response_names()[TherapyResponse(value)]
        return value

    def lines(self) -> tuple[list[PackageTherapyLine], list[tuple[int, str, str]]]:
        """Valid lines (blank rows skipped) and errors as (row, column, reason)."""
        good = []
        for row in self.rows():
            line, _ = row.validate()
            if line is not None and not row.is_blank():
                good.append(line)
        return good, self.problems()
