"""The product's words in the shop owner's language: German or English.

Messages are written in English in the code, wrapped in `_()` (or `n_()` when they depend on
a number), and translated from gettext catalogues in kbm_tui/locale. Text defined where a
module is loaded (labels, column titles) is only marked with `N_()` and translated with `_()`
where it is shown, so a language chosen later still applies.

Which language: `--lang`, then KBM_LANG, then the `language` setting, then the system's
locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE: de, de_AT, de_CH ... are German); else English.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

LANGUAGES = {"en": "English", "de": "Deutsch"}
DOMAIN = "kbm"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _(message: str) -> str:
    """The message in the current language."""
    return _translation.gettext(message)


def n_(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the current language."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; `_()` translates it where shown."""
    return message


def language() -> str:
    """The language in use: "en" or "de"."""
    return _language


def use(lang: str) -> str:
    """Speak `lang` from now on (an unknown one means English); returns the one in use."""
    global _translation, _language
    lang = lang if lang in LANGUAGES else "en"
    _translation = gettext.NullTranslations()
    if lang != "en":
        # The catalogue's own path, not gettext.translation(): its search through locale
        # aliases costs `kbm log` two milliseconds.
        try:
            with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as catalogue:
                _translation = gettext.GNUTranslations(catalogue)
        except OSError:
            pass
    _language = lang
    return lang


def parse(text: str | None) -> str | None:
    """ "de", "DE", "de_AT.UTF-8", "Deutsch", "german" -> "de"; "en..." -> "en"; else None."""
    word = (text or "").strip().lower().replace("-", "_")
    if word.startswith(("de", "german")):
        return "de"
    if word.startswith(("en", "english")) or word in ("c", "posix"):
        return "en"
    return None


def from_system() -> str:
    """The language the system's locale asks for (German for any de_*), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name)
        if value:
            return "de" if parse(value.split(":")[0]) == "de" else "en"
    return "en"


def choose(given: str | None = None) -> str:
    """Decide the language (--lang, KBM_LANG, the setting, the system) and use it."""
    for candidate in (given, os.environ.get("KBM_LANG")):
        if (found := parse(candidate)) is not None:
            return use(found)
    from kbm_tui.core.settings import Settings

    if (found := parse(Settings.load().language)) is not None:
        return use(found)
    return use(from_system())
