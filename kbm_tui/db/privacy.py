"""Part of the store: each customer's right to their data (GDPR articles 15 and 17).

`customer_data` gathers everything stored about one person; `forget_customer` erases it.
The connection runs with `secure_delete`, so erased rows are overwritten with zeros
rather than left in free pages; the search indexes are merged so no old segment keeps a
word, and the write-ahead log is copied into the file and emptied afterwards. While
another program still reads an older state, the old pages stay in use: the erasure is
then marked as pending (`erasure_pending`) and finished by the next open of the file.
"""

from __future__ import annotations

from kbm_tui.db.base import Part
from kbm_tui.db.schema import DERIVED_COLUMNS

# What belongs to one customer, table by table, as SQL conditions on :cid.
_OWNED = {
    "customer": "id = :cid",
    "conversation": "customer_id = :cid",
    "promise": "customer_id = :cid",
    "promise_change": "promise_id IN (SELECT id FROM promise WHERE customer_id = :cid)",
    "followup": "customer_id = :cid",
    # The journals that let an import or a merge be undone hold what the card said.
    "import_change": "customer_id = :cid",
    "customer_merge": "kept_id = :cid OR gone_id = :cid",
}


_JOURNALS = ("import_change", "customer_merge")  # shown only where they hold something


class PrivacyPart(Part):
    def customer_data(self, customer_id: int) -> dict[str, list[dict]]:
        """Every stored row about one customer, table by table (derived columns left out)."""
        self.get_customer(customer_id)
        data = {}
        for table, condition in _OWNED.items():
            derived = DERIVED_COLUMNS.get(table, ())
            rows = self.conn.execute(
                f"SELECT * FROM {table} WHERE {condition} ORDER BY id", {"cid": customer_id})
            found = [{k: v for k, v in dict(r).items() if k not in derived} for r in rows]
            if found or table not in _JOURNALS:
                data[table] = found
        return data

    def forget_customer(self, customer_id: int) -> dict[str, int]:
        """Erase a customer and everything about them. Returns how many rows went, per table."""
        self.get_customer(customer_id)
        removed = {}
        with self.transaction():
            for table in ("promise_change", "promise", "followup", "conversation", "customer",
                          "import_change", "customer_merge"):
                cur = self.conn.execute(f"DELETE FROM {table} WHERE {_OWNED[table]}",
                                        {"cid": customer_id})
                removed[table] = cur.rowcount
            self.conn.execute("DELETE FROM customer_said WHERE customer_id=?", (customer_id,))
            self.engine.search.compact(self.conn)
            self.conn.execute("INSERT INTO kbm_meta(key, value) VALUES ('erase_pending', '1') "
                              "ON CONFLICT(key) DO UPDATE SET value=excluded.value")
        self.engine.finish_erasure(self.conn)
        return {table: removed[table] for table in _OWNED
                if table not in _JOURNALS or removed[table]}

    def erasure_pending(self) -> bool:
        """True while erased data can still be read from the file itself, because another
        program was reading an older state when it was erased."""
        return self._one("SELECT 1 FROM kbm_meta WHERE key='erase_pending'") is not None
