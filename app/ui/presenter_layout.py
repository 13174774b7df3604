"""Where the presenter view's labels go and how large their type is, for the window's size
and content: the question and its options as large as they fit above the count, the
countdown and the join code; after the reveal the question, then the result at least as
large as it, then anything said under the result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel

from app.ui.live.chart import ChartStyle
from app.ui.presenter_fit import (
    EXPLANATION,
    ROW_GAP,
    beside,
    largest,
    option_columns,
    option_row_height,
    options_height,
    plain,
    sized,
    text_height,
    text_width,
)

if TYPE_CHECKING:
    from app.ui.presenter import PresenterWindow


class PresenterLayout:
    """One placing of the presenter's labels for its current size and content."""

    def __init__(self, window: PresenterWindow) -> None:
        self.w = window
        self.c = window.colours
        self.width, self.height = float(window.width()), float(window.height())
        h = self.height
        self.margin_y = max(6.0, 0.03 * h)
        self.margin_x = max(10.0, 0.035 * self.width)
        self.inner = self.width - 2 * self.margin_x
        self.gap = max(3.0, 0.014 * h)
        self.show_summary = True

    def place(self) -> None:
        w = self.w
        quiet = (w.case_label, w.summary_label, w.count_label, w.join_label, w.address_label)
        for label in (*quiet, w.countdown_label, w.result_note, w.state_label):
            label.hide()
        w.qr.hide()
        w.chart.hide()
        w.call_totals.hide()
        w.options_label.hide()
        if w.revealed():
            self._revealed()
        else:
            self._asking()

    # --- while asking: case, question, options; count, countdown and the join code below

    def _top(self, y: float) -> float:
        """The case line and the summary; returns where the question may start."""
        w, h = self.w, self.height
        case_px = 0.031 * h
        font = w.set_type(w.case_label, case_px, False, self.c.muted)
        if w.case_label.text():
            height = text_height(w.case_label.text(), font, self.inner)
            w.put(w.case_label, self.margin_x, y, self.inner, height)
            y += height + self.gap * 0.4
        if w.summary_label.text() and self.show_summary:
            font = w.set_type(w.summary_label, case_px * 0.84, False, self.c.muted)
            height = text_height(w.summary_label.text(), font, self.inner)
            w.put(w.summary_label, self.margin_x, y, self.inner, height)
            y += height
        else:
            w.summary_label.hide()
        return y + self.gap

    def _footer(self) -> float:
        """Count and state, the countdown, the join text and QR code; returns the footer's top."""
        w, h = self.w, self.height
        count_font = w.set_type(w.count_label, 0.036 * h, True, self.c.fg)
        state_font = w.set_type(w.state_label, 0.027 * h, False, self.c.muted)
        clock_font = w.set_type(w.countdown_label, 0.12 * h, True, self.c.fg)
        join_font = w.set_type(w.join_label, 0.024 * h, False, self.c.muted)
        address_font = w.set_type(w.address_label, 0.027 * h, True, self.c.fg)
        right = self.width - self.margin_x
        qr = round(0.17 * h) if w.join_visible() else 0
        join_width = 0.0
        heights = [float(qr)]
        if qr:
            w.show_qr(qr)
            right -= qr
            join_width = max(  # the join text wraps beside the code; the address stays whole
                min(0.17 * self.inner, text_width(w.join_label.text(), join_font) + 4),
                text_width(w.address_label.text(), address_font) + 4,
            )
            join_h = text_height(w.join_label.text(), join_font, join_width)
            address_h = text_height(w.address_label.text(), address_font, join_width)
            heights.append(join_h + address_h)
            right -= join_width + self.gap * 2
        clock = w.countdown_label.text()
        # as wide as "0:00" (or "00:00"): the same place while it counts down
        clock_width = text_width("0" * (len(clock) - 1) + ":", clock_font) if clock else 0.0
        clock_h = text_height("0", clock_font, clock_width) if clock else 0.0
        heights.append(clock_h)
        left_width = right - clock_width - self.gap * 2 - self.margin_x
        count_h = text_height(w.count_label.text(), count_font, left_width)
        state_h = text_height(w.state_label.text(), state_font, left_width)
        heights.append((count_h if w.count_label.text() else 0) + state_h)
        footer = max(heights)
        top = self.height - self.margin_y - footer
        y = top + footer - state_h - (count_h if w.count_label.text() else 0)
        if w.count_label.text():
            w.put(w.count_label, self.margin_x, y, left_width, count_h)
            y += count_h
        w.put(w.state_label, self.margin_x, y, left_width, state_h)
        if clock:
            x = right - clock_width - self.gap
            w.put(w.countdown_label, x, top + footer - clock_h, clock_width + self.gap, clock_h)
        if qr:
            x = self.width - self.margin_x - qr
            w.qr.setGeometry(round(x), round(top + footer - qr), qr, qr)
            w.qr.show()
            x -= join_width + self.gap
            block = heights[1]
            y = top + (footer - block) / 2
            w.put(w.join_label, x, y, join_width, block - address_h)
            w.put(w.address_label, x, y + block - address_h, join_width, address_h)
        return top

    def _asking(self) -> None:
        """The largest question that fits with its options; if none does at the smallest
        size, the explanations step aside, then the summary line."""
        h = self.height
        bottom = self._footer() - self.gap
        floor, low, high = 0.024 * h, 0.038 * h, 0.085 * h
        for self.show_summary, explain in ((True, True), (True, False), (False, False)):
            top = self._top(self.margin_y)
            room = bottom - top

            def fits(px: float, explain: bool = explain, room: float = room) -> bool:
                return self._question_height(px, explain) <= room

            size = largest(fits, low, high)
            if fits(size):
                break
        else:
            size = largest(fits, floor, low)
        self._place_question(top, size, explain)

    def _question_height(self, px: float, explain: bool) -> float:
        w = self.w
        head = text_height(w.head_label.text(), sized(w.font(), px * 0.62, True), self.inner)
        text = text_height(w.question_label.text(), sized(w.font(), px, True), self.inner)
        rows = w.option_rows
        options = options_height(rows, w.font(), px * 0.8, self.inner, explain=explain)
        between = self.gap + (self.gap if rows else 0)
        return (head if w.head_label.text() else 0) + text + options + between

    def _place_question(self, y: float, px: float, explain: bool) -> None:
        w = self.w
        if w.head_label.text():
            font = w.set_type(w.head_label, px * 0.62, True, self.c.accent)
            height = text_height(w.head_label.text(), font, self.inner)
            w.put(w.head_label, self.margin_x, y, self.inner, height)
            y += height
        else:
            w.head_label.hide()
        waiting = not w.head_label.text()
        font = w.set_type(w.question_label, px, not waiting, self.c.muted if waiting else self.c.fg)
        height = text_height(w.question_label.text(), font, self.inner)
        w.put(w.question_label, self.margin_x, y, self.inner, height)
        y += height + self.gap
        self._place_options(y, px * 0.8, explain)

    def _place_options(self, y: float, px: float, explain: bool) -> None:
        w, rows = self.w, self.w.option_rows
        cells = w.option_cells
        while len(cells) < len(rows):
            cells.append((plain(QLabel(w.options_label)), plain(QLabel(w.options_label)),
                          plain(QLabel(w.options_label))))  # fmt: skip
        for cell in cells[len(rows) :]:
            for label in cell:
                label.hide()
        if not rows:
            return
        base = w.font()
        columns = option_columns(rows, base, px, self.inner, explain=explain)
        top = y
        for row, (letter, label, explanation) in zip(rows, cells, strict=False):
            height = option_row_height(row, base, px, columns, explain=explain)
            offset = y - top
            letter.setText(row.letter)
            w.set_type(letter, px, True, self.c.accent)
            letter.setGeometry(0, round(offset), round(columns.letter_width) + 2, round(height))
            letter.show()
            x = columns.letter_width + columns.gap
            label.setText(row.label)
            font = w.set_type(label, px, False, self.c.muted if row.muted else self.c.fg)
            explained = bool(row.explanation) and explain
            side = explained and beside(row, base, px, columns)
            width = columns.label_width if side else columns.full_width
            label_h = text_height(row.label, font, width)
            label.setGeometry(round(x), round(offset), round(width), round(label_h))
            label.show()
            if explained:
                explanation.setText(row.explanation)
                small = w.set_type(explanation, px * EXPLANATION, False, self.c.muted)
                if side:  # beside the label, on its first line's baseline
                    ex, ey, ew = (
                        x + columns.label_width + columns.gap,
                        offset,
                        columns.explanation_width,
                    )
                    ey += QFontMetricsF(font).ascent() - QFontMetricsF(small).ascent()
                else:  # under a label too wide for its column
                    ex, ey, ew = x, offset + label_h, columns.full_width
                eh = text_height(row.explanation, small, ew)
                explanation.setGeometry(round(ex), round(ey), round(ew), round(eh))
                explanation.show()
            else:
                explanation.hide()
            y += height + px * ROW_GAP
        w.options_label.setGeometry(
            round(self.margin_x), round(top), round(self.inner), round(y - top)
        )
        w.options_label.show()

    # --- after the reveal: the question, then the result as large as it -------------------

    def _revealed(self) -> None:
        w, h = self.w, self.height
        state_font = w.set_type(w.state_label, 0.026 * h, False, self.c.muted)
        state_h = text_height(w.state_label.text(), state_font, self.inner)
        bottom = self.height - self.margin_y - state_h
        w.put(w.state_label, self.margin_x, bottom, self.inner, state_h)
        bottom -= self.gap
        if w.result_note.text():
            font = w.set_type(w.result_note, 0.032 * h, False, self.c.muted)
            height = text_height(w.result_note.text(), font, self.inner)
            bottom -= height
            w.put(w.result_note, self.margin_x, bottom, self.inner, height)
            bottom -= self.gap
        if w.call_totals.counts.text():
            note = w.call_totals
            title = w.set_type(note.title, 0.024 * h, True, self.c.muted)
            counts = w.set_type(note.counts, 0.036 * h, True, self.c.fg)
            box = note.layout()
            assert box is not None  # built with its layout
            margins = box.contentsMargins()
            frame = 2 * 2  # the 2 px border on each side
            text_w = self.inner - margins.left() - margins.right() - frame
            height = (
                text_height(note.title.text(), title, text_w)
                + text_height(note.counts.text(), counts, text_w)
                + box.spacing()
                + margins.top()
                + margins.bottom()
                + frame
            )
            bottom -= height
            w.call_totals.setGeometry(
                round(self.margin_x), round(bottom), round(self.inner), round(height)
            )
            w.call_totals.show()
            bottom -= self.gap
        y = self.margin_y

        def fits(px: float) -> bool:
            """The question takes at most 30 % of the room, and the chart's percentages
            are at least as large as it (they shrink where bars are thin)."""
            question = self._question_height_revealed(px)
            chart = bottom - y - question - self.gap
            style = self._chart_style(px)
            return (
                question <= 0.3 * (bottom - y) and w.chart.value_px(style, self.inner, chart) >= px
            )

        px = largest(fits, 0.026 * h, 0.055 * h)
        font = w.set_type(w.head_label, px * 0.62, True, self.c.accent)
        height = text_height(w.head_label.text(), font, self.inner)
        w.put(w.head_label, self.margin_x, y, self.inner, height)
        y += height
        font = w.set_type(w.question_label, px, True, self.c.fg)
        height = text_height(w.question_label.text(), font, self.inner)
        w.put(w.question_label, self.margin_x, y, self.inner, height)
        y += height + self.gap
        w.chart.set_style(self._chart_style(px))
        w.chart.setGeometry(
            round(self.margin_x), round(y), round(self.inner), round(max(1.0, bottom - y))
        )
        w.chart.show()

    def _chart_style(self, px: float) -> ChartStyle:
        """The result at least as large as a question at ``px``: the consensus class as
        large, the percentages larger (as their bars allow)."""
        h = self.height
        return ChartStyle(
            label=max(0.8 * px, 0.037 * h),
            status=0.03 * h,
            consensus=max(px, 0.044 * h),
            value=max(1.2 * px, 0.063 * h),
            legend=max(0.8 * px, 0.052 * h),
            ticks=0.022 * h,
            bold_values=True,
            margin=0.004 * h,
        )

    def _question_height_revealed(self, px: float) -> float:
        w = self.w
        head = text_height(w.head_label.text(), sized(w.font(), px * 0.62, True), self.inner)
        return head + text_height(w.question_label.text(), sized(w.font(), px, True), self.inner)
