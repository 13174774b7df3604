"""The manuscript as a Word document: Word's built-in styles (Title, Heading 1–3, Caption,
Quote for the author's starting text, List Bullet, Table Grid), so that a journal's
template applies; captions count with Word's own SEQ fields, so Word renumbers them.

Text goes in as text (python-docx escapes it for XML: markup stays literal); characters
the report font lacks are named (:func:`app.reports.glyphs.printable`), as in the protocol.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.shape import CT_Inline
from docx.shared import Cm, Length, Pt
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
        self._style_ids: dict[str, str] = {}
        self._shapes = 0  # the pictures' shape ids (nothing else in the draft has one)
        self._table_style = self.document.styles["Table Grid"].style_id

    def _paragraph(self, style: str | None = None) -> DocxParagraph:
        """A new paragraph in a built-in style, looked up once (python-docx looks a style
        name up through every style of the document each time)."""
        paragraph = self.document.add_paragraph()
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.document.styles[style].style_id
            paragraph._p.style = self._style_ids[style]
        return paragraph

    def write(self) -> None:
        self._page_and_language()
        self._front()
        for section in self.manuscript.sections:
            if section.title:
                self._paragraph("Heading 1").add_run(printable(section.title))
            for block in section.blocks:
                if isinstance(block, Heading):
                    self._paragraph(f"Heading {block.level}").add_run(printable(block.text))
                elif isinstance(block, Paragraph):
                    style = "Quote" if block.draft else None
                    self._inline(self._paragraph(style), block.parts)
                elif isinstance(block, Bullets):
                    for item in block.items:
                        self._inline(self._paragraph("List Bullet"), item)
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
        self._paragraph("Title").add_run(printable(manuscript.title))
        self._paragraph("Subtitle").add_run(printable(manuscript.subtitle))
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
        caption = self._paragraph("Caption")
        caption.add_run(label.prefix)
        _seq_field(caption, _SEQUENCES[(self.lang, label.kind)], label.number)
        caption.add_run(": ")
        self._inline(caption, parts)
        return caption

    # --- figures and tables --------------------------------------------------------------

    def _figure(self, figure: Figure) -> None:
        holder = self.document.add_paragraph()
        holder.paragraph_format.keep_with_next = True
        run = holder.add_run()
        part = self.document.part
        relation, image = part.get_or_add_image(io.BytesIO(figure.png))
        width, height = image.scaled_dimensions(Cm(figure.width_cm), None)
        # python-docx would search the whole document for a free shape id each time
        self._shapes += 1
        inline = CT_Inline.new_pic_inline(self._shapes, relation, image.filename, width, height)
        run._r.add_drawing(inline)
        self._caption(self.labels[figure.key], figure.legend)

    def _table(self, table: Table) -> None:
        """The caption, then the table: its rows written as XML in one piece each
        (python-docx's cell objects cost a walk of the whole table per row)."""
        caption = self._caption(self.labels[table.key], table.caption)
        caption.paragraph_format.keep_with_next = True
        numeric = table.numeric or (False,) * len(table.header)
        widths = _widths(numeric, TEXT_WIDTH_CM)
        grid = self.document.add_table(rows=0, cols=len(table.header))
        grid._tbl.tblStyle_val = self._table_style  # the id: no lookup by name each time
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        grid.autofit = False
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width
        rows = []
        if table.spans:
            cells, column = [], 0
            for text, span in table.spans:
                width = Length(sum(widths[column : column + span]))
                cells.append(_cell(text, width, span=span, bold=True, align="center"))
                column += span
            rows.append(_row(cells, header=True))
        header = [_cell(t, w, bold=True) for t, w in zip(table.header, widths, strict=True)]
        rows.append(_row(header, header=True))
        for values in table.rows:
            cells = [
                _cell(text, width, align="right" if right else "")
                for text, width, right in zip(values, widths, numeric, strict=True)
            ]
            rows.append(_row(cells))
        for row in rows:
            grid._tbl.append(parse_xml(row))
        if table.note:
            self._paragraph("Caption").add_run(printable(table.note))
        self.document.add_paragraph()


def _widths(numeric: tuple[bool, ...], total_cm: float) -> list[Length]:
    """Numbers narrow, text columns share the rest (Word would make every column equal)."""
    n_numbers = sum(numeric)
    number_cm = 1.6
    text_cm = (total_cm - n_numbers * number_cm) / max(1, len(numeric) - n_numbers)
    return [Cm(number_cm if right else text_cm) for right in numeric]


def _cell(text: str, width: Length, *, span: int = 1, bold: bool = False, align: str = "") -> str:
    """A table cell's XML: its width, the text in 9 pt (bold), aligned."""
    properties = f'<w:tcW w:w="{width.twips}" w:type="dxa"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    paragraph = f'<w:pPr><w:jc w:val="{align}"/></w:pPr>' if align else ""
    run = "<w:rPr>" + ("<w:b/>" if bold else "") + '<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
    content = escape(printable(text))
    return (
        f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p>{paragraph}<w:r>{run}"
        f'<w:t xml:space="preserve">{content}</w:t></w:r></w:p></w:tc>'
    )


def _row(cells: list[str], *, header: bool = False) -> str:
    """A table row's XML; header rows repeat on every page a table runs over."""
    properties = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""
    return f"<w:tr {nsdecls('w')}>{properties}{''.join(cells)}</w:tr>"


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
