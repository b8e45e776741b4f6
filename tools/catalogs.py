"""Keep the German catalogue in step with the code (Babel does the extracting and compiling).

    python tools/catalogs.py update    # new messages into kbm_tui/locale/de/*.po, gone ones out
    python tools/catalogs.py compile   # the .po files into kbm_tui/locale/de/LC_MESSAGES/kbm.mo
    python tools/catalogs.py check     # what is untranslated, fuzzy or not compiled (exit 1)

Each part of the code has a .po file of its own (core.po, cli.po, screens.po ...), so people
working on different parts never edit the same file; `compile` joins them into the one
catalogue the program reads. Messages are wrapped in _() or n_() where shown, or marked with
N_() where defined (see kbm_tui/core/i18n.py). Needs the test extra (Babel).
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kbm_tui"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("de",)
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2)}
# Which .po file holds the messages of which files (the first match wins).
AREAS = (
    ("core", ("core/", "__init__.py")),
    ("db", ("db/", "store.py")),
    ("backup", ("backup/",)),
    ("cli", ("cli/",)),
    ("demo", ("demo/",)),
    ("moving", ("moving/",)),
    ("screens", ("screens/",)),
    ("ui", ("ui/", "widgets/", "app.py")),
)


def area_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE).as_posix()
    for area, starts in AREAS:
        if relative.startswith(starts):
            return area
    raise SystemExit(f"{relative}: no catalogue area; add it to AREAS in tools/catalogs.py")


def extracted() -> dict[str, Catalog]:
    """Every message of the code, by area, as templates."""
    catalogs = {area: Catalog(project="kbm-tui") for area, _ in AREAS}
    for path in sorted(PACKAGE.rglob("*.py")):
        area = area_of(path)
        for line, message, comments, context in extract_from_file(
                "python", str(path), keywords=KEYWORDS, comment_tags=("Translators:",)):
            catalogs[area].add(message, None, [(path.relative_to(ROOT).as_posix(), line)],
                               auto_comments=comments, context=context)
    return catalogs


def po_path(language: str, area: str) -> Path:
    return LOCALE / language / f"{area}.po"


def mo_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "kbm.mo"


def read(path: Path, language: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=language, project="kbm-tui")
    with path.open("rb") as fh:
        return read_po(fh, locale=language)


def write(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    # No line numbers: they would change with every edit and make merges conflict.
    write_po(buffer, catalog, width=100, no_location=True, omit_header=False,
             sort_output=True, ignore_obsolete=True, include_previous=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def update() -> None:
    for area, template in extracted().items():
        for language in LANGUAGES:
            path = po_path(language, area)
            catalog = read(path, language)
            catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
            _steady_header(catalog)
            if len(catalog) or path.exists():
                write(catalog, path)


def _steady_header(catalog: Catalog) -> None:
    """The same header every time: no dates or authors that would change with each update."""
    catalog.project, catalog.version, catalog.language_team = "kbm-tui", "", "kbm-tui"
    catalog.creation_date = catalog.revision_date = datetime(2026, 1, 1, tzinfo=UTC)
    catalog.last_translator = "kbm-tui"
    catalog.msgid_bugs_address = ""
    catalog.fuzzy = False
    catalog.header_comment = (f"# {catalog.locale_identifier} words of kbm-tui, one file per part "
                              "of the code (tools/catalogs.py).")


def merged(language: str) -> Catalog:
    """All areas' translations in one catalogue (the first translation of a message wins)."""
    whole = Catalog(locale=language, project="kbm-tui")
    for area, _ in AREAS:
        for message in read(po_path(language, area), language):
            if message.id and message.string and not message.fuzzy and message.id not in whole:
                whole[message.id] = message
    return whole


def compile_all() -> None:
    for language in LANGUAGES:
        path = mo_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        write_mo(buffer, merged(language), use_fuzzy=False)
        path.write_bytes(buffer.getvalue())


def problems() -> list[str]:
    """Messages without a translation, fuzzy or stale ones, and a catalogue not compiled."""
    found = []
    for area, template in extracted().items():
        for language in LANGUAGES:
            catalog = read(po_path(language, area), language)
            wanted = {m.id for m in template if m.id}
            have = {m.id for m in catalog if m.id}
            for message_id in sorted(wanted - have, key=str):
                found.append(f"{language}/{area}.po lacks {message_id!r}")
            for message_id in sorted(have - wanted, key=str):
                found.append(f"{language}/{area}.po holds {message_id!r}, which the code no "
                             "longer has")
            for message in catalog:
                if message.id and message.id in wanted:
                    plural = isinstance(message.id, tuple)
                    empty = (not all(message.string) if plural else not message.string)
                    if empty or message.fuzzy:
                        found.append(f"{language}/{area}.po: {message.id!r} is "
                                     f"{'fuzzy' if message.fuzzy else 'not translated'}")
    for language in LANGUAGES:
        path = mo_path(language)
        if not path.exists():
            found.append(f"{path.name} is missing: run tools/catalogs.py compile")
            continue
        with path.open("rb") as fh:
            compiled = {_key(m.id): _key(m.string) for m in read_mo(fh) if m.id}
        wanted = {_key(m.id): _key(m.string) for m in merged(language) if m.id}
        if compiled != wanted:
            found.append(f"{path.name} is not up to date: run "
                         "tools/catalogs.py compile")
    return found


def _key(value: object) -> object:
    return tuple(value) if isinstance(value, (list, tuple)) else value


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        listed = problems()
        print("\n".join(listed) or "The catalogues are complete and compiled.")
        return 1 if listed else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
