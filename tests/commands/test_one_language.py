"""Every command prints in one language, the command line's (``VOTUM_LANG``): run in
German it says nothing of the English catalog, run in English nothing of the German one,
and none of the English the commands used to print on their own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.cli import main
from app.commands.messages import MESSAGES
from app.services.file_messages import MESSAGES as FILE_MESSAGES
from app.services.messages import MESSAGES as SERVICE_MESSAGES
from app.texts import Catalog

#: what the commands printed before they spoke one language (hard-coded English)
ENGLISH = re.compile(
    r"not opened yet|have opened their link|check-in (open|closed)|held: |certificate|"
    r"written|question\(s\)|questions? found|site\(s\)|imported |exported |now invited|"
    r"attending|named|kept, marked|conferences yet|schema is|not found|invalid EFN|"
    r"is not invited|session\(s\)"
)
OTHER = {"de": "en", "en": "de"}


def _fragments(catalog: Catalog, lang: str) -> set[str]:
    """The fixed words of each text of ``catalog`` in ``lang`` that the other language
    says otherwise: pieces between placeholders, long enough to mean something."""
    found = set()
    for key, template in catalog.table(lang).items():
        if template == catalog.table(OTHER[lang])[key]:
            continue
        for piece in re.split(r"\{[^}]*\}", template):
            piece = piece.strip(" :;,()–—\t\n")
            words = re.sub(r"--[\w-]+|python main\.py .*", "", piece).strip(" :;,()–—")
            if (
                " " in words
                and len(words) >= 8
                and words not in catalog.table(OTHER[lang]).values()
            ):
                found.add(words)
    return found


def _commands(db_url: str, folder: Path) -> list[list[str]]:
    return [
        ["demo", "--no-gui"],
        ["list"],
        ["sites", "status", "demo"],
        ["conference", "checkin", "demo", "--open"],
        ["attendance", "demo", "DD", "--present", "--name", "Dr. A. Muster", "--efn", "123"],
        ["conference", "held", "demo"],
        ["conference", "checkin", "demo", "--close"],
        ["certificates", "demo", "-o", str(folder / "bescheinigungen")],
        ["archive", "search", "KRAS", "--limit", "2"],
        ["archive", "search", "HCQ"],
        ["series", "plan"],
        ["series", "participation"],
        ["invite", "demo", "DD"],
        ["export", "demo", str(folder / "faelle.votum.json")],
        ["conference", "export", "demo", str(folder / "konferenz.json")],
        ["sites", "export", str(folder / "standorte.csv")],
        ["results", "demo", "--format", "json", "-o", str(folder / "ergebnisse.json")],
        ["migrate"],
        ["export", "nirgendwo", str(folder / "x.json")],
        ["attendance", "demo", "XX", "--present"],
        ["import", str(folder / "fehlt.votum.json")],
        ["links", "demo", "--base-url", "ftp://x"],
    ]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_command_prints_in_the_command_line_s_language_only(
    lang: str,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VOTUM_LANG", lang)
    other = set()
    for catalog in (MESSAGES, FILE_MESSAGES, SERVICE_MESSAGES):
        other |= _fragments(catalog, OTHER[lang])
    mine = _fragments(MESSAGES, lang)
    said_mine = False
    for command in _commands(db_url, tmp_path):
        main(["--db", db_url, *command])
        out, err = capsys.readouterr()
        printed = out + err
        assert printed.strip(), command
        mixed = sorted(piece for piece in other if piece in printed)
        assert not mixed, (command, mixed, printed)
        if lang == "de":
            assert not ENGLISH.search(printed), (command, printed)
        said_mine = said_mine or any(piece in printed for piece in mine)
    assert said_mine
