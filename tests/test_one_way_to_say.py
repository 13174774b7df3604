"""One way to say each text: the Qt UI says its words through ``tr()`` with the text
written at the call (so lupdate sees it), everything else through the catalogs of
:mod:`app.texts`; no code picks a language by comparing it with "de" or "en".

Both checks read the source (the AST), so a text that escapes is named by file and line.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from app.config import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"

#: Files a check skips while another engineer reworks them (empty: none left).
REWORKED_ELSEWHERE: set[str] = set()

#: Qt calls that put a text on screen (a widget's text, title, tooltip, a list's entry).
SHOWS_TEXT = {
    "setText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setWindowTitle",
    "setTitle",
    "setAccessibleName",
    "setAccessibleDescription",
    "setPrefix",
    "setSuffix",
    "setSpecialValueText",
    "addItem",
    "addItems",
    "addTab",
    "insertItem",
    "addAction",
    "addMenu",
    "setHorizontalHeaderLabels",
    "showMessage",
}
#: Which arguments of a call are its texts (the others: user data, an index, a widget).
TEXT_ARGUMENTS = {"addItem": slice(0, 1), "insertItem": slice(1, 2), "addTab": slice(1, 2)}
#: Widgets whose first argument is a text on screen.
TAKES_TEXT = {"QAction", "QPushButton", "QLabel", "QCheckBox", "QRadioButton", "QGroupBox"}
#: Texts that are the same in every language: each language named in its own words.
SAME_IN_EVERY_LANGUAGE = {"Deutsch", "English", "Votum"}
#: The calls through which the Qt UI translates; the text must be a literal there.
TRANSLATORS = {"tr", "translate"}


def _sources(folder: Path) -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(folder.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name.startswith("app/migrations/") or name in REWORKED_ELSEWHERE:
            continue
        yield name, ast.parse(path.read_text("utf-8"), name)


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_words(text: str) -> bool:
    """A literal a person reads in a language: a word of three letters or more with a
    lowercase letter ("Close voting"; not "–", "MSS", "C25.0", "HH:MM")."""
    words = "".join(c if c.isalpha() else " " for c in text).split()
    if text in SAME_IN_EVERY_LANGUAGE or "://" in text:  # a name, an address
        return False
    return any(len(w) >= 3 and any(c.islower() for c in w) for w in words)


def _untranslated_literals(node: ast.Call) -> Iterator[str]:
    """String literals among a call's arguments (lists included), f-strings' parts too."""
    callee = _callee(node)
    texts = slice(0, 1) if callee in TAKES_TEXT else TEXT_ARGUMENTS.get(callee, slice(None))
    for arg in node.args[texts]:
        items = arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]
        for item in items:
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                yield item.value
            elif isinstance(item, ast.JoinedStr):
                yield from (
                    v.value
                    for v in item.values
                    if isinstance(v, ast.Constant) and isinstance(v.value, str)
                )


def ui_texts_that_escape_lupdate() -> list[str]:
    found = []
    for name, tree in _sources(APP / "ui"):
        if name == "app/ui/i18n.py":  # the translating functions themselves
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            callee = _callee(node)
            if callee in TRANSLATORS:
                text = node.args[-1] if callee == "tr" else node.args[1:2]
                argument = text[0] if isinstance(text, list) and text else text
                if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                    found.append(f"{name}:{node.lineno}: {callee}() of a text lupdate cannot see")
            elif callee in SHOWS_TEXT or callee in TAKES_TEXT:
                for literal in _untranslated_literals(node):
                    if _is_words(literal):
                        found.append(f"{name}:{node.lineno}: {callee}({literal!r}) without tr()")
    return found


def test_every_ui_text_reaches_lupdate() -> None:
    assert ui_texts_that_escape_lupdate() == []


def _is_language(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in LANGUAGES


def language_branches() -> list[str]:
    """``lang == "de"`` and its kin: a text chosen by comparing a language with a code."""
    found = []
    for name, tree in _sources(APP):
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Compare)
                and any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops)
                and any(_is_language(side) for side in (node.left, *node.comparators))
            ):
                found.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_code_chooses_a_text_by_comparing_the_language() -> None:
    assert language_branches() == []


def test_the_checks_find_what_they_look_for(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Both checks can fail: a literal label, a helper's tr(), a language branch."""
    ui = tmp_path / "app" / "ui"
    ui.mkdir(parents=True)
    (ui / "bad.py").write_text(
        "def build(self, text, lang):\n"
        "    self.button.setText('Close voting')\n"
        "    self.label.setText(translate('Bad', text))\n"
        "    self.code.setText('MSS')\n"
        "    return 'Ja' if lang == 'de' else 'Yes'\n",
        "utf-8",
    )
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    monkeypatch.setitem(globals(), "APP", tmp_path / "app")
    assert ui_texts_that_escape_lupdate() == [
        "app/ui/bad.py:2: setText('Close voting') without tr()",
        "app/ui/bad.py:3: translate() of a text lupdate cannot see",
    ]
    assert language_branches() == ["app/ui/bad.py:5: lang == 'de'"]


def test_a_plural_has_its_form_for_one_and_for_other_in_each_language() -> None:
    from app.services.sentences import SENTENCES
    from app.texts import CATALOGS, Catalog

    assert SENTENCES.plural("de", "abstentions", 1) == "1 Enthaltung"
    assert SENTENCES.plural("de", "abstentions", 0) == "0 Enthaltungen"
    assert SENTENCES.plural("en", "silent", 1) == "1 site present did not vote"
    assert SENTENCES.plural("en", "silent", 3) == "3 sites present did not vote"
    assert str(SENTENCES.plural_message("comments", 2)) == (
        "2 Standorte gaben einen Kommentar ab / 2 sites left a comment"
    )
    half = Catalog.of_pairs("test: half a plural", {"sites.one": ("{n} Standort", "{n} site")})
    try:
        assert half.problems() == ["test: half a plural: 'sites.one' has no sites.other"]
    finally:
        del CATALOGS["test: half a plural"]
