"""What a German shop owner in the first week gets wrong on the command line, and what kbm
answers: German, what was wrong and what to do, exit status 2, nothing changed."""

from __future__ import annotations

DE = {"LANG": "de_DE.UTF-8", "KBM_LANG": ""}


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
