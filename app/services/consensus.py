"""Consensus strength: AWMF classes on exact fractions, APCCC labels as an option."""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction

AWMF_RULE = {
    "de": (
        "Konsensstärke nach AWMF-Regelwerk, berechnet auf exakten Anteilen der gültigen "
        "Antworten (Enthaltungen ausgenommen): starker Konsens > 95 %, Konsens > 75–95 %, "
        "mehrheitliche Zustimmung > 50–75 %, keine mehrheitliche Zustimmung ≤ 50 %. "
        "Maßgeblich ist die häufigste Antwort; bei der Zustimmungsskala die beiden "
        "zustimmenden Stufen zusammen; bei Mehrfachauswahl jede Option für sich."
    ),
    "en": (
        "Consensus strength by the AWMF rules, computed on exact shares of the valid "
        "answers (abstentions excluded): strong consensus > 95 %, consensus > 75–95 %, "
        "majority agreement > 50–75 %, no majority ≤ 50 %. The share is that of the most "
        "frequent answer; for the agreement scale the two agreeing levels together; for "
        "multiple choice each option on its own."
    ),
}


class ConsensusClass(StrEnum):
    """AWMF consensus classes, strongest first."""

    STRONG = "strong"
    CONSENSUS = "consensus"
    MAJORITY = "majority"
    NO_MAJORITY = "no_majority"

    def label(self, lang: str = "de") -> str:
        return _AWMF_LABELS[lang][self]


class ApcccClass(StrEnum):
    """APCCC labels (consensus ≥ 75 %, strong ≥ 90 %), shown beside AWMF on request."""

    STRONG = "strong"
    CONSENSUS = "consensus"
    NONE = "none"

    def label(self, lang: str = "de") -> str:
        return _APCCC_LABELS[lang][self]


_AWMF_LABELS = {
    "de": {
        ConsensusClass.STRONG: "Starker Konsens",
        ConsensusClass.CONSENSUS: "Konsens",
        ConsensusClass.MAJORITY: "Mehrheitliche Zustimmung",
        ConsensusClass.NO_MAJORITY: "Keine mehrheitliche Zustimmung",
    },
    "en": {
        ConsensusClass.STRONG: "Strong consensus",
        ConsensusClass.CONSENSUS: "Consensus",
        ConsensusClass.MAJORITY: "Majority agreement",
        ConsensusClass.NO_MAJORITY: "No majority",
    },
}

_APCCC_LABELS = {
    "de": {
        ApcccClass.STRONG: "Starker Konsens (APCCC)",
        ApcccClass.CONSENSUS: "Konsens (APCCC)",
        ApcccClass.NONE: "Kein Konsens (APCCC)",
    },
    "en": {
        ApcccClass.STRONG: "Strong consensus (APCCC)",
        ApcccClass.CONSENSUS: "Consensus (APCCC)",
        ApcccClass.NONE: "No consensus (APCCC)",
    },
}

_STRONG = Fraction(95, 100)
_CONSENSUS = Fraction(75, 100)
_MAJORITY = Fraction(1, 2)


def awmf_class(share: Fraction) -> ConsensusClass:
    """The AWMF class of an exact share; thresholds are strict (exactly 75 % is majority)."""
    if not 0 <= share <= 1:
        raise ValueError(f"share out of range: {share}")
    if share > _STRONG:
        return ConsensusClass.STRONG
    if share > _CONSENSUS:
        return ConsensusClass.CONSENSUS
    if share > _MAJORITY:
        return ConsensusClass.MAJORITY
    return ConsensusClass.NO_MAJORITY


def apccc_class(share: Fraction) -> ApcccClass:
    """The APCCC label: ≥ 90 % strong consensus, ≥ 75 % consensus."""
    if share >= Fraction(90, 100):
        return ApcccClass.STRONG
    if share >= _CONSENSUS:
        return ApcccClass.CONSENSUS
    return ApcccClass.NONE
