"""The article as plain data, between the builder and the writers.

A :class:`Manuscript` is a title block and a list of :class:`Section` s, each a list of
blocks (headings, paragraphs, lists, figures, tables). Figures and tables are numbered
when written, in the order they stand (supplement tables apart: S1, S2 …), and text refers
to them by key (:class:`Ref`), so a section put in later renumbers everything after it.

Room for later additions: another section goes in with :meth:`Manuscript.insert_after`
(e.g. the quick questions of the free discussion after ``"results"``); under each result
the builder leaves the blocks of :class:`ResultExtras` (e.g. a trend line with the earlier
results of a series).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, Protocol

from app.services.results import QuestionResult


@dataclass(frozen=True)
class Run:
    """Text with emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Ref:
    """A reference to a figure or table by its key: written "Abbildung 2", "Table S1"."""

    key: str


Inline = str | Run | Ref


@dataclass(frozen=True)
class Heading:
    text: str
    level: Literal[1, 2, 3]


@dataclass(frozen=True)
class Paragraph:
    """Text; ``draft`` marks the author's starting text (notes to be worked into prose)."""

    parts: tuple[Inline, ...]
    draft: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[tuple[Inline, ...], ...]
    draft: bool = False


@dataclass(frozen=True)
class Figure:
    """A chart as PNG (300 dpi) with its legend; ``name`` is its file name beside a
    Markdown draft."""

    key: str
    legend: tuple[Inline, ...]
    png: bytes
    name: str
    width_cm: float = 16.0


@dataclass(frozen=True)
class Table:
    """A table with its caption; ``numeric`` columns are aligned right; ``spans`` is an
    optional row above the header of (text, columns spanned)."""

    key: str
    caption: tuple[Inline, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()
    spans: tuple[tuple[str, int], ...] = ()
    supplement: bool = False
    note: str = ""


Block = Heading | Paragraph | Bullets | Figure | Table


@dataclass
class Section:
    """A part of the article under its level-1 heading (none for the front matter)."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Author:
    name: str
    affiliations: tuple[int, ...]  # 1-based numbers into Manuscript.affiliations


@dataclass
class Manuscript:
    lang: str
    title: str
    subtitle: str
    authors: tuple[Author, ...]
    group: str  # "for the German molecular tumor board discussion round"
    affiliations: tuple[str, ...]
    sections: list[Section] = field(default_factory=list)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def insert_after(self, key: str, section: Section) -> None:
        """Put ``section`` right after the section ``key`` (numbers follow the order)."""
        index = [s.key for s in self.sections].index(key)
        self.sections.insert(index + 1, section)

    def blocks(self) -> Iterator[Block]:
        for section in self.sections:
            yield from section.blocks

    def labels(self, words: LabelWords) -> dict[str, Label]:
        """Every figure's and table's label by key, numbered in the order they stand:
        "Abbildung 1", "Tabelle 2", "Tabelle S1"."""
        labels: dict[str, Label] = {}
        counts: dict[LabelKind, int] = {"figure": 0, "table": 0, "supplement": 0}
        for block in self.blocks():
            kind: LabelKind
            if isinstance(block, Figure):
                kind = "figure"
            elif isinstance(block, Table):
                kind = "supplement" if block.supplement else "table"
            else:
                continue
            counts[kind] += 1
            labels[block.key] = Label(words.prefix(kind), counts[kind], kind)
        return labels


LabelKind = Literal["figure", "table", "supplement"]


@dataclass(frozen=True)
class Label:
    """ "Abbildung " and 1; ``kind`` names Word's caption sequence it counts in."""

    prefix: str
    number: int
    kind: LabelKind

    def __str__(self) -> str:
        return f"{self.prefix}{self.number}"


class LabelWords(Protocol):
    """How a language names a figure, a table, a supplement table before its number."""

    def prefix(self, kind: LabelKind) -> str: ...


class ResultExtras(Protocol):
    """Blocks to stand under a question's result (after its sentence): a trend line of
    earlier results, a remark. Given round 1 and round 2 (if repeated)."""

    def __call__(
        self, round_one: QuestionResult, round_two: QuestionResult | None, lang: str
    ) -> list[Block]: ...
