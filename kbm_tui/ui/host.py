"""What the screens and widgets use of the app, declared once for the type checker.

`kbm_tui.app.KbmApp` is the one implementation; screens can't import it (it imports
them), so they see it as a `Host`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from textual.app import App

from kbm_tui.core.settings import Settings
from kbm_tui.store import Store
from kbm_tui.ui.changes import Change

T = TypeVar("T")


class Host(App["str | None"]):
    store: Store
    settings: Settings
    last_staff_id: int | None  # who logged last: the default next time
    # Seconds a list waits after its rows before counting its matches: a key typed meanwhile
    # makes that count needless (typing "cargo bike" counted nine searches, each competing
    # with the next key's rows for the processor, and on a server with the server too).
    count_after: float = 0.0

    def db(self, fn: Callable[[Store], T]) -> T:
        """Run `fn(store)` holding the app's database lock (from any thread)."""
        raise NotImplementedError

    def count(self, owner: object, fn: Callable[[Store], T]) -> T | None:
        raise NotImplementedError

    def stop_count(self, owner: object) -> None:
        raise NotImplementedError

    def remember(self, change: Change) -> None:
        """A change made here goes on this terminal's undo history."""
        raise NotImplementedError

    def reload_screens(self) -> None:
        raise NotImplementedError

    def after_restore(self, kept: Path | None) -> None:
        """The whole database was replaced (a restore): the screens read it again."""
        raise NotImplementedError

    def open_customer(self, customer_id: int) -> None:
        raise NotImplementedError

    def leave_customer(self, customer_id: int) -> None:
        raise NotImplementedError

    def action_quick_log(self, customer_id: int | None = None) -> None:
        raise NotImplementedError
