"""Preset options per question kind, the MTB evidence levels and their explanations."""

from __future__ import annotations

from dataclasses import dataclass

from app.models.enums import QuestionKind


@dataclass(frozen=True)
class PresetOption:
    """An option a question kind brings along: code, labels and manuscript phrases."""

    code: str
    label_de: str
    label_en: str
    phrase_de: str
    phrase_en: str
    explanation_de: str = ""
    explanation_en: str = ""

    def label(self, lang: str) -> str:
        return self.label_de if lang == "de" else self.label_en

    def phrase(self, lang: str) -> str:
        return self.phrase_de if lang == "de" else self.phrase_en

    def explanation(self, lang: str) -> str:
        return self.explanation_de if lang == "de" else self.explanation_en


YES_NO = (
    PresetOption("yes", "Ja", "Yes", "antworten mit Ja", "answer yes"),
    PresetOption("no", "Nein", "No", "antworten mit Nein", "answer no"),
)

AGREEMENT = (
    PresetOption(
        "strongly_agree", "Stimme voll zu", "Strongly agree", "stimmen voll zu", "strongly agree"
    ),
    PresetOption("agree", "Stimme zu", "Agree", "stimmen zu", "agree"),
    PresetOption(
        "neutral",
        "Weder noch",
        "Neither agree nor disagree",
        "sind unentschieden",
        "neither agree nor disagree",
    ),
    PresetOption("disagree", "Stimme nicht zu", "Disagree", "stimmen nicht zu", "disagree"),
    PresetOption(
        "strongly_disagree",
        "Stimme überhaupt nicht zu",
        "Strongly disagree",
        "stimmen überhaupt nicht zu",
        "strongly disagree",
    ),
)
AGREEMENT_TOP_TWO = frozenset({"strongly_agree", "agree"})


def _level(code: str, de: str, en: str) -> PresetOption:
    return PresetOption(
        code, code, code, f"vergeben Evidenzlevel {code}", f"assign evidence level {code}", de, en
    )


#: The NCT/DKTK evidence levels. Their optional add-ons (is, iv, Z, R) are not options here:
#: a site that wants to add one says so in its comment.
EVIDENCE = (
    _level(
        "m1A",
        "Gleiche Entität: prospektive Studie / Metaanalyse",
        "Same entity: prospective study / meta-analysis",
    ),
    _level(
        "m1B",
        "Gleiche Entität: retrospektive Studie / Kohorte",
        "Same entity: retrospective study / cohort",
    ),
    _level("m1C", "Gleiche Entität: Fallberichte", "Same entity: case reports"),
    _level(
        "m2A",
        "Andere Entität: prospektive Studie / Metaanalyse",
        "Other entity: prospective study / meta-analysis",
    ),
    _level(
        "m2B",
        "Andere Entität: retrospektive Studie / Kohorte",
        "Other entity: retrospective study / cohort",
    ),
    _level("m2C", "Andere Entität: Fallberichte", "Other entity: case reports"),
    _level(
        "m3",
        "Präklinische Daten (Zelllinien, Tiermodelle)",
        "Preclinical data (cell lines, animal models)",
    ),
    _level("m4", "Biologisches Rationale", "Biological rationale"),
    PresetOption(
        "none",
        "Kein Evidenzlevel / keine Empfehlung",
        "No evidence level / no recommendation",
        "vergeben kein Evidenzlevel und sprechen keine Empfehlung aus",
        "assign no evidence level and give no recommendation",
        "Keine Therapieempfehlung auf Basis dieses Befunds",
        "No treatment recommendation based on this finding",
    ),
)

PRESETS: dict[QuestionKind, tuple[PresetOption, ...]] = {
    QuestionKind.YES_NO: YES_NO,
    QuestionKind.AGREEMENT: AGREEMENT,
    QuestionKind.EVIDENCE: EVIDENCE,
}

KIND_LABELS = {
    QuestionKind.SINGLE: ("Einfachauswahl", "Single choice"),
    QuestionKind.MULTIPLE: ("Mehrfachauswahl", "Multiple choice"),
    QuestionKind.YES_NO: ("Ja / Nein", "Yes / no"),
    QuestionKind.AGREEMENT: ("Zustimmungsskala (5 Stufen)", "Agreement scale (5 points)"),
    QuestionKind.EVIDENCE: ("MTB-Evidenzlevel", "MTB evidence level"),
    QuestionKind.FREE_TEXT: ("Freitext-Kommentar", "Free-text comment"),
}


def kind_label(kind: QuestionKind | str, lang: str = "de") -> str:
    de, en = KIND_LABELS[QuestionKind(kind)]
    return de if lang == "de" else en


def preset_for_code(code: str) -> PresetOption | None:
    """The preset option with this code, from any kind."""
    for options in PRESETS.values():
        for option in options:
            if option.code == code:
                return option
    return None
