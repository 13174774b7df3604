"""The presenter view is shared into a video call and seen at a third of its size: after
the reveal the result (percentages, consensus class, round legend) must still read."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.models import BallotSource
from app.services import agenda, ballots, conferences, lifecycle
from app.ui.live.session import LiveSession
from app.ui.presenter import PresenterWindow

#: Ink height in pixels at 640×360 (the shared screen shrunk in the call). The matplotlib
#: chart it replaces gave about 7 px for each of these; the question's text today gives 11.
MIN_INK = {"value": 15, "consensus": 12, "legend": 12}


def _ink_height(image: QImage, rect: QRect) -> int:
    """Rows of ``rect`` holding dark (text) pixels, from the first to the last."""
    rows = [
        y
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1))
        if any(
            QColor(image.pixel(x, y)).lightness() < 110
            for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1))
        )
    ]
    return rows[-1] - rows[0] + 1 if rows else 0


def _vote_reveal_round_two(db, conf_id: int) -> None:  # type: ignore[no-untyped-def]
    """Question 1.1 round 2 (the demo's current question): most sites vote, then reveal."""
    with db.write() as s:
        current = conferences.get_conference(s, conf_id).current_question_id
        lifecycle.open_question(s, current)
    with db.write() as s:
        question = agenda.get_question(s, current)
        present = [i for i in conferences.invitations(s, conf_id) if i.present]
        for n, inv in enumerate(present[:-4]):
            option = question.options[0 if n % 5 else 1].id
            ballots.cast_ballot(
                s, current, inv.site.id, option_ids=(option,), source=BallotSource.SITE
            )
    with db.write() as s:
        lifecycle.close_question(s, current)
        lifecycle.reveal_question(s, current)


def test_result_reads_at_a_third_of_the_shared_screen(qtbot, db, demo_id, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _vote_reveal_round_two(db, demo_id)
    session = LiveSession(db, demo_id)
    presenter = PresenterWindow(session)
    qtbot.addWidget(presenter)
    presenter.resize(1280, 720)
    presenter.show()
    QApplication.processEvents()
    assert presenter.chart.isVisible() and presenter.snapshot.round_one is not None
    shot = presenter.grab().toImage()
    assert (shot.width(), shot.height()) == (1280, 720)
    small = shot.scaled(
        640,
        360,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    small.save(str(tmp_path / "presenter-640x360.png"))
    offset = presenter.chart.mapTo(presenter, QPoint(0, 0))
    heights: dict[str, list[int]] = {}
    for box in presenter.chart.boxes:
        if box.kind not in MIN_INK:
            continue
        r = box.rect.toAlignedRect().translated(offset)
        half = QRect(r.left() // 2, r.top() // 2, r.width() // 2 + 1, r.height() // 2 + 1)
        heights.setdefault(box.kind, []).append(_ink_height(small, half))
    assert set(heights) == set(MIN_INK)
    for kind, minimum in MIN_INK.items():
        assert min(heights[kind]) >= minimum, (kind, heights[kind])
    # four bars (two options, two rounds), each with its percentage
    assert len(heights["value"]) == 4
    assert all("%" in b.text for b in presenter.chart.boxes if b.kind == "value")
