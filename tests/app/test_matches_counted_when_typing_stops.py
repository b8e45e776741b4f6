"""While a search is typed into the Customers filter, the rows come at every key and the
matches are counted once typing stops: a count for a key that the next key replaced only
competed with that key's rows for the processor (and, on a server, for the server)."""

from __future__ import annotations

from kbm_tui.store import Store
from support import running, settle, type_text, typed, wait_for


def status(pilot) -> str:
    return str(pilot.app.screen.query_one("#customers-status").render())


async def test_only_the_search_typing_stopped_at_is_counted(shop, monkeypatch):
    counted: list[str] = []
    original = Store.count_customers

    def count_customers(self, search="", **kwargs):
        counted.append(search)
        return original(self, search, **kwargs)

    monkeypatch.setattr(Store, "count_customers", count_customers)
    async with running(shop) as pilot:
        await pilot.press("c")
        await settle(pilot)
        counted.clear()
        pilot.app.count_after = 3600  # a pause longer than any test: no count begins
        await type_text(pilot, "ann")
        table = pilot.app.screen.table
        assert await wait_for(pilot, lambda: pilot.app.screen.search == "ann" and [
            c.name for c in table.loaded_items()] == ["Anna Bauer"])
        assert "1 of … matching “ann”" in status(pilot)
        assert counted == []  # not "a", not "an", and not yet "ann"
        pilot.app.count_after = 0  # typing goes on, and stops: its search is counted
        await type_text(pilot, "a")
        await typed(pilot)
        assert counted == ["anna"]
        assert "1 of 1 matching “anna”" in status(pilot)


async def test_the_count_follows_once_typing_stops(shop):
    async with running(shop, count_after=0.05) as pilot:
        await pilot.press("c")
        await type_text(pilot, "ann")
        await typed(pilot)
        await settle(pilot)  # until the list's worker is done: it waited, then counted
        assert "1 of 1 matching “ann”" in status(pilot)
