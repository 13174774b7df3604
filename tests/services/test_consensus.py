"""AWMF consensus classes on exact fractions, at and around every boundary."""

from __future__ import annotations

from fractions import Fraction

import pytest

from app.models import QuestionKind
from app.services.consensus import ApcccClass, ConsensusClass, apccc_class, awmf_class
from app.services.tally import BallotInput, OptionSpec, tally

S, C, M, N = (
    ConsensusClass.STRONG,
    ConsensusClass.CONSENSUS,
    ConsensusClass.MAJORITY,
    ConsensusClass.NO_MAJORITY,
)


@pytest.mark.parametrize(
    ("agree", "total", "expected"),
    [
        (20, 20, S),
        (96, 100, S),  # just above 95 %
        (95, 100, C),  # exactly 95 % is not strong consensus
        (19, 20, C),  # 95 % again, as 19 of 20 sites
        (76, 100, C),
        (75, 100, M),  # exactly 75 % is majority agreement
        (3, 4, M),
        (51, 100, M),
        (50, 100, N),  # exactly 50 % is no majority
        (1, 2, N),
        (0, 7, N),
        (2, 3, M),  # 66.67 %
        (16, 21, C),  # 76.19 %
        (40, 42, S),  # 95.24 %: rounds to 95 % but is above it
    ],
)
def test_awmf_class_uses_strict_thresholds_on_exact_fractions(
    agree: int, total: int, expected: ConsensusClass
) -> None:
    assert awmf_class(Fraction(agree, total)) is expected


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (Fraction(90, 100), ApcccClass.STRONG),
        (Fraction(89, 100), ApcccClass.CONSENSUS),
        (Fraction(75, 100), ApcccClass.CONSENSUS),
        (Fraction(74, 100), ApcccClass.NONE),
    ],
)
def test_apccc_labels_use_inclusive_thresholds(share: Fraction, expected: ApcccClass) -> None:
    assert apccc_class(share) is expected


YES, NO = OptionSpec(1, "Ja", "yes"), OptionSpec(2, "Nein", "no")


def _ballots(*choices: int | None) -> list[BallotInput]:
    return [
        BallotInput(site, () if c is None else (c,), abstain=c is None)
        for site, c in enumerate(choices, start=1)
    ]


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "expected"),
    [
        (19, 1, 0, C),  # exactly 95 %
        (20, 0, 3, S),  # abstentions do not count against
        (15, 5, 0, M),  # exactly 75 %
        (16, 5, 0, C),
        (10, 10, 0, N),  # exactly 50 %
        (0, 0, 5, None),  # all abstain: no class at all
        (0, 0, 0, None),  # nobody voted
    ],
)
def test_single_answer_consensus_is_share_of_most_frequent_valid_answer(
    yes: int, no: int, abstain: int, expected: ConsensusClass | None
) -> None:
    result = tally(
        QuestionKind.YES_NO, [YES, NO], _ballots(*[1] * yes, *[2] * no, *[None] * abstain)
    )
    if expected is None:
        assert result.consensus is None
    else:
        assert result.consensus is not None
        assert result.consensus.awmf is expected
    assert result.n_abstain == abstain


AGREEMENT = [
    OptionSpec(1, "Stimme voll zu", "strongly_agree"),
    OptionSpec(2, "Stimme zu", "agree"),
    OptionSpec(3, "Weder noch", "neutral"),
    OptionSpec(4, "Stimme nicht zu", "disagree"),
    OptionSpec(5, "Stimme überhaupt nicht zu", "strongly_disagree"),
]


def test_agreement_scale_at_exactly_75_percent_top_two_is_majority_agreement() -> None:
    # 6 strongly agree + 9 agree = 15 of 20 = 75 % → majority agreement, not consensus;
    # the single most frequent answer (agree, 45 %) must not be what is classified.
    result = tally(QuestionKind.AGREEMENT, AGREEMENT, _ballots(*[1] * 6, *[2] * 9, *[3] * 5))
    assert result.consensus is not None
    assert result.consensus.share == Fraction(3, 4)
    assert result.consensus.awmf is ConsensusClass.MAJORITY
    assert set(result.consensus.option_ids) == {1, 2}


def test_agreement_scale_above_75_percent_top_two_is_consensus() -> None:
    result = tally(QuestionKind.AGREEMENT, AGREEMENT, _ballots(*[1] * 7, *[2] * 9, *[4] * 4, None))
    assert result.consensus is not None
    assert result.consensus.share == Fraction(16, 20)
    assert result.consensus.awmf is ConsensusClass.CONSENSUS


def test_multiple_choice_classifies_each_option_as_share_of_voting_sites() -> None:
    options = [OptionSpec(1, "A"), OptionSpec(2, "B"), OptionSpec(3, "C")]
    ballots = [BallotInput(s, (1, 2)) for s in range(1, 20)] + [BallotInput(20, (1,))]
    result = tally(QuestionKind.MULTIPLE, options, ballots)
    by_id = {r.option.id: r for r in result.options}
    assert by_id[1].percent == 100 and by_id[1].consensus.awmf is S
    assert by_id[2].share == Fraction(19, 20) and by_id[2].consensus.awmf is C
    assert by_id[3].count == 0 and by_id[3].consensus.awmf is N
    assert result.consensus is None  # there is no single overall class


def test_no_recommendation_is_an_answer_and_counts() -> None:
    options = [OptionSpec(1, "m1A", "m1A"), OptionSpec(2, "Kein Evidenzlevel", "none")]
    result = tally(QuestionKind.EVIDENCE, options, _ballots(2, 2, 2, 1, None))
    assert result.n_valid == 4
    assert result.consensus is not None
    assert result.consensus.option_ids == (2,)
    assert result.consensus.share == Fraction(3, 4)


def test_tied_leaders_are_all_named() -> None:
    result = tally(QuestionKind.YES_NO, [YES, NO], _ballots(1, 1, 2, 2))
    assert result.consensus is not None
    assert result.consensus.option_ids == (1, 2)
    assert result.consensus.awmf is N


@pytest.mark.parametrize("share", [Fraction(-1, 10), Fraction(11, 10)])
def test_awmf_class_rejects_impossible_shares(share: Fraction) -> None:
    with pytest.raises(ValueError):
        awmf_class(share)


#: A fellow's scale: its own codes, two of which happen to equal built-in ones elsewhere.
OWN_CODES = [
    OptionSpec(11, "Trifft voll zu", "agree_strong"),
    OptionSpec(12, "Trifft eher zu", "agree"),
    OptionSpec(13, "Teils, teils", "strongly_agree"),
    OptionSpec(14, "Eher nicht", "x4"),
    OptionSpec(15, "Gar nicht", "x5"),
]


@pytest.mark.parametrize(
    ("first", "second", "third", "rest", "share", "expected"),
    [
        (4, 8, 2, 2, Fraction(12, 16), M),  # exactly 75 % by position: majority agreement
        (5, 8, 1, 2, Fraction(13, 16), C),  # 81.25 %: consensus
        (0, 8, 8, 0, Fraction(8, 16), N),  # exactly 50 %, though step 3 says "strongly_agree"
        (0, 0, 16, 0, Fraction(0), N),  # a code never makes step 3 count as agreeing
    ],
)
def test_agreement_share_is_the_first_two_steps_by_position_never_by_code(
    first: int, second: int, third: int, rest: int, share: Fraction, expected: ConsensusClass
) -> None:
    ballots = _ballots(*[11] * first, *[12] * second, *[13] * third, *[15] * rest)
    result = tally(QuestionKind.AGREEMENT, OWN_CODES, ballots)
    assert result.consensus is not None
    assert result.consensus.share == share
    assert result.consensus.awmf is expected
    assert result.consensus.option_ids == (11, 12)
