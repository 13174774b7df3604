"""The one cleaning rule for stored text, and the services that apply it where text enters."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from app.db import Database
from app.models import NoteKind
from app.services import conferences, notes
from app.services.errors import InvalidInput
from app.services.messages import say
from app.services.package_schema import PackageCase, PackageOption, PackageQuestion
from app.services.text import KEEP_FORMAT, clean, clean_field
from tests.services.helpers import make_conference

RLO, PDI, LRM = "\u202e", "\u2069", "\u200e"


@pytest.mark.parametrize(
    ("raw", "one_line", "with_lines"),
    [
        ("Frage\x1b[31m rot", "Frage[31m rot", "Frage[31m rot"),
        ("Klinikum\x00 Nord", "Klinikum Nord", "Klinikum Nord"),
        (f"{RLO}nedserD{PDI}", "nedserD", "nedserD"),
        (f"\u2066Dresden\u2069 {LRM}x\u200f", "Dresden x", "Dresden x"),
        ("a\r\nb\rc\u2028d\x85e", "a b c d e", "a\nb\nc\nd\ne"),
        ("Zeile 1\n\tZeile 2", "Zeile 1  Zeile 2", "Zeile 1\n\tZeile 2"),
        ("C1\x9bcontrol\x7f", "C1control", "C1control"),
        ("zero\u200bwidth\ufeff\u00ad", "zerowidth", "zerowidth"),
        ("lone \ud800 surrogate", "lone  surrogate", "lone  surrogate"),
        ("Mu\u0308ller", "Müller", "Müller"),  # NFC: one code point for ü
        ("👨\u200d👩\u200d👧 Familie", "👨\u200d👩\u200d👧 Familie", "👨\u200d👩\u200d👧 Familie"),
        ("  <script>alert(1)</script>  ", "<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"),
    ],
)
def test_clean_removes_controls_and_direction_characters_and_normalises(
    raw: str, one_line: str, with_lines: str
) -> None:
    assert clean(raw) == one_line
    assert clean(raw, lines=True) == with_lines


def test_every_invisible_format_character_of_this_unicode_version_is_removed() -> None:
    removed = [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in ("Cf", "Cc") and chr(c) not in KEEP_FORMAT | {"\n"}
    ]
    text = "".join(removed)
    assert clean(text, lines=True).strip("\t") == ""
    assert clean(text) == ""


def test_clean_field_limits_length_after_cleaning_and_names_the_field() -> None:
    site = say("field_site")
    assert clean_field("x" * 200 + "\x00" * 50, site, limit=200) == "x" * 200
    with pytest.raises(
        InvalidInput, match="Standort: höchstens 200 Zeichen / site: at most 200 characters"
    ):
        clean_field("x" * 201, site, limit=200)
    with pytest.raises(
        InvalidInput, match="Thema: darf nicht leer sein / topic: must not be empty"
    ):
        clean_field("\x00\u202e ", say("field_topic"), limit=200, required=True)


def test_a_field_named_in_a_refusal_is_in_the_readers_language_alone() -> None:
    with pytest.raises(InvalidInput) as caught:
        clean_field("", say("field_code"), limit=20, required=True)
    assert caught.value.in_language("de") == "Kürzel: darf nicht leer sein"
    assert caught.value.in_language("en") == "code: must not be empty"


def test_registry_conference_and_attendance_store_cleaned_text(db: Database) -> None:
    setup = make_conference(db, n_sites=1)
    with db.write() as session:
        site = conferences.save_site(
            session, conferences.SiteData(f"Klinikum\x00 {RLO}droN", "KN\x1b", "Ko\u0308ln")
        )
        conferences.update_conference(session, setup.conference_id, topic="Thema\x07 1")
        conferences.set_fellows(session, setup.conference_id, [("\x00", "x"), ("Dr.\tA", "B")])
        conferences.invite_sites(session, setup.conference_id, [site])
        conferences.set_attendance(
            session, setup.conference_id, site, present=True, attendees=[(f"{RLO}Ann", "")]
        )
        assert conferences.ensure_site(session, conferences.SiteData("x", "KN\x00")) == site
    with db.read() as session:
        info = next(s for s in conferences.list_sites(session) if s.id == site)
        conf = conferences.get_conference_row(session, setup.conference_id)
        invitation = next(i for i in conf.invitations if i.site_id == site)
        assert (info.name, info.code, info.city) == ("Klinikum droN", "KN", "Köln")
        assert conf.topic == "Thema 1"
        assert [(f.name, f.site) for f in conf.fellows] == [("Dr. A", "B")]
        assert [a.name for a in invitation.attendees] == ["Ann"]


def test_notes_keep_lines_but_lose_control_characters(db: Database) -> None:
    setup = make_conference(db, n_sites=1)
    with db.write() as session:
        view = notes.save_note(
            session,
            "Erste Zeile\x1b\r\nZweite\u202e Zeile\x00",
            question_id=setup.question_id,
            kind=NoteKind.DISCUSSION,
        )
    assert view.text == "Erste Zeile\nZweite Zeile"


def test_package_texts_are_cleaned_and_limited_by_the_column_sizes() -> None:
    question = PackageQuestion(
        text="Empfehlen\x1b Sie\r\nHCQ?",
        kind="single",
        options=[PackageOption(label=f"{RLO}aJ"), PackageOption(label="Nein\x00")],
    )
    assert question.text == "Empfehlen Sie\nHCQ?"
    assert [o.label for o in question.options] == ["aJ", "Nein"]
    with pytest.raises(ValueError, match="at most 200"):
        PackageCase(title="T" * 201)
    with pytest.raises(ValueError, match="at least 1"):
        PackageCase(title="\x00\u202e")
    edited = PackageCase(title="Fall").model_copy(update={"text": "a\x00b"})
    from app.services.package_schema import checked

    assert checked(edited).text == "ab"  # the services check again what the editor copied
