"""Qt translations: the German catalogue in resources/i18n and the current UI language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

#: Same folder as ``app.config.RESOURCES`` (not imported: start-up speed).
RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
I18N_DIR = RESOURCES / "i18n"
CATALOGUE = "votum"
#: The language the UI is written in (``tr()``'s texts); the others come from catalogues.
SOURCE_LANGUAGE = "en"
#: Each UI language's locale (number and date formats of Qt's widgets).
LOCALES = {"de": QLocale.Language.German, "en": QLocale.Language.English}

_state: dict[str, object] = {
    "lang": SOURCE_LANGUAGE,
    "translator": None,
    "qt_translator": None,
    "key_translator": None,
}

#: Key names that Qt's own catalogue leaves in English ("Strg+Return"), as the keyboard of
#: that language labels them.
KEY_NAMES = {"de": {"Return": "Eingabe"}}


class KeyNames(QTranslator):
    """Translates the key names Qt's catalogue misses (context "QShortcut"), so that
    ``QKeySequence.toString(NativeText)`` in menus and buttons reads "Strg+Eingabe"."""

    def __init__(self, names: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = names

    # None (a null QString) lets Qt ask the next catalogue; "" would be a translation.
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self._names.get(source) if context == "QShortcut" else None

    def isEmpty(self) -> bool:
        return False


def current_language() -> str:
    """The language the UI shows now: "de" or "en" (English is the source language)."""
    return str(_state["lang"])


def install_language(lang: str) -> bool:
    """Load the catalogue for ``lang`` into the application; False if it is missing."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for key in ("translator", "qt_translator", "key_translator"):
        old = _state.get(key)
        if isinstance(old, QTranslator):
            QCoreApplication.removeTranslator(old)
            _state[key] = None
    ok = True
    if lang != SOURCE_LANGUAGE:
        qt = QTranslator(app)  # Qt's own texts: "Strg+Eingabe", "Abbrechen" …
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            QCoreApplication.installTranslator(qt)
            _state["qt_translator"] = qt
        if lang in KEY_NAMES:  # asked before Qt's catalogue (the last installed goes first)
            keys = KeyNames(KEY_NAMES[lang], app)
            QCoreApplication.installTranslator(keys)
            _state["key_translator"] = keys
        translator = QTranslator(app)
        ok = translator.load(f"{CATALOGUE}_{lang}", str(I18N_DIR))
        if ok:
            QCoreApplication.installTranslator(translator)
            _state["translator"] = translator
    _state["lang"] = lang if ok else SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(LOCALES.get(lang, QLocale.Language.English)))
    return ok


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate outside a QObject; call it with literal strings so lupdate finds them."""
    return QCoreApplication.translate(context, text, disambiguation, n)


class Catalogue:
    """The UI's texts in one language, whatever language the UI shows now: for a window
    that speaks the round's language (the presenter view). English is the source."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._translator: QTranslator | None = None
        if lang != SOURCE_LANGUAGE:
            translator = QTranslator()
            if translator.load(f"{CATALOGUE}_{lang}", str(I18N_DIR)):
                self._translator = translator

    # named like QTranslator.translate so that lupdate finds the texts it is called with
    def translate(self, context: str, text: str) -> str:
        """``text`` (a literal) of ``context`` in this language; the source if missing."""
        found = self._translator.translate(context, text) if self._translator else None
        return found or text


_catalogues: dict[str, Catalogue] = {}


def catalogue(lang: str) -> Catalogue:
    """The catalogue of ``lang`` (loaded once; "en" or a missing one: the source texts)."""
    if lang not in _catalogues:
        _catalogues[lang] = Catalogue(lang)
    return _catalogues[lang]
