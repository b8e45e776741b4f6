"""Moving in and out on the command line: kbm import (preview, batch, undo), duplicates on
adding, kbm duplicates and merge, kbm export --vcard and kbm calendar."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.both_engines
DATA = Path(__file__).parent.parent / "data" / "import"


def test_import_previews_then_imports_once_and_is_undone(kbm):
    out = kbm.ok("import", str(DATA / "outlook_de.csv"), "--dry-run")
    assert "outlook_de.csv: Outlook CSV, 2 cards." in out
    assert "Mobiltelefon → mobile" in out and "Columns left out: Anrede" in out
    assert "\n2 new.\n" in out and "nothing was imported" in out
    assert "Renate" not in kbm.ok("customers")
    out = kbm.ok("import", str(DATA / "outlook_de.csv"))
    assert "Imported as import #1: 2 added, 0 completed" in out
    assert "Nothing new: every card is here already." in kbm.ok(
        "import", str(DATA / "outlook_de.csv"))
    out = kbm.ok("import", str(DATA / "iphone.vcf"))
    assert "Already here: what they get" in out and "#2 Jürgen Müller" in out
    assert "organisation" in out and "birthday" in out
    show = kbm.ok("show", "jürgen")
    assert "Radsport Müller GmbH" in show and "4 May" in show
    listed = kbm.ok("import", "--list")
    assert "iphone.vcf" in listed and "outlook_de.csv" in listed
    out = kbm.ok("import", "--undo")
    assert "Import #2 (iphone.vcf" in out and "2 removed, 1 restored" in out
    assert "Radsport" not in kbm.ok("show", "jürgen")
    assert "undone already" in kbm.fails("import", "--undo", "2")


def test_a_bad_file_exits_2_naming_file_and_line_and_imports_nothing(kbm, tmp_path):
    err = kbm.fails("import", str(DATA / "broken.vcf"))
    assert "broken.vcf, card 2 (line 6): The card has no END:VCARD" in err
    err = kbm.fails("import", str(DATA / "no_header.csv"))
    assert "no_header.csv, line 1: No column says who the person is" in err
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert "bild.png: This is not a contact file" in kbm.fails("import", str(tmp_path / "bild.png"))
    assert "there is no such file" in kbm.fails("import", str(tmp_path / "fehlt.vcf"))
    assert "write it as" in kbm.fails("import", str(DATA / "no_header.csv"), "--map", "nonsense")
    assert kbm.ok("customers").count("#") == 0


def test_map_gives_a_column_its_meaning(kbm):
    out = kbm.ok("import", str(DATA / "no_header.csv"), "--map", "Müller=name",
                 "--map", "0341 123=phone")
    assert "1 added" in out
    assert "Schmidt" in kbm.ok("customers", "0341 456")


def test_a_hostile_list_names_the_lines_it_leaves_out(kbm):
    out = kbm.ok("import", str(DATA / "hostile.csv"))
    assert "line 4" in out and "at most 200 fit" in out and "line 6" in out
    assert "3 added" in out
    assert "HYPERLINK" in kbm.ok("customers")
    assert "\x1b" not in kbm.ok("customers")


def test_adding_someone_known_is_refused_naming_them_until_anyway(kbm):
    kbm.ok("add", "Jürgen Müller", "--phone", "+49 341 9876543")
    err = kbm.fails("add", "Juergen Mueller", "--phone", "0341 98765-43")
    assert '"Juergen Mueller" may be here already' in err
    assert "#1" in err and "same phone number" in err and "--anyway" in err
    kbm.ok("add", "Juergen Mueller", "--phone", "0341 98765-43", "--anyway")
    err = kbm.fails("log", "jürgen müller", "hallo", "--new")
    assert "may be here already" in err and "--new --anyway" in err
    kbm.ok("log", "Jürgen Müller", "hallo", "--new", "--anyway")


def test_duplicates_then_merge_then_undo(kbm):
    kbm.ok("add", "Jürgen Müller", "--phone", "+49 341 9876543")
    kbm.ok("add", "Juergen Mueller", "--phone", "0341 9876543", "--email", "jm@example.de",
           "--anyway")
    kbm.ok("log", "#2", "Bremsen quietschen", "--kind", "complaint")
    out = kbm.ok("duplicates")
    assert "#1 Jürgen Müller" in out and "#2 Juergen Mueller" in out
    assert "same phone number" in out and 'kbm merge "#1" "#2"' in out
    out = kbm.ok("merge", "#1", "#2")
    assert "came over: 1 conversation, 0 promises, 0 follow-ups" in out
    show = kbm.ok("show", "#1")
    assert "jm@example.de" in show and "Bremsen quietschen" in show and "merged" in show
    assert "No duplicates found." in kbm.ok("duplicates")
    assert "has their own card again" in kbm.ok("merge", "--undo", "#1")
    assert "Bremsen quietschen" in kbm.ok("show", "#2")
    assert "--take shoe: choose from" in kbm.fails("merge", "#1", "#2", "--take", "shoe")
    assert "Name two customers" in kbm.fails("merge", "#1")


def test_vcard_and_calendar_out(kbm, tmp_path):
    kbm.ok("import", str(DATA / "iphone.vcf"))
    kbm.ok("promise", "anna", "Rückruf wegen Kindersitz", "--due", "after lunch")
    kbm.ok("remind", "kita", "Frühjahrsinspektion anbieten", "--on", "in 2 weeks",
           "--every", "4w")
    out = kbm.ok("export", "--vcard", str(tmp_path / "k.vcf"), "--search", "leipzig")
    assert "Wrote 2 cards" in out
    text = (tmp_path / "k.vcf").read_text(encoding="utf-8")
    assert "FN:Jürgen Müller" in text and "Kita" not in text
    out = kbm.ok("calendar", str(tmp_path / "k.ics"))
    assert "1 promise and 1 follow-up, each with a reminder" in out
    ics = (tmp_path / "k.ics").read_text(encoding="utf-8")
    assert "BEGIN:VALARM" in ics and "RRULE:FREQ=WEEKLY;INTERVAL=4" in ics
    assert oct((tmp_path / "k.ics").stat().st_mode & 0o777) == "0o600"
    assert "belong to --vcard" in kbm.fails("export", "--search", "x")
