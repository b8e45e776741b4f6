"""A customer's timeline: each conversation named with the words `kbm show` uses, every fact in
its own column (status, amount), and wider terminals showing more rather than wider gaps."""

from __future__ import annotations

import re

import pytest

from kbm_tui.screens import timeline
from kbm_tui.store import Store
from support import running, screen_text, settle


def test_conversations_read_as_channel_and_kind_like_kbm_show(store, kbm):
    c = store.add_customer("Eva Klein")
    store.log_conversation(c.id, "asked about a child seat", channel="phone", kind="inquiry")
    store.log_conversation(c.id, "offer for the cargo bike", channel="email", direction="out",
                           kind="offer")
    store.log_conversation(c.id, "dropped by", kind="other")
    store.log_conversation(c.id, "wishes for a repair café", channel="social", kind="feedback")
    labels = [f"{timeline.channel(e)}, {timeline.kind(e)}" for e in store.timeline(c.id)]
    assert labels == ["messenger/social, feedback/idea", "in store, other", "email, offer",
                      "phone, inquiry"]  # newest first
    shown = kbm.ok("show", "eva")
    for label in labels:
        assert label in shown, (label, shown)


def timeline_lines(app) -> list[str]:
    """The timeline's header and rows as the screen shows them."""
    box = app.screen.query_one("#timeline").region
    lines = screen_text(app).splitlines()[box.y:box.bottom]
    return [line[box.x:box.right] for line in lines]


@pytest.fixture
def bought(shop):
    with Store.open(shop) as s:
        s.log_conversation(2, "Bought a cargo bike with the long name of a model", kind="purchase",
                           amount_cents=1234500, channel="web")
        s.log_conversation(2, "A bell", kind="purchase", amount_cents=690)
    return shop


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)])
async def test_amounts_right_aligned_whole_in_their_own_column(bought, size):
    async with running(bought, size=size) as pilot:
        pilot.app.open_customer(2)
        await settle(pilot)
        lines = timeline_lines(pilot.app)
        header = next(line for line in lines if "Amount" in line)
        edge = header.index("Amount") + len("Amount")
        for amount in ("€12,345.00", "€6.90", "€89.50"):
            found = [line for line in lines if amount in line]
            assert len(found) == 1, (amount, lines)
            line = found[0]
            assert line.index(amount) + len(amount) == edge, (amount, line)  # right-aligned
            before = line[:line.index(amount)]
            assert before.endswith(" "), line  # never glued to the summary
        # the status word stands in its own column, under its header
        (promise,) = [line for line in lines if "Order brake pads" in line]
        assert promise[header.index("Status"):].startswith("overdue")


async def test_wide_terminals_show_channel_time_and_who_narrow_ones_keep_the_essentials(bought):
    async with running(bought, size=(200, 50)) as pilot:
        pilot.app.open_customer(2)
        await settle(pilot)
        header = next(line for line in timeline_lines(pilot.app) if "Amount" in line)
        assert re.findall(r"\w+", header) == ["When", "Channel", "Kind", "Status", "What",
                                              "Amount", "Who"]
        (service,) = [line for line in timeline_lines(pilot.app) if "Brought the bike" in line]
        assert "Thu 19 Nov 10:00" in service and "in store" in service and "Mia" in service
    async with running(bought, size=(80, 24)) as pilot:
        pilot.app.open_customer(2)
        await settle(pilot)
        header = next(line for line in timeline_lines(pilot.app) if "Amount" in line)
        assert re.findall(r"\w+", header) == ["When", "Kind", "Status", "What", "Amount"]
        (service,) = [line for line in timeline_lines(pilot.app) if "Brought the bike" in line]
        assert "Thu 19 Nov " in service and "service" in service


async def test_the_line_under_the_timeline_says_the_whole_row_once(shop):
    async with running(shop) as pilot:
        pilot.app.open_customer(1)
        await settle(pilot)
        detail = str(pilot.app.screen.query_one("#detail").render())
        assert detail.splitlines() == [
            "Call back with the chain price",
            "due today 14:00 · open · promised by Owner 11:30"]
