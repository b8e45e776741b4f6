"""This terminal's history of changes, for undo (u) and redo (ctrl+y, shift+u).

Every change made in the app is remembered as the rows it touched, before and after, with
words that say what it was. Undo puts the before-rows back, redo the after-rows — each only
while the rows are still as the change (or the undo) left them. What another terminal
changes is never on this history, and an undo never reverts it: the store refuses and the
app says so (db/journal.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from kbm_tui.store import Ref, Rows, Store, Where

T = TypeVar("T")
KEEP = 50  # changes kept to undo; older ones drop off


@dataclass(frozen=True)
class Change:
    what: str  # what was done, in the words of the language in use
    before: Rows
    after: Rows


def tracked(store: Store, write: Callable[[Store], T], *, where: Iterable[Where] = (),
            refs: Iterable[Ref] = (), made: Callable[[T], Iterable[Ref]] | None = None,
            ) -> tuple[T, Rows, Rows]:
    """Run `write` in one transaction with the rows it touches read before and after:
    those `where` finds and `refs` names, and those `made(result)` names as new."""
    where, refs = list(where), list(refs)
    with store.transaction():
        before = store.rows_now(where, refs)
        result = write(store)
        new = list(made(result)) if made is not None else []
        after = store.rows_now(where, [*refs, *new, *before])
    for ref in after:
        before.setdefault(ref, None)
    return result, before, after


@dataclass(frozen=True)
class TakenBack(Change):
    """A change the store takes back by its own journal (an import, a merge: db/imports.py,
    db/merge.py), not by putting rows back; `u` runs `take_back`. It is not redone (import
    or merge again instead)."""

    take_back: Callable[[Store], Any] | None = None


class History:
    """Changes done (to undo, newest last) and undone (to redo, newest last)."""

    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        self.done: list[Change] = []
        self.undone: list[Change] = []
        self.restored = False  # a restore replaced the data: older changes are gone from here
        self.kept: str | None = None  # the copy that restore kept of what it replaced

    def add(self, change: Change) -> None:
        """A new change: it goes on top, and what was undone before can't be redone."""
        self.done.append(change)
        del self.done[:-self.keep]
        self.undone.clear()

    def __bool__(self) -> bool:
        return bool(self.done or self.undone)


def refs_of(*records: Any) -> list[Ref]:
    """The rows of these records (None skipped), by the kind of record."""
    tables = {"Conversation": "conversation", "Promise": "promise", "Followup": "followup",
              "Customer": "customer"}
    return [(tables[type(r).__name__], r.id) for r in records if r is not None]
