"""The protocol's page template: header, footer with "page x of y", metadata and bookmarks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.reports.glyphs import printable
from app.reports.pdfstyle import (
    FONT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE,
    RULE,
    TEXT_WIDTH,
    register_fonts,
)
from app.reports.texts import text
from app.texts import FORMATS


@dataclass(frozen=True)
class PageInfo:
    """What every page shows in its header and footer, already in the protocol's language."""

    header_left: str
    header_right: str
    footer_left: str
    page_text: Callable[[int, int], str]  # (page, pages) -> "Seite 2 von 9"


class Bookmark(Flowable):
    """An invisible flowable that adds an outline entry (bookmark) where it lands: on the
    page of the heading after it (kept with it, it moves when the heading moves on)."""

    def __init__(self, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.title, self.key, self.level = title, key, level
        self.width = self.height = 0
        self.keepWithNext = True

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        canvas.showOutline()
        _x, top = canvas.absolutePosition(0, 0)
        if isinstance(canvas, HeldPages):
            canvas.bookmark_here(self.key, top)  # the page object exists only at the end
        else:
            canvas.bookmarkPage(self.key, fit="XYZ", top=top + HEADROOM)
        canvas.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)


#: Points above a heading that a bookmark's view keeps visible.
HEADROOM = 14


class HeldPages(Canvas):
    """A canvas that holds pages back until the end, so the footer can say "of y".

    Destinations must point at the page objects written at the end, so a bookmark made
    while a page is held is noted with its page and height and set when it is written
    (set at once, every bookmark would point to page 1).

    What :meth:`head` draws goes to the start of the page's content and what
    :meth:`decorate` draws to its end, so that a reader that follows the content (text
    extraction, a screen reader in an untagged PDF) meets the header first, then the body,
    then the footer, as the page shows them.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initialFontName", FONT)  # no stray non-embedded Helvetica
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._marks: list[tuple[str, float]] = []

    def bookmark_here(self, key: str, top: float) -> None:
        self._marks.append((key, top))

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._marks = []
        self._startPage()  # type: ignore[attr-defined]  # reportlab keeps it private

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            code: list[str] = self._code  # type: ignore[attr-defined]  # reportlab: the page operators
            body = len(code)
            self.head(total)
            header = code[body:]
            del code[body:]
            code[0:0] = header
            self.decorate(total)
            for key, top in state["_marks"]:
                self.bookmarkPage(key, fit="XYZ", top=top + HEADROOM)
            Canvas.showPage(self)
        Canvas.save(self)

    def head(self, total: int) -> None:
        """Draw what comes first on every page (its header)."""

    def decorate(self, total: int) -> None:
        """Draw what every page shows once the number of pages is known."""


def numbered_canvas(info: PageInfo) -> type[Canvas]:
    """A :class:`HeldPages` canvas whose pages get the header and "page x of y"."""

    class NumberedCanvas(HeldPages):
        def decorate(self, total: int) -> None:
            page: int = self._pageNumber  # type: ignore[attr-defined]  # reportlab keeps it private
            width, _height = PAGE
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            y = MARGIN_BOTTOM - 0.9 * 28.35
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, y + 10, width - MARGIN_X, y + 10)
            self.drawString(MARGIN_X, y, printable(info.footer_left))
            self.drawRightString(width - MARGIN_X, y, info.page_text(page, total))
            self.restoreState()

        def head(self, total: int) -> None:
            page: int = self._pageNumber  # type: ignore[attr-defined]  # reportlab keeps it private
            if page == 1:
                return
            width, _height = PAGE
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            top = PAGE[1] - MARGIN_TOP + 0.75 * 28.35
            header = printable(info.header_left)
            self.drawString(MARGIN_X, top, _fit(self, header, TEXT_WIDTH * 0.75))
            self.drawRightString(width - MARGIN_X, top, info.header_right)
            self.line(MARGIN_X, top - 4, width - MARGIN_X, top - 4)
            self.restoreState()

    return NumberedCanvas


def _fit(canvas: Canvas, text: str, width: float) -> str:
    """Shorten ``text`` with an ellipsis so it fits ``width`` in the current font."""
    if canvas.stringWidth(text) <= width:
        return text
    while text and canvas.stringWidth(text + " …") > width:
        text = text[:-1]
    return text.rstrip() + " …"


class ProtocolDocument(BaseDocTemplate):
    """A4, one frame the width of the text; the canvas adds header and footer."""

    def __init__(
        self, target: Any, *, title: str, author: str, subject: str, lang: str = "de"
    ) -> None:
        register_fonts()
        super().__init__(
            target,
            pagesize=PAGE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            subject=subject,
            creator="Votum",
            keywords=["MTB", text(lang, "protocol"), "Votum"],
            lang=FORMATS.text(lang, "language_tag"),
            displayDocTitle=1,
            initialFontName=FONT,
            initialFontSize=9,
            pageCompression=1,
            allowSplitting=1,
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            TEXT_WIDTH,
            PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM,
            id="text",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def build_with(self, story: list[Flowable], info: PageInfo) -> None:
        self.build(story, canvasmaker=numbered_canvas(info))
