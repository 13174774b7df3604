"""Chart labels break between words, never inside one; only a word too long for any line
is cut short, visibly, with "…"."""

from __future__ import annotations

from matplotlib.figure import Figure

from app.db import Database
from app.models import QuestionKind
from app.reports.figures import question_figure
from app.services import ballots, lifecycle
from app.services.results import conference_results
from tests.services.helpers import make_conference

LONG = (
    "Zweitlinien-Chemotherapie mit Gemcitabin/nab-Paclitaxel nach Progress unter FOLFIRINOX "
    "und Donaudampfschifffahrtsgesellschaft-Kapitänsmütze als Beispiel"
)


def _words(figure: Figure) -> set[str]:
    texts = [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]
    return {word for text in texts for word in text.split()}


def _figure(db: Database, options: tuple[str, ...], large: bool) -> Figure:
    setup = make_conference(db, 3, kind=QuestionKind.SINGLE, options=options)
    with db.write() as session:
        for site, option in zip(setup.site_ids, setup.option_ids * 2, strict=False):
            ballots.cast_ballot(session, setup.question_id, site, option_ids=[option])
        lifecycle.close_question(session, setup.question_id)
    with db.read() as session:
        result = conference_results(session, setup.conference_id)[0].results[0]
    return question_figure(result, lang="de", large=large)


def test_long_labels_break_between_words_only(db: Database) -> None:
    figure = _figure(db, (LONG, "Keine Empfehlung"), large=False)
    shown = _words(figure)
    for word in LONG.split():  # in the bar labels and in the consensus line above
        assert word in shown, f"{word!r} was broken"
    assert not any(w.endswith("-") for w in shown)  # not even at a hyphen


def test_a_word_longer_than_any_line_is_cut_with_an_ellipsis(db: Database) -> None:
    giant = "A" * 450
    figure = _figure(db, (f"Studie {giant}", "Nein"), large=True)
    shown = _words(figure)
    assert "Studie" in shown
    cut = [w for w in shown if w.startswith("AAAA")]
    assert cut and all(w.endswith("…") and len(w) < 120 for w in cut)  # fitted, marked
