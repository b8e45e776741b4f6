"""Part of the store: two cards of one person made one, and undone again.

The kept card takes every conversation, promise, follow-up (and so every idea, complaint
and search entry) of the other; nothing of either is lost: a field filled on both keeps the
kept card's value, and the other's number, email or address goes into its more contacts,
notes are joined, tags united, and a "do not contact" of either stays. The journal
(customer_merge) holds the card that went, the kept card before, and which rows moved, so
the merge shows on the kept customer's timeline and can be undone, also days later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kbm_tui.core import cardfields, phone, timefmt, validate
from kbm_tui.core.errors import InputError, NotFound
from kbm_tui.core.i18n import _
from kbm_tui.core.records import Customer
from kbm_tui.db.base import Part
from kbm_tui.db.derive import derived
from kbm_tui.db.schema import DERIVED_COLUMNS

# The fields someone may choose between, in the order the merge screen shows them.
CHOOSABLE = ("name", "phone", "email", "address", "organization", "birthday", "notes", "tags",
             "more_contacts", "pref_channel", "pref_staff_id", "contact_every_days")
MOVED = ("conversation", "promise", "followup")


@dataclass(frozen=True)
class Merge:
    """One merge, as the timeline and `kbm merge --undo` show it."""

    id: int
    at: datetime
    kept_id: int
    gone_id: int
    gone_name: str
    moved: dict[str, int]  # table -> how many rows came over
    undone_at: datetime | None


def merged_card(keep: dict[str, Any], gone: dict[str, Any],
                take: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The kept card's fields after the merge. `take` names the fields whose value comes
    from the other card; what the kept card drops of the other is kept in more contacts
    or the notes, never lost."""
    card = {f: keep[f] for f in CHOOSABLE}
    for field in CHOOSABLE:
        if gone[field] is not None and (field in take or card[field] is None):
            card[field] = gone[field]
    lost = []
    for field, label in (("phone", _("phone")), ("email", _("email")),
                         ("address", _("address"))):
        for value in (keep[field], gone[field]):
            if value and not _same(field, value, card[field]):
                lost.append(cardfields.more_line(label, value))
    if lost or (keep["more_contacts"] and gone["more_contacts"]):
        lines = (keep["more_contacts"] or "").splitlines() + \
                (gone["more_contacts"] or "").splitlines() + lost
        card["more_contacts"] = "\n".join(dict.fromkeys(line for line in lines if line))
    notes = [n for n in (keep["notes"], gone["notes"]) if n]
    if len(set(notes)) == 2 and "notes" not in take:
        card["notes"] = "\n\n".join(notes)
    tags = validate.tags([t for t in (keep["tags"], gone["tags"]) if t])
    card["tags"] = tags
    other = card["name"] if "name" in take else gone["name"]
    if other != card["name"]:
        card["notes"] = ((card["notes"] + "\n") if card["notes"] else "") + \
            _("Also known as {name}.").format(name=other)
    card["notes"] = (card["notes"] or "")[:validate.LIMITS["notes"]] or None
    for flag in ("only_when_asked", "do_not_contact"):  # the customer's "no" stays
        card[flag] = int(bool(keep[flag]) or bool(gone[flag]))
    card["dnc_reason"] = keep["dnc_reason"] or gone["dnc_reason"]
    # and so does an objection to advertising, from the first day either card had it
    card["no_ads_since"] = min(filter(None, (keep["no_ads_since"], gone["no_ads_since"])),
                               default=None)
    return card


class MergePart(Part):
    def merge_customers(self, keep_id: int, gone_id: int, *,
                        take: frozenset[str] = frozenset()) -> Merge:
        """Make two customers one: `gone_id`'s card and story join `keep_id`'s."""
        if keep_id == gone_id:
            raise InputError(_("A customer can't be merged with themselves: choose two "
                               "different customers."))
        unknown = set(take) - set(CHOOSABLE)
        if unknown:
            raise InputError(_("{fields}: not a field to take. Choose from: {choices}.").format(
                fields=", ".join(sorted(unknown)), choices=", ".join(CHOOSABLE)))
        self.get_customer(keep_id)
        self.get_customer(gone_id)
        with self.transaction():
            keep = self._card_row(keep_id)
            gone = self._card_row(gone_id)
            card = merged_card(keep, gone, frozenset(take))
            card["more_contacts"] = cardfields.more_contacts(card["more_contacts"])
            card.update(derived({**keep, **card}))
            card["updated_at"] = self._now()
            moved: dict[str, list[int]] = {}
            for table in MOVED:
                moved[table] = [r[0] for r in self.conn.execute(
                    f"SELECT id FROM {table} WHERE customer_id=? ORDER BY id", (gone_id,))]
                self.conn.execute(f"UPDATE {table} SET customer_id=? WHERE customer_id=?",
                                  (keep_id, gone_id))
            self.conn.execute("DELETE FROM customer WHERE id=?", (gone_id,))
            sets = ", ".join(f"{k}=?" for k in card)
            self.conn.execute(f"UPDATE customer SET {sets} WHERE id=?",
                              (*card.values(), keep_id))
            self._after_moving(keep_id, gone_id)
            merge_id = self._insert("customer_merge", {
                "at": self._now(), "kept_id": keep_id, "gone_id": gone_id,
                "gone_name": gone["name"], "gone_card": json.dumps(gone),
                "kept_before": json.dumps({k: keep[k] for k in card if k in keep}),
                "moved": json.dumps({"rows": moved, "set": {
                    k: v for k, v in card.items() if k not in ("updated_at",)}})})
        return self.get_merge(merge_id)

    def undo_merge(self, merge_id: int | None = None, *,
                   kept_id: int | None = None) -> tuple[Merge, Customer]:
        """Take a merge back (the latest of `kept_id`'s, or merge `merge_id`): the other card
        comes back with the rows that were its own; fields changed since stay as they are.
        Returns the merge and the card that came back."""
        if merge_id is None:
            row = self._one("SELECT id FROM customer_merge WHERE kept_id=? AND undone_at IS NULL "
                            "ORDER BY id DESC LIMIT 1", (kept_id,))
            if row is None:
                raise NotFound(_("Customer #{id} has no merge to undo.").format(id=kept_id))
            merge_id = row[0]
        merge = self.get_merge(merge_id)
        if merge.undone_at is not None:
            raise InputError(_("Merge #{id} was undone already.").format(id=merge_id))
        record = self._one("SELECT * FROM customer_merge WHERE id=?", (merge_id,))
        assert record is not None
        keep = self.get_customer(merge.kept_id)
        gone = json.loads(record["gone_card"])
        before = json.loads(record["kept_before"])
        journal = json.loads(record["moved"])
        with self.transaction():
            if self._one("SELECT 1 FROM customer WHERE id=?", (gone["id"],)):
                gone["id"] = None  # the number went to a new customer meanwhile
            gone.update(derived(gone))
            columns = [k for k in gone if gone[k] is not None or k == "id"]
            if gone["id"] is None:
                columns.remove("id")
            back_id = self._insert("customer", {k: gone[k] for k in columns})
            for table, ids in journal["rows"].items():
                for start in range(0, len(ids), 500):
                    chunk = ids[start:start + 500]
                    self.conn.execute(
                        f"UPDATE {table} SET customer_id=? WHERE customer_id=? AND id IN "
                        f"({', '.join('?' for _ in chunk)})", (back_id, keep.id, *chunk))
            current = self._card_row(keep.id)
            restore = {k: before[k] for k, v in journal["set"].items()
                       if k in before and k in current and current[k] == v}
            if restore:
                restore.update(derived({**current, **restore}))
                sets = ", ".join(f"{k}=?" for k in restore)
                self.conn.execute(f"UPDATE customer SET {sets} WHERE id=?",
                                  (*restore.values(), keep.id))
            self._after_moving(keep.id, back_id)
            self.conn.execute("UPDATE customer_merge SET undone_at=? WHERE id=?",
                              (self._now(), merge_id))
        return self.get_merge(merge_id), self.get_customer(back_id)

    def get_merge(self, merge_id: int) -> Merge:
        row = self._one("SELECT * FROM customer_merge WHERE id=?", (merge_id,))
        if row is None:
            raise NotFound(_("There is no merge #{id}.").format(id=merge_id))
        return _merge(row)

    def merges_of(self, customer_id: int) -> list[Merge]:
        """The merges into this customer that stand (not undone), newest first."""
        rows = self.conn.execute("SELECT * FROM customer_merge WHERE kept_id=? AND undone_at "
                                 "IS NULL ORDER BY id DESC", (customer_id,))
        return [_merge(r) for r in rows]

    def _card_row(self, customer_id: int) -> dict[str, Any]:
        row = self._one("SELECT * FROM customer WHERE id=?", (customer_id,))
        if row is None:
            raise NotFound(_("There is no customer #{id}.").format(id=customer_id))
        derived_columns = DERIVED_COLUMNS["customer"]
        return {k: v for k, v in dict(row).items() if k not in derived_columns}

    def _after_moving(self, *customer_ids: int) -> None:
        """The words said and the last contact of customers whose rows moved."""
        for cid in customer_ids:
            self.engine.search.said_refresh(self.conn, cid)
            self.conn.execute(
                "UPDATE customer SET last_contact_at=(SELECT max(at) FROM conversation v "
                "WHERE v.customer_id=customer.id AND v.deleted_at IS NULL) WHERE id=?", (cid,))


def _merge(row: Any) -> Merge:
    moved = json.loads(row["moved"])["rows"]
    at = timefmt.from_db(row["at"])
    assert at is not None
    return Merge(row["id"], at, row["kept_id"], row["gone_id"], row["gone_name"],
                 {t: len(ids) for t, ids in moved.items()}, timefmt.from_db(row["undone_at"]))


def _same(field: str, value: str, kept: str | None) -> bool:
    """One number in two notations, or one email in two cases, is not a second one."""
    if kept is None:
        return False
    if field == "phone":
        key = phone.number_key(value)
        return value == kept or (key is not None and key == phone.number_key(kept))
    return value.casefold() == kept.casefold() if field == "email" else value == kept
