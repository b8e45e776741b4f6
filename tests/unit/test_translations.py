"""Every message in the code has its German, and the compiled catalogue says what the .po
files say (python tools/catalogs.py update / compile keep them so)."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from kbm_tui.core import i18n

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
assert _spec and _spec.loader
catalogs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(catalogs)
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\(\w+\)[sdr]|%[sdr]")


def test_every_message_has_a_german_translation_and_the_catalogue_is_compiled():
    problems = catalogs.problems()
    assert not problems, ("\n".join(problems[:40]) + f"\n({len(problems)} in all) Run "
                          "tools/catalogs.py update, translate, then tools/catalogs.py compile.")


def _translated_inside_f_strings(source: str) -> list[int]:
    """Lines where _() or n_() is called with a text inside an f-string: Babel's extractor
    does not look there, so the text never reaches the catalogue and shows in English.
    (`_(word)` of a variable is fine: its text is marked with N_() where it is written.)"""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            lines += [call.lineno for call in ast.walk(node) if isinstance(call, ast.Call)
                      and isinstance(call.func, ast.Name) and call.func.id in ("_", "n_")
                      and call.args and isinstance(call.args[0], ast.Constant)]
    return lines


def test_no_message_hides_inside_an_f_string():
    assert _translated_inside_f_strings('x = f"({_(\'empty\')})"\ny = _("seen")\n') == [1]
    hidden = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "kbm_tui").rglob(
        "*.py")) for line in _translated_inside_f_strings(path.read_text(encoding="utf-8"))]
    assert not hidden, "translate outside the f-string: " + ", ".join(hidden)


def test_translations_keep_every_placeholder():
    wrong = []
    for message in catalogs.merged("de"):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(set(PLACEHOLDER.findall(ids[-1])))
        for text in strings:
            if text and sorted(set(PLACEHOLDER.findall(text))) != wanted:
                wrong.append(f"{ids[0]!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_check_notices_a_missing_translation(tmp_path, monkeypatch):
    locale = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE, locale)
    monkeypatch.setattr(catalogs, "LOCALE", locale)
    path = catalogs.po_path("de", "cli")
    catalog = catalogs.read(path, "de")
    catalog["open-ended"].string = ""
    catalogs.write(catalog, path)
    assert any("'open-ended' is not translated" in p for p in catalogs.problems())
    catalogs.compile_all()  # a catalogue compiled without it still differs from the code's needs
    assert any("not translated" in p for p in catalogs.problems())


@pytest.mark.parametrize(("given", "expected"), [
    ("de", "de"), ("DE", "de"), ("de_AT.UTF-8", "de"), ("de_CH", "de"), ("Deutsch", "de"),
    ("en", "en"), ("en_GB.UTF-8", "en"), ("C", "en"), ("fr_FR", None), ("", None)])
def test_language_names_are_read(given, expected):
    assert i18n.parse(given) == expected


def test_the_language_is_chosen_in_order(monkeypatch):
    from kbm_tui.core.settings import Settings

    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "KBM_LANG"):
        monkeypatch.delenv(name, raising=False)
    try:
        assert i18n.choose() == "en"
        monkeypatch.setenv("LANG", "de_AT.UTF-8")
        assert i18n.choose() == "de"
        monkeypatch.setenv("LANG", "fr_FR.UTF-8")
        assert i18n.choose() == "en"
        settings = Settings.load()
        settings.language = "de"
        settings.save()
        assert i18n.choose() == "de"  # the setting beats the system
        monkeypatch.setenv("KBM_LANG", "en")
        assert i18n.choose() == "en"  # KBM_LANG beats the setting
        assert i18n.choose("de") == "de"  # --lang beats them all
        assert i18n._("open-ended") == "ohne Termin"
    finally:
        i18n.use("en")
    assert i18n._("open-ended") == "open-ended"
