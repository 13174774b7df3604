"""Counting ballots as consensus conferences report them (pure functions, no database).

- Counts and whole-number percentages per option over the sites with a valid answer.
  For single-answer kinds the percentages add up to exactly 100 (largest remainder);
  for multiple choice each option is its own share of the voting sites.
- Abstentions are shown apart and left out of percentages and consensus.
- Present sites that cast nothing are counted separately.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from app.models.enums import QuestionKind
from app.services.consensus import ApcccClass, ConsensusClass, apccc_class, awmf_class
from app.services.presets import AGREEING_STEPS, option_label


@dataclass(frozen=True)
class OptionSpec:
    """An option as the tally needs it."""

    id: int
    label: str
    code: str = ""
    phrase_de: str = ""
    phrase_en: str = ""
    step: str = ""  # the code its label is said by (presets.label_code)

    def label_in(self, lang: str) -> str:
        """The label in ``lang`` (a preset's own label translated, any other as typed)."""
        return option_label(self.label, self.step or self.code, lang)


@dataclass(frozen=True)
class BallotInput:
    """A counted ballot: chosen option ids, or abstain, and an optional comment."""

    site_id: int
    option_ids: tuple[int, ...] = ()
    abstain: bool = False
    comment: str = ""


@dataclass(frozen=True)
class Consensus:
    """Consensus of one share: the AWMF class, the APCCC label and the exact fraction."""

    awmf: ConsensusClass
    apccc: ApcccClass
    share: Fraction
    option_ids: tuple[int, ...]

    @property
    def percent(self) -> float:
        return float(self.share * 100)


@dataclass(frozen=True)
class OptionResult:
    """Count and whole-number percentage of one option."""

    option: OptionSpec
    count: int
    percent: int
    share: Fraction
    consensus: Consensus | None = None  # set per option for multiple choice only


@dataclass(frozen=True)
class Tally:
    """The result of one question round."""

    kind: QuestionKind
    options: tuple[OptionResult, ...]
    n_valid: int
    n_abstain: int
    n_eligible: int
    n_present_not_voted: int
    consensus: Consensus | None
    comments: tuple[str, ...] = field(default_factory=tuple)

    @property
    def n_voted(self) -> int:
        """Sites that cast a ballot, abstentions included."""
        return self.n_valid + self.n_abstain

    def result_for(self, option_id: int) -> OptionResult:
        for result in self.options:
            if result.option.id == option_id:
                return result
        raise KeyError(option_id)


def largest_remainder(counts: Sequence[int], total: int | None = None) -> list[int]:
    """Whole-number percentages of ``counts`` that add up to exactly 100.

    Ties in the remainder go to the larger count, then to the earlier option, so the
    result is deterministic. All zeros when nothing was counted.
    """
    total = sum(counts) if total is None else total
    if total == 0:
        return [0] * len(counts)
    quotas = [Fraction(100 * c, total) for c in counts]
    floors = [q.numerator // q.denominator for q in quotas]
    missing = 100 - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-(quotas[i] - floors[i]), -counts[i], i))
    for i in order[:missing]:
        floors[i] += 1
    return floors


def round_half_up(share: Fraction) -> int:
    """Whole-number percent of an exact share, halves rounded up (46.5 → 47)."""
    scaled = share * 100
    return int((scaled * 2 + 1) // 2)


def _consensus(share: Fraction, option_ids: Iterable[int]) -> Consensus:
    return Consensus(awmf_class(share), apccc_class(share), share, tuple(option_ids))


def tally(
    kind: QuestionKind | str,
    options: Sequence[OptionSpec],
    ballots: Iterable[BallotInput],
    *,
    eligible_site_ids: Iterable[int] = (),
    present_site_ids: Iterable[int] = (),
) -> Tally:
    """Count ``ballots`` (one per site; a later one for the same site replaces it).

    ``n_eligible`` is the number of present sites once anyone is checked in, else the
    number of invited sites (sites that voted always count as eligible).
    """
    kind = QuestionKind(kind)
    by_site: dict[int, BallotInput] = {}
    for ballot in ballots:
        by_site[ballot.site_id] = ballot
    known = {o.id for o in options}
    valid = [b for b in by_site.values() if not b.abstain and _is_answer(kind, b, known)]
    n_abstain = sum(1 for b in by_site.values() if b.abstain)
    voted = set(by_site)
    present = set(present_site_ids)
    # Once check-in has begun, the sites present are the ones expected to answer.
    eligible = (present if present else set(eligible_site_ids)) | voted
    present_not_voted = present - voted
    comments = tuple(b.comment for b in by_site.values() if b.comment.strip())

    counts: Counter[int] = Counter()
    for ballot in valid:
        for option_id in set(ballot.option_ids) & known:
            counts[option_id] += 1
    n_valid = len(valid)
    raw = [counts[o.id] for o in options]

    if kind is QuestionKind.MULTIPLE:
        results = []
        for option, count in zip(options, raw, strict=True):
            share = Fraction(count, n_valid) if n_valid else Fraction(0)
            cons = _consensus(share, (option.id,)) if n_valid else None
            results.append(OptionResult(option, count, round_half_up(share), share, cons))
        overall = None
    else:
        percents = largest_remainder(raw, n_valid)
        results = [
            OptionResult(option, count, pct, Fraction(count, n_valid) if n_valid else Fraction(0))
            for option, count, pct in zip(options, raw, percents, strict=True)
        ]
        overall = _overall_consensus(kind, options, raw, n_valid)

    return Tally(
        kind=kind,
        options=tuple(results),
        n_valid=n_valid,
        n_abstain=n_abstain,
        n_eligible=len(eligible),
        n_present_not_voted=len(present_not_voted),
        consensus=overall,
        comments=comments,
    )


def _is_answer(kind: QuestionKind, ballot: BallotInput, known: set[int]) -> bool:
    if kind is QuestionKind.FREE_TEXT:
        return bool(ballot.comment.strip())
    return bool(set(ballot.option_ids) & known)


def _overall_consensus(
    kind: QuestionKind, options: Sequence[OptionSpec], counts: Sequence[int], n_valid: int
) -> Consensus | None:
    if n_valid == 0 or kind is QuestionKind.FREE_TEXT:
        return None
    if kind is QuestionKind.AGREEMENT:
        # By position, never by code: a package may give the steps its own codes.
        agreeing = [o.id for o in options[:AGREEING_STEPS]]
        total = sum(c for o, c in zip(options, counts, strict=True) if o.id in agreeing)
        return _consensus(Fraction(total, n_valid), agreeing)
    top = max(counts)
    leaders = [o.id for o, c in zip(options, counts, strict=True) if c == top]
    return _consensus(Fraction(top, n_valid), leaders)
