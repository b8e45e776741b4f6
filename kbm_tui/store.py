"""The one data layer: every read and write of the shop's data goes through `Store`.

Callers get plain records (records.py) back and never see SQL. Each public method that
writes is one transaction; `with store.transaction():` groups several into one.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

from kbm_tui.core import clock, timefmt, validate, vocab
from kbm_tui.db import connect as store_open, search as store_search
from kbm_tui.core.errors import Ambiguous, InputError, NotFound
from kbm_tui.core.records import Conversation, Customer, Staff
from kbm_tui.db.agenda import AgendaMixin
from kbm_tui.db.care import CareMixin
from kbm_tui.db.insight import InsightMixin
from kbm_tui.db.privacy import PrivacyMixin
from kbm_tui.db.promises import PromisesMixin
from kbm_tui.db.tables import TablesMixin
from kbm_tui.db.timeline import TimelineMixin
from kbm_tui.db.views import ViewsMixin, digits_of, like_escape

_CUSTOMER_FIELDS = ("name", "phone", "email", "address", "notes", "tags")
_WISH_FIELDS = ("pref_channel", "pref_staff_id", "contact_every_days", "only_when_asked",
                "do_not_contact", "dnc_reason")


class Store(PromisesMixin, AgendaMixin, CareMixin, InsightMixin, TimelineMixin, ViewsMixin,
            TablesMixin, PrivacyMixin):
    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self._depth = 0

    @classmethod
    def open(cls, path: str | Path | None = None) -> "Store":
        resolved = store_open.resolve_path(path)
        store = cls(store_open.connect(resolved), resolved)
        store._file_key = store_open.file_key(resolved)
        store_open.hold(store._file_key)
        return store

    _file_key: tuple[int, int] | None = None

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            store_open.release(self._file_key)
            self._file_key = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One all-or-nothing unit of work; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise store_open.translate(exc, self.path) from None
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            # Every change counts up the revision: readers in other processes can tell
            # whether they all saw the same state (see backup.export).
            self.conn.execute("UPDATE kbm_meta SET value=CAST(value AS INTEGER)+1 "
                              "WHERE key='revision'")
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            raise store_open.translate(exc, self.path) from None

    @contextmanager
    def snapshot(self) -> Iterator[int]:
        """Read everything as of one moment, whatever others write meanwhile.
        Yields the revision being read."""
        if self._depth:
            yield self.revision()
            return
        self.conn.execute("BEGIN")
        self._depth = 1
        try:
            yield self.revision()
        finally:
            self._depth = 0
            self.conn.execute("ROLLBACK")

    def revision(self) -> int:
        row = self._one("SELECT value FROM kbm_meta WHERE key='revision'")
        return int(row[0]) if row else 0

    def load_file(self, source: Path) -> None:
        """Replace this database's whole content with another kbm-tui database file's."""
        src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
        try:
            src.backup(self.conn)
        except sqlite3.Error as exc:
            raise store_open.translate(exc, source) from None
        finally:
            src.close()
        self.conn.execute("PRAGMA journal_mode=WAL")
        version = int(self._one("SELECT value FROM kbm_meta WHERE key='schema_version'")[0])
        if version < store_open.SCHEMA_VERSION:
            store_open.upgrade(self.conn, self.path, version)

    def data_version(self) -> int:
        """A number that changes when another connection commits (cheap to poll)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def _now(self) -> str:
        return timefmt.to_db(clock.now())

    def _one(self, sql: str, params=()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    # --- staff -------------------------------------------------------------------------

    def staff(self, include_inactive: bool = False) -> list[Staff]:
        where = "" if include_inactive else "WHERE active=1"
        rows = self.conn.execute(f"SELECT * FROM staff {where} ORDER BY role!='owner', name")
        return [Staff.from_row(r) for r in rows]

    def owner(self) -> Staff:
        row = self._one("SELECT * FROM staff WHERE role='owner' ORDER BY id LIMIT 1")
        if row is None:
            row = self._one("SELECT * FROM staff ORDER BY id LIMIT 1")
        return Staff.from_row(row)

    def find_staff(self, typed: str) -> Staff:
        """The staff member whose name is or starts with what was typed."""
        key = vocab.fold(typed)
        everyone = self.staff()
        exact = [s for s in everyone if vocab.fold(s.name) == key]
        found = exact or [s for s in everyone if vocab.fold(s.name).startswith(key)]
        names = ", ".join(s.name for s in everyone)
        if not found:
            raise InputError(
                f'Nobody on the staff is called "{typed}". Staff: {names}. '
                'Add someone with: kbm staff add NAME', field="staff")
        if len(found) > 1:
            raise InputError(
                f'"{typed}" could be {", ".join(s.name for s in found)}. Type more of the name.',
                field="staff")
        return found[0]

    def add_staff(self, name: str) -> Staff:
        name = validate.text(name, "staff", required=True, label="staff name")
        if any(vocab.fold(s.name) == vocab.fold(name) for s in self.staff(include_inactive=True)):
            raise InputError(f'There is already a staff member called "{name}".', field="staff")
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO staff(name, role, active, created_at) VALUES (?, 'staff', 1, ?)",
                (name, self._now()))
        return self.get_staff(cur.lastrowid)

    def rename_staff(self, staff_id: int, name: str) -> Staff:
        name = validate.text(name, "staff", required=True, label="staff name")
        with self.transaction():
            self.conn.execute("UPDATE staff SET name=? WHERE id=?", (name, staff_id))
        return self.get_staff(staff_id)

    def get_staff(self, staff_id: int) -> Staff:
        row = self._one("SELECT * FROM staff WHERE id=?", (staff_id,))
        if row is None:
            raise NotFound(f"There is no staff member #{staff_id}.")
        return Staff.from_row(row)

    # --- customers ---------------------------------------------------------------------

    def _clean_customer(self, values: dict) -> dict:
        cleaned = {}
        for key, value in values.items():
            if key == "name":
                cleaned[key] = validate.text(value, "name", required=True)
            elif key == "phone":
                cleaned[key] = validate.phone(value)
            elif key == "email":
                cleaned[key] = validate.email(value)
            elif key == "tags":
                cleaned[key] = validate.tags(value)
            elif key in ("address", "notes"):
                cleaned[key] = validate.text(value, key)
            else:
                raise InputError(f"Unknown customer field {key}.")
        return cleaned

    @staticmethod
    def derived(name, phone, email, address, notes, tags) -> dict:
        """The search columns the store keeps beside a customer's own fields."""
        words = " ".join(v for v in (name, email, tags, notes, address) if v)
        return {
            "name_key": vocab.fold(name),
            "phone_digits": digits_of(phone),
            "search_text": vocab.fold(words),
        }

    def add_customer(self, name: str, **fields) -> Customer:
        values = self._clean_customer({"name": name, **fields})
        record = {f: values.get(f) for f in _CUSTOMER_FIELDS}
        record.update(self.derived(**record))
        now = self._now()
        record.update(created_at=now, updated_at=now)
        cols = ", ".join(record)
        marks = ", ".join("?" for _ in record)
        with self.transaction():
            cur = self.conn.execute(f"INSERT INTO customer({cols}) VALUES ({marks})",
                                    tuple(record.values()))
        return self.get_customer(cur.lastrowid)

    def update_customer(self, customer_id: int, **fields) -> Customer:
        current = self.get_customer(customer_id)
        values = self._clean_customer(fields)
        merged = {f: values.get(f, getattr(current, f)) for f in _CUSTOMER_FIELDS}
        merged.update(self.derived(**merged))
        merged["updated_at"] = self._now()
        sets = ", ".join(f"{k}=?" for k in merged)
        with self.transaction():
            self.conn.execute(f"UPDATE customer SET {sets} WHERE id=?",
                              (*merged.values(), customer_id))
        return self.get_customer(customer_id)

    def set_archived(self, customer_id: int, archived: bool = True) -> Customer:
        self.get_customer(customer_id)
        with self.transaction():
            self.conn.execute("UPDATE customer SET archived_at=?, updated_at=? WHERE id=?",
                              (self._now() if archived else None, self._now(), customer_id))
        return self.get_customer(customer_id)

    def get_customer(self, customer_id: int) -> Customer:
        row = self._one(
            "SELECT c.*, s.name AS pref_staff_name FROM customer c "
            "LEFT JOIN staff s ON s.id=c.pref_staff_id WHERE c.id=?", (customer_id,))
        if row is None:
            raise NotFound(f"There is no customer #{customer_id}.")
        return Customer.from_row(row)

    def find_customers(self, typed: str, limit: int = 20) -> list[Customer]:
        """Customers whose name, phone or email match what was typed (for `kbm log`).

        `#12` picks customer 12; a whole name that matches exactly one customer wins over
        customers whose names merely contain it.
        """
        query = typed.strip()
        if query.startswith("#") and query[1:].isdigit():
            row = self._one("SELECT id FROM customer WHERE id=?", (int(query[1:]),))
            return [self.get_customer(row[0])] if row else []
        key = vocab.fold(query)
        if not key:
            return []
        exact = self.conn.execute(
            "SELECT id FROM customer WHERE name_key=? OR lower(email)=? LIMIT 2",
            (key, query.lower())).fetchall()
        if len(exact) == 1:
            return [self.get_customer(exact[0][0])]
        clauses, params = [], []
        for word in key.split():
            clauses.append("(name_key LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\')")
            params += [f"{like_escape(word)}%", f"% {like_escape(word)}%"]
        ors = ["(" + " AND ".join(clauses) + ")", "lower(email) LIKE ? ESCAPE '\\'"]
        params.append(f"%{like_escape(query.lower())}%")
        digits = digits_of(query)
        if digits and len(digits) >= 3 and len(digits) >= len(query.replace(" ", "")) - 4:
            ors.append("phone_digits LIKE ?")
            params.append(f"%{digits}%")
        rows = self.conn.execute(
            f"SELECT id FROM customer WHERE {' OR '.join(ors)} "
            "ORDER BY archived_at IS NOT NULL, name_key, id LIMIT ?", (*params, limit))
        return [self.get_customer(r[0]) for r in rows]

    def match_customer(self, typed: str) -> Customer:
        """Exactly one customer for what was typed, or NotFound / Ambiguous."""
        found = self.find_customers(typed)
        if not found:
            raise NotFound(f'No customer matches "{typed.strip()}".')
        if len(found) > 1:
            raise Ambiguous(f'"{typed.strip()}" matches {len(found)} customers.', found)
        return found[0]

    # --- conversations -----------------------------------------------------------------

    def _word(self, field: str, typed: str | None, default: str) -> str:
        if typed is None:
            return default
        word = vocab.canonical(field, typed)
        if word is None:
            raise InputError(
                f'"{typed}" is not a {field}. Choose one of: {vocab.choices(field)}.', field=field)
        return word

    def log_conversation(self, customer_id: int, summary: str, *, channel: str | None = None,
                         direction: str | None = None, kind: str | None = None,
                         staff_id: int | None = None, at: datetime | None = None,
                         amount_cents: int | None = None,
                         against_wishes: str | None = None) -> Conversation:
        summary = validate.text(summary, "summary", required=True)
        channel = self._word("channel", channel, "store")
        direction = self._word("direction", direction, "in")
        kind = self._word("kind", kind, "other")
        customer = self.get_customer(customer_id)
        staff_id = staff_id if staff_id is not None else self.owner().id
        moment = timefmt.to_db(at or clock.now())
        idea_status = "new" if kind == "feedback" else None
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO conversation(customer_id, at, channel, direction, kind, staff_id, "
                "summary, amount_cents, against_wishes, idea_status, created_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (customer.id, moment, channel, direction, kind, staff_id, summary, amount_cents,
                 against_wishes, idea_status, self._now()))
            self._touch_last_contact(customer.id)
            store_search.said_add(self.conn, customer.id, summary)
        return self.get_conversation(cur.lastrowid)

    def _touch_last_contact(self, customer_id: int) -> None:
        self.conn.execute(
            "UPDATE customer SET last_contact_at=(SELECT max(at) FROM conversation "
            "WHERE customer_id=? AND deleted_at IS NULL) WHERE id=?", (customer_id, customer_id))

    def get_conversation(self, conversation_id: int) -> Conversation:
        row = self._one(
            "SELECT v.*, c.name AS customer_name, s.name AS staff_name FROM conversation v "
            "JOIN customer c ON c.id=v.customer_id LEFT JOIN staff s ON s.id=v.staff_id "
            "WHERE v.id=?", (conversation_id,))
        if row is None:
            raise NotFound(f"There is no conversation #{conversation_id}.")
        return Conversation.from_row(row)

    def set_conversation_deleted(self, conversation_id: int, deleted: bool = True) -> Conversation:
        """Deleting only moves a conversation to the archive; it can be brought back."""
        conv = self.get_conversation(conversation_id)
        with self.transaction():
            self.conn.execute("UPDATE conversation SET deleted_at=? WHERE id=?",
                              (self._now() if deleted else None, conversation_id))
            self._touch_last_contact(conv.customer_id)
            store_search.said_refresh(self.conn, conv.customer_id)
        return self.get_conversation(conversation_id)
