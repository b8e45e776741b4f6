"""Part of the store: what goes out again — customers as cards, the promises and follow-ups
for a calendar — read a batch at a time, and a token that stays the same for this database
(for calendar UIDs that a re-import updates instead of doubling)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kbm_tui.core.records import Customer, Followup, Promise
from kbm_tui.db.base import Part
from kbm_tui.db.sql import CUSTOMER_ROWS

BATCH = 500


class CardsOutPart(Part):
    def customers_matching(self, search: str = "", *,
                           include_archived: bool = False) -> Iterator[Customer]:
        """Every customer (or those every word of `search` finds), by name."""
        where, params = self._customer_filter(search, include_archived)
        after: tuple[str, int] = ("", 0)
        while True:
            rows = self.conn.execute(
                CUSTOMER_ROWS + (where + " AND " if where else "WHERE ") +
                "(c.name_key, c.id) > (?, ?) ORDER BY c.name_key, c.id LIMIT ?",
                (*params, *after, BATCH)).fetchall()
            if not rows:
                return
            for row in rows:
                yield Customer.from_row(row)
            after = (rows[-1]["name_key"], rows[-1]["id"])

    def open_promises_and_followups(self) -> tuple[list[Promise], list[Followup]]:
        """Every open promise and follow-up (for a calendar)."""
        promises: list[Promise] = []
        while batch := self.promises(status="open", offset=len(promises), limit=BATCH):
            promises += batch
        followups: list[Followup] = []
        while batch_f := self.followups(open_only=True, offset=len(followups), limit=BATCH):
            followups += batch_f
        return promises, followups

    def database_token(self) -> str:
        """Twelve hex digits that stay the same for this database (and a restore of it)."""
        import hashlib  # not at the top: `kbm log` loads this module and has no use for it

        row = self._one("SELECT value FROM kbm_meta WHERE key='created_at'")
        first = self._one("SELECT created_at FROM staff ORDER BY id LIMIT 1")
        seed = f"{row[0] if row else ''}|{first[0] if first else ''}"
        return hashlib.sha1(seed.encode()).hexdigest()[:12]

    if TYPE_CHECKING:
        def _customer_filter(self, search: str, include_archived: bool,
                             in_name_order: bool = False) -> tuple[str, list]: ...
        def promises(self, *, status: str | None = "open", customer_id: int | None = None,
                     offset: int = 0, limit: int = 100) -> list[Promise]: ...
        def followups(self, *, open_only: bool = True, customer_id: int | None = None,
                      due: str | None = None, offset: int = 0,
                      limit: int = 100) -> list[Followup]: ...


