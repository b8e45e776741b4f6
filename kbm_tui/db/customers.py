"""Part of the store: customers' cards, and finding the one meant by what was typed."""

from __future__ import annotations

from typing import Any

from kbm_tui.core import cardfields, phone, validate, vocab
from kbm_tui.core.cardfields import FIELD_WORDS
from kbm_tui.core.errors import Ambiguous, EditConflict, InputError, NotFound
from kbm_tui.core.i18n import _, n_
from kbm_tui.core.living_at import address_words, lives_at
from kbm_tui.core.records import Customer
from kbm_tui.db.base import Part
from kbm_tui.db.derive import derived
from kbm_tui.db.sql import CUSTOMER_ROWS, like_escape

CUSTOMER_FIELDS = ("name", "phone", "email", "address", "notes", "tags", "organization",
                   "birthday", "more_contacts", "source_key")


def _clean(values: dict[str, Any], more_known: str | None = None) -> dict[str, Any]:
    """Typed values as stored; `more_known` are the more contacts the card has already."""
    cleaned: dict[str, Any] = {}
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
        elif key == "organization":
            cleaned[key] = cardfields.organization(value)
        elif key == "birthday":
            cleaned[key] = cardfields.birthday(value)
        elif key == "more_contacts":
            cleaned[key] = cardfields.typed_more_contacts(value, more_known)
        elif key == "source_key":
            cleaned[key] = validate.text(value, "source_key", label="source")
        else:
            raise InputError(_("Unknown customer field {key}.").format(key=key))
    return cleaned


class CustomersPart(Part):
    def add_customer(self, name: str, **fields: Any) -> Customer:
        values = _clean({"name": name, **fields})
        record = {f: values.get(f) for f in CUSTOMER_FIELDS}
        record.update(derived(record))
        now = self._now()
        record.update(created_at=now, updated_at=now)
        with self.transaction():
            new_id = self._insert("customer", record)
        return self.get_customer(new_id)

    def update_customer(self, customer_id: int, *, seen: Customer | None = None,
                        **fields: Any) -> Customer:
        """Change the card. With `seen` (the card as the person editing it read it), the
        change is merged onto what someone else saved since, as version control merges: a
        field given as it was seen keeps the other's value, a field only one side changed
        takes that change. A field both changed to different values is never overwritten
        unasked: EditConflict names those fields and nothing is saved."""
        with self.transaction():  # writers take turns: nobody changes it between check and write
            current = self.get_customer(customer_id)
            values = _clean(fields, current.more_contacts)
            if seen is not None:
                values = self._merged_onto(seen, current, values)
            merged = {f: values.get(f, getattr(current, f)) for f in CUSTOMER_FIELDS}
            merged.update(derived(merged))
            merged["updated_at"] = self._now()
            sets = ", ".join(f"{k}=?" for k in merged)
            self.conn.execute(f"UPDATE customer SET {sets} WHERE id=?",
                              (*merged.values(), customer_id))
        return self.get_customer(customer_id)

    @staticmethod
    def _merged_onto(seen: Customer, current: Customer, values: dict[str, Any]) -> dict[str, Any]:
        """The values this edit changed; raises EditConflict for those someone else changed
        too, to something else (the same value twice is no conflict)."""
        mine = {f: v for f, v in values.items() if v != getattr(seen, f)}
        both = [f for f, v in mine.items() if getattr(current, f) not in (getattr(seen, f), v)]
        if both:
            empty = _("empty")  # outside the f-string, where the catalogue tools see it
            shown = ", ".join(f"{_(FIELD_WORDS[f])} ({getattr(current, f) or empty})"
                              for f in both)
            raise EditConflict(_(
                "Someone else changed the same fields of this card meanwhile: {changes}. "
                "Nothing was saved.").format(changes=shown), both, current)
        return mine

    def set_archived(self, customer_id: int, archived: bool = True) -> Customer:
        self.get_customer(customer_id)
        with self.transaction():
            self.conn.execute("UPDATE customer SET archived_at=?, updated_at=? WHERE id=?",
                              (self._now() if archived else None, self._now(), customer_id))
        return self.get_customer(customer_id)

    def get_customer(self, customer_id: int) -> Customer:
        return self._get(Customer, CUSTOMER_ROWS + "WHERE c.id=?", customer_id,
                         _("There is no customer #{id}.").format(id=customer_id))

    def find_customers(self, typed: str, limit: int = 20) -> list[Customer]:
        """Customers whose name, phone or email match what was typed (for `kbm log`), or else
        whose address does (words with a number among them: "Hauptstr. 3").

        `#12` picks customer 12; a whole name that matches exactly one customer wins over
        customers whose names merely contain it. Names match at the start of a word, with
        German spellings folded (`mueller` finds Müller); a phone number in any notation;
        an email anywhere, the card's own or one among its more contacts. Every part is
        looked up in an index, so finding Anna among 100,000 customers takes as long as
        among ten.
        """
        query = typed.strip()
        if query.startswith("#") and query[1:].isascii() and query[1:].isdigit():
            number = int(query[1:]) if len(query) <= 20 else 2**63
            row = self._one("SELECT id FROM customer WHERE id=?", (number,)) \
                if number < 2**63 else None
            return [self.get_customer(row[0])] if row else []
        key = vocab.name_fold(query)
        if not key:
            return []
        exact = self.conn.execute(
            "SELECT id FROM customer WHERE name_key=? UNION "
            "SELECT id FROM customer WHERE lower(email)=? LIMIT 2",
            (key, query.lower())).fetchall()
        if len(exact) == 1:
            return [self.get_customer(exact[0][0])]
        found = self.engine.search
        name_sql, params = found.name_words(key.split())
        ors = [name_sql]
        # An email is looked for where what was typed has its marks ("anna@", "a.schmidt"):
        # a plain word is a name, and the name index answers it alone.
        if len(key) >= 3 and " " not in query and ("@" in query or "." in query):
            card_sql, card_params = found.card_has("search_text", key)
            # the main email, or one among more contacts ("work: a.schmidt@firma.de")
            ors.append(f"({card_sql} AND (lower(email) LIKE ? ESCAPE '\\' "
                       "OR lower(more_contacts) LIKE ? ESCAPE '\\'))")
            pattern = f"%{like_escape(query.lower())}%"
            params += [*card_params, pattern, pattern]
        digits = phone.search_digits(query)
        if digits and len(digits) >= 3 and phone.looks_like_number(query):
            card_sql, card_params = found.card_has("phone_digits", digits)
            ors.append(card_sql)
            params += card_params
        rows = self.conn.execute(
            f"SELECT id FROM customer WHERE {' OR '.join(ors)} "
            "ORDER BY archived_at IS NOT NULL, name_key, id LIMIT ?", (*params, limit)).fetchall()
        if not rows and _an_address(query):
            rows = self._living_at(query, limit)
        return [self.get_customer(r[0]) for r in rows]

    def _living_at(self, query: str, limit: int) -> list:
        """Who lives at what was typed: every word of it in the card's address (a house
        number standing there, a street written out or cut short, a postcode). Only the
        address: a customer whose notes hold the words, or who once said them, is not
        taken for the one meant (`kbm forget "Müller 5" --yes`)."""
        typed = address_words(query)
        # The indexes narrow it to cards holding the longer words and the numbers anywhere;
        # the address itself is then read for each of those few.
        conditions = [self.engine.search.card_has("search_text", word)
                      for word in typed if len(word) >= 3]
        if not conditions:
            return []
        where = " AND ".join(sql for sql, _params in conditions)
        rows = self.conn.execute(
            f"SELECT id, address FROM customer WHERE {where} "
            "ORDER BY archived_at IS NOT NULL, name_key, id",
            [p for _sql, params in conditions for p in params]).fetchall()
        return [row for row in rows if lives_at(row[1], typed)][:limit]

    def match_customer(self, typed: str) -> Customer:
        """Exactly one customer for what was typed, or NotFound / Ambiguous."""
        found = self.find_customers(typed)
        if not found:
            raise NotFound(_('No customer matches "{typed}".').format(typed=typed.strip()))
        if len(found) > 1:
            raise Ambiguous(n_('"{typed}" matches {n} customer.',
                               '"{typed}" matches {n} customers.', len(found)).format(
                                   typed=typed.strip(), n=len(found)), found)
        return found[0]


def _an_address(query: str) -> bool:
    """Words with a number among them, not a phone number ("Hauptstr. 3", "04109 Leipzig"):
    a number alone is looked for as a phone number only, so that `kbm log 12345 …` never
    takes the one customer whose postcode it is."""
    words = query.split()
    return len(words) > 1 and any(c.isdigit() for c in query) and not phone.looks_like_number(query)
