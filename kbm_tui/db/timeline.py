"""Part of the store: one customer's whole story, newest first, a window at a time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kbm_tui.core.records import Conversation, Followup, Promise, TimelineEntry
from kbm_tui.db.base import Part
from kbm_tui.db.sql import ROWS, marks

Entry = Conversation | Promise | Followup
_RECORDS: dict[str, type[Conversation] | type[Promise] | type[Followup]] = {
    "conversation": Conversation, "promise": Promise, "followup": Followup}
ENTRY_KINDS = tuple(_RECORDS)


class TimelinePart(Part):
    def timeline(self, customer_id: int, *, channel: str | None = None, kind: str | None = None,
                 offset: int = 0, limit: int = 100) -> list[TimelineEntry]:
        """Conversations (when they happened), promises (when made) and follow-ups (when
        planned), newest first. `kind` is "conversation", "promise", "followup" or a kind
        of conversation; a channel or a conversation kind shows only such conversations."""
        union, params = _union(customer_id, channel, kind)
        rows = self.conn.execute(union + " ORDER BY moment DESC, id DESC LIMIT ? OFFSET ?",
                                 (*params, limit, offset)).fetchall()
        found = {k: self._records(k, [r[1] for r in rows if r[0] == k]) for k in ENTRY_KINDS}
        return [TimelineEntry(datetime.fromisoformat(r[2]), r[0], found[r[0]][r[1]]) for r in rows]

    def count_timeline(self, customer_id: int, *, channel: str | None = None,
                       kind: str | None = None) -> int:
        """How many entries `timeline` pages through with the same filters."""
        union, params = _union(customer_id, channel, kind)
        return self.conn.execute(f"SELECT count(*) FROM ({union}) AS timeline",
                                 params).fetchone()[0]

    def _records(self, kind: str, ids: list[int]) -> dict[int, Entry]:
        if not ids:
            return {}
        select, alias = ROWS[kind]
        rows = self.conn.execute(f"{select}WHERE {alias}.id IN ({marks(len(ids))})", ids)
        return {r["id"]: _RECORDS[kind].from_row(r) for r in rows}


def _union(customer_id: int, channel: str | None, kind: str | None) -> tuple[str, list[Any]]:
    only = kind if kind in ENTRY_KINDS else None
    talk_kind = None if only else kind
    parts: list[str] = []
    params: list[Any] = []
    if only in (None, "conversation"):
        sql = ("SELECT 'conversation' AS kind, id, at AS moment FROM conversation "
               "WHERE customer_id=? AND deleted_at IS NULL")
        params.append(customer_id)
        for column, value in (("channel", channel), ("kind", talk_kind)):
            if value is not None:
                sql += f" AND {column}=?"
                params.append(value)
        parts.append(sql)
    if channel is None and talk_kind is None:
        if only in (None, "promise"):
            parts.append("SELECT 'promise' AS kind, id, made_at AS moment FROM promise "
                         "WHERE customer_id=?")
            params.append(customer_id)
        if only in (None, "followup"):
            parts.append("SELECT 'followup' AS kind, id, created_at AS moment FROM followup "
                         "WHERE customer_id=?")
            params.append(customer_id)
    return " UNION ALL ".join(parts), params
