"""The presenter view's words, in the round's language (everyone in the call reads them),
so a :class:`~app.texts.Catalog` rather than the UI's Qt Linguist catalogue."""

from __future__ import annotations

from app.texts import Catalog

PRESENTER = Catalog.of_pairs(
    "presenter view",
    {
        "case": ("Fall {n}", "Case {n}"),
        "question": ("Frage {n}", "Question {n}"),
        "round": ("Runde {r}", "round {r}"),
        "voted": ("{n} von {N} Standorten haben abgestimmt", "{n} of {N} sites have voted"),
        "open": ("Abstimmung läuft", "Voting open"),
        "closed": ("Abstimmung geschlossen", "Voting closed"),
        "draft": ("Gleich geht es los", "Starting shortly"),
        "skipped": ("Frage übersprungen", "Question skipped"),
        "waiting": ("Warten auf die nächste Frage …", "Waiting for the next question …"),
        "join": ("Abstimmen mit dem Link Ihres Standorts", "Vote with your site's link"),
        "abstain": ("Enthaltung", "Abstain"),
        "lines": ("{n} Vortherapielinien", "{n} prior lines"),
        "line": ("1 Vortherapielinie", "1 prior line"),
        "free": ("Antwort in eigenen Worten (Freitext)", "Answer in your own words (free text)"),
        "time_left": ("noch", "left"),
    },
)


def presenter_text(lang: str, key: str, **values: object) -> str:
    """The presenter's text ``key`` in the round's language ``lang``."""
    return PRESENTER.text(lang, key, **values)
