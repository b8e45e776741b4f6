"""While it runs, the app leaves what it holds from its start out of the garbage collector's
counting (ui/memory.py: a full count stalled a key of a search 40-50 ms), and counts it
again once it closes, so that a program opening another app gets the first one's memory
back."""

from __future__ import annotations

import gc

from support import running, wait_for


async def test_the_start_is_left_out_while_the_app_runs_and_let_go_when_it_closes(shop):
    async with running(shop) as pilot:
        # The app's modules, styles and first screen: tens of thousands of objects.
        assert await wait_for(pilot, lambda: gc.get_freeze_count() > 10_000)
    assert gc.get_freeze_count() == 0
