"""Importing poll reports: exactly the expected ballots from both Zoom layouts and a plain
CSV, conflicts the moderator resolves, nothing silently dropped, atomic and once only."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import (
    AuditEvent,
    Ballot,
    BallotChange,
    CallPollTotal,
    PollImport,
    Question,
    Site,
)
from app.services.call_polls import call_totals
from app.services.errors import StateConflict
from app.services.lifecycle import open_question
from app.services.poll_import import import_report
from app.services.poll_matching import MatchRule, name_candidates
from app.services.poll_preview import ImportChoices, preview_import
from app.services.poll_reports import PollReportError
from app.services.poll_rules import remembered_rules, rule_key
from app.services.views import SiteInfo
from tests.services.poll_helpers import FILES, load_blank_demo, question_ids

Q3 = "Welche Optionen halten Sie an Ihrem Standort für vertretbar?"


@pytest.fixture
def conf(db: Database, tmp_path: Path) -> int:
    return load_blank_demo(db, tmp_path)


def site_ids(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {s.code: s.id for s in session.scalars(select(Site))}


def stored(db: Database) -> set[tuple[str, str, tuple[str, ...], bool, str]]:
    """(site code, question text start, option labels, abstain, source) of every ballot."""
    with db.read() as session:
        rows = set()
        for ballot in session.scalars(select(Ballot)):
            question = session.get(Question, ballot.question_id)
            site = session.get(Site, ballot.site_id)
            assert question is not None and site is not None
            labels = {o.id: o.label for o in question.options}
            rows.add(
                (
                    site.code,
                    question.text[:20],
                    tuple(labels[c.option_id] for c in ballot.choices),
                    ballot.abstain,
                    ballot.source,
                )
            )
        return rows


def zoom_choices(db: Database, conf: int, **extra: object) -> ImportChoices:
    codes, numbers = site_ids(db), question_ids(db, conf)
    return ImportChoices(
        domains={"charite.de": codes["B"]},
        confirmed=frozenset({Q3}),
        resolutions={(codes["DD"], numbers["3.1"]): 1},
        **extra,  # type: ignore[arg-type]
    )


EXPECTED_ZOOM = {
    ("DD", "Würde Ihr Standort H", ("Keine Empfehlung",), False, "poll"),
    ("B", "Würde Ihr Standort H", ("Keine Empfehlung",), False, "poll"),
    ("HD", "Würde Ihr Standort H", ("Ja, Empfehlung HCQ + Trametinib",), False, "poll"),
    ("DD", "Welche Optionen halt", ("Sotorasib", "Einschluss in eine Studie"), False, "poll"),
    ("B", "Welche Optionen halt", ("Sotorasib", "Adagrasib"), False, "poll"),
    ("HD", "Welche Optionen halt", (), True, "poll"),
}


@pytest.mark.parametrize("name", ["zoom_2021.csv", "zoom_legacy.csv"])
def test_both_zoom_layouts_store_exactly_the_expected_ballots(
    db: Database, conf: int, name: str
) -> None:
    data = (FILES / name).read_bytes()
    choices = zoom_choices(db, conf)
    with db.read() as session:
        preview = preview_import(session, conf, data, filename=name, choices=choices)
    assert preview.ready, preview.blockers
    unmatched = {(p.name, p.note) for p in preview.plan.unmatched}
    assert unmatched == {("Dr. Björn Schäfer (München)", "LMU, TUM"), ("Gast", "")}
    rules = {p.name: p.rule for p in preview.plan.participants}
    assert rules["Prof. Jörg Weiß"] is MatchRule.DOMAIN
    assert rules["Dr. Carl Özdemir (Dresden)"] is MatchRule.NAME
    dd = [b for b in preview.plan.ballots if b.site_id == site_ids(db)["DD"]]
    assert {b.participants for b in dd} == {
        (
            "Dr. Anna Müller (DD) <anna.mueller@ukdd.de>",
            "Dr. Carl Özdemir (Dresden) <carl.oezdemir@ukdd.de>",
        )
    }
    hd = next(b for b in preview.plan.ballots if b.vote.abstain)
    abstained = preview.answer_text(hd.question_id, (), True)
    assert (abstained.in_language("de"), abstained.in_language("en")) == ("Enthaltung", "abstain")
    with db.write() as session:
        result = import_report(session, conf, data, filename=name, choices=choices)
    assert result.n_ballots == 6
    assert stored(db) == EXPECTED_ZOOM
    with db.read() as session:
        states = {
            q.state
            for q in session.scalars(select(Question).where(Question.id.in_(result.question_ids)))
        }
    assert states == {"closed"}


def test_a_plain_csv_stores_exactly_the_expected_ballots(db: Database, conf: int) -> None:
    data = (FILES / "plain.csv").read_bytes()
    with db.write() as session:
        preview = preview_import(session, conf, data, format="csv")
        assert [p.name for p in preview.plan.unmatched] == ["Wien"]
        import_report(session, conf, data, format="csv")
    assert stored(db) == {
        ("DD", "Empfehlen Sie eine T", ("Ja",), False, "poll"),
        ("B", "Empfehlen Sie eine T", ("Nein",), False, "poll"),
        ("HD", "Empfehlen Sie eine T", (), True, "poll"),
        ("TUE", "Empfehlen Sie eine T", ("Ja",), False, "poll"),
        ("DD", "Welche Optionen halt", ("Sotorasib", "Adagrasib"), False, "poll"),
        ("HD", "Welche Optionen halt", ("Best Supportive Care",), False, "poll"),
    }


def test_a_conflict_blocks_the_import_until_resolved_and_can_count_as_abstaining(
    db: Database, conf: int
) -> None:
    data = (FILES / "zoom_2021.csv").read_bytes()
    codes, numbers = site_ids(db), question_ids(db, conf)
    unresolved = ImportChoices(domains={"charite.de": codes["B"]}, confirmed=frozenset({Q3}))
    with db.read() as session:
        preview = preview_import(session, conf, data, choices=unresolved)
    [conflict] = preview.plan.conflicts
    assert (conflict.site_id, conflict.question_id) == (codes["DD"], numbers["3.1"])
    assert [v.participants for v in conflict.variants] == [
        ("Dr. Anna Müller (DD) <anna.mueller@ukdd.de>",),
        ("Dr. Carl Özdemir (Dresden) <carl.oezdemir@ukdd.de>",),
    ]
    assert any("conflict" in str(b) for b in preview.blockers)
    with pytest.raises(StateConflict, match="conflict"), db.write() as session:
        import_report(session, conf, data, choices=unresolved)
    assert stored(db) == set()
    abstaining = ImportChoices(
        domains={"charite.de": codes["B"]},
        confirmed=frozenset({Q3}),
        resolutions={(codes["DD"], numbers["3.1"]): "abstain"},
    )
    with db.write() as session:
        import_report(session, conf, data, choices=abstaining)
    assert ("DD", "Welche Optionen halt", (), True, "poll") in stored(db)
    with db.read() as session:
        events = session.scalars(
            select(AuditEvent.action).where(AuditEvent.action == "poll_conflict_resolved")
        ).all()
    assert events == ["poll_conflict_resolved"]


def test_a_close_question_match_waits_for_confirmation(db: Database, conf: int) -> None:
    data = (FILES / "zoom_2021.csv").read_bytes()
    with db.read() as session:
        preview = preview_import(session, conf, data)
    [close] = preview.plan.unconfirmed
    assert (close.poll_text, close.number) == (Q3, "3.1")
    assert 0.6 <= close.score < 1
    assert any("please confirm" in str(b) for b in preview.blockers)
    assert all(b.question_id != close.question_id for b in preview.plan.ballots)


def test_importing_the_same_file_twice_changes_nothing(db: Database, conf: int) -> None:
    data = (FILES / "zoom_2021.csv").read_bytes()
    choices = zoom_choices(db, conf)
    with db.write() as session:
        import_report(session, conf, data, choices=choices)
    with db.read() as session:
        changes = session.scalar(select(func.count(BallotChange.id)))
        events = session.scalar(select(func.count(AuditEvent.id)))
    with pytest.raises(StateConflict, match="already imported"), db.write() as session:
        import_report(session, conf, data, choices=choices)
    with db.read() as session:
        assert session.scalar(select(func.count(BallotChange.id))) == changes
        assert session.scalar(select(func.count(AuditEvent.id))) == events
        assert session.scalar(select(func.count(PollImport.id))) == 1


def test_a_broken_file_changes_nothing_and_names_line_and_problem(db: Database, conf: int) -> None:
    data = (FILES / "zoom_legacy.csv").read_bytes().replace(b",Enthaltung,", b",", 1)
    choices = zoom_choices(db, conf)
    with (
        pytest.raises(PollReportError, match="line 5: question without answer"),
        db.write() as session,
    ):
        import_report(session, conf, data, choices=choices)
    assert stored(db) == set()
    with db.read() as session:
        assert session.scalar(select(func.count(PollImport.id))) == 0


def test_an_unknown_answer_is_named_and_blocks(db: Database, conf: int) -> None:
    data = (FILES / "plain.csv").read_bytes().replace(b"Best Supportive Care", b"Palliativ")
    with db.read() as session:
        preview = preview_import(session, conf, data, format="csv")
    assert [(p.line, p.answer) for p in preview.plan.problems] == [(8, "Palliativ")]
    assert any("line 8" in str(b) for b in preview.blockers)


def test_an_open_question_is_refused(db: Database, conf: int) -> None:
    with db.write() as session:
        open_question(session, question_ids(db, conf)["1.2"])
    with db.read() as session:
        preview = preview_import(
            session, conf, (FILES / "zoom_2021.csv").read_bytes(), choices=zoom_choices(db, conf)
        )
    assert any("question 1.2 is open; close it first" in str(b) for b in preview.blockers)


def test_the_participant_table_is_remembered_for_the_next_import(db: Database, conf: int) -> None:
    codes = site_ids(db)
    schaefer = rule_key("Dr. Björn Schäfer (München)")
    choices = zoom_choices(db, conf)
    choices = ImportChoices(
        domains=choices.domains,
        confirmed=choices.confirmed,
        resolutions=choices.resolutions,
        participants={schaefer: codes["LMU"]},
    )
    with db.write() as session:
        import_report(session, conf, (FILES / "zoom_2021.csv").read_bytes(), choices=choices)
    with db.read() as session:
        rules = remembered_rules(session)
        assert rules.participants == {schaefer: codes["LMU"]}
        assert rules.domains == {"charite.de": codes["B"]}
        later = preview_import(session, conf, (FILES / "zoom_legacy.csv").read_bytes())
    matched = {p.name: (p.site_id, p.rule) for p in later.plan.participants}
    assert matched["Dr. Björn Schäfer (München)"] == (codes["LMU"], MatchRule.TABLE)
    assert matched["Prof. Jörg Weiß"] == (codes["B"], MatchRule.DOMAIN)


def test_an_anonymous_poll_stores_only_the_call_totals(db: Database, conf: int) -> None:
    data = (FILES / "zoom_anonymous.csv").read_bytes()
    with db.write() as session:
        preview = preview_import(session, conf, data)
        assert preview.plan.anonymous and not preview.plan.ballots
        assert preview.plan.participants == ()
        result = import_report(session, conf, data)
        totals = call_totals(session, question_ids(db, conf)["1.1"])
        counts = [(t.option_id is not None, t.abstain, t.count) for t in totals]
    assert result.n_ballots == 0 and result.n_totals == 4
    assert counts == [(True, False, 1), (True, False, 2), (False, False, 3), (False, True, 1)]
    assert stored(db) == set()
    with db.read() as session:
        assert session.scalar(select(func.count(CallPollTotal.id))) == 4
        asked = session.get(Question, question_ids(db, conf)["1.1"])
        assert asked is not None and asked.state == "closed"


def test_ballots_and_history_name_the_poll_and_the_participants(db: Database, conf: int) -> None:
    with db.write() as session:
        import_report(
            session, conf, (FILES / "zoom_2021.csv").read_bytes(), choices=zoom_choices(db, conf)
        )
    with db.read() as session:
        changes = session.scalars(select(BallotChange)).all()
        actions = session.scalars(select(AuditEvent.action)).all()
        actors = {
            e.actor for e in session.scalars(select(AuditEvent)) if e.action == "question_opened"
        }
    assert {c.source for c in changes} == {"poll"}
    assert any("Prof. Jörg Weiß" in c.actor for c in changes)
    assert actions.count("question_opened") == 2 and actions.count("question_closed") == 2
    assert "poll_imported" in actions
    assert actors == {"Umfrage-Import"}


def test_a_site_code_or_city_in_the_display_name_finds_the_site() -> None:
    sites = [
        SiteInfo(1, "Universitätsklinikum Dresden", "UKD", "Dresden", "mtb@ukdd.de"),
        SiteInfo(2, "Charité – Universitätsmedizin Berlin", "B", "Berlin", ""),
        SiteInfo(3, "Universitätsklinikum Frankfurt", "F", "Frankfurt am Main", ""),
    ]
    assert [s.id for s in name_candidates("Dr. A. Muster (UKD)", sites)] == [1]
    assert [s.id for s in name_candidates("MTB Frankfurt am Main", sites)] == [3]
    assert [s.id for s in name_candidates("Dr. B. Beispiel", sites)] == []  # "B." is no code
    assert [s.id for s in name_candidates("ukd", sites)] == [1]


def test_round_two_votes_go_to_the_repeated_question_beside_round_one(
    db: Database, conf: int
) -> None:
    from app.services.lifecycle import repeat_question
    from app.services.results import conference_results, round_pairs

    with db.write() as session:
        import_report(
            session, conf, (FILES / "zoom_2021.csv").read_bytes(), choices=zoom_choices(db, conf)
        )
        repeat_question(session, question_ids(db, conf)["1.1"])
    second = (
        "Standort;Frage;Antwort\n"
        "DD;Würde Ihr Standort HCQ + Trametinib empfehlen?;Ja, Empfehlung HCQ + Trametinib\n"
        "B;Würde Ihr Standort HCQ + Trametinib empfehlen?;Ja, Empfehlung HCQ + Trametinib\n"
    ).encode()
    with db.write() as session:
        result = import_report(session, conf, second, format="csv", choices=ImportChoices(round=2))
        [case] = [c for c in conference_results(session, conf) if c.case.number == 1]
    assert result.n_ballots == 2
    one, two = round_pairs(case)[0]
    assert two is not None and two.question.round == 2
    assert one.tally.n_valid == 3 and two.tally.n_valid == 2
    assert [o.count for o in two.tally.options] == [2, 0]


def test_a_nameless_row_in_a_named_poll_is_listed_and_can_be_assigned(
    db: Database, conf: int
) -> None:
    data = (FILES / "plain.csv").read_bytes().replace(b"\nWien;", b"\n;")
    with db.read() as session:
        preview = preview_import(session, conf, data, format="csv")
        [nameless] = preview.plan.unmatched
        assert nameless.name == "(ohne Namen, Zeile 6 / no name, line 6)"
        assigned = ImportChoices(participants={nameless.key: site_ids(db)["FR"]})
        preview = preview_import(session, conf, data, format="csv", choices=assigned)
    assert preview.plan.unmatched == ()
    assert len(preview.plan.ballots) == 7
    with db.write() as session:
        import_report(session, conf, data, format="csv", choices=assigned)
        assert remembered_rules(session).participants == {}  # a line number is no one


def test_domain_rules_cover_sub_domains_and_a_shared_domain_is_no_rule() -> None:
    from app.services.poll_matching import MatchRules, default_domains, match_participant

    sites = [
        SiteInfo(1, "Universitätsklinikum Dresden", "DD", "Dresden", "mtb@ukdd.de"),
        SiteInfo(2, "Klinikum A", "A", "", "a@example.org"),
        SiteInfo(3, "Klinikum B", "BB", "", "b@example.org"),
    ]
    domains = default_domains(sites)
    assert domains == {"ukdd.de": 1}  # example.org belongs to two sites: no rule
    rules = MatchRules({}, domains)
    person = match_participant("Dr. X", "x@onko.ukdd.de", "x@onko.ukdd.de", sites, rules)
    assert (person.site_id, person.rule, person.note) == (1, MatchRule.DOMAIN, "onko.ukdd.de")
    table = MatchRules({"x@onko.ukdd.de": 3}, domains)
    assert match_participant("Dr. X", "x@onko.ukdd.de", "x@onko.ukdd.de", sites, table).site_id == 3
    nobody = match_participant("Dr. Y", "y@example.org", "y@example.org", sites, rules)
    assert (nobody.site_id, nobody.rule) == (None, MatchRule.NONE)


def test_two_questions_with_the_same_text_need_the_moderator_to_say_which() -> None:
    from app.models import QuestionKind, QuestionState
    from app.services.poll_questions import QuestionMatchKind, match_questions
    from app.services.views import QuestionInfo

    def question(id: int, number: str) -> QuestionInfo:
        return QuestionInfo(
            id, 1, number, "Empfehlen Sie?", QuestionKind.YES_NO, True, 1, None,
            QuestionState.DRAFT, None, None, None, None, (),
        )  # fmt: skip

    both = [question(1, "1.1"), question(2, "2.1")]
    [match] = match_questions(["Empfehlen Sie?"], both)
    assert (match.how, match.question_id) == (QuestionMatchKind.CLOSE, 1)
    [chosen] = match_questions(["Empfehlen Sie?"], both, {"Empfehlen Sie?": 2})
    assert (chosen.how, chosen.question_id) == (QuestionMatchKind.CHOSEN, 2)
