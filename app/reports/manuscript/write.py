"""``manuscript CONFERENCE -o draft.docx|draft.md``: read the conference once, build the
article's structure, write it as Word or as Markdown with its figures in a folder beside
it (``draft-figures/``). Every file is written whole or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.db import Database
from app.reports.data import ReportData, gather, protocol_language
from app.reports.manuscript.build import build
from app.reports.manuscript.pictures import Painter
from app.reports.manuscript.structure import Figure, Manuscript, ResultExtras
from app.reports.manuscript.texts import say
from app.reports.manuscript.trend import TrendLine
from app.services.agenda import agenda
from app.services.errors import InvalidInput, StateConflict
from app.services.files import write_bytes_atomic, write_text_atomic

SUFFIXES = (".docx", ".md")


def figure_folder(path: Path) -> Path:
    """Where a Markdown draft's figures go: ``draft-figures`` beside ``draft.md``."""
    return path.with_name(f"{path.stem}-figures")


def check_target(path: Path) -> None:
    """Refuse a file name that is neither .docx nor .md, before any work is done."""
    if Path(path).suffix.lower() not in SUFFIXES:
        raise InvalidInput(say("manuscript_format_unknown", name=Path(path).name))


def manuscript_of(
    data: ReportData,
    lang: str,
    *,
    extras: Sequence[ResultExtras] = (),
    painter: Painter | None = None,
) -> Manuscript:
    """The article's structure, each result with its earlier asking in the series where
    there is one (the place to add sections: :meth:`Manuscript.insert_after`)."""
    trend = TrendLine(data.earlier, data.conference.date)
    return build(data, lang, extras=(trend, *extras), painter=painter)


def _charts_expected(db: Database, conference_id: int) -> int:
    """How many charts a draft will have at most: the conference's question rounds."""
    with db.read() as session:
        return sum(len(case.questions) for case in agenda(session, conference_id))


def write_manuscript(
    db: Database,
    conference_id: int,
    path: Path,
    *,
    lang: str | None = None,
    allow_empty: bool = False,
) -> list[Path]:
    """Write the draft of a conference to ``path`` (.docx or .md); returns every file
    written. A conference without a ballot is refused unless ``allow_empty``."""
    path = Path(path)
    check_target(path)
    with Painter(_charts_expected(db, conference_id)) as painter:  # workers start now
        data = gather(db, conference_id, with_images=False)
        chosen = protocol_language(data, lang)
        if data.n_ballots == 0 and not allow_empty:
            raise StateConflict(say("no_ballots_no_manuscript", slug=data.conference.slug))
        manuscript = manuscript_of(data, chosen, painter=painter)
    if path.suffix.lower() == ".docx":
        from app.reports.manuscript.docx_writer import docx_bytes

        write_bytes_atomic(path, docx_bytes(manuscript))
        return [path]
    from app.reports.manuscript.markdown_writer import markdown_text

    folder = figure_folder(path)
    figures = [b for b in manuscript.blocks() if isinstance(b, Figure)]
    written = []
    if figures:
        folder.mkdir(exist_ok=True)
    for figure in figures:
        write_bytes_atomic(folder / figure.name, figure.png)
        written.append(folder / figure.name)
    write_text_atomic(path, markdown_text(manuscript, folder.name))
    return [path, *written]
