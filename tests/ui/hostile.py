"""Hostile user text for the Qt tests, and how to check a widget shows it literally.

Every widget that shows a user's text must show exactly that text: no HTML rendering, no
hidden markup, no "[*]" swallowed by a window title. ``HOSTILE`` is the shared set of
strings; :func:`assert_label_literal` grabs a label and compares it pixel for pixel with a
plain-text label of the same text, font, palette and size.
"""

from __future__ import annotations

import datetime as dt

from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from app.db import Database
from app.models.enums import FindingKind, QuestionKind
from app.services import agenda, conferences
from app.services.conferences import SiteData
from app.services.package_schema import PackageCase, PackageFinding, PackageOption, PackageQuestion

#: Each string would render differently (or not at all) if Qt took it for rich text, or
#: tests a character class a widget could mangle. Short enough for every text field
#: (site codes take the first 20 characters).
HOSTILE: tuple[str, ...] = (
    "<font size=90 color=red>GROSS</font>",
    "<script>alert(1)</script>",
    "<b>fett</b> & <i>kursiv</i>",
    "&amp; &lt;b&gt; &#x41;",
    "Jäger \u202eevil\u202c Straße",
    "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanspruch",
    "Therapie 🧬💊 ✓",
    "Übersicht [*] <br>Zeile",
    "<img src=x onerror=alert(1)>Bild",
    "<a href='https://example.org'>Link</a>",
)


def shown_text(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a QLabel (or a tooltip, always AutoText) shows for ``text`` in ``text_format``."""
    rich = text_format is Qt.TextFormat.RichText or (
        text_format is Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def shown_tooltip(tooltip: str) -> str:
    """What Qt shows for a tooltip: text that might be rich text is rendered as HTML."""
    return shown_text(tooltip).replace("\u2029", "\n")


def assert_label_literal(label: QLabel, expected: str | None = None) -> None:
    """``label`` shows its text literally (and that text contains ``expected``): its format
    is plain, and its pixels equal those of a plain-text label with the same text."""
    text = label.text()
    if expected is not None:
        assert expected in text, f"{expected!r} not in {text!r}"
    assert shown_text(text, label.textFormat()) == text, f"{text!r} is shown as rich text"
    holder = QWidget()
    reference = QLabel(holder)
    reference.setTextFormat(Qt.TextFormat.PlainText)
    reference.setFont(label.font())
    reference.setPalette(label.palette())
    reference.setStyleSheet(label.styleSheet())
    reference.setAlignment(label.alignment())
    reference.setWordWrap(label.wordWrap())
    reference.setTextInteractionFlags(label.textInteractionFlags())
    reference.setMargin(label.margin())
    reference.setIndent(label.indent())
    reference.setContentsMargins(label.contentsMargins())
    reference.setText(text)
    reference.resize(label.size())
    assert label.grab().toImage() == reference.grab().toImage(), f"{text!r} renders differently"
    holder.deleteLater()


def hostile_conference(db: Database) -> int:
    """A conference whose every text field holds a hostile string; returns its id."""
    h = HOSTILE
    with db.write() as s:
        conf_id = conferences.create_conference(
            s, f"{h[0]} {h[7]}", dt.date(2026, 11, 30), moderator=h[1], language="de"
        )
        conferences.set_fellows(s, conf_id, [(h[2], h[3]), (h[4], h[6])])
        conferences.update_conference(
            s, conf_id, scientific_lead=f"{h[5]} {h[0]}", cme_category=h[2][:10]
        )
        sites = [
            conferences.save_site(s, SiteData(text, f"{i}{text[:18]}", text, text))
            for i, text in enumerate(h)
        ]
        conferences.invite_sites(s, conf_id, sites[:5])
        findings = [
            PackageFinding(gene=text[:40], alteration=text, kind=FindingKind.OTHER, comment=text)
            for text in h
        ]
        options = [PackageOption(label=text, phrase_de=text, phrase_en=text) for text in h]
        questions = [
            PackageQuestion(text=text, kind=QuestionKind.SINGLE, options=options) for text in h
        ]
        agenda.add_case(
            s,
            conf_id,
            PackageCase(
                title=h[0], presenter=h[1], diagnosis=h[2], histology=h[3], stage=h[4],
                prior_therapies="\n".join(h), text="\n".join(h), findings=findings,
                questions=[*questions, PackageQuestion(text=h[2], kind=QuestionKind.AGREEMENT)],
            ),
        )  # fmt: skip
    return conf_id


def tooltips_of(root: QWidget) -> list[str]:
    """Every tooltip under ``root``: of each widget and of each item of each item view
    (its model's ``ToolTipRole``, trees walked whole)."""
    from PySide6.QtWidgets import QAbstractItemView

    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.toolTip():
            found.append(widget.toolTip())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += _item_tooltips(widget.model())
    return found


def _item_tooltips(model: QAbstractItemModel) -> list[str]:
    flat = isinstance(model, QAbstractListModel)  # its columnCount is private
    found: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(1 if flat else max(1, model.columnCount(parent))):
                tip = model.index(row, column, parent).data(Qt.ItemDataRole.ToolTipRole)
                if tip:
                    found.append(str(tip))
            walk(model.index(row, 0, parent))

    walk(QModelIndex())
    return found


def assert_tooltips_plain(root: QWidget) -> list[str]:
    """Every tooltip under ``root`` shows its text literally: it is no rich text, or it is
    the escaped form :func:`app.ui.plain.plain_tooltip` makes; returns what they show."""
    from app.ui.plain import plain_tooltip

    shown = []
    for tip in tooltips_of(root):
        literal = shown_tooltip(tip)
        assert not QtGui.Qt.mightBeRichText(tip) or plain_tooltip(literal) == tip, (
            f"tooltip {tip!r} is shown as HTML ({literal!r})"
        )
        shown.append(literal)
    return shown
