"""`kbm` end to end, as a real process on a temporary database."""

from __future__ import annotations

import json
import zipfile

import pytest

pytestmark = pytest.mark.both_engines


def test_quick_add_creates_logs_and_promises_in_one_line(kbm):
    out = kbm.ok("log", "Anna Schmidt", "asked about a child seat", "--new", "--via", "phone",
                 "--promise", "call back with prices", "--due", "after lunch",
                 "--follow-up", "next week", "ask whether the seat fits")
    assert out.count("\n") == 1
    assert "new customer Anna Schmidt (#1)" in out
    assert "phone" in out and "Promise #1 due today 14:00" in out
    assert "Follow-up #1 Sun 29 Nov" in out
    today = json.loads(kbm.ok("today", "--json"))
    assert [p["text"] for p in today["promises_today"]] == ["call back with prices"]
    assert today["promises_today"][0]["due_at"] == "2026-11-22T13:00:00Z"
    assert [c["summary"] for c in today["conversations_today"]] == ["asked about a child seat"]


def test_customer_is_found_by_part_of_name_phone_or_email(kbm):
    kbm.ok("add", "Jürgen Müller", "--phone", "0171 234 5678", "--email", "jm@example.com")
    for typed in ("jurgen", "MÜLLER", "2345", "jm@example"):
        assert "Jürgen Müller (#1)" in kbm.ok("log", typed, "hello")


def test_several_matches_list_the_candidates(kbm):
    kbm.ok("add", "Anna Schmidt", "--phone", "0171 111")
    kbm.ok("add", "Anna Berg")
    err = kbm.fails("log", "anna", "hello")
    assert "matches more than one customer" in err
    assert "#1" in err and "Anna Schmidt" in err and "0171 111" in err and "Anna Berg" in err
    assert json.loads(kbm.ok("today", "--json"))["conversations_today"] == []


def test_the_candidates_line_up_in_columns(kbm):
    """Two Müllers: the numbers stand under each other, whatever the names' lengths."""
    kbm.ok("add", "Jürgen Müller", "--phone", "0341 9876543")
    kbm.ok("add", "Petra Müller", "--phone", "0341 1112223")
    kbm.ok("add", "Jo Müller", "--phone", "0171 5550000", "--email", "jo@example.com")
    err = kbm.fails("log", "müller", "hello", env={"KBM_LANG": "de"})
    lines = [line for line in err.splitlines() if line.startswith("  #")]
    assert len(lines) == 3
    assert len({line.index("0") for line in lines}) == 1, err


def test_edit_names_what_it_changed(kbm):
    kbm.ok("add", "Anna Schmidt", "--phone", "0171 2345678", "--email", "anna@example.com")
    german = {"KBM_LANG": "de"}
    assert kbm.ok("edit", "anna", "--birthday", "14.3.", env=german).strip() == \
        "#1 Anna Schmidt geändert: Geburtstag 14. März."
    assert kbm.ok("edit", "anna", "--phone", "030 123", "--email", "", "--birthday", "14.3.",
                  env={"KBM_LANG": "en"}).strip() == \
        "Changed #1 Anna Schmidt: phone 030 123, email emptied."
    assert kbm.ok("edit", "anna", "--phone", "030 123", env=german).strip() == \
        "#1 Anna Schmidt: nichts geändert, die Karte sagt das schon."


def test_no_match_suggests_new(kbm):
    err = kbm.fails("log", "Zoe", "hello")
    assert "No customer matches" in err and "--new" in err


def test_an_empty_customer_asks_which_one_rather_than_suggesting_a_nameless_new_one(kbm):
    kbm.ok("add", "Eva Klein")
    for args in (("log", " ", "hello"), ("show", ""), ("promise", "", "call back")):
        err = kbm.fails(*args)
        assert "Which customer?" in err and "--new" not in err, args
    assert "Welcher Kunde?" in kbm.fails("log", "", "hallo", env={"KBM_LANG": "de"})
    assert "hello" not in kbm.ok("show", "eva")


def test_the_customer_list_keeps_number_name_and_phone_on_one_line_at_80_columns(kbm):
    kbm.ok("add", "Juergen Mueller", "--phone", "+49 341 9876543")
    for lang in ("en", "de"):
        out = kbm.ok("customers", env={"COLUMNS": "80", "KBM_LANG": lang})
        assert "#1  Juergen Mueller  +49 341 9876543" in out, out


def test_a_bare_number_that_is_a_customers_number_is_pointed_to_its_hash_form(kbm):
    kbm.ok("add", "Eva Klein")
    kbm.ok("add", "Juergen Mueller", "--phone", "0341 9876543")
    err = kbm.fails("show", "2")
    assert 'Did you mean #2 (Juergen Mueller)? Write the number as kbm shows it: "#2".' in err
    assert "--new" not in err
    assert "Meinten Sie #2 (Juergen Mueller)?" in kbm.fails("merge", "2", "1",
                                                            env={"KBM_LANG": "de"})
    assert "No customer matches" in kbm.fails("show", "7")  # no such number either


def test_add_edit_and_archive(kbm):
    kbm.ok("add", "Eva Klein", "--tag", "e-bike", "--tag", "club", "--note", "rides daily")
    card = json.loads(kbm.ok("edit", "eva", "--phone", "030 123", "--email", "", "--json"))
    assert card["phone"] == "030 123" and card["email"] is None and card["tags"] == "e-bike, club"
    kbm.ok("edit", "#1", "--archive")
    assert json.loads(kbm.ok("customers", "--json")) == []
    assert len(json.loads(kbm.ok("customers", "--all", "--json"))) == 1


def test_promise_remind_and_close_them(kbm):
    kbm.ok("add", "Eva Klein")
    assert "due Fri 27 Nov" in kbm.ok("promise", "eva", "order the bell", "--due", "Freitag")
    assert "open-ended" in kbm.ok("promise", "eva", "tell her when the part arrives")
    out = kbm.ok("remind", "eva", "ask about the ride", "--on", "in 2 Wochen", "--every", "4w")
    assert "Sun 6 Dec, then every 4 weeks" in out  # a sentence: no zero before the day
    assert "kept" in kbm.ok("kept", "1")
    assert "broken" in kbm.ok("broken", "2", "supplier gave up")
    statuses = json.loads(kbm.ok("promises", "--status", "broken", "--json"))
    assert [p["close_note"] for p in statuses] == ["supplier gave up"]


def test_today_lists_overdue_promises_first(kbm):
    kbm.ok("add", "Eva Klein")
    kbm.ok("promise", "eva", "later today", "--due", "18:00")
    kbm.ok("promise", "eva", "next week", "--due", "next week")
    env = {"KBM_NOW": "2026-11-30T09:00:00+01:00"}
    out = kbm.ok("today", env=env)
    assert out.index("Overdue promises") < out.index("later today") < out.index("next week")
    assert out.index("next week") < out.index("Promises due today")


def test_customers_table_shows_what_the_owner_needs(kbm):
    kbm.ok("add", "Eva Klein", "--phone", "0171 5550")
    kbm.ok("log", "eva", "bought a lock", "--kind", "purchase", "--amount", "29,90",
           "--promise", "adjust the saddle", "--due", "tomorrow")
    out = kbm.ok("customers", "5550")
    assert "Eva Klein" in out and "0171 5550" in out and "11:30" in out and " 1 " in out
    assert "No customer matches" in kbm.ok("customers", "nobody")


def test_customers_are_found_as_a_german_keyboard_types_them(kbm):
    kbm.ok("add", "Søren Łada", "--phone", "+45 32 12 34 56")
    kbm.ok("log", "søren", "Smørrebrød für die Tour")
    for typed in ("soren", "lada", "smorrebrod"):
        assert "Søren Łada" in kbm.ok("customers", typed), typed


@pytest.mark.sqlite_only  # safety copies: on a server, pg_dump
def test_export_and_restore_through_the_command_line(kbm, tmp_path):
    kbm.ok("log", "Eva Klein", "=1+1 \"quoted\"\nsecond line", "--new", "--amount", "-5")
    out = kbm.ok("export")
    backup_file = tmp_path / "kbm-backup-2026-11-22.zip"
    assert str(backup_file) in out and backup_file.exists()
    assert "kbm-backup-2026-11-22-2.zip" in kbm.ok("export")
    target = tmp_path / "new.sqlite3"
    kbm.ok("--db", str(target), "restore", str(backup_file), db=False)
    again = kbm.ok("--db", str(target), "today", "--json", db=False)
    assert json.loads(again)["conversations_today"][0]["summary"] == "=1+1 \"quoted\"\nsecond line"
    err = kbm.fails("restore", str(backup_file))
    assert "already holds 1 customer and 1 conversation" in err
    assert "kept as" in kbm.ok("restore", str(backup_file), "--replace")
    with zipfile.ZipFile(backup_file) as zf:
        assert "'=1+1" in zf.read("conversation.csv").decode("utf-8-sig")


def test_every_command_has_help_with_examples(kbm):
    for command in ("log", "add", "edit", "promise", "remind", "today", "customers", "export",
                    "restore", "staff", "promises"):
        out = kbm.ok(command, "--help", db=False)
        assert "examples:" in out, command
    assert "kbm-tui 0.1.0" in kbm.ok("--version", db=False)


def test_staff_can_be_added_and_named_in_a_log(kbm):
    kbm.ok("staff", "rename", "Owner", "Frank")
    kbm.ok("staff", "add", "Maria")
    kbm.ok("add", "Eva")
    assert "with Maria" in kbm.ok("log", "eva", "hi", "--by", "mar")
    err = kbm.fails("log", "eva", "hi", "--by", "Olga")
    assert "Nobody on the staff is called \"Olga\"" in err and "Frank, Maria" in err


def test_past_conversation_with_at(kbm):
    kbm.ok("add", "Eva")
    kbm.ok("log", "eva", "phoned yesterday", "--at", "gestern 16:00", "--via", "phone")
    data = json.loads(kbm.ok("customers", "--json"))
    assert data[0]["last_contact_at"] == "2026-11-21T15:00:00Z"
    assert "in the future" in kbm.fails("log", "eva", "x", "--at", "tomorrow 10:00")


def test_no_color_output_has_no_escape_codes(kbm):
    kbm.ok("add", "Eva")
    assert "\x1b[" not in kbm.ok("today")


def test_demo_command_fills_a_new_database_only(kbm, tmp_path):
    target = tmp_path / "demo.sqlite3"
    out = kbm.ok("--db", str(target), "demo", "--customers", "30", db=False)
    assert "30 customers" in out and "450 conversations" in out
    assert "already holds data" in kbm.fails("--db", str(target), "demo", db=False)
