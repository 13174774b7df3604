"""The manuscript as a Word document: Word's built-in styles (Title, Heading 1–3, Caption,
Quote for the author's starting text, List Bullet, Table Grid), so that a journal's
template applies; captions count with Word's own SEQ fields, so Word renumbers them.

Text goes in as text (python-docx escapes it for XML: markup stays literal); characters
the report font lacks are named (:func:`app.reports.glyphs.printable`), as in the protocol.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from app.reports.glyphs import printable
from app.reports.manuscript.structure import (
    Bullets,
    Figure,
    Heading,
    Inline,
    Label,
    Manuscript,
    Paragraph,
    Ref,
    Run,
    Table,
)
from app.reports.manuscript.texts import Labels

#: Word's caption sequences (the names Word's "Insert Caption" uses in each language).
_SEQUENCES = {
    ("de", "figure"): "Abbildung",
    ("de", "table"): "Tabelle",
    ("de", "supplement"): "TabelleS",
    ("en", "figure"): "Figure",
    ("en", "table"): "Table",
    ("en", "supplement"): "TableS",
}
_LANGUAGE_TAGS = {"de": "de-DE", "en": "en-GB"}
#: The text width of an A4 page with 2.5 cm margins.
TEXT_WIDTH_CM = 16.0


def docx_bytes(manuscript: Manuscript) -> bytes:
    """The whole draft as a .docx file's bytes."""
    writer = _Writer(manuscript)
    writer.write()
    buffer = io.BytesIO()
    writer.document.save(buffer)
    return buffer.getvalue()


class _Writer:
    def __init__(self, manuscript: Manuscript) -> None:
        self.manuscript = manuscript
        self.lang = manuscript.lang
        self.labels = manuscript.labels(Labels(manuscript.lang))
        self.document: DocxDocument = Document()

    def write(self) -> None:
        self._page_and_language()
        self._front()
        for section in self.manuscript.sections:
            if section.title:
                self.document.add_heading(printable(section.title), level=1)
            for block in section.blocks:
                if isinstance(block, Heading):
                    self.document.add_heading(printable(block.text), level=block.level)
                elif isinstance(block, Paragraph):
                    style = "Quote" if block.draft else None
                    self._inline(self.document.add_paragraph(style=style), block.parts)
                elif isinstance(block, Bullets):
                    for item in block.items:
                        self._inline(self.document.add_paragraph(style="List Bullet"), item)
                elif isinstance(block, Figure):
                    self._figure(block)
                else:
                    self._table(block)

    # --- the page, the title block -------------------------------------------------------

    def _page_and_language(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        normal = self.document.styles["Normal"].element.get_or_add_rPr()
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), _LANGUAGE_TAGS.get(self.lang, "de-DE"))
        normal.append(language)
        properties = self.document.core_properties
        properties.title = printable(self.manuscript.title)
        properties.subject = printable(self.manuscript.subtitle)
        properties.author = printable(", ".join(a.name for a in self.manuscript.authors))
        properties.language = _LANGUAGE_TAGS.get(self.lang, "de-DE")
        properties.comments = ""

    def _front(self) -> None:
        manuscript = self.manuscript
        self.document.add_paragraph(printable(manuscript.title), style="Title")
        self.document.add_paragraph(printable(manuscript.subtitle), style="Subtitle")
        names = self.document.add_paragraph()
        for index, author in enumerate(manuscript.authors):
            if index:
                names.add_run(", ")
            names.add_run(printable(author.name))
            mark = names.add_run(",".join(str(n) for n in author.affiliations))
            mark.font.superscript = True
        names.add_run(" " + printable(manuscript.group))
        for number, affiliation in enumerate(manuscript.affiliations, start=1):
            line = self.document.add_paragraph()
            line.add_run(str(number)).font.superscript = True
            line.add_run(" " + printable(affiliation)).font.size = Pt(9)

    # --- text ----------------------------------------------------------------------------

    def _inline(self, paragraph: DocxParagraph, parts: tuple[Inline, ...]) -> None:
        for part in parts:
            if isinstance(part, Ref):
                paragraph.add_run(str(self.labels[part.key]))
            elif isinstance(part, Run):
                run = paragraph.add_run(printable(part.text))
                run.bold, run.italic = part.bold or None, part.italic or None
            else:
                paragraph.add_run(printable(part))

    def _caption(self, label: Label, parts: tuple[Inline, ...]) -> DocxParagraph:
        """ "Abbildung 1: …" in Word's Caption style, the number a SEQ field."""
        caption = self.document.add_paragraph(style="Caption")
        caption.add_run(label.prefix)
        _seq_field(caption, _SEQUENCES[(self.lang, label.kind)], label.number)
        caption.add_run(": ")
        self._inline(caption, parts)
        return caption

    # --- figures and tables --------------------------------------------------------------

    def _figure(self, figure: Figure) -> None:
        holder = self.document.add_paragraph()
        holder.paragraph_format.keep_with_next = True
        holder.add_run().add_picture(io.BytesIO(figure.png), width=Cm(figure.width_cm))
        self._caption(self.labels[figure.key], figure.legend)

    def _table(self, table: Table) -> None:
        caption = self._caption(self.labels[table.key], table.caption)
        caption.paragraph_format.keep_with_next = True
        n_head = 2 if table.spans else 1
        grid = self.document.add_table(rows=n_head + len(table.rows), cols=len(table.header))
        grid.style = self.document.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        if table.spans:
            column = 0
            for text, width in table.spans:
                cell = grid.cell(0, column)
                if width > 1:
                    cell = cell.merge(grid.cell(0, column + width - 1))
                _cell_text(cell.paragraphs[0], text, bold=True, centre=True)
                column += width
        numeric = table.numeric or (False,) * len(table.header)
        for column, text in enumerate(table.header):
            _cell_text(grid.cell(n_head - 1, column).paragraphs[0], text, bold=True)
        for row_index, row in enumerate(table.rows, start=n_head):
            for column, text in enumerate(row):
                paragraph = grid.cell(row_index, column).paragraphs[0]
                _cell_text(paragraph, text, right=numeric[column])
        _repeat_header(grid, n_head)
        _column_widths(grid, numeric, TEXT_WIDTH_CM)
        if table.note:
            self.document.add_paragraph(printable(table.note), style="Caption")
        self.document.add_paragraph()


def _cell_text(
    paragraph: DocxParagraph,
    text: str,
    *,
    bold: bool = False,
    right: bool = False,
    centre: bool = False,
) -> None:
    run = paragraph.add_run(printable(text))
    run.font.size = Pt(9)
    run.bold = bold or None
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _column_widths(grid: DocxTable, numeric: tuple[bool, ...], total_cm: float) -> None:
    """Numbers narrow, text columns share the rest (Word would make every column equal)."""
    n_numbers = sum(numeric)
    n_text = len(numeric) - n_numbers
    number_cm = 1.6
    text_cm = (total_cm - n_numbers * number_cm) / max(1, n_text)
    grid.autofit = False
    for row in grid.rows:
        for cell, right in zip(row.cells, numeric, strict=False):
            cell.width = Cm(number_cm if right else text_cm)


def _repeat_header(grid: DocxTable, n_head: int) -> None:
    """The header rows repeat on every page a table runs over."""
    for row in grid.rows[:n_head]:
        properties = row._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        properties.append(header)


def _seq_field(paragraph: DocxParagraph, sequence: str, number: int) -> None:
    """A Word field ``SEQ name`` showing ``number`` until Word updates it."""

    def run_with(element: str, **attributes: str) -> None:
        run = paragraph.add_run()
        child = OxmlElement(element)
        for name, value in attributes.items():
            child.set(qn(name), value)
        run._r.append(child)

    run_with("w:fldChar", **{"w:fldCharType": "begin"})
    instruction = paragraph.add_run()._r
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" SEQ {sequence} \\* ARABIC "
    instruction.append(code)
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    paragraph.add_run(str(number))
    run_with("w:fldChar", **{"w:fldCharType": "end"})
