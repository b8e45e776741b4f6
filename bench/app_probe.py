"""Drives the real app headless and times what a person would notice. Run by bench/run.py:

    app_probe.py DB BUSIEST_CUSTOMER_ID TASK...   (tasks: start, search, customer, scroll)

Prints one JSON line. Times are taken when a list has its new rows (VirtualTable's
reload arriving), not when a key was merely handled.
"""

from __future__ import annotations

import asyncio
import json
import resource
import statistics
import sys
import time

from kbm_tui.app import KbmApp
from kbm_tui.widgets.virtual_table import VirtualTable

LOADS: list[tuple[float, str]] = []  # (when, table id) each time a table got its rows
_original = VirtualTable._reloaded


def _spy(self, gen, total, loaded):
    _original(self, gen, total, loaded)
    if gen == self._gen:
        LOADS.append((time.perf_counter(), self.id or ""))


VirtualTable._reloaded = _spy

SEARCHES = ["anna s", "0171 23", "cargo bike", "lastenrad", "knee"]


async def wait_for_load(pilot, table: str, since: float, timeout: float = 10.0) -> float:
    """Seconds from `since` until the table called `table` got its new rows."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        for when, name in reversed(LOADS):
            if when >= since and name == table:
                return when - since
        await asyncio.sleep(0.0005)
    raise TimeoutError(f"{table} did not load within {timeout} s")


async def run(db: str, busiest: int, tasks: list[str]) -> dict:
    figures: dict = {}
    app = KbmApp(db, watch_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_load(pilot, "today-list", 0.0, timeout=60)
        figures["today_shown_at"] = time.time()
        if "search" in tasks:
            figures.update(await search(pilot))
        if "customer" in tasks:
            figures["customer_first"] = await open_customer(pilot, app, busiest)
        if "scroll" in tasks:
            figures.update(await scroll(pilot, app))
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


async def search(pilot) -> dict:
    await pilot.press("c")
    await pilot.pause(0.5)
    latencies = []
    field = pilot.app.screen.query_one("#filter")
    if pilot.app.focused is not field:  # the list opens with the filter field focused,
        await pilot.press("slash")  # where "/" would be typed into the search
    assert field.value == "", field.value
    for text in SEARCHES:
        for char in text:
            key = {" ": "space"}.get(char, char)
            start = time.perf_counter()
            await pilot.press(key)
            latencies.append(await wait_for_load(pilot, "customer-list", start))
        start = time.perf_counter()
        for _ in text:
            await pilot.press("backspace")
        await wait_for_load(pilot, "customer-list", start)
        await pilot.pause(0.2)
    latencies.sort()
    return {"keys": len(latencies), "search_p95": latencies[int(0.95 * (len(latencies) - 1))],
            "search_median": statistics.median(latencies)}


async def open_customer(pilot, app, customer_id: int) -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        app.open_customer(customer_id)
        times.append(await wait_for_load(pilot, "timeline", start))
        await pilot.pause(0.2)
        await pilot.press("escape")
        await pilot.pause(0.2)
    return statistics.median(times)


async def scroll(pilot, app) -> dict:
    """Top to bottom a screenful at a time, each screenful drawn with its rows."""
    await pilot.press("escape")  # out of the filter field, if the search left us there
    await pilot.press("c")
    await pilot.pause(0.5)
    app.screen.query_one("#filter").value = ""
    await pilot.pause(0.5)
    table = app.screen.query_one("#customer-list", VirtualTable)
    height = max(1, table.size.height - 1)
    start = time.perf_counter()
    top = 0
    while top < table.row_count:
        table.scroll_to(y=top, animate=False, immediate=True)
        await pilot.pause()
        while table.item_at(top) is None or table.item_at(
                min(table.row_count - 1, top + height - 1)) is None:
            await asyncio.sleep(0.0005)  # the rows in view are still being read
        top += height
    return {"scroll_seconds": time.perf_counter() - start, "scrolled_rows": table.row_count}


if __name__ == "__main__":
    result = asyncio.run(run(sys.argv[1], int(sys.argv[2]), sys.argv[3:]))
    print(json.dumps(result))
