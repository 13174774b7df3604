"""The CME attendance list as CSV, for the chamber's office (also shown in the protocol)."""

from __future__ import annotations

from pathlib import Path

from app.db import Database
from app.reports.data import gather, protocol_language
from app.reports.exports import csv_bytes
from app.reports.tables import ATTENDANCE_COLUMNS, attendance_rows
from app.services.files import write_bytes_atomic


def write_attendance_csv(
    db: Database, conference_id: int, path: Path, *, lang: str | None = None
) -> None:
    """One row per named attendee (a site without names: one row with its count).

    UTF-8 with BOM and ``;`` like the other CSV exports. Allowed before any vote.
    """
    data = gather(db, conference_id, with_images=False)
    chosen = protocol_language(data, lang)
    write_bytes_atomic(
        Path(path), csv_bytes(ATTENDANCE_COLUMNS, attendance_rows(data, chosen), chosen)
    )
