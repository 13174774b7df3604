"""Story builders for a case's page: the structured summary (with TNM and ICD-O-3), the
prior therapy lines, the molecular findings with their details, the images."""

from __future__ import annotations

import io

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table

from app.reports.case_rows import finding_rows, summary_pairs, therapy_rows, word
from app.reports.data import ReportData
from app.reports.pdfstyle import TEXT_WIDTH, para, table_style
from app.reports.texts import text
from app.services.views import CaseInfo


def summary(case: CaseInfo, lang: str) -> list[Flowable]:
    """The summary two pairs to a row, then comorbidities, prior therapies, case text."""
    shown = [(k, v or "–") for k, v in summary_pairs(case, lang)]
    rows = []
    for i in range(0, len(shown), 2):
        left, right = shown[i], shown[i + 1] if i + 1 < len(shown) else ("", "")
        rows.append(
            [
                para(left[0], "cell_head"),
                para(left[1], "cell"),
                para(right[0], "cell_head"),
                para(right[1], "cell"),
            ]
        )
    quarter = TEXT_WIDTH / 4
    table = Table(
        rows,
        colWidths=[quarter * 0.8, quarter * 1.2, quarter * 0.8, quarter * 1.2],
        hAlign="LEFT",
    )
    table.setStyle(table_style(header_rows=0))
    story: list[Flowable] = [para(text(lang, "summary"), "h3"), table]
    if case.comorbidities:
        story += [para(word(lang, "comorbidities"), "h4"), para(case.comorbidities)]
    story += therapy_lines(case, lang)
    if case.text:
        story += [para(text(lang, "case_text"), "h4"), para(case.text)]
    return story


def therapy_lines(case: CaseInfo, lang: str) -> list[Flowable]:
    """The prior lines as a table (line, substances, best response), then the free text."""
    if not case.therapy_lines and not case.prior_therapies:
        return []
    story: list[Flowable] = [para(text(lang, "prior_therapies"), "h4")]
    if case.therapy_lines:
        head = [
            para(word(lang, key), "cell_head") for key in ("line", "substances", "best_response")
        ]
        body = [
            [para(line, "cell"), para(substances, "cell"), para(response or "–", "cell")]
            for line, substances, response in therapy_rows(case, lang)
        ]
        widths = [2.4 * cm, 9.6 * cm]
        table = Table([head, *body], colWidths=[*widths, TEXT_WIDTH - sum(widths)], repeatRows=1)
        table.hAlign = "LEFT"
        table.setStyle(table_style())
        story += [table, Spacer(1, 3)]
    if case.prior_therapies:
        story.append(para(case.prior_therapies))
    return story


def findings(case: CaseInfo, lang: str) -> list[Flowable]:
    """Gene, alteration (reference and c. notation, fusion partner, breakpoints under it),
    kind, what was measured (VAF, copy number, score), evidence level, comment."""
    if not case.findings:
        return []
    keys = ("gene", "alteration", "kind")
    head: list[Flowable] = [para(text(lang, key), "cell_head") for key in keys]
    head += [para(word(lang, key), "cell_head") for key in ("measure", "evidence")]
    head.append(para(text(lang, "comment"), "cell_head"))
    rows: list[list[Flowable]] = [head]
    for row in finding_rows(case, lang):
        alteration: list[Flowable] = [para(row.alteration, "cell")]
        if row.details:
            alteration.append(para(row.details, "small"))
        rows.append(
            [
                para(row.gene, "cell_bold"),
                alteration,  # type: ignore[list-item]  # a cell may hold a list of flowables
                para(row.kind, "cell"),
                para(row.measures, "cell"),
                para(row.evidence, "cell"),
                para(row.comment, "cell"),
            ]
        )
    widths = [1.9 * cm, 4.8 * cm, 1.7 * cm, 2.1 * cm, 2.1 * cm]
    table = Table(rows, colWidths=[*widths, TEXT_WIDTH - sum(widths)], repeatRows=1)
    table.hAlign = "LEFT"
    table.setStyle(table_style())
    return [KeepTogether([para(text(lang, "findings"), "h3"), table])]


def images(case: CaseInfo, data: ReportData) -> list[Flowable]:
    """Case images scaled to the text width (at most 9 cm high), with captions."""
    story: list[Flowable] = []
    for info in case.images:
        mime, payload = data.images.get(info.id, ("", b""))
        flowable = _image(mime, payload)
        if flowable is None:
            continue
        parts: list[Flowable] = [flowable]
        if info.caption:
            parts.append(para(info.caption, "small"))
        story.append(KeepTogether([Spacer(1, 4), *parts]))
    return story


def _image(mime: str, payload: bytes) -> Flowable | None:
    max_w, max_h = TEXT_WIDTH, 9 * cm
    try:
        if mime == "image/svg+xml":
            from svglib.svglib import svg2rlg

            drawing = svg2rlg(io.BytesIO(payload))
            if drawing is None or not drawing.width or not drawing.height:
                return None
            factor = min(max_w / drawing.width, max_h / drawing.height)
            drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
            drawing.scale(factor, factor)
            drawing.hAlign = "LEFT"
            return drawing
        from reportlab.lib.utils import ImageReader

        width, height = ImageReader(io.BytesIO(payload)).getSize()
        # Never enlarged beyond 96 pixels per inch: a small image stays small and sharp.
        factor = min(max_w / width, max_h / height, 72 / 96)
        image = Image(io.BytesIO(payload), width=width * factor, height=height * factor)
        image.hAlign = "LEFT"
        return image
    except Exception:  # a broken image must not cost the author the protocol
        return None
