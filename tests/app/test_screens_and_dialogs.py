"""Each screen and dialog of the app, driven by keys on a small fixed shop."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kbm_tui.app import KbmApp, run_app
from kbm_tui.core import settings
from kbm_tui.core.errors import KbmError
from kbm_tui.store import Store
from support import (
    SIZE,
    edit_form_of,
    in_palette,
    running,
    screen_text,
    settle,
    type_text,
    typed,
    wait_for,
)


async def test_conversation_delete_asks_and_can_be_undone_or_restored(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("v", "escape")  # from the filter to the list
        await settle(pilot)
        assert "Wants a child seat" in screen_text(app)  # newest first
        await pilot.press("delete")
        await settle(pilot)
        assert "Delete this conversation?" in screen_text(app)
        await pilot.press("escape")  # changed my mind
        await settle(pilot)
        assert "Wants a child seat" in screen_text(app)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert "Wants a child seat" not in screen_text(app)
        await pilot.press("u")  # undo, same session
        await settle(pilot)
        assert "Wants a child seat" in screen_text(app)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        app.screen.query_one("#cv-deleted").value = True  # the archive
        await settle(pilot)
        assert "(deleted) Wants a child seat" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert "(deleted)" not in screen_text(app)
    with Store.open(shop) as s:
        assert all(c.deleted_at is None for c in s.conversations(include_deleted=True))


async def test_conversations_filter_by_channel_text_and_days(pilot):
    app = pilot.app
    await pilot.press("v")
    await settle(pilot)
    screen = app.screen
    screen.query_one("#cv-channel").value = "email"
    await settle(pilot)
    text = screen_text(app)
    assert "Complained that the e-bike" in text and "Wants a child seat" not in text
    screen.query_one("#cv-channel").clear()
    await settle(pilot)
    await pilot.press("slash")
    await type_text(pilot, "thank")
    await typed(pilot)
    await settle(pilot)
    text = screen_text(app)
    assert "Wrote to thank us" in text and "Complained" not in text
    await pilot.press("enter", "x")  # back to the list, then clear the filters
    await settle(pilot)
    screen.query_one("#cv-since").value = "last week"
    await typed(pilot)
    await settle(pilot)
    text = screen_text(app)
    assert "Brought the bike in" in text and "Wrote to thank us" not in text
    screen.query_one("#cv-until").value = "nonsense"
    await typed(pilot)
    await settle(pilot)
    assert "“nonsense” is not a day" in screen_text(app)  # a day, not a due time


async def test_customer_form_validates_as_you_type(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Ida Roth")
        await pilot.press("tab", "tab")
        await type_text(pilot, "ida.example")
        await settle(pilot)
        assert "is not an email address" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerForm"  # refused
        await pilot.press(*["backspace"] * 11)
        await type_text(pilot, "ida@example.com")
        await settle(pilot)
        assert "is not an email address" not in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "CustomerScreen"
        assert "ida@example.com" in screen_text(app)
    with Store.open(shop) as s:
        assert s.match_customer("Ida Roth").email == "ida@example.com"


async def test_edit_and_archive_a_customer(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await edit_form_of(pilot, "emil")
        assert app.screen.query_one("#f-name").value == "Emil Weber"
        await pilot.press("tab", "tab", "tab", "tab")  # to tags
        await type_text(pilot, "gravel")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert "Archive Emil Weber?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert "No customer matches that." in screen_text(app)
        await pilot.press("ctrl+a")  # show archived ones too
        await settle(pilot)
        assert "Emil Weber (archived)" in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert "(archived)" not in screen_text(app)
    with Store.open(shop) as s:
        emil = s.match_customer("Emil Weber")
        assert emil.tags == "gravel" and emil.archived_at is None


async def test_customers_sort_and_open(pilot):
    app = pilot.app
    await pilot.press("c")
    await settle(pilot)
    assert "1 of 5 customers" in screen_text(app)
    await pilot.press("escape", "o")  # to the list, then sort by last contact
    await settle(pilot)
    table = app.screen.query_one("#customer-list")
    assert [c.name for c in table.loaded_items()][:2] == ["Dora Krüger", "Anna Bauer"]
    await pilot.press("enter")
    await settle(pilot)
    assert app.screen.__class__.__name__ == "CustomerScreen"
    assert "Only by letter, please" in screen_text(app)
    await pilot.press("escape")
    await settle(pilot)
    assert app.screen.__class__.__name__ == "CustomersScreen"


async def test_customer_screen_timeline_filters_and_plans(shop):
    async with running(shop, size=(120, 36)) as pilot:
        app = pilot.app
        app.open_customer(3)  # Cem: a kept and a broken promise, a complaint by email
        await settle(pilot)
        text = screen_text(app)
        assert "1 kept · 1 broken" in text and "0 open" not in text
        assert "Forgot in the rush" in text  # the broken promise's reason
        app.screen.query_one("#tl-kind").value = "promise"
        await settle(pilot)
        text = timeline_text(app)
        assert "Complained" not in text and "Send a replacement display" in text
        app.screen.query_one("#tl-kind").clear()
        app.screen.query_one("#tl-channel").value = "email"
        await settle(pilot)
        text = timeline_text(app)
        assert "Complained" in text and "Send a replacement display" not in text
        await pilot.press("m")
        await settle(pilot)
        await type_text(pilot, "Check the display again")
        await pilot.press("tab")
        await type_text(pilot, "Friday 10:00")
        await settle(pilot)
        assert "Fri 27 Nov 2026, 10:00" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await type_text(pilot, "Ask about the display")
        await pilot.press("tab")
        await type_text(pilot, "in 2 weeks")
        await pilot.press("tab")
        await type_text(pilot, "30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "1 open · 1 kept · 1 broken" in screen_text(app)
    with Store.open(shop) as s:
        assert [p.text for p in s.promises(customer_id=3)] == ["Check the display again"]
        (f,) = s.followups(customer_id=3)
        assert f.every_days == 30 and str(f.due_day) == "2026-12-06"


def timeline_text(app) -> str:
    rows = app.screen.query_one("#timeline").loaded_items()
    return "\n".join(getattr(e.record, "summary", None) or e.record.text for e in rows)


async def test_promises_screen_tabs(shop):
    async with running(shop) as pilot:
        app = pilot.app
        await pilot.press("p")
        await settle(pilot)
        text = screen_text(app)
        assert "Order brake pads" in text and "Call back with the chain price" in text
        await pilot.press("right")
        await settle(pilot)
        text = screen_text(app)
        assert "Order brake pads" in text and "Call back with" not in text
        await pilot.press("right")
        await settle(pilot)
        assert "No open promise without a due time" in screen_text(app)
        await pilot.press("right")
        await settle(pilot)
        assert "Send a replacement display" in screen_text(app)
        await pilot.press("right")
        await settle(pilot)
        assert "Forgot in the rush before closing" in screen_text(app)
        await pilot.press("left", "left", "left", "left")
        await settle(pilot)
        await pilot.press("down", "k")  # keep the second open one in place
        await settle(pilot)
        assert "Call back with" not in screen_text(app)
    with Store.open(shop) as s:
        assert [p.text for p in s.promises(status="open")] == ["Order brake pads"]


async def test_help_lists_every_key(shop):
    async with running(shop, size=(100, 60)) as pilot:
        app = pilot.app
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        for words in ("Everywhere", "Command palette", "Promise kept", "Snooze", "Undo"):
            assert words in text
        from kbm_tui.screens.help import markdown_table

        table = markdown_table()
        for key in ("`ctrl+s`", "`escape`", "`k`", "`b`", "`d`", "`s`", "`delete`", "`u`",
                    "`l`", "`n`", "`ctrl+p`", "`ctrl+q`", "`? / f1`", "`t`", "`e`", "`a`"):
            assert key in table, key
        await pilot.press("escape")
        await pilot.press("f1")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "HelpScreen"


async def test_palette_jumps_to_a_customer_and_runs_actions(pilot):
    app = pilot.app
    await in_palette(pilot, "777 888", "customer  030 777 888")  # part of Dora's number
    await pilot.press("enter")
    await settle(pilot)
    assert app.screen.__class__.__name__ == "CustomerScreen"
    assert app.screen.customer_id == 4
    await in_palette(pilot, "Promises", "Open, overdue, kept and broken promises")
    await pilot.press("enter")
    await settle(pilot)
    assert app.current_mode == "promises"


async def test_theme_choice_is_remembered(shop):
    async with running(shop) as pilot:
        app = pilot.app
        app.theme = "nord"
        await settle(pilot)
    assert json.loads(settings.Settings.path().read_text())["theme"] == "nord"
    again = KbmApp(shop, watch_seconds=0)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "nord"
    again.close_store()


async def test_writes_by_another_program_show_up(shop):
    app = KbmApp(shop, watch_seconds=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Phoned about the saddle" not in screen_text(app)
        with Store.open(shop) as other:  # as `kbm log` in a second terminal would
            other.log_conversation(3, "Phoned about the saddle", channel="phone")
        assert await wait_for(pilot, lambda: "Phoned about the saddle" in screen_text(app))
    app.close_store()


def test_run_app_reports_a_bad_database_before_starting(tmp_path):
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_text("hello, I am a text file")
    with pytest.raises(KbmError) as caught:
        run_app(bad)
    assert "not a kbm-tui database" in str(caught.value)
    foreign = tmp_path / "foreign.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(KbmError):
        KbmApp(foreign)


async def test_demo_opens_a_believable_shop_and_throws_it_away():
    app = KbmApp(None, demo=True, watch_seconds=0)
    folder = app._demo_dir
    assert folder is not None and folder.exists()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Overdue promises" in text and "Follow-ups due" in text
        assert app.store.count_customers(include_archived=True) >= 150
        await pilot.press("v")
        await settle(pilot)
        assert "1 of" in screen_text(app)
    app.close_store()
    assert not folder.exists()


def test_run_app_demo_cleans_up(monkeypatch):
    seen = {}

    def fake_run(self, *args, **kwargs):
        seen["customers"] = self.store.count_customers()
        seen["folder"] = self._demo_dir

    monkeypatch.setattr(KbmApp, "run", fake_run)
    assert run_app(demo=True) == 0
    assert seen["customers"] > 100
    assert not seen["folder"].exists()


async def test_the_mouse_works(pilot):
    app = pilot.app
    await pilot.click("NavBar", offset=(14, 0))  # "c Customers" in the bar on top
    await settle(pilot)
    assert app.current_mode == "customers"
    table = app.screen.query_one("#customer-list")
    await pilot.click("#customer-list", offset=(5, 2))  # the second customer
    await settle(pilot)
    assert table.cursor_row == 1
    await pilot.click("#customer-list", offset=(5, 0))  # the "Name" heading sorts
    await pilot.click("#customer-list", offset=(60, 0))  # "Last contact" sorts
    await settle(pilot)
    assert app.screen.sort == "last_contact"
    await pilot.click("#customer-list", offset=(5, 1), times=2)  # double click opens
    await settle(pilot)
    assert app.screen.__class__.__name__ == "CustomerScreen"
