"""Random input thrown at the store, the command line and restore: a clear error or a
correct result, never a traceback, never half a record."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbm_tui.backup import export as backup_export
from kbm_tui.backup import restore as backup_restore
from kbm_tui.cli.main import main
from kbm_tui.core.errors import KbmError
from kbm_tui.core.money import format_cents, parse_amount
from kbm_tui.store import Store

pytestmark = pytest.mark.both_engines

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
texts = st.text(st.characters(codec="utf-8"), max_size=300)


@FAST
@given(name=texts, phone=st.none() | texts, email=st.none() | texts, notes=st.none() | texts)
def test_adding_a_customer_stores_it_whole_or_refuses(store, name, phone, email, notes):
    before = store.count_customers(include_archived=True)
    try:
        c = store.add_customer(name, phone=phone, email=email, notes=notes)
    except KbmError as exc:
        assert exc.message
        assert store.count_customers(include_archived=True) == before
        return
    again = store.get_customer(c.id)
    assert again.name == name.replace("\r\n", "\n").strip()
    assert again.notes == (notes.replace("\r\n", "\n").strip() or None if notes else None)


@FAST
@given(summary=texts, channel=texts, kind=texts, amount=st.none() | st.integers(-10**12, 10**12))
def test_logging_stores_everything_or_nothing(store, summary, channel, kind, amount):
    c = store.add_customer("Eva")
    before = store.row_counts()["conversation"]
    try:
        conv = store.log_conversation(c.id, summary, channel=channel, kind=kind,
                                      amount_cents=amount)
    except KbmError:
        assert store.row_counts()["conversation"] == before
        return
    assert store.get_conversation(conv.id).summary == summary.replace("\r\n", "\n").strip()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_amounts_parse_to_exact_cents_or_a_message(text):
    try:
        cents = parse_amount(text)
    except KbmError as exc:
        assert text in exc.message or "too large" in exc.message
        return
    assert isinstance(cents, int)
    assert parse_amount(format_cents(cents)) == cents


ARG = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(customer=ARG, summary=ARG, via=st.none() | ARG, due=st.none() | ARG, amount=st.none() | ARG,
       at=st.none() | ARG)
def test_quick_add_with_random_arguments(db_path, capsys, customer, summary, via, due, amount, at):
    argv = ["--db", str(db_path), "log", customer, summary, "--new", "--promise", "p"]
    for flag, value in (("--via", via), ("--due", due), ("--amount", amount), ("--at", at)):
        if value is not None:
            argv += [flag + "=" + value]
    with Store.open(db_path) as store:
        before = store.row_counts()
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse refusing the arguments themselves
        code = exc.code
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    with Store.open(db_path) as store:
        after = store.row_counts()
    if code == 0:
        assert after["conversation"] == before["conversation"] + 1
        assert after["promise"] == before["promise"] + 1
    else:
        assert code == 2 and err.strip()
        assert after == before


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(st.text(max_size=20), min_size=0, max_size=18), max_size=4))
def test_restore_of_random_customer_rows(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("r")
    with Store.open(folder / "src.sqlite3") as src:
        src.add_customer("Eva")
        good = folder / "good.zip"
        backup_export.export(src, good)
    bad = folder / "bad.zip"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "customer.csv":
                text = io.StringIO(newline="")
                csv.writer(text, lineterminator="\r\n").writerows(rows)
                data = data + text.getvalue().encode("utf-8")
            zout.writestr(name, data)
    with Store.open(folder / "dst.sqlite3") as dst:
        try:
            backup_restore.restore(dst, bad)
        except KbmError as exc:
            assert "customer.csv" in exc.message or "manifest" in exc.message
            assert dst.row_counts()["customer"] == 0
            return
        assert dst.row_counts()["customer"] == 1 + len(rows)


# What a summary or resolution can hold: anything typed input lets through (line breaks and
# tabs but no other control characters, never only blanks); the schema refuses the rest.
PUNCTUATION = st.text(st.sampled_from(list(',"\n\t=+-@\' aäß€') + ["\u2028", "🙂"]),
                      max_size=12).filter(lambda t: t.strip(" \t\n"))
STORABLE = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]) |
                   st.sampled_from("\n\t"), min_size=1, max_size=300).filter(
                       lambda t: t.strip(" \t\n"))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.tuples(PUNCTUATION | STORABLE, st.none() | PUNCTUATION,
                                st.none() | st.integers(-10**11 + 1, 10**11 - 1)),
                      min_size=1, max_size=5))
def test_backup_lines_built_by_sqlite_are_what_the_csv_module_writes(store, cells):
    """The export has SQLite build each CSV line; byte for byte it must be Python's own
    csv writing of the same (spreadsheet-escaped) cells."""
    customer = store.find_customers("Eva") or [store.add_customer("Eva")]
    with store.transaction():
        store.insert_rows(
            "conversation", ["customer_id", "at", "channel", "direction", "kind", "summary",
                             "resolution", "amount_cents", "created_at"],
            [(customer[0].id, "2026-11-22T10:00:00Z", "phone", "in", "other", summary,
              resolution, cents, "2026-11-22T10:00:00Z") for summary, resolution, cents in cells])
    columns = store.table_columns("conversation", stored_only=True)
    expected = io.StringIO()
    csv.writer(expected, lineterminator="\r\n").writerows(
        store.iter_rows("conversation", columns, escape_formulas=True))
    lines = [line for batch in store.csv_batches("conversation", columns, ids=(0, 2 ** 62))
             for line in batch]
    assert b"".join(line + b"\r\n" for line in lines) == expected.getvalue().encode()
