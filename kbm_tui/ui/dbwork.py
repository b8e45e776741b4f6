"""Running store calls off the UI thread, one at a time.

The Store holds a single sqlite3 connection that must not be used from two threads at
once, so every call goes through `KbmApp.db()`, which holds one app-wide lock. Screens
and dialogs mix in `DbWork` and call `db_read` / `db_write`: the call runs in a thread
worker, its result comes back on the UI thread. A person's mistake (KbmError) goes to
`on_error` or becomes a notification; anything else is shown as a notification instead
of crashing the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar, cast

from textual.dom import DOMNode
from textual.worker import get_current_worker

from kbm_tui.core.errors import KbmError
from kbm_tui.core.i18n import _
from kbm_tui.store import Ref, Store, Where
from kbm_tui.ui.changes import Change, tracked

if TYPE_CHECKING:
    from kbm_tui.ui.host import Host

T = TypeVar("T")
Fn = Callable[[Store], T]
OnError = Callable[[KbmError], None]


class DbWork:
    """Mixin for screens and widgets that talk to the store."""

    def db_read(self, fn: Fn[T], then: Callable[[T], None], *, group: str = "read",
                exclusive: bool = True, on_error: OnError | None = None) -> None:
        """Run `fn(store)` in a thread; `then(result)` on the UI thread."""
        _run(cast(DOMNode, self), fn, then, on_error, group, exclusive)

    def db_write(self, fn: Fn[T], then: Callable[[T], None] | None = None, *,
                 on_error: OnError | None = None) -> None:
        """Run a change in a thread; writes are never cancelled by later ones."""
        _run(cast(DOMNode, self), fn, then, on_error, "write", False)

    def db_change(self, fn: Fn[T], what: Callable[[T], str | None],
                  then: Callable[[T], None] | None = None, *, where: Iterable[Where] = (),
                  refs: Iterable[Ref] = (), made: Callable[[T], Iterable[Ref]] | None = None,
                  on_error: OnError | None = None) -> None:
        """`db_write`, and the change goes on this terminal's undo history: the rows
        `where` finds and `refs` names (and those `made` names as new), before and after,
        with `what(result)` saying what it was (None: not a change worth undoing)."""
        node = cast(DOMNode, self)
        app = cast("Host", node.app)
        where, refs = list(where), list(refs)

        def change(store: Store) -> T:
            result, before, after = tracked(store, fn, where=where, refs=refs, made=made)
            label = what(result)
            if label:
                app.call_from_thread(app.remember, Change(label, before, after))
            return result

        _run(node, change, then, on_error, "write", False)


def _run(node: DOMNode, fn: Fn[T], then: Callable[[T], None] | None, on_error: OnError | None,
         group: str, exclusive: bool) -> None:
    app = cast("Host", node.app)

    def job() -> None:
        try:
            result = app.db(fn)
        except KbmError as exc:
            if on_error is not None:
                app.call_from_thread(on_error, exc)
            else:
                title = _("Not saved") if group == "write" else _("Can't show this")
                app.call_from_thread(app.notify, exc.message, title=title,
                                     severity="error", timeout=8)
            return
        except Exception as exc:  # a bug: say so, keep the app running
            app.call_from_thread(app.notify, f"{type(exc).__name__}: {exc}",
                                 title=_("Something went wrong"), severity="error", timeout=10)
            app.call_from_thread(app.log.error, repr(exc))
            return
        if then is None or get_current_worker().is_cancelled:
            return
        app.call_from_thread(_deliver, node, then, result)

    node.run_worker(job, thread=True, group=group, exclusive=exclusive,
                    exit_on_error=False, name=f"db:{group}")


def _deliver(node: DOMNode, then: Callable[[T], None], result: T) -> None:
    if node.is_attached:
        then(result)
