"""Part of the store: bringing customers in from a file, as one batch that can be undone.

A plan first (what `--dry-run` and the app's preview show): which cards are new, which are
a customer the shop has already (the same id from the file, number, email, or name and one
more detail; core/likeness.py) and what they would add to that card, which are the same
person as an earlier card of the file, and which might be someone already there. Writing
is one transaction. A known customer only gets what their card lacks (an empty field, a
further number, a tag): nothing the shop typed is overwritten. Importing the same file
again changes nothing. `undo_import` takes a batch back, also days later, except for the
customers used since (it names them).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kbm_tui.core import cardfields, cards, likeness, phone, timefmt, validate
from kbm_tui.core.errors import InputError, NotFound
from kbm_tui.core.i18n import _
from kbm_tui.db.base import Part
from kbm_tui.db.derive import derived
from kbm_tui.db.duplicates import FACT_COLUMNS, facts_of
from kbm_tui.db.sql import marks

FILLABLE = ("phone", "email", "address", "notes", "organization", "birthday")


@dataclass
class Planned:
    """What happens to one card: "add", "fill" (a known customer gets what they lack),
    "known" (nothing new) or "in_file" (the same person as an earlier card)."""

    card: cards.Card
    values: dict[str, Any]
    action: str = "add"
    customer_id: int | None = None
    customer_name: str = ""
    reasons: tuple[str, ...] = ()
    fills: dict[str, Any] = field(default_factory=dict)
    maybe: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)
    joins: str = ""  # for in_file: where the earlier card stood


@dataclass
class ImportPlan:
    items: list[Planned]
    rejected: list[cards.Rejected]

    def of(self, action: str) -> list[Planned]:
        return [p for p in self.items if p.action == action]

    @property
    def maybe(self) -> list[Planned]:
        return [p for p in self.items if p.action == "add" and p.maybe]


@dataclass(frozen=True)
class ImportBatch:
    id: int
    at: datetime
    file_name: str
    format: str
    added: int
    filled: int
    undone_at: datetime | None


@dataclass(frozen=True)
class UndoneImport:
    batch: ImportBatch
    removed: int
    restored: int
    kept: list[tuple[int, str, str]]  # customer id, name, why it stays


def _fills(current: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """What a known customer's card lacks of the imported one."""
    fills = {f: new[f] for f in FILLABLE if new[f] and not current[f]}
    known_numbers = set((current["phone_digits"] or "").split())
    known_mails = {m.lower() for m in [current["email"] or ""] +
                   cardfields.emails_in(current["more_contacts"]) if m}
    more = (current["more_contacts"] or "").splitlines()
    extra = []
    for line in (new["more_contacts"] or "").splitlines():
        value = line.rsplit(": ", 1)[-1]
        key = phone.number_key(value) if cardfields.numbers_in(line) else None
        if line not in more and (key is None or key not in known_numbers) and \
                value.lower() not in known_mails:
            extra.append(line)
    if new["phone"] and current["phone"] and "phone" not in fills:
        key = phone.number_key(new["phone"])
        if key not in known_numbers:
            extra.append(cardfields.more_line(_("phone"), new["phone"]))
    if new["email"] and current["email"] and new["email"].lower() not in known_mails:
        extra.append(cardfields.more_line(_("email"), new["email"]))
    lines = more + extra
    while extra and len("\n".join(lines)) > validate.LIMITS["more_contacts"]:
        lines.pop()  # what doesn't fit stays in the file; the card keeps what it had
        extra.pop()
    if extra:
        fills["more_contacts"] = cardfields.more_contacts("\n".join(lines))
    if new["tags"]:
        tags = validate.tags([t for t in (current["tags"], new["tags"]) if t])
        if tags != current["tags"]:
            fills["tags"] = tags
    if not current["source_key"] and new["source_key"]:
        fills["source_key"] = new["source_key"]
    return fills


def _join(earlier: dict[str, Any], later: dict[str, Any]) -> None:
    """An in-file duplicate's details go to the earlier card of the same person."""
    for key, value in _fills({**earlier, "phone_digits": " ".join(
            k for k in [phone.number_key(earlier["phone"])] if k)}, later).items():
        if key != "source_key":
            earlier[key] = value


class ImportPart(Part):
    def plan_import(self, found: list[cards.Card],
                    rejected: list[cards.Rejected] | None = None,
                    progress: Callable[[int, int], None] | None = None) -> ImportPlan:
        """What importing these cards would do; changes nothing. `progress(done, total)`
        hears about every thousand cards."""
        plan = ImportPlan([], list(rejected or []))
        region = phone.default_region()
        index = likeness.Index()
        by_source: dict[str, int] = {}
        names: dict[int, str] = {}
        rows: dict[int, dict[str, Any]] = {}
        for row in self.conn.execute(f"SELECT {FACT_COLUMNS}, source_key FROM customer"):
            index.add(row["id"], facts_of(row, region))
            names[row["id"]] = row["name"]
            if row["source_key"]:
                by_source.setdefault(row["source_key"], row["id"])
        file_items: dict[int, Planned] = {}
        for n, card in enumerate(found, 1):
            if progress is not None and n % 1000 == 0:
                progress(n, len(found))
            try:
                values = cards.to_customer(card)
            except InputError as exc:
                plan.rejected.append(cards.Rejected(card.where, exc.message))
                continue
            item = Planned(card, values)
            facts = likeness.facts(values["name"] or "", values["phone"], values["email"],
                                   values["address"], values["more_contacts"],
                                   values["birthday"], values["organization"], region)
            source = values["source_key"] or ""
            known = by_source.get(source)
            if known is not None and not likeness.close_names(
                    facts.compare_name, index.facts[known].compare_name):
                known = None  # the same number in another list is another person
            matches = index.matches(facts)
            same = [m for m in matches if m[1] == likeness.SAME]
            if known is not None and known < 0:
                same = [(known, likeness.SAME, ("source",))]
            elif known is not None:
                same = [(known, likeness.SAME, ("source",))] + same
            if same and same[0][0] < 0:
                earlier = file_items[same[0][0]]
                _join(earlier.values, values)
                item.action, item.joins, item.reasons = "in_file", earlier.card.where, same[0][2]
            elif same:
                cid = same[0][0]
                if cid not in rows:
                    rows[cid] = self._import_row(cid)
                item.customer_id, item.customer_name = cid, names[cid]
                item.reasons = same[0][2]
                fills = _fills(rows[cid], values)
                # The file's key for the row alone is no news for the card: then she is
                # only known (said so, nothing written, no batch to undo).
                item.fills = fills if fills.keys() - {"source_key"} else {}
                item.action = "fill" if item.fills else "known"
            else:
                item.maybe = [(cid, names[cid], reasons) for cid, _level, reasons in matches
                              if cid > 0][:3]
                file_items[-n] = item
                index.add(-n, facts)
                by_source.setdefault(source, -n)
            plan.items.append(item)
        return plan

    def _import_row(self, customer_id: int) -> dict[str, Any]:
        row = self._one("SELECT * FROM customer WHERE id=?", (customer_id,))
        assert row is not None
        return dict(row)

    def import_cards(self, found: list[cards.Card], rejected: list[cards.Rejected], *,
                     file_name: str, file_format: str,
                     progress: Callable[[int, int], None] | None = None,
                     ) -> tuple[ImportPlan, ImportBatch | None]:
        """Plan and write in one transaction, as one batch (None when there was nothing
        new to write)."""
        with self.transaction():
            plan = self.plan_import(found, rejected, progress)
            if not plan.of("add") and not plan.of("fill"):
                return plan, None  # nothing to write, nothing to undo later
            region = phone.default_region()
            now = self._now()
            batch_id = self._insert("import_batch", {
                "at": now, "file_name": _shown_name(file_name), "format": file_format,
                "added": len(plan.of("add")), "filled": len(plan.of("fill"))})
            columns = (*cards.CARD_FIELDS, "source_key", "name_key", "phone_digits",
                       "search_text", "created_at", "updated_at")
            insert = (f"INSERT INTO customer({', '.join(columns)}) "
                      f"VALUES ({marks(len(columns))}) RETURNING id")
            journal: list[tuple[int, int, str, str | None, str]] = []
            adding = plan.of("add")
            many = len(adding) > 200
            first_id = self.engine.search.adding_many_customers_begins(self.conn) if many else 0
            for item in adding:
                record = {**item.values, **derived(item.values, region), "created_at": now,
                          "updated_at": now}
                cur = self.conn.execute(insert, tuple(record[c] for c in columns))
                item.customer_id = int(cur.fetchone()[0])
                journal.append((batch_id, item.customer_id, "added", None,
                                json.dumps({k: record[k] for k in cards.CARD_FIELDS})))
            if many:
                self.engine.search.adding_many_customers_ends(self.conn, first_id)
            for item in plan.of("fill"):
                assert item.customer_id is not None
                current = self._import_row(item.customer_id)
                fills = _fills(current, item.values)
                if not fills:
                    continue
                card = {**current, **fills}
                fills.update(derived(card))
                fills["updated_at"] = now
                sets = ", ".join(f"{k}=?" for k in fills)
                self.conn.execute(f"UPDATE customer SET {sets} WHERE id=?",
                                  (*fills.values(), item.customer_id))
                journal.append((batch_id, item.customer_id, "filled",
                                json.dumps({k: current[k] for k in fills}), json.dumps(fills)))
            self.conn.executemany(
                "INSERT INTO import_change(batch_id, customer_id, action, before_values, "
                "after_values) VALUES (?, ?, ?, ?, ?)", journal)
        return plan, self.get_import(batch_id)

    def get_import(self, batch_id: int) -> ImportBatch:
        row = self._one("SELECT * FROM import_batch WHERE id=?", (batch_id,))
        if row is None:
            raise NotFound(_("There is no import #{id}.").format(id=batch_id))
        return _batch(row)

    def imports(self, limit: int = 20) -> list[ImportBatch]:
        """The latest imports, newest first."""
        rows = self.conn.execute("SELECT * FROM import_batch ORDER BY id DESC LIMIT ?", (limit,))
        return [_batch(r) for r in rows]

    def undo_import(self, batch_id: int | None = None) -> UndoneImport:
        """Take back an import (the latest one not undone, or `batch_id`): the customers it
        added go, the fields it filled are as they were, except for customers used since
        (a conversation, promise or follow-up, a change to the card, a merge): they stay,
        and are named."""
        if batch_id is None:
            row = self._one("SELECT id FROM import_batch WHERE undone_at IS NULL "
                            "ORDER BY id DESC LIMIT 1")
            if row is None:
                raise NotFound(_("There is no import to undo."))
            batch_id = row[0]
        batch = self.get_import(batch_id)
        if batch.undone_at is not None:
            raise InputError(_("Import #{id} ({file}) was undone already.").format(
                id=batch.id, file=batch.file_name))
        removed = restored = 0
        kept: list[tuple[int, str, str]] = []
        with self.transaction():
            changes = self.conn.execute(
                "SELECT * FROM import_change WHERE batch_id=? ORDER BY id", (batch_id,)).fetchall()
            for change in changes:
                cid = change["customer_id"]
                row = self._one("SELECT * FROM customer WHERE id=?", (cid,))
                if row is None:
                    merged = self._one("SELECT kept_id FROM customer_merge WHERE gone_id=? AND "
                                       "undone_at IS NULL ORDER BY id DESC LIMIT 1", (cid,))
                    if merged:
                        kept.append((merged[0], self.get_customer(merged[0]).name,
                                     _("merged with another card since")))
                    continue
                if change["action"] == "added":
                    why = self._used_since(cid, json.loads(change["after_values"]), row)
                    if why:
                        kept.append((cid, row["name"], why))
                        continue
                    self.conn.execute("DELETE FROM customer WHERE id=?", (cid,))
                    removed += 1
                    continue
                before = json.loads(change["before_values"])
                after = json.loads(change["after_values"])
                back = {k: before[k] for k in before if row[k] == after.get(k)}
                if len(back) < len(before):
                    kept.append((cid, row["name"], _("card changed since")))
                if back:
                    card = {**dict(row), **back}
                    back.update(derived(card))
                    sets = ", ".join(f"{k}=?" for k in back)
                    self.conn.execute(f"UPDATE customer SET {sets} WHERE id=?",
                                      (*back.values(), cid))
                    restored += 1
            self.conn.execute("UPDATE import_batch SET undone_at=? WHERE id=?",
                              (self._now(), batch_id))
        return UndoneImport(self.get_import(batch_id), removed, restored, kept)

    def _used_since(self, cid: int, written: dict[str, Any], row: Any) -> str | None:
        for table, why in (("conversation", _("has conversations")),
                           ("promise", _("has promises")), ("followup", _("has follow-ups"))):
            if self._one(f"SELECT 1 FROM {table} WHERE customer_id=? LIMIT 1", (cid,)):
                return why
        if self._one("SELECT 1 FROM customer_merge WHERE kept_id=? AND undone_at IS NULL",
                     (cid,)):
            return _("merged with another card since")
        if any(row[k] != v for k, v in written.items()):
            return _("card changed since")
        return None


def _batch(row: Any) -> ImportBatch:
    at = timefmt.from_db(row["at"])
    assert at is not None
    return ImportBatch(row["id"], at, row["file_name"], row["format"], row["added"],
                       row["filled"], timefmt.from_db(row["undone_at"]))


def _shown_name(file_name: str) -> str:
    """The file's name as the journal keeps it: a name may hold any character but / and
    NUL, the journal only printable ones (db/rules.py)."""
    name = "".join(c if c.isprintable() else "?" for c in file_name)[:500]
    return name if name.strip() else "?"
