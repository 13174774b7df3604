"""Ready sentences for the manuscript and the protocol, in German and English."""

from __future__ import annotations

from app.models.enums import QuestionKind
from app.services.presets import preset_step
from app.services.tally import Tally


def option_phrase(tally: Tally, index: int, lang: str) -> str:
    """What the sites choosing option ``index`` do, as a verb phrase ("empfehlen X").

    The option's own phrase first; for yes/no, agreement and evidence the phrase of the
    step at that position (never found by code: a package may give its own codes).
    """
    option = tally.options[index].option
    own = option.phrase_de if lang == "de" else option.phrase_en
    if own.strip():
        return own.strip()
    preset = preset_step(tally.kind, index, len(tally.options))
    if preset is not None:
        return preset.phrase(lang)
    return f"wählen „{option.label}“" if lang == "de" else f'chose "{option.label}"'


def manuscript_sentence(tally: Tally, lang: str = "de") -> str:
    """E.g. "15 % der Standorte empfehlen HCQ + Trametinib; 85 % sprechen keine Empfehlung aus".

    Options are listed in their own order (as the question asks them, like the spec's
    example); options nobody chose are left out.
    """
    if tally.kind is QuestionKind.FREE_TEXT:
        n = tally.n_valid
        if lang == "de":
            if n == 1:
                return "1 Standort gab einen Kommentar ab"
            return f"{n} Standorte gaben einen Kommentar ab"
        return f"{n} site{'s' if n != 1 else ''} left a comment"
    if tally.n_valid == 0:
        return "Keine gültigen Antworten" if lang == "de" else "No valid answers"
    chosen = [(i, r) for i, r in enumerate(tally.options) if r.count > 0]
    parts = []
    for place, (index, result) in enumerate(chosen):
        phrase = option_phrase(tally, index, lang)
        if place == 0:
            lead = "der Standorte" if lang == "de" else "of sites"
            parts.append(f"{result.percent} % {lead} {phrase}")
        else:
            parts.append(f"{result.percent} % {phrase}")
    return "; ".join(parts)


def participation_sentence(tally: Tally, lang: str = "de") -> str:
    """Who took part: valid answers of the eligible sites, abstentions, silent present sites."""
    if lang == "de":
        parts = [f"{tally.n_valid} von {tally.n_eligible} Standorten mit gültiger Antwort"]
        if tally.n_abstain:
            parts.append(f"{tally.n_abstain} Enthaltung{'en' if tally.n_abstain != 1 else ''}")
        if tally.n_present_not_voted:
            n = tally.n_present_not_voted
            parts.append(
                f"{n} anwesende{'r' if n == 1 else ''} Standort{'e' if n != 1 else ''} ohne Stimme"
            )
    else:
        parts = [f"{tally.n_valid} of {tally.n_eligible} sites gave a valid answer"]
        if tally.n_abstain:
            parts.append(f"{tally.n_abstain} abstention{'s' if tally.n_abstain != 1 else ''}")
        if tally.n_present_not_voted:
            n = tally.n_present_not_voted
            parts.append(f"{n} site{'s' if n != 1 else ''} present did not vote")
    return "; ".join(parts)


def not_asked_sentence(skip_reason: str | None, lang: str = "de") -> str:
    """A question that was never opened: "Nicht gestellt (übersprungen: Zeit)"."""
    if lang == "de":
        return f"Nicht gestellt (übersprungen: {skip_reason})" if skip_reason else "Nicht gestellt"
    return f"Not asked (skipped: {skip_reason})" if skip_reason else "Not asked"
