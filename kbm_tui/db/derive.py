"""The search columns the store keeps beside a customer's own fields, computed the same way
on every write, on restore, and in the schema step that introduced them."""

from __future__ import annotations

import sqlite3
from typing import Any

from kbm_tui.core import cardfields, phone, search_word, vocab

SEARCHED = ("name", "email", "tags", "notes", "address", "organization", "more_contacts")
# How this kbm makes the folded search columns, a number kept in kbm_meta: a database whose
# columns an earlier kbm made gets them anew when it is opened (made_now), without a schema
# step of its own; one a newer kbm made is left as it is, so that two versions of one schema
# never make them anew back and forth. None/absent: before the short numbers were marked;
# "numbers marked" (read as 1): marked from every field; 2: from the address alone.
SEARCH_COLUMNS = 2
SEARCH_COLUMNS_KEY = "search_columns"


def phone_keys(main: str | None, more: str | None, region: str | None = None) -> str | None:
    """Every number of the card in international digits, one word each (core/phone.py)."""
    numbers = ([main] if main else []) + cardfields.numbers_in(more)
    keys = [phone.number_key(n, region) for n in numbers]
    unique = list(dict.fromkeys(k for k in keys if k))
    return " ".join(unique) or None


def search_text(name: str | None, email: str | None, tags: str | None, notes: str | None,
                address: str | None, organization: str | None,
                more_contacts: str | None) -> str:
    """The card's searched fields (SEARCHED) folded, and after them a mark for each short
    number standing in the address (core/search_word.py: "3" finds the house number 3, an
    index look-up). Only the address's: a mobile written in pairs ("0176 12 34 56 78"), an
    email "dora.12@…" or a note "Rahmen 56" would answer every "12", "56" typed."""
    values = (name, email, tags, notes, address, organization, more_contacts)
    text = vocab.name_fold(" ".join(v for v in values if v))
    marks = search_word.number_marks(vocab.name_fold(address or ""))
    return f"{text} {marks}" if marks else text


def derived_folds(card: dict[str, Any]) -> tuple[str, str]:
    """The card's folded columns: (name_key, search_text)."""
    return vocab.name_fold(card["name"]), search_text(*(card.get(k) for k in SEARCHED))


def derived(card: dict[str, Any], region: str | None = None) -> dict[str, Any]:
    name_key, text = derived_folds(card)
    return {
        "name_key": name_key,
        "phone_digits": phone_keys(card["phone"], card.get("more_contacts"), region),
        "search_text": text,
    }


def made_now(conn: Any) -> bool:
    """Whether the database's search columns are made as this kbm makes them (either
    engine: one look at kbm_meta, as every open asks it)."""
    row = conn.execute("SELECT value FROM kbm_meta WHERE key=?",
                       (SEARCH_COLUMNS_KEY,)).fetchone()
    return made_so(row[0] if row else None)


def made_so(noted: Any) -> bool:
    """Whether search columns noted in kbm_meta as `noted` are made as this kbm makes them,
    or by a newer one (which this one leaves as they are)."""
    return str(noted).isdigit() and int(noted) >= SEARCH_COLUMNS


def mark_made_now(conn: Any) -> None:
    """Note that every customer's search columns are made as this kbm makes them."""
    conn.execute("DELETE FROM kbm_meta WHERE key=?", (SEARCH_COLUMNS_KEY,))
    conn.execute("INSERT INTO kbm_meta(key, value) VALUES (?, ?)",
                 (SEARCH_COLUMNS_KEY, str(SEARCH_COLUMNS)))


def refold_rows(conn: Any) -> int:
    """The folded search columns anew in Python, written only where they change (for a
    server, whose indexes follow each row written). How many changed."""
    changed = []
    for row in conn.execute(f"SELECT id, name_key, search_text, {', '.join(SEARCHED)} "
                            "FROM customer").fetchall():
        folds = derived_folds(dict(zip(SEARCHED, row[3:], strict=True)))
        if folds != (row[1], row[2]):
            changed.append((*folds, row[0]))
    conn.executemany("UPDATE customer SET name_key=?, search_text=? WHERE id=?", changed)
    return len(changed)


def _folding_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("kbm_name_key", 1, lambda s: vocab.name_fold(s or ""),
                         deterministic=True)
    conn.create_function("kbm_search_text", 7, search_text, deterministic=True)


def refresh_all(conn: sqlite3.Connection, *, last_contact: bool) -> None:
    """Recompute the search columns (and the last contact) of every customer in SQL."""
    _folding_functions(conn)
    region = phone.default_region()
    conn.create_function("kbm_phone_keys", 2, lambda main, more: phone_keys(main, more, region),
                         deterministic=True)
    last = (", last_contact_at=(SELECT max(at) FROM conversation v "
            "WHERE v.customer_id=customer.id AND v.deleted_at IS NULL)") if last_contact else ""
    conn.execute("UPDATE customer SET name_key=kbm_name_key(name), "
                 "phone_digits=kbm_phone_keys(phone, more_contacts), "
                 f"search_text=kbm_search_text({', '.join(SEARCHED)}){last}")
    mark_made_now(conn)


def refold_all(conn: sqlite3.Connection) -> int:
    """The folded search columns (name_key, search_text) anew after the folding changed,
    written only where they change, so that the search indexes' triggers run for those rows
    alone (the phone numbers' keys do not depend on the folding). How many changed."""
    _folding_functions(conn)
    return conn.execute(
        "UPDATE customer SET name_key=f.name_key, search_text=f.search_text FROM ("
        "SELECT id, kbm_name_key(name) AS name_key, "
        f"kbm_search_text({', '.join(SEARCHED)}) AS search_text FROM customer) AS f "
        "WHERE customer.id=f.id AND (customer.name_key IS NOT f.name_key OR "
        "customer.search_text IS NOT f.search_text)").rowcount
