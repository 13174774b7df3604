"""Consensus strength: AWMF classes on exact fractions, APCCC labels as an option."""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction

from app.texts import Catalog

#: The rule, the AWMF classes and the APCCC labels, each in German and English.
CONSENSUS = Catalog.of_pairs(
    "consensus",
    {
        "awmf_rule": (
            "Konsensstärke nach AWMF-Regelwerk, berechnet auf exakten Anteilen der gültigen "
            "Antworten (Enthaltungen ausgenommen): starker Konsens > 95 %, Konsens > 75–95 %, "
            "mehrheitliche Zustimmung > 50–75 %, keine mehrheitliche Zustimmung ≤ 50 %. "
            "Maßgeblich ist die häufigste Antwort; bei der Zustimmungsskala die beiden "
            "zustimmenden Stufen zusammen; bei Mehrfachauswahl jede Option für sich.",
            "Consensus strength by the AWMF rules, computed on exact shares of the valid "
            "answers (abstentions excluded): strong consensus > 95 %, consensus > 75–95 %, "
            "majority agreement > 50–75 %, no majority ≤ 50 %. The share is that of the most "
            "frequent answer; for the agreement scale the two agreeing levels together; for "
            "multiple choice each option on its own.",
        ),
        "awmf_strong": ("Starker Konsens", "Strong consensus"),
        "awmf_consensus": ("Konsens", "Consensus"),
        "awmf_majority": ("Mehrheitliche Zustimmung", "Majority agreement"),
        "awmf_no_majority": ("Keine mehrheitliche Zustimmung", "No majority"),
        "apccc_strong": ("Starker Konsens (APCCC)", "Strong consensus (APCCC)"),
        "apccc_consensus": ("Konsens (APCCC)", "Consensus (APCCC)"),
        "apccc_none": ("Kein Konsens (APCCC)", "No consensus (APCCC)"),
    },
)


def awmf_rule(lang: str) -> str:
    """The rule the protocol and the exports state, in ``lang``."""
    return CONSENSUS.text(lang, "awmf_rule")


class ConsensusClass(StrEnum):
    """AWMF consensus classes, strongest first."""

    STRONG = "strong"
    CONSENSUS = "consensus"
    MAJORITY = "majority"
    NO_MAJORITY = "no_majority"

    def label(self, lang: str = "de") -> str:
        return CONSENSUS.text(lang, f"awmf_{self.value}")


class ApcccClass(StrEnum):
    """APCCC labels (consensus ≥ 75 %, strong ≥ 90 %), shown beside AWMF on request."""

    STRONG = "strong"
    CONSENSUS = "consensus"
    NONE = "none"

    def label(self, lang: str = "de") -> str:
        return CONSENSUS.text(lang, f"apccc_{self.value}")


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
