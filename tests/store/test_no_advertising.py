""""No advertising" (GDPR Art. 21): a customer objects to advertising and still expects the
call-back, the answer, the quote they asked for. Only an outgoing conversation of the kind
"advertising" breaks the wish; the day of the objection is kept as the shop's evidence."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import FIXED_NOW

from kbm_tui.backup import export as backup_export
from kbm_tui.backup import restore as backup_restore
from kbm_tui.core import clock
from kbm_tui.core.errors import AgainstWishes
from kbm_tui.core.records import ContactDraft
from kbm_tui.store import Store

pytestmark = pytest.mark.both_engines
DATA = Path(__file__).parent.parent / "data"


def test_the_objection_stands_from_its_first_day_until_withdrawn(store):
    anna = store.add_customer("Anna Schmidt")
    assert store.get_customer(anna.id).no_ads_since is None
    assert store.set_wishes(anna.id, no_ads=True).no_ads_since == FIXED_NOW
    clock.set_now(FIXED_NOW + timedelta(days=9))
    # ticked again, other wishes changed, all wishes cleared: still the first day
    assert store.set_wishes(anna.id, no_ads=True).no_ads_since == FIXED_NOW
    assert store.set_wishes(anna.id, channel="phone", every_days=28).no_ads_since == FIXED_NOW
    cleared = store.set_wishes(anna.id, clear=True)
    assert (cleared.pref_channel, cleared.contact_every_days, cleared.no_ads_since) == (
        None, None, FIXED_NOW)
    assert store.set_wishes(anna.id, no_ads=False).no_ads_since is None
    assert store.set_wishes(anna.id, no_ads=True).no_ads_since == FIXED_NOW + timedelta(days=9)


def test_only_advertising_goes_against_it(store):
    anna = store.add_customer("Anna Schmidt")
    store.set_wishes(anna.id, no_ads=True)
    objected = ["Anna Schmidt objected to advertising (since 22 Nov 2026)."]
    for typed in ("advertising", "Werbung", "newsletter", "Mailing"):
        assert store.wish_conflicts(anna.id, kind=typed) == objected, typed
    for kind in ("offer", "service", "inquiry", "other", None):
        assert store.wish_conflicts(anna.id, kind=kind) == [], kind

    def logged(summary: str, direction: str | None, kind: str) -> str | None:
        draft = ContactDraft(anna.id, summary=summary, direction=direction, kind=kind,
                             channel="email")
        return store.record_contact(draft).conversation.against_wishes

    # what the customer expects: the promised call-back, the quote they asked for
    assert logged("Rückruf wegen der Bremsen wie versprochen", "out", "service") is None
    assert logged("Angebot für den Kindersitz, wie gewünscht", "out", "offer") is None
    assert logged("möchte doch den Newsletter sehen", "in", "inquiry") is None
    for direction in ("in", None):  # advertising is what the shop sends, whatever is given
        with pytest.raises(AgainstWishes, match="objected to advertising"):
            logged("Newsletter geschickt", direction, "advertising")
    assert store.wish_conflicts(anna.id, direction="in", kind="advertising") == objected
    assert store.wish_conflicts(anna.id, direction="in", kind="offer") == []
    draft = ContactDraft(anna.id, summary="Frühjahrs-Newsletter", direction="out",
                         kind="advertising", channel="email")
    with pytest.raises(AgainstWishes, match=r"objected to advertising \(since 22 Nov 2026\)"):
        store.record_contact(draft)
    assert store.count_conversations(text="fruhjahrs") == 0  # nothing saved
    noted = store.record_contact(draft, anyway=True).conversation
    assert noted.against_wishes == objected[0]


def test_do_not_contact_says_it_once(store):
    anna = store.add_customer("Anna Schmidt")
    store.set_wishes(anna.id, no_ads=True, do_not_contact=True, dnc_reason="moved away")
    assert store.wish_conflicts(anna.id, kind="advertising") == [
        "Anna Schmidt asked not to be contacted (reason: moved away)."]


def test_a_merge_keeps_the_objection_from_the_earlier_day(store):
    anna = store.add_customer("Anna Schmidt", phone="0171 1112233")
    twin = store.add_customer("Anna Schmitt", phone="0171 1112233")
    other = store.add_customer("Ben Graf")
    store.set_wishes(twin.id, no_ads=True)
    clock.set_now(FIXED_NOW + timedelta(days=3))
    store.set_wishes(anna.id, no_ads=True)
    store.merge_customers(anna.id, twin.id)
    assert store.get_customer(anna.id).no_ads_since == FIXED_NOW
    store.merge_customers(other.id, anna.id)  # kept the card without it: the "no" stays
    assert store.get_customer(other.id).no_ads_since == FIXED_NOW
    _merge, back = store.undo_merge(kept_id=other.id)  # each card as it was
    assert store.get_customer(other.id).no_ads_since is None
    assert store.get_customer(back.id).no_ads_since == FIXED_NOW


def _source(tmp_path: Path) -> Path:
    """A backup of a shop where Anna objected to advertising, Ben did not."""
    with Store.open(tmp_path / "source.sqlite3") as source:
        anna = source.add_customer("Anna Schmidt")
        source.add_customer("Ben Graf")
        source.set_wishes(anna.id, no_ads=True)
        source.log_conversation(anna.id, "bitte keine Prospekte mehr", kind="advertising")
        backup_export.export(source, tmp_path / "b.zip")
    return tmp_path / "b.zip"


def test_a_backup_brings_the_objection_back_with_its_day(store, tmp_path):
    backup_restore.restore(store, _source(tmp_path))
    assert store.match_customer("anna").no_ads_since == FIXED_NOW
    assert store.match_customer("ben").no_ads_since is None
    (said,) = store.conversations(text="prospekte")
    assert said.kind == "advertising"


def _as_schema_6(backup: Path, target: Path) -> None:
    """The backup as the kbm-tui of schema 6 wrote it: no objection on the card."""
    with zipfile.ZipFile(backup) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "customer.csv":
                rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
                keep = [n for n, c in enumerate(rows[0]) if c != "no_ads_since"]
                out = io.StringIO()
                csv.writer(out, lineterminator="\r\n").writerows(
                    [[row[n] for n in keep] for row in rows])
                data = out.getvalue().encode("utf-8")
            elif info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["schema_version"] = 6
                columns = manifest["tables"]["customer"]["columns"]
                manifest["tables"]["customer"]["columns"] = [
                    c for c in columns if c != "no_ads_since"]
                data = json.dumps(manifest).encode("utf-8")
            zout.writestr(info.filename, data)


def test_a_backup_of_schema_6_restores_with_no_objection(store, tmp_path):
    _as_schema_6(_source(tmp_path), tmp_path / "v6.zip")
    with zipfile.ZipFile(tmp_path / "v6.zip") as zf:
        assert b"no_ads_since" not in zf.read("customer.csv")
    backup_restore.restore(store, tmp_path / "v6.zip")
    assert [c.no_ads_since for c in store.list_customers("")] == [None, None]
    assert store.match_customer("anna").name == "Anna Schmidt"


def test_a_safety_copy_of_schema_6_restores_with_no_objection(store, tmp_path):
    copy = tmp_path / "kbm.sqlite3.before-upgrade-v6"
    shutil.copy(DATA / "schema_v6.sqlite3", copy)
    store.restore_safety_copy(copy)
    assert store.row_counts()["conversation"] == 5
    assert all(c.no_ads_since is None for c in store.list_customers(""))
    assert store.match_customer("jurgen").pref_channel == "phone"
    assert store.count_conversations(text="angebot helme") == 1
