"""Out again: vCard 4.0 for the phone, Google and Thunderbird; an iCalendar file of what is
still owed, so the phone's calendar reminds the shop."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kbm_tui.core.when import parse_when
from kbm_tui.moving import calendar_out, vcard_out
from kbm_tui.moving.read import load
from kbm_tui.store import Store

pytestmark = pytest.mark.both_engines
DATA = Path(__file__).parent.parent / "data" / "import"
KEPT = ("name", "phone", "email", "address", "notes", "organization", "birthday", "tags",
        "more_contacts")


def import_file(store, path: Path):
    loaded = load(path)
    return store.import_cards(loaded.cards, loaded.rejected, file_name=path.name,
                              file_format=loaded.format)


def export(store, tmp_path, name="out.vcf", search="") -> Path:
    out = io.StringIO()
    vcard_out.write(store.customers_matching(search), out, store.database_token())
    path = tmp_path / name
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


def cards_of(store) -> dict[str, tuple]:
    return {c.name: tuple(getattr(c, f) for f in KEPT) for c in store.customers_matching()}


def test_vcard_to_kbm_to_vcard_keeps_names_numbers_emails_addresses_notes(store, tmp_path):
    for name in ("iphone.vcf", "thunderbird_v4.vcf", "outlook_de.csv"):
        import_file(store, DATA / name)
    path = export(store, tmp_path)
    text = path.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VCARD") == 6 and "VERSION:4.0" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    with Store.open(tmp_path / "other.sqlite3") as other:
        import_file(other, path)
        assert cards_of(other) == cards_of(store)
        again = export(other, tmp_path, "again.vcf")
    assert again.read_bytes().decode().replace("\r\n ", "").count("UID:") == 6
    # The cards keep their UIDs: importing the export into the first shop adds nothing.
    plan, batch = import_file(store, path)
    assert batch is None and len(plan.of("known")) == 6


def test_a_search_picks_the_cards(store, tmp_path):
    import_file(store, DATA / "iphone.vcf")
    text = export(store, tmp_path, search="leipzig").read_text(encoding="utf-8")
    assert "FN:Jürgen Müller" in text and "FN:Anna Schmidt" in text
    assert "Kita" not in text


def test_an_organisation_is_a_card_of_kind_org(store, tmp_path):
    import_file(store, DATA / "iphone.vcf")
    text = export(store, tmp_path).read_text(encoding="utf-8")
    kita = text[text.index("FN:Kita"):]
    assert "KIND:org" in text and "TEL;TYPE=work,fax:(0341) 22 33 45" in kita


def test_the_calendar_holds_what_is_owed_with_alarms_and_stable_uids(store):
    from icalendar import Calendar

    anna = store.add_customer("Anna Schmidt", phone="0171 2345678")
    store.make_promise(anna.id, "Rückruf wegen Kindersitz", parse_when("after lunch"))
    store.make_promise(anna.id, "Ersatzteil bestellen", parse_when("Freitag"))
    store.make_promise(anna.id, "Bescheid geben, wenn das Teil da ist")
    store.plan_followup(anna.id, "Nach dem Rad fragen", parse_when("in 2 Wochen"), every_days=28)
    promises, followups = store.open_promises_and_followups()
    token = store.database_token()
    data, written = calendar_out.build(promises, followups, token,
                                       phones={anna.id: "0171 2345678"})
    assert (written.promises, written.followups, written.open_ended) == (2, 1, 1)
    events = Calendar.from_ical(data).walk("VEVENT")
    by_summary = {str(e["summary"]): e for e in events}
    call = by_summary["Promise to Anna Schmidt: Rückruf wegen Kindersitz"]
    assert call.decoded("dtstart").hour == 13  # 14:00 in Berlin, in UTC
    assert call.walk("VALARM")[0].decoded("trigger").total_seconds() == -15 * 60
    friday = by_summary["Promise to Anna Schmidt: Ersatzteil bestellen"]
    assert str(friday.decoded("dtstart")) == "2026-11-27"  # all day, alarm at 09:00
    assert friday.walk("VALARM")[0].decoded("trigger").total_seconds() == 9 * 3600
    follow = by_summary["Follow up with Anna Schmidt: Nach dem Rad fragen"]
    assert follow["rrule"]["FREQ"] == ["WEEKLY"] and follow["rrule"]["INTERVAL"] == [4]
    assert "0171 2345678" in str(follow["description"])
    again, _ = calendar_out.build(*store.open_promises_and_followups(), token)
    assert sorted(str(e["uid"]) for e in Calendar.from_ical(again).walk("VEVENT")) == \
        sorted(str(e["uid"]) for e in events)


def test_the_calendar_as_tasks(store):
    from icalendar import Calendar

    anna = store.add_customer("Anna Schmidt")
    store.make_promise(anna.id, "Rückruf", parse_when("after lunch"))
    data, _ = calendar_out.build(*store.open_promises_and_followups(), "x", todo=True)
    (task,) = Calendar.from_ical(data).walk("VTODO")
    assert task.decoded("due").hour == 13


def test_notes_over_several_lines_travel_in_a_vcard(store, tmp_path):
    notes = "Rides a Brompton\nCall after 17:00\n\nPays cash; no card, please"
    store.add_customer("Greta Hoffmann", phone="0171 2345678", notes=notes)
    path = export(store, tmp_path)
    with Store.open(tmp_path / "other.sqlite3") as other:
        import_file(other, path)
        assert other.match_customer("greta").notes == notes
