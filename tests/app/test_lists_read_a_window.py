"""The big lists never read every row: only the window in view, a page at a time."""

from __future__ import annotations

import pytest

from kbm_tui.app import KbmApp
from kbm_tui.demo import shop as demo
from kbm_tui.store import Store
from support import screen_text, settle, type_text, typed

CUSTOMERS = 3000
CONVERSATIONS = 6000


@pytest.fixture(scope="module")
def big_shop(tmp_path_factory):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kbm_tui.core import clock

    path = tmp_path_factory.mktemp("big") / "kbm.sqlite3"
    clock.set_now(datetime(2026, 11, 22, 11, 30, tzinfo=ZoneInfo("Europe/Berlin")))
    with Store.open(path) as s:
        demo.generate(s, customers=CUSTOMERS, conversations=CONVERSATIONS, seed=3)
    return path


def spy(store, name: str) -> list[dict]:
    """Record the arguments and row counts of every call to one store method."""
    calls: list[dict] = []
    real = getattr(store, name)

    def recording(*args, **kwargs):
        result = real(*args, **kwargs)
        size = len(result) if isinstance(result, list) else 1
        calls.append({**kwargs, "args": args, "rows": size})
        return result

    setattr(store, name, recording)
    return calls


async def test_customer_list_reads_only_the_window_in_view(big_shop):
    app = KbmApp(big_shop, watch_seconds=0)
    shown = app.store.count_customers()  # the archived ones are left out
    assert shown > CUSTOMERS * 0.9
    calls = spy(app.store, "list_customers")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        table = app.screen.query_one("#customer-list")
        assert table.total == shown
        assert f"1 of {shown:,} customers" in screen_text(app)
        assert calls and all(c["limit"] <= 100 for c in calls)
        assert sum(c["rows"] for c in calls) <= 300
        await pilot.press("escape", "end")  # the very last customer
        await settle(pilot)
        await settle(pilot)
        assert table.cursor_row == shown - 1
        assert table.cursor_item is not None
        assert f"{shown:,} of {shown:,}" in screen_text(app)
        assert max(c["offset"] for c in calls) >= shown - 100
        assert sum(c["rows"] for c in calls) <= 600  # not the 3000 in between
        assert len(table.loaded_items()) <= table.keep_pages * table.page_size
        await pilot.press("pageup", "pageup", "home")
        await settle(pilot)
        assert table.cursor_row == 0
        assert sum(c["rows"] for c in calls) <= 900
    app.close_store()


async def test_typing_a_filter_asks_the_store_not_a_python_loop(big_shop):
    app = KbmApp(big_shop, watch_seconds=0)
    calls = spy(app.store, "list_customers")
    counts = spy(app.store, "count_customers")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        calls.clear()
        await type_text(pilot, "ann")
        await typed(pilot)
        await settle(pilot)
        assert calls and calls[-1]["limit"] <= 100
        assert calls[-1]["args"] == ("ann",)
        table = app.screen.query_one("#customer-list")
        with Store.open(big_shop) as other:
            assert table.total == other.count_customers("ann")
        assert counts
    app.close_store()


async def test_conversation_list_reads_a_page_at_a_time(big_shop):
    app = KbmApp(big_shop, watch_seconds=0)
    calls = spy(app.store, "conversations")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("v", "escape")  # from the filter to the list
        await settle(pilot)
        assert calls and all(c["limit"] <= 100 for c in calls)
        assert sum(c["rows"] for c in calls) <= 200
        table = app.screen.query_one("#conversation-list")
        for _ in range(4):  # scroll far down: pages come as they are needed
            await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
            await settle(pilot)
        assert table.cursor_row > 80
        assert sum(c["rows"] for c in calls) < CONVERSATIONS // 10
    app.close_store()
