"""What the domain services say when they refuse: one catalog, every key in both languages.

A service raises ``InvalidInput(say("option_twice"))``; the error carries the text in
every language and each front end shows the one its reader reads (see
:class:`app.texts.Message`). Keys are grouped by the module that raises them.
"""

from __future__ import annotations

from app.texts import Catalog, Message

#: key → (German, English)
_TEXTS: dict[str, tuple[str, str]] = {
    # --- ballots ---------------------------------------------------------------------
    "question_not_found": (
        "Frage {question_id} nicht gefunden",
        "question {question_id} not found",
    ),
    "voting_not_open": (
        "Die Abstimmung zu dieser Frage ist nicht offen",
        "voting on this question is not open",
    ),
    "site_not_invited": ("Standort ist nicht eingeladen", "site is not invited"),
    "comment_too_long": (
        "Kommentar zu lang (höchstens {limit} Zeichen)",
        "comment too long (at most {limit} characters)",
    ),
    "option_twice": ("Eine Option wurde doppelt gewählt", "an option was chosen twice"),
    "abstain_not_offered": (
        "Enthaltung ist bei dieser Frage nicht vorgesehen",
        "abstaining is not offered",
    ),
    "abstain_with_option": (
        "Enthaltung und eine Option zugleich",
        "abstain together with an option",
    ),
    "foreign_option": (
        "Die Option gehört nicht zu dieser Frage",
        "the option does not belong to this question",
    ),
    "enter_text": ("Bitte einen Text eingeben", "please enter a text"),
    "choose_option": ("Bitte eine Option wählen", "please choose an option"),
    "only_one_option": ("Nur eine Option ist erlaubt", "only one option is allowed"),
    "option_exclusive": (
        "„{label}“ kann nicht mit anderen Optionen kombiniert werden",
        '"{label}" cannot be combined with other options',
    ),
}

MESSAGES = Catalog(
    "service messages",
    {
        lang: {key: pair[index] for key, pair in _TEXTS.items()}
        for index, lang in enumerate(("de", "en"))
    },
)


def say(key: str, **values: object) -> Message:
    """The message ``key`` in every language, its ``{placeholders}`` filled with ``values``."""
    return MESSAGES.message(key, **values)
