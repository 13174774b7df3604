"""Preset options per question kind, the MTB evidence levels and their explanations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.config import LANGUAGES
from app.models.enums import QuestionKind
from app.services.file_messages import say
from app.texts import Catalog, Message, in_language


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
    exclusive: bool = False  # cannot be combined with another option

    def label(self, lang: str) -> str:
        return in_language((self.label_de, self.label_en), lang)

    def phrase(self, lang: str) -> str:
        return in_language((self.phrase_de, self.phrase_en), lang)

    def explanation(self, lang: str) -> str:
        return in_language((self.explanation_de, self.explanation_en), lang)


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
#: The agreement share is that of the first two steps of the scale, by position.
AGREEING_STEPS = 2


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
        exclusive=True,
    ),
)

PRESETS: dict[QuestionKind, tuple[PresetOption, ...]] = {
    QuestionKind.YES_NO: YES_NO,
    QuestionKind.AGREEMENT: AGREEMENT,
    QuestionKind.EVIDENCE: EVIDENCE,
}

#: Option labels that stand alone in a multiple-choice ballot even when not marked so.
NO_RECOMMENDATION_LABELS = frozenset(
    {"keine empfehlung", "no recommendation", *(p.label_de.casefold() for p in EVIDENCE[-1:])}
    | {p.label_en.casefold() for p in EVIDENCE[-1:]}
)


def exclusive_option(kind: QuestionKind | str, index: int, count: int, label: str) -> bool:
    """Whether option ``index`` is exclusive by itself: "Keine Empfehlung" / "no
    recommendation" in any kind, and the fixed steps the presets mark so."""
    step = preset_step(kind, index, count)
    return (step is not None and step.exclusive) or label.strip().casefold() in (
        NO_RECOMMENDATION_LABELS
    )


QUESTION_KINDS = Catalog(
    "question kinds",
    {
        "de": {
            "single": "Einfachauswahl",
            "multiple": "Mehrfachauswahl",
            "yes_no": "Ja / Nein",
            "agreement": "Zustimmungsskala (5 Stufen)",
            "evidence": "MTB-Evidenzlevel",
            "free_text": "Freitext-Kommentar",
        },
        "en": {
            "single": "Single choice",
            "multiple": "Multiple choice",
            "yes_no": "Yes / no",
            "agreement": "Agreement scale (5 points)",
            "evidence": "MTB evidence level",
            "free_text": "Free-text comment",
        },
    },
)


def kind_label(kind: QuestionKind | str, lang: str = "de") -> str:
    return QUESTION_KINDS.text(lang, QuestionKind(kind).value)


def preset_for_code(code: str) -> PresetOption | None:
    """The preset option with this code, from any kind."""
    for options in PRESETS.values():
        for option in options:
            if option.code == code:
                return option
    return None


def option_label(label: str, code: str, lang: str) -> str:
    """An option's label as said in ``lang`` (a page, a protocol, a chart): a preset option
    still labelled as its preset, in either language ("Kein Evidenzlevel / keine
    Empfehlung", "Stimme zu", "Ja"), says the preset's label in ``lang``; a label of one's
    own (a relabelled step, a fellow's wording) is shown as typed, never replaced."""
    preset = preset_for_code(code) if code else None
    if preset is None:
        return label
    if label.strip().casefold() in (preset.label_de.casefold(), preset.label_en.casefold()):
        return preset.label(lang)
    return label


def preset_step(kind: QuestionKind | str, index: int, count: int) -> PresetOption | None:
    """The fixed step at ``index`` of a yes/no, agreement or evidence question with
    ``count`` options, by position (never by code); None for other kinds."""
    steps = PRESETS.get(QuestionKind(kind))
    if steps is None or count != len(steps) or not 0 <= index < count:
        return None
    return steps[index]


def label_code(kind: QuestionKind | str, index: int, count: int, code: str) -> str:
    """The code an option's label is said by (:func:`option_label`): a fixed step's own
    code, known by its position whatever code the author gave it (an agreement scale may
    carry codes of its own), else the option's code."""
    step = preset_step(kind, index, count)
    return step.code if step is not None else code


def _names(step: PresetOption) -> set[str]:
    return {step.code.casefold(), step.label_de.casefold(), step.label_en.casefold()}


def scale_problem(kind: QuestionKind | str, options: Sequence[tuple[str, str]]) -> Message | None:
    """What is wrong with the ``(label, code)`` options given for a fixed-step kind, or None.

    Yes/no is exactly yes and no; the agreement scale exactly its five steps in scale order
    (they may be relabelled and carry their own codes, never be added, dropped or
    reordered); an evidence question exactly the spec's levels and "no evidence level".
    """
    kind = QuestionKind(kind)
    steps = PRESETS[kind]
    if len(options) != len(steps):
        names = Message({lang: ", ".join(s.label(lang) for s in steps) for lang in LANGUAGES})
        return say(
            "scale_count", kind=kind.value, count=len(steps), names=names, given=len(options)
        )
    labels = [label.casefold() for label, _ in options]
    if len(set(labels)) != len(labels):
        return say("option_labels_differ")
    codes = [code.casefold() for _, code in options if code]
    if len(set(codes)) != len(codes):
        return say("option_codes_differ")
    for index, (label, code) in enumerate(options):
        given = {label.casefold(), code.casefold()} - {""}
        for other, step in enumerate(steps):
            if other != index and given & _names(step):
                return say(
                    "step_out_of_order",
                    index=index + 1,
                    label=repr(label),
                    step=_step_name(step),
                    position=other + 1,
                )
        step = steps[index]
        if kind is not QuestionKind.AGREEMENT and not given & _names(step):
            return say(
                "step_expected",
                index=index + 1,
                label=repr(label),
                step=_step_name(step),
                code=repr(step.code),
            )
    return None


def _step_name(step: PresetOption) -> Message:
    return Message({lang: repr(step.label(lang)) for lang in LANGUAGES})
