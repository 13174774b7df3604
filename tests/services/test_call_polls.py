"""The totals an anonymous call poll gave, said in the reader's language."""

from __future__ import annotations

from app.services.call_polls import CallCount, CallTally


def test_the_summary_says_a_presets_labels_in_the_readers_language() -> None:
    totals = CallTally(
        question_id=1,
        options=(CallCount("Ja", "yes", 1, 50), CallCount("Nein", "no", 1, 50)),
        n_valid=2,
        n_abstain=0,
    )
    assert totals.summary("en") == "Yes 1 (50 %), No 1 (50 %)"
    assert totals.summary("de") == "Ja 1 (50 %), Nein 1 (50 %)"
    own = CallTally(1, (CallCount("Ja, mit HCQ", "yes", 3, 100),), 3, 0)
    assert own.summary("en") == "Ja, mit HCQ 3 (100 %)"  # a label of one's own stays as typed
