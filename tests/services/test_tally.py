"""Counts, percentages and sentences exactly as the spec's "Results" defines them."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.models import QuestionKind
from app.services.presets import EVIDENCE
from app.services.sentences import manuscript_sentence, participation_sentence
from app.services.tally import BallotInput, OptionSpec, largest_remainder, round_half_up, tally

HCQ = OptionSpec(
    1, "Ja, Empfehlung", "", "empfehlen HCQ + Trametinib", "recommend HCQ + trametinib"
)
NONE = OptionSpec(
    2, "Keine Empfehlung", "", "sprechen keine Empfehlung aus", "give no recommendation"
)


def _single(*choices: int | None) -> list[BallotInput]:
    return [
        BallotInput(site, () if c is None else (c,), abstain=c is None)
        for site, c in enumerate(choices, start=1)
    ]


def test_largest_remainder_adds_up_to_exactly_100() -> None:
    assert largest_remainder([1, 1, 1]) == [34, 33, 33]
    assert largest_remainder([2, 1]) == [67, 33]
    assert largest_remainder([3, 17]) == [15, 85]
    assert largest_remainder([1, 1, 1, 1, 1, 1, 1]) == [15, 15, 14, 14, 14, 14, 14]
    assert largest_remainder([0, 0]) == [0, 0]


def test_round_half_up() -> None:
    assert round_half_up(Fraction(93, 200)) == 47  # 46.5 %
    assert round_half_up(Fraction(1, 3)) == 33
    assert round_half_up(Fraction(2, 3)) == 67


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", "15 % der Standorte empfehlen HCQ + Trametinib; 85 % sprechen keine Empfehlung aus"),
        ("en", "15 % of sites recommend HCQ + trametinib; 85 % give no recommendation"),
    ],
)
def test_manuscript_sentence_in_the_style_of_the_spec(lang: str, expected: str) -> None:
    result = tally(QuestionKind.SINGLE, [HCQ, NONE], _single(*[1] * 3, *[2] * 17))
    assert [r.percent for r in result.options] == [15, 85]
    assert manuscript_sentence(result, lang) == expected


def test_sentence_leaves_out_options_nobody_chose_and_falls_back_to_labels() -> None:
    bare = [OptionSpec(1, "Osimertinib"), OptionSpec(2, "Amivantamab"), OptionSpec(3, "Studie")]
    result = tally(QuestionKind.SINGLE, bare, _single(1, 1, 3, None))
    assert manuscript_sentence(result, "de") == (
        "67 % der Standorte wählen „Osimertinib“; 33 % wählen „Studie“"
    )
    assert manuscript_sentence(result, "en") == (
        "67 % of sites chose “Osimertinib”; 33 % chose “Studie”"
    )


def test_preset_phrases_are_used_for_yes_no_and_evidence_levels() -> None:
    options = [OptionSpec(1, "Ja", "yes"), OptionSpec(2, "Nein", "no")]
    result = tally(QuestionKind.YES_NO, options, _single(1, 1, 1, 2))
    assert manuscript_sentence(result, "de") == (
        "75 % der Standorte antworten mit Ja; 25 % antworten mit Nein"
    )
    levels = [OptionSpec(i, p.label_de, p.code) for i, p in enumerate(EVIDENCE, start=1)]
    result = tally(QuestionKind.EVIDENCE, levels, _single(5, 9))
    assert manuscript_sentence(result, "en") == (
        "50 % of sites assign evidence level m2B; "
        "50 % assign no evidence level and give no recommendation"
    )


@pytest.mark.parametrize(
    ("lang", "expected"), [("de", "Keine gültigen Antworten"), ("en", "No valid answers")]
)
def test_sentence_without_valid_answers(lang: str, expected: str) -> None:
    assert manuscript_sentence(tally(QuestionKind.SINGLE, [HCQ, NONE], _single(None)), lang) == (
        expected
    )


def test_abstentions_and_silent_present_sites_are_shown_apart() -> None:
    result = tally(
        QuestionKind.SINGLE,
        [HCQ, NONE],
        _single(1, 2, 2, None),
        eligible_site_ids=range(1, 11),
        present_site_ids=range(1, 8),
    )
    assert (result.n_valid, result.n_abstain, result.n_present_not_voted) == (3, 1, 3)
    assert result.n_eligible == 7  # once check-in began, the present sites are expected
    assert [r.percent for r in result.options] == [33, 67]
    assert participation_sentence(result, "de") == (
        "3 von 7 Standorten mit gültiger Antwort; 1 Enthaltung; 3 anwesende Standorte ohne Stimme"
    )
    assert participation_sentence(result, "en") == (
        "3 of 7 sites gave a valid answer; 1 abstention; 3 sites present did not vote"
    )


def test_later_ballot_of_a_site_replaces_its_earlier_one() -> None:
    result = tally(QuestionKind.SINGLE, [HCQ, NONE], [BallotInput(1, (1,)), BallotInput(1, (2,))])
    assert [r.count for r in result.options] == [0, 1]


def test_free_text_counts_comments_and_has_no_consensus() -> None:
    ballots = [
        BallotInput(1, comment="Liquid biopsy"),
        BallotInput(2, comment="  "),
        BallotInput(3, abstain=True),
    ]
    result = tally(QuestionKind.FREE_TEXT, [], ballots)
    assert result.n_valid == 1 and result.n_abstain == 1
    assert result.comments == ("Liquid biopsy",)
    assert result.consensus is None
    assert manuscript_sentence(result, "de") == "1 Standort gab einen Kommentar ab"


SINGLE_KINDS = st.sampled_from(
    [QuestionKind.SINGLE, QuestionKind.YES_NO, QuestionKind.AGREEMENT, QuestionKind.EVIDENCE]
)


@settings(max_examples=300, deadline=None)
@given(
    kind=SINGLE_KINDS,
    n_options=st.integers(min_value=2, max_value=9),
    data=st.data(),
)
def test_single_answer_tallies_add_up_for_any_ballot_set(
    kind: QuestionKind, n_options: int, data: st.DataObject
) -> None:
    options = [OptionSpec(i, f"Option {i}") for i in range(1, n_options + 1)]
    choices = data.draw(
        st.lists(st.one_of(st.none(), st.integers(1, n_options)), max_size=300), label="choices"
    )
    result = tally(kind, options, _single(*choices))
    valid = [c for c in choices if c is not None]
    assert result.n_valid == len(valid)
    assert result.n_abstain == len(choices) - len(valid)
    assert sum(r.count for r in result.options) == len(valid)
    assert sum(r.percent for r in result.options) == (100 if valid else 0)
    for r in result.options:
        exact = Fraction(100 * r.count, len(valid)) if valid else Fraction(0)
        assert abs(r.percent - exact) < 1  # never more than one point off the exact share
    if valid:
        assert result.consensus is not None
        top = max(r.count for r in result.options)
        if kind is not QuestionKind.AGREEMENT:
            assert result.consensus.share == Fraction(top, len(valid))
    else:
        assert result.consensus is None


@settings(max_examples=200, deadline=None)
@given(
    n_options=st.integers(min_value=2, max_value=8),
    data=st.data(),
)
def test_multiple_choice_percentages_are_shares_of_voting_sites(
    n_options: int, data: st.DataObject
) -> None:
    options = [OptionSpec(i, f"Option {i}") for i in range(1, n_options + 1)]
    picks = data.draw(
        st.lists(st.sets(st.integers(1, n_options), min_size=1, max_size=n_options), max_size=200)
    )
    result = tally(
        QuestionKind.MULTIPLE,
        options,
        [BallotInput(i, tuple(sorted(p))) for i, p in enumerate(picks)],
    )
    assert result.n_valid == len(picks)
    for r in result.options:
        assert r.count == sum(1 for p in picks if r.option.id in p)
        assert 0 <= r.percent <= 100
        if picks:
            assert r.share == Fraction(r.count, len(picks))


def test_sentence_phrases_of_a_fixed_scale_come_from_the_step_position_not_the_code() -> None:
    # Own codes; "agree" sits on the first step: the phrase follows the position.
    scale = [
        OptionSpec(1, "Trifft voll zu", "agree"),
        OptionSpec(2, "Trifft eher zu", "agree_somewhat"),
        OptionSpec(3, "Teils, teils", "middle"),
        OptionSpec(4, "Eher nicht", "strongly_agree"),
        OptionSpec(5, "Gar nicht", "no"),
    ]
    result = tally(QuestionKind.AGREEMENT, scale, _single(*[1] * 4, *[2] * 8, 3, 3, 4, 5))
    assert [r.percent for r in result.options] == [25, 50, 13, 6, 6]
    assert manuscript_sentence(result, "de") == (
        "25 % der Standorte stimmen voll zu; 50 % stimmen zu; 13 % sind unentschieden; "
        "6 % stimmen nicht zu; 6 % stimmen überhaupt nicht zu"
    )
    assert manuscript_sentence(result, "en") == (
        "25 % of sites strongly agree; 50 % agree; 13 % neither agree nor disagree; "
        "6 % disagree; 6 % strongly disagree"
    )


def test_yes_no_phrases_follow_the_position() -> None:
    options = [OptionSpec(1, "Ja, unbedingt", "j"), OptionSpec(2, "Nein, keinesfalls", "yes")]
    result = tally(QuestionKind.YES_NO, options, _single(1, 1, 1, 2))
    assert manuscript_sentence(result, "de") == (
        "75 % der Standorte antworten mit Ja; 25 % antworten mit Nein"
    )
