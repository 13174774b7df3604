"""The PDF protocol: the numbers, classes and sentences the services compute are in it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.db import Database
from app.reports.data import gather
from app.reports.protocol import write_protocol
from app.services import agenda, conferences
from app.services.package_schema import PackageCase, PackageOption, PackageQuestion
from app.services.results import QuestionResult, conference_results, round_pairs
from app.services.views import InvitationInfo

from .conftest import HOSTILE, _vote_all
from .pdftools import ink_fractions, page_texts


def _attendance(db: Database, conf_id: int) -> list[InvitationInfo]:
    return list(gather(db, conf_id, with_images=False).invitations)


def _voted(db: Database, conf_id: int) -> list[QuestionResult]:
    with db.read() as session:
        cases = conference_results(session, conf_id)
    return [r for case in cases for r in case.results if r.ballots]


def _assert_results_in(text: str, results: list[QuestionResult], lang: str) -> None:
    for result in results:
        tally = result.tally
        assert result.question.text in text
        for option in tally.options:
            assert f"{option.count} ({option.percent} %)" in text, option.option.label
        if tally.consensus is not None:
            assert tally.consensus.awmf.label(lang) in text
            assert tally.consensus.apccc.label(lang) in text
        assert result.sentence(lang) in text
        other = "en" if lang == "de" else "de"
        assert result.sentence(other) in text
        assert result.participation(lang) in text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_demo_protocol_holds_the_service_results(
    db: Database, demo_id: int, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, demo_id, path, lang=lang)
    pages = page_texts(path)
    text = " ".join(pages)
    results = _voted(db, demo_id)
    assert results
    _assert_results_in(text, results, lang)
    invitations = _attendance(db, demo_id)
    total = sum(i.attendee_count for i in invitations if i.present)
    present = sum(1 for i in invitations if i.present)
    if lang == "de":
        assert f"{present} von {len(invitations)} eingeladenen Standorten anwesend" in text
        assert f"{total} Teilnehmende" in text
        assert "Seite 1 von" in pages[0]
        assert "Die Veranstaltung fand online" in text
    else:
        assert f"{present} of {len(invitations)} invited sites present, {total} attendees" in text
        assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    for umlaut_name in (
        "Universitätsklinikum Tübingen",
        "Universitätsmedizin Göttingen",
        "Würzburg",
    ):
        assert umlaut_name in text
    for person in (a for i in invitations for a in i.attendees):
        assert person.name in text
        if person.efn:
            assert person.efn in text
    assert "2760912026111800017" in text  # VNR


def test_every_page_renders_and_is_not_blank(db: Database, demo_id: int, tmp_path: Path) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, demo_id, path)
    n_pages = len(PdfReader(str(path)).pages)
    inks = ink_fractions(path, tmp_path / "pages")
    assert len(inks) == n_pages >= 5
    assert all(ink > 0.01 for ink in inks), inks


def test_repeated_question_shows_both_rounds(
    db: Database, two_rounds_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, two_rounds_id, path, lang="de")
    text = " ".join(page_texts(path))
    with db.read() as session:
        (case,) = conference_results(session, two_rounds_id)
    ((one, two),) = round_pairs(case)
    assert two is not None and one.ballots and two.ballots
    _assert_results_in(text, [one, two], "de")
    assert "Runde 1 und Runde 2 im Vergleich" in text
    assert f"Runde 2: {two.sentence('de')}" in text
    assert "µ-Test ≥ 2" in text and "Übermoderation" in text
    assert "Runde 1 · 3" not in text  # no stray markup


def test_metadata_fonts_and_outline(db: Database, demo_id: int, tmp_path: Path) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, demo_id, path, lang="de")
    reader = PdfReader(str(path))
    meta = reader.metadata
    assert meta is not None
    assert "KRAS-mutiertes Pankreaskarzinom" in (meta.title or "")
    assert meta.author == "Prof. Dr. med. Maria Moderation (fiktiv)"
    assert "Protokoll" in (meta.subject or "")
    titles = [item.title for item in _flatten(reader.outline)]
    assert any(t.startswith("Fall 1:") for t in titles)
    assert any(t.startswith("Fall 3:") for t in titles)
    assert "Anhang: Stimmen je Standort" in titles
    fonts = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts.add(font["/BaseFont"])
            descendant = font.get("/DescendantFonts")
            descriptor = (
                descendant[0].get_object()["/FontDescriptor"]
                if descendant
                else font.get("/FontDescriptor")
            )
            assert descriptor is not None, f"{font['/BaseFont']} is not embedded"
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
    assert all("DejaVuSans" in str(name) for name in fonts), fonts


def _flatten(outline: list[Any]) -> list[Any]:
    items = []
    for item in outline:
        items.extend(_flatten(item) if isinstance(item, list) else [item])
    return items


def test_hostile_names_are_escaped(db: Database, hostile_id: int, tmp_path: Path) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, hostile_id, path, lang="de")
    text = " ".join(page_texts(path))
    for typed in ("Zweite Runde", "Klinikum Nr. 1 Würzburg", "Würden Sie Osimertinib empfehlen?"):
        assert " ".join((HOSTILE + typed).split()) in text
    assert f"{' '.join(HOSTILE.split())} Ja" in text  # the chart's option label


def test_anonymised_appendix_hides_site_names(
    db: Database, two_rounds_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, two_rounds_id, path, lang="en", anonymise=True)
    pages = page_texts(path)
    start = next(i for i, page in enumerate(pages) if "Appendix: ballots per site" in page)
    appendix = " ".join(pages[start:])
    assert "Sites anonymised" in appendix
    assert "Würzburg" not in appendix
    # The CME list keeps the names.
    assert "Klinikum Nr. 1 Würzburg" in " ".join(pages[:start])
    # The ballot entered by the moderator stays marked.
    assert "*" in appendix


def test_moderator_entered_ballot_is_marked(db: Database, demo_id: int, tmp_path: Path) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, demo_id, path, lang="de")
    pages = page_texts(path)
    appendix = " ".join(p for p in pages if "Anhang: Stimmen je Standort" in p)
    assert "Universitätsklinikum Würzburg (WUE)" in appendix
    assert "Ja*" in appendix
    assert "durch die Moderation im Auftrag des Standorts eingetragen" in appendix


def test_free_text_multiple_choice_agreement_and_images(
    db: Database, extras_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, extras_id, path)  # the conference's language: English
    pages = page_texts(path)
    text = " ".join(pages)
    results = _voted(db, extras_id)
    free, multi, agree = results
    assert "RNA panel <b>now</b> & $x$" in text and "Repeat biopsy" in text
    assert free.sentence("en") in text
    for option in multi.tally.options:
        assert option.consensus is not None
        assert f"{option.count} ({option.percent} %) · {option.consensus.awmf.label('en')}" in text
    assert multi.sentence("en") in text
    assert agree.tally.consensus is not None
    assert "agreement (Strongly agree + Agree)" in text
    assert agree.tally.consensus.awmf.label("en") in text
    reader = PdfReader(str(path))
    case_page = next(i for i, page in enumerate(pages) if "Case 1: Case with an image" in page)
    assert len(reader.pages[case_page].images) == 1
    assert "CT, 03/2026" in pages[case_page]
    assert "Key message: Key: test for fusions first." in text
    assert "Key message: Agreed: RNA panel." in text
    assert "Discussion: Long discussion on ≤ 5 % VAF." in text
    assert "≤ 50 %" in text  # the AWMF rule, stated once
    assert text.count("Consensus strength by the AWMF rules") == 1


def test_chart_fallback_through_svg(
    db: Database, two_rounds_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the direct renderer meet something it cannot draw, svglib draws the chart."""
    from app.reports import pdfcharts
    from app.reports.rlrender import Unsupported

    def unsupported(figure: object) -> object:
        raise Unsupported("test")

    monkeypatch.setattr(pdfcharts, "figure_drawing", unsupported)
    path = tmp_path / "protocol.pdf"
    write_protocol(db, two_rounds_id, path, lang="en")
    text = " ".join(page_texts(path))
    with db.read() as session:
        (case,) = conference_results(session, two_rounds_id)
    for result in case.results:
        for option in result.tally.options:
            assert f"{option.count} ({option.percent} %)" in text


def test_round_two_with_edited_options_is_shown_apart(
    db: Database, two_rounds_id: int, tmp_path: Path
) -> None:
    from dataclasses import replace

    from app.reports.protocol import render_protocol

    data = gather(db, two_rounds_id)
    (case,) = data.cases
    one, two = case.results
    edited = replace(
        two,
        question=replace(
            two.question,
            options=tuple(replace(o, label=o.label + " (neu)") for o in two.question.options),
        ),
    )
    data = replace(data, cases=(replace(case, results=(one, edited)),))
    path = tmp_path / "protocol.pdf"
    path.write_bytes(render_protocol(data, lang="de"))
    text = " ".join(page_texts(path))
    assert "Runde 1 und Runde 2 im Vergleich" not in text
    assert "Frage 1.1 · Runde 2" in text


def test_agreement_with_the_packages_own_codes_names_its_own_top_two_steps(
    db: Database, tmp_path: Path
) -> None:
    # A fellow's scale with its own codes and labels: 4 + 8 of 16 agree = exactly 75 %.
    labels = ["Trifft voll zu", "Trifft eher zu", "Teils, teils", "Eher nicht", "Gar nicht"]
    codes = ["agree_strong", "agree", "neutral_", "disagree_", "disagree_strong"]
    with db.write() as session:
        conf = conferences.create_conference(session, "Skala", dt.date(2026, 12, 3))
        sites = [
            conferences.ensure_site(session, conferences.SiteData(f"Klinik {i}", f"K{i}"))
            for i in range(16)
        ]
        conferences.invite_sites(session, conf, sites)
        case_id = agenda.add_case(
            session,
            conf,
            PackageCase(
                title="Fall",
                questions=[
                    PackageQuestion(
                        text="RNA-Panel für alle?",
                        kind="agreement",
                        options=[
                            PackageOption(label=label, code=code)
                            for label, code in zip(labels, codes, strict=True)
                        ],
                    )
                ],
            ),
        )
        question = agenda.get_case(session, case_id).questions[0]
        a = [o.id for o in question.options]
        choices = [[a[0]]] * 4 + [[a[1]]] * 8 + [[a[2]]] * 2 + [[a[3]], [a[4]]]
        _vote_all(session, question.id, sites, choices)
    path = tmp_path / "protocol.pdf"
    write_protocol(db, conf, path, lang="de")
    text = " ".join(page_texts(path))
    assert "Mehrheitliche Zustimmung – 75 % für Zustimmung (Trifft voll zu + Trifft eher zu)" in (
        text
    )
    assert "Keine mehrheitliche Zustimmung" not in text
    assert "stimme voll zu + stimme zu" not in text
    assert (
        "25 % der Standorte stimmen voll zu; 50 % stimmen zu; 13 % sind unentschieden; "
        "6 % stimmen nicht zu; 6 % stimmen überhaupt nicht zu"
    ) in text


def _german_presets(db: Database) -> int:
    """A German conference: an evidence question and a scale relabelled by its fellow."""
    own = ["Volle Zustimmung", "Zustimmung", "Unentschieden", "Stimme nicht zu", "Ablehnung"]
    with db.write() as session:
        conf = conferences.create_conference(session, "Sprachen", dt.date(2026, 12, 3))
        sites = [
            conferences.ensure_site(session, conferences.SiteData(f"Klinik {i}", f"K{i}"))
            for i in range(4)
        ]
        conferences.invite_sites(session, conf, sites)
        case_id = agenda.add_case(
            session,
            conf,
            PackageCase(
                title="Fall",
                questions=[
                    PackageQuestion(text="Welches Evidenzlevel?", kind="evidence"),
                    PackageQuestion(
                        text="RNA-Panel für alle?",
                        kind="agreement",
                        options=[PackageOption(label=label) for label in own],
                    ),
                ],
            ),
        )
        evidence, scale = agenda.get_case(session, case_id).questions
        none = evidence.options[-1].id
        _vote_all(session, evidence.id, sites, [[none]] * 3 + [[evidence.options[0].id]])
        steps = [o.id for o in scale.options]
        _vote_all(session, scale.id, sites, [[steps[0]], [steps[0]], [steps[3]], [steps[4]]])
    return conf


def test_preset_labels_follow_the_protocol_language_own_labels_stay(
    db: Database, tmp_path: Path
) -> None:
    conf = _german_presets(db)
    path = tmp_path / "protocol.pdf"
    write_protocol(db, conf, path, lang="en")
    text = " ".join(page_texts(path))
    assert "No evidence level / no recommendation" in text
    assert "Kein Evidenzlevel" not in text
    assert "Volle Zustimmung" in text and "Ablehnung" in text  # the fellow's own words
    assert "Stimme nicht zu" not in text  # still the preset's step: said in English
    assert "Disagree" in text
    write_protocol(db, conf, path, lang="de")
    german = " ".join(page_texts(path))
    assert "Kein Evidenzlevel / keine Empfehlung" in german
    assert "Stimme nicht zu" in german and "No evidence level" not in german


@pytest.mark.parametrize("lang", ["de", "en"])
def test_case_pages_show_what_the_pathology_report_gives(
    db: Database, demo_id: int, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "protocol.pdf"
    write_protocol(db, demo_id, path, lang=lang)
    text = " ".join(page_texts(path))
    with db.read() as session:
        first, second, _third = agenda.agenda(session, demo_id)
    assert first.tnm and first.tnm in text
    assert f"{first.icdo3_topography} · {first.icdo3_morphology}" in text
    assert first.comorbidities in text
    kras = first.findings[0]
    assert f"{kras.transcript}:{kras.coding}" in text and kras.evidence in text
    assert ("Score 12" if lang == "de" else "score 12") in text  # HRD, a signature
    assert "CN 0" in text  # the CDKN2A deletion's copy number
    fusion = second.findings[0]
    assert fusion.breakpoints in text
    for line in first.therapy_lines:
        assert line.substances in text
    if lang == "de":
        assert "1. Linie FOLFIRINOX partielle Remission (PR)" in text
        assert "Begleiterkrankungen" in text
    else:
        assert "line 1 FOLFIRINOX partial response (PR)" in text
        assert "Comorbidities" in text
