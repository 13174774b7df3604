"""Ready sentences for the manuscript and the protocol, in German and English: the words
in the :data:`SENTENCES` catalog (plurals as ``key.one`` / ``key.other``)."""

from __future__ import annotations

from app.models.enums import QuestionKind
from app.services.presets import preset_step
from app.services.tally import Tally
from app.texts import Catalog, in_language, quote

SENTENCES = Catalog.of_pairs(
    "sentences",
    {
        "chose": ("wählen {label}", "chose {label}"),
        "comments.one": ("{n} Standort gab einen Kommentar ab", "{n} site left a comment"),
        "comments.other": (
            "{n} Standorte gaben einen Kommentar ab",
            "{n} sites left a comment",
        ),
        "no_valid": ("Keine gültigen Antworten", "No valid answers"),
        "first_share": ("{percent} % der Standorte {phrase}", "{percent} % of sites {phrase}"),
        "share": ("{percent} % {phrase}", "{percent} % {phrase}"),
        "valid": (
            "{n} von {N} Standorten mit gültiger Antwort",
            "{n} of {N} sites gave a valid answer",
        ),
        "abstentions.one": ("{n} Enthaltung", "{n} abstention"),
        "abstentions.other": ("{n} Enthaltungen", "{n} abstentions"),
        "silent.one": ("{n} anwesender Standort ohne Stimme", "{n} site present did not vote"),
        "silent.other": (
            "{n} anwesende Standorte ohne Stimme",
            "{n} sites present did not vote",
        ),
        "not_asked": ("Nicht gestellt", "Not asked"),
        "skipped": ("Nicht gestellt (übersprungen: {reason})", "Not asked (skipped: {reason})"),
    },
)


def option_phrase(tally: Tally, index: int, lang: str) -> str:
    """What the sites choosing option ``index`` do, as a verb phrase ("empfehlen X").

    The option's own phrase first; for yes/no, agreement and evidence the phrase of the
    step at that position (never found by code: a package may give its own codes).
    """
    option = tally.options[index].option
    own = in_language((option.phrase_de, option.phrase_en), lang)
    if own.strip():
        return own.strip()
    preset = preset_step(tally.kind, index, len(tally.options))
    if preset is not None:
        return preset.phrase(lang)
    return SENTENCES.text(lang, "chose", label=quote(option.label, lang))


def manuscript_sentence(tally: Tally, lang: str = "de") -> str:
    """E.g. "15 % der Standorte empfehlen HCQ + Trametinib; 85 % sprechen keine Empfehlung aus".

    Options are listed in their own order (as the question asks them, like the spec's
    example); options nobody chose are left out.
    """
    if tally.kind is QuestionKind.FREE_TEXT:
        return SENTENCES.plural(lang, "comments", tally.n_valid)
    if tally.n_valid == 0:
        return SENTENCES.text(lang, "no_valid")
    chosen = [(i, r) for i, r in enumerate(tally.options) if r.count > 0]
    return "; ".join(
        SENTENCES.text(
            lang,
            "share" if place else "first_share",
            percent=result.percent,
            phrase=option_phrase(tally, index, lang),
        )
        for place, (index, result) in enumerate(chosen)
    )


def participation_sentence(tally: Tally, lang: str = "de") -> str:
    """Who took part: valid answers of the eligible sites, abstentions, silent present sites."""
    parts = [SENTENCES.text(lang, "valid", n=tally.n_valid, N=tally.n_eligible)]
    if tally.n_abstain:
        parts.append(SENTENCES.plural(lang, "abstentions", tally.n_abstain))
    if tally.n_present_not_voted:
        parts.append(SENTENCES.plural(lang, "silent", tally.n_present_not_voted))
    return "; ".join(parts)


def not_asked_sentence(skip_reason: str | None, lang: str = "de") -> str:
    """A question that was never opened: "Nicht gestellt (übersprungen: Zeit)"."""
    if skip_reason:
        return SENTENCES.text(lang, "skipped", reason=skip_reason)
    return SENTENCES.text(lang, "not_asked")
