"""What a German shop owner in the first week gets wrong on the command line, and what kbm
answers: German, what was wrong and what to do, exit status 2, nothing changed."""

from __future__ import annotations

DE = {"LANG": "de_DE.UTF-8", "KBM_LANG": ""}


def refused(kbm, *args: str, env: dict | None = None) -> str:
    """Exit status 2, no traceback: what kbm said (a usage line may come first, "Aufruf:"
    in German, which kbm.fails doesn't know)."""
    result = kbm(*args, env=env)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stderr


def test_a_backup_into_a_missing_folder_says_why_in_german(kbm, tmp_path):
    kbm.ok("add", "Jürgen Müller")
    said = kbm.fails("export", str(tmp_path / "gibtsnicht" / "sicherung.zip"), env=DE)
    assert "lässt sich nicht schreiben: diesen Ordner oder diese Datei gibt es nicht." in said
    assert "No such file" not in said
    assert not (tmp_path / "gibtsnicht").exists()


def test_a_customer_number_that_is_not_there_is_named_as_a_number(kbm):
    kbm.ok("add", "Jürgen Müller")
    said = kbm.fails("show", "#99", env=DE)
    assert said == "kbm: Es gibt keinen Kunden #99.\n"
    said = kbm.fails("log", "#99", "ruft an", env=DE)
    assert said == "kbm: Es gibt keinen Kunden #99.\n"
    assert "Jürgen Müller" in kbm.ok("customers")
    assert "ruft an" not in kbm.ok("show", "#1")


def test_a_mistyped_command_gets_the_command_meant(kbm):
    kbm.ok("add", "Anna Schmidt")
    said = refused(kbm, "lgo", "anna", "ruft an", env=DE)
    assert 'Meinten Sie "log"?' in said and "kbm --help" in said
    assert "'calendar'" not in said  # not the list of all thirty commands
    said = refused(kbm, "restor", "kbm-backup.zip", "--lang", "en")
    assert 'Did you mean "restore"?' in said
    said = refused(kbm, "xyzzy", env=DE)
    assert "Meinten Sie" not in said and "'log'" in said  # nothing close: every command
    assert "ruft an" not in kbm.ok("show", "anna")


def test_an_option_the_command_lacks_points_to_that_commands_help(kbm):
    said = refused(kbm, "today", "--date", "morgen", env=DE)
    assert "--date morgen" in said and "Hilfe: kbm today --help" in said
    assert "Aufruf: kbm today" in said


def test_a_word_a_command_doesnt_take_is_refused_in_german_words_only(kbm):
    kbm.ok("add", "Anna Schmidt")
    kbm.ok("log", "anna", "wünscht sich längere Öffnungszeiten", "--kind", "idee")
    said = refused(kbm, "idea", "1", "vielleicht", env=DE)
    assert '"vielleicht" geht hier nicht; möglich sind: neu, geprüft, erledigt.' in said
    assert "status" not in said and "?." not in said
    said = refused(kbm, "staff", "Maria", env=DE)
    assert '"Maria" geht hier nicht; möglich sind: neu, umbenennen.' in said
    assert "action" not in said
    said = refused(kbm, "lgo", "anna", "x", env=DE)
    assert '"lgo" ist kein Befehl. Meinten Sie "log"? Hilfe: kbm --help' in said
    assert "neu" in kbm.ok("ideas", env=DE) and "Maria" not in kbm.ok("staff")


def test_a_refused_restore_into_a_new_file_leaves_no_file(kbm, tmp_path):
    (tmp_path / "kunden.csv").write_text("Name;Telefon\r\nJürgen Müller;0341 9876543\r\n")
    fresh = tmp_path / "neu.sqlite3"
    for source in ("fehlt.zip", "kunden.csv", str(tmp_path)):
        result = kbm("--db", str(fresh), "restore", source, db=False, env=DE)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert not fresh.exists(), source  # "a refused restore changes nothing"
    said = kbm("--db", str(fresh), "restore", "fehlt.zip", db=False, env=DE).stderr
    assert said == "kbm: Unter fehlt.zip gibt es keine Sicherung.\n"


def test_a_calendar_into_a_missing_folder_says_why_in_german(kbm, tmp_path):
    kbm.ok("add", "Jürgen Müller")
    said = kbm.fails("calendar", str(tmp_path / "gibtsnicht" / "kbm.ics"), env=DE)
    assert "diesen Ordner oder diese Datei gibt es nicht" in said
    assert "No such file" not in said


def test_an_import_from_under_a_file_says_why_in_german(kbm, tmp_path):
    (tmp_path / "kunden.csv").write_text("Name\nAnna\n", encoding="utf-8")
    said = kbm.fails("import", str(tmp_path / "kunden.csv" / "mehr.csv"), env=DE)
    assert "Die Datei lässt sich nicht lesen (ein Teil des Pfads ist kein Ordner)" in said
    assert "Not a directory" not in said
