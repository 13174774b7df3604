"""File menu exports: protocol (PDF), manuscript draft (Word, Markdown), results
(CSV/XLSX/JSON), attendance (CSV), chart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.db import Database
from app.services import agenda, conferences, results
from app.services.errors import VotumError
from app.ui.i18n import translate
from app.ui.messages import error_text, inform, os_error_text, show_error


def _ask(parent: QWidget | None, title: str, name: str, filters: str) -> tuple[Path | None, str]:
    chosen, selected = QFileDialog.getSaveFileName(parent, title, name, filters)
    return (Path(chosen) if chosen else None), selected


def _run(parent: QWidget | None, title: str, path: Path, work: Callable[[], None]) -> bool:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        work()
    except ImportError:
        show_error(
            parent,
            title,
            translate("Exports", "This export is not available in this installation."),
        )
        return False
    except OSError as exc:
        show_error(parent, title, os_error_text(exc))
        return False
    except (VotumError, ValueError) as exc:
        show_error(parent, title, error_text(exc))
        return False
    finally:
        QGuiApplication.restoreOverrideCursor()
    inform(parent, title, translate("Exports", "Saved: %1").replace("%1", str(path)))
    return True


def _slug(db: Database, conference_id: int) -> tuple[str, str]:
    with db.read() as session:
        conf = conferences.get_conference(session, conference_id)
    return conf.slug, conf.language


def export_protocol(
    parent: QWidget | None, db: Database, conference_id: int, lang: str | None = None
) -> bool:
    from app.reports.texts import text

    slug, conf_lang = _slug(db, conference_id)
    title = translate("Exports", "Export protocol")
    filters = translate("Exports", "PDF protocol (*.pdf)")
    path, _ = _ask(
        parent,
        title,
        f"{slug}-{text(conf_lang, 'protocol_file')}.pdf",
        filters,
    )
    if path is None:
        return False

    def work() -> None:
        from app.reports.protocol import write_protocol

        write_protocol(db, conference_id, path, lang=lang)

    return _run(parent, title, path, work)


def export_manuscript(
    parent: QWidget | None, db: Database, conference_id: int, lang: str | None = None
) -> bool:
    """The article's draft as Word (.docx) or Markdown (.md, its figures beside it)."""
    slug, conf_lang = _slug(db, conference_id)
    title = translate("Exports", "Export manuscript draft")
    from app.reports.manuscript.texts import word

    docx = translate("Exports", "Word document (*.docx)")
    markdown = translate("Exports", "Markdown, figures in a folder beside it (*.md)")
    name = word(conf_lang, "draft_file", slug=slug) + ".docx"
    path, selected = _ask(parent, title, name, f"{docx};;{markdown}")
    if path is None:
        return False
    if path.suffix.lower() not in (".docx", ".md"):
        path = path.with_suffix(".md" if selected == markdown else ".docx")

    def work() -> None:
        from app.reports.manuscript.write import write_manuscript

        write_manuscript(db, conference_id, path, lang=lang)

    return _run(parent, title, path, work)


def export_results(
    parent: QWidget | None, db: Database, conference_id: int, lang: str | None = None
) -> bool:
    slug, _ = _slug(db, conference_id)
    title = translate("Exports", "Export results")
    csv = translate("Exports", "CSV table (*.csv)")
    xlsx = translate("Exports", "Excel workbook (*.xlsx)")
    json = translate("Exports", "JSON (*.json)")
    path, selected = _ask(parent, title, f"{slug}-results.csv", f"{csv};;{xlsx};;{json}")
    if path is None:
        return False
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx", "json"):
        fmt = "xlsx" if selected == xlsx else "json" if selected == json else "csv"
        path = path.with_suffix(f".{fmt}")

    def work() -> None:
        from app.reports.exports import write_results

        write_results(db, conference_id, path, fmt, lang=lang)

    return _run(parent, title, path, work)


def export_attendance(
    parent: QWidget | None, db: Database, conference_id: int, lang: str | None = None
) -> bool:
    slug, _ = _slug(db, conference_id)
    title = translate("Exports", "Export attendance list")
    path, _ = _ask(
        parent, title, f"{slug}-attendance.csv", translate("Exports", "CSV table (*.csv)")
    )
    if path is None:
        return False

    def work() -> None:
        from app.reports.attendance import write_attendance_csv

        write_attendance_csv(db, conference_id, path, lang=lang)

    return _run(parent, title, path, work)


def export_certificates(parent: QWidget | None, db: Database, conference_id: int) -> bool:
    """Attendance certificates into a new folder inside the one chosen: a PDF per
    participant and one with all of them for printing."""
    from app.reports.texts import text

    slug, conf_lang = _slug(db, conference_id)
    title = translate("Exports", "Export attendance certificates")
    chosen = QFileDialog.getExistingDirectory(parent, title)
    if not chosen:
        return False
    name = text(conf_lang, "certificates_folder")
    folder = Path(chosen) / f"{slug}-{name}"

    def work() -> None:
        from app.reports.certificates import write_certificates

        write_certificates(db, conference_id, folder)

    return _run(parent, title, folder, work)


def export_chamber_list(parent: QWidget | None, db: Database, conference_id: int) -> bool:
    """The chamber's list for the EIV report: the VNR with the valid EFNs."""
    slug, _ = _slug(db, conference_id)
    title = translate("Exports", "Export chamber's list (EIV)")
    path, _ = _ask(parent, title, f"{slug}-eiv.csv", translate("Exports", "CSV table (*.csv)"))
    if path is None:
        return False

    def work() -> None:
        from app.reports.eiv import write_eiv

        write_eiv(db, conference_id, path)

    return _run(parent, title, path, work)


def save_chart(parent: QWidget | None, db: Database, question_id: int | None) -> bool:
    title = translate("Exports", "Save chart as")
    if question_id is None:
        show_error(parent, title, translate("Exports", "Choose a question first."))
        return False
    with db.read() as session:
        result = results.question_result(session, question_id)
        parent_id = results.previous_round(session, question_id)
        round_one = results.question_result(session, parent_id) if parent_id else None
        conf_id = agenda.conference_of_question(session, question_id)
        lang = conferences.get_conference(session, conf_id).language
    return save_result_chart(parent, result, round_one, lang)


def save_result_chart(
    parent: QWidget | None,
    result: results.QuestionResult,
    round_one: results.QuestionResult | None,
    lang: str,
) -> bool:
    """The chart of a result already at hand (a remote console's, as the server counted)."""
    title = translate("Exports", "Save chart as")
    png = translate("Exports", "PNG image, 300 dpi (*.png)")
    svg = translate("Exports", "SVG vector graphic (*.svg)")
    name = f"frage-{result.question.number.replace('.', '-')}-runde-{result.question.round}.png"
    path, selected = _ask(parent, title, name, f"{png};;{svg}")
    if path is None:
        return False
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_suffix(".svg" if selected == svg else ".png")

    def work() -> None:
        from app.reports.figures import question_figure, save_figure

        save_figure(question_figure(result, lang=lang, round_one=round_one), path)

    return _run(parent, title, path, work)
