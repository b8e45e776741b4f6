"""A walk through every screen and dialog of the app, in German and in English: the German
app shows no English word, the English app no German one (issue 14).

The walk reads what the screen shows after each step (support.screen_text) and every
notification; a word from the other language's list fails the test and names the step.
The German walk runs on a shop whose own texts are German (german_shop.py), the English one
on the small English shop of support.build_shop.
"""

from __future__ import annotations

import re

import pytest
from german_shop import CARE_EN, add_care, build_german_shop
from textual.widgets import Button, Select

from kbm_tui.backup import export as backup_export
from kbm_tui.core import i18n
from kbm_tui.screens.help import key_sections
from kbm_tui.store import Store
from kbm_tui.ui.palette import ActionsProvider
from support import build_shop, notes, running, screen_text, settle, type_text, typed, wait_for

# Words of the app's English that a German shop owner must never meet.
ENGLISH = """
Today today tomorrow yesterday Customers Customer customer customers Save Cancel promise
promises Promise Promises overdue Overdue Follow-up Follow-ups follow-up follow-ups Log New
new Edit Archive archived Search search Back Help Undo undo Quit Kept kept Broken broken Done
done Snooze snooze snoozed Delete delete Restore Resolve resolved Wishes wishes Channel
channel Phone phone Email email Address Notes Tags When Who What Due due Nothing nothing
Loading palette Yes Close Next next Previous Open open upcoming week days day the and with of
to for from is or no none any anyone everything every Summary Amount Reason Why How State All
Welcome store inquiry complaint letter other late since found commands themes Theme
Screenshot Keys Everywhere Lists Forms Sort sorted Tomorrow Mon Tue Wed Thu Fri Sat Sun
matching conversation conversations Conversations Ideas idea considered quit press Press
offer purchase invoice payment return visit
""".split()
# Words of the app's German that an English shop owner must never meet.
GERMAN = """
Heute heute Kunden Kunde Speichern Abbrechen Versprechen überfällig Überfällig Überfällige
Wiedervorlage Wiedervorlagen Gespräch Gespräche Erfassen Neu neu Bearbeiten Archivieren
archivierte Suchen suchen Zurück Hilfe Rückgängig rückgängig Beenden Gehalten gehalten
Gebrochen gebrochen Erledigt erledigt Zurückstellen zurückstellen Löschen Kanal Telefon
Notizen Wann Wer Was fällig Fällig gestern nichts Befehle Ja Schließen offen Offen Tage Tagen
Woche und mit der für von oder keine nicht Reklamation Reklamationen Betrag Grund Warum Wie
Inhalt Alle Willkommen Sicherung Uhr Mo Di Mi Do Fr Sa So Ansichten Tasten Treffer Ideen
Kontaktwünsche pünktlich verspätet Reiter Strg Entf
""".split()


def forbidden(words: list[str]) -> re.Pattern[str]:
    """Any of the words, standing alone (not inside a longer word or a hyphenated one, nor
    the start of a name cut off by a dialog's border: "Do│" of "Dora" behind a box; nor
    German's "Mon." for Monate: English writes Monday "Mon" without a full stop)."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w│-]|(?<=Mon)\.)")


# What the walk types, as a person speaking each language would.
TYPED = {"de": {"part": "Ersatzteil bestellen", "nonsense": "Quatsch", "tomorrow": "morgen",
                "ask": "Nachfragen", "not-a-phone": "nicht-telefon", "friday": "Freitag 14:00",
                "they asked": "Kunde bat darum", "yesterday": "gestern",
                "next week": "nächste Woche", "chain": "Kette bestellt", "twelve": "zwölf",
                "price": "Preis sagen", "palette:theme": "Farbschema"},
         "en": {"part": "Order the part", "nonsense": "nonsense", "tomorrow": "tomorrow",
                "ask": "Ask again", "not-a-phone": "not-a-phone", "friday": "Friday 14:00",
                "they asked": "they asked for it", "yesterday": "yesterday",
                "next week": "next week", "chain": "Ordered a chain", "twelve": "twelve",
                "price": "Tell the price", "palette:theme": "Theme"}}


class Walk:
    """Goes through the app step by step and keeps what each step showed."""

    def __init__(self, pilot) -> None:
        self.pilot = pilot
        self.app = pilot.app
        self.seen: list[tuple[str, str]] = []

    def look(self, step: str) -> None:
        self.seen.append((step, screen_text(self.app)))

    async def keys(self, step: str, *keys: str) -> None:
        for key in keys:
            if key.startswith("text:"):
                await type_text(self.pilot, TYPED[i18n.language()].get(key[5:], key[5:]))
                await typed(self.pilot)
            elif key.startswith("focus:"):
                self.app.screen.query_one(key[6:]).focus()
                await settle(self.pilot)
            elif key == "clear":
                self.app.screen.focused.value = ""
                await typed(self.pilot)
            else:
                await self.pilot.press(key)
                await settle(self.pilot)
                if key == "escape" and getattr(self.app.screen, "question", None) == i18n._(
                        "Throw away what you typed?"):
                    # the dialog's own words (the form under it shows through, cut off)
                    dialog = self.app.screen
                    self.seen.append((f"{step}: throw away what was typed?", "\n".join(
                        str(b.label) for b in dialog.query(Button)) + "\n" + dialog.detail))
                    await self.pilot.press("y")
                    await settle(self.pilot)
        self.look(step)

    async def open_select(self, step: str, selector: str) -> None:
        """Open a drop-down list, look at its choices, close it again."""
        self.app.screen.query_one(selector, Select).focus()
        await settle(self.pilot)
        await self.keys(step, "enter")
        await self.keys(step, "escape")

    def offenders(self, pattern: re.Pattern[str]) -> list[str]:
        found = []
        for step, text in self.seen + [("notifications", n) for n in notes(self.app)]:
            for line in text.splitlines():
                words = sorted(set(pattern.findall(line)))
                if words:
                    found.append(f"{step}: {words} in {line.strip()!r}")
        return found


async def walk_everywhere(pilot) -> Walk:
    """Every screen and dialog, with the lists' empty states, errors next to fields and the
    notifications that saving and undoing bring."""
    w = Walk(pilot)
    app = pilot.app
    w.look("Today")
    await w.keys("ctrl+c", "ctrl+c")
    # Customers, the card of Ben (wishes, a resolved complaint, an idea, an amount)
    await w.keys("Customers", "c")
    await w.keys("Customers sorted", "escape", "o")
    await w.keys("Customers: no match", "slash", "text:zzzz")
    for _ in range(4):
        await pilot.press("backspace")
    await w.keys("Customers: a match", "text:ben", "enter")
    await w.keys("Customer card", "enter")
    await w.open_select("Timeline: channels", "#tl-channel")
    await w.open_select("Timeline: kinds", "#tl-kind")
    await w.keys("Wishes dialog", "W")
    await w.keys("Wishes dialog: both rhythm and only-when-asked", "tab", "tab", "text:4w",
                 "tab", "space")
    await w.keys("Customer card", "escape")
    await w.keys("Plan a promise", "m", "text:part", "tab", "text:nonsense")
    await w.keys("Plan a promise: saved", "clear", "text:tomorrow", "ctrl+s")
    await w.keys("Undo", "u")
    await w.keys("Plan a follow-up", "w", "ctrl+s")
    await w.keys("Plan a follow-up: typed", "text:ask", "tab", "text:tomorrow", "tab",
                 "text:x")
    await w.keys("Customer card", "escape")
    await w.keys("Edit the customer", "e", "tab", "text:not-a-phone", "ctrl+s")
    await w.keys("Customer card", "escape")
    await w.keys("Archive? (confirm)", "a")
    await w.keys("Customer card", "escape")
    await w.keys("Forget dialog", "F", "text:Bem", "enter")
    await w.keys("Customer card", "escape")
    await w.keys("Palette on the card", "ctrl+p")
    await w.keys("Palette: no match", "text:xyzzy")
    assert await wait_for(pilot, lambda: i18n._("No matches found") in screen_text(app))
    w.look("Palette: no match")
    await w.keys("Customers", "escape", "escape")
    # Conversations with their filters
    await w.keys("Conversations", "v")
    await w.open_select("Conversations: channel filter", "#cv-channel")
    await w.open_select("Conversations: kind filter", "#cv-kind")
    await w.open_select("Conversations: staff filter", "#cv-staff")
    app.screen.query_one("#cv-since").value = TYPED[i18n.language()]["nonsense"]
    await typed(pilot)
    w.look("Conversations: a day that can't be read")
    await w.keys("Conversations: cleared", "x")
    app.screen.query_one("#cv-text").value = "zzzz"
    await typed(pilot)
    w.look("Conversations: nothing matches")
    await w.keys("Conversations: cleared", "x")
    await w.keys("Conversations: the list", "focus:#conversation-list", "down")
    await w.keys("Delete? (confirm)", "delete")
    await w.keys("Conversation deleted", "y")
    await w.keys("Conversation undone", "u")
    table = app.screen.query_one("#conversation-list")
    table.cursor_row = next(i for i, c in enumerate(table.loaded_items())
                            if c.kind == "complaint" and c.resolved_at is None)
    await w.keys("Resolve a complaint", "R", "enter")
    await w.keys("Conversations", "escape")
    # Promises, Follow-ups and Ideas, tab by tab
    await w.keys("Promises", "p")
    for tab in range(5):
        await w.keys(f"Promises tab {tab + 2}", "right")
    await w.keys("Promises: open", "right")
    await w.keys("Broken: why? (reason)", "b", "enter")
    await w.keys("Promises", "escape")
    await w.keys("Renegotiate", "g", "text:nonsense", "enter")
    await w.keys("Renegotiate: typed", "focus:#due", "clear", "text:friday", "tab",
                 "text:they asked", "enter")
    await w.keys("Promise kept", "k")
    await w.keys("Follow-ups", "f")
    for tab in range(3):
        await w.keys(f"Follow-ups tab {tab + 2}", "right")
    await w.keys("Follow-ups: overdue", "right")
    await w.keys("Follow-ups: all open", "left")
    await w.keys("Snooze", "s")
    await w.keys("Snooze: a day in the past", "tab", "tab", "text:yesterday", "enter")
    await w.keys("Snoozed", "focus:#tomorrow", "1")
    await w.keys("Reschedule", "g", "text:next week")
    await w.keys("Rescheduled", "enter")
    await w.keys("Follow-up done: what came of it?", "d", "text:price")
    await w.keys("Follow-up done", "enter")
    await w.keys("Ideas", "i")
    for tab in range(3):
        await w.keys(f"Ideas tab {tab + 2}", "right")
    await w.keys("Ideas: all", "right")
    await w.keys("Idea done: tell them? (confirm)", "3")
    await w.keys("Tell them: plan a follow-up", "y")
    await w.keys("Ideas", "escape")
    # The dialogs every screen has
    await w.keys("Quick-log", "l")
    await w.keys("Quick-log: saving too early", "ctrl+s")
    await w.keys("Quick-log: typed", "text:anna", "enter", "text:chain", "tab", "tab",
                 "tab", "tab", "text:twelve", "tab", "tab", "tab", "text:price",
                 "tab", "text:nonsense")
    await w.keys("Today", "escape", "t")
    await w.keys("New customer", "n", "ctrl+s")
    await w.keys("New customer: picked the name", "text:Anna Bauer", "tab", "text:abc",
                 "ctrl+s")
    await w.keys("Today", "escape")
    await w.keys("Backup dialog", "B", "clear", "enter")
    await w.keys("Today", "escape")
    await w.keys("Restore dialog: no such file", "ctrl+r", "clear", "text:nonsense", "enter")
    backup = app.store.path.parent / "walk.zip"
    with Store.open(app.store.path) as own:
        backup_export.export(own, backup)
    app.screen.query_one("#restore-path").value = str(backup)
    await w.keys("Restore dialog: what the backup holds", "enter")
    await w.keys("Restore dialog: restored", "enter")
    assert await wait_for(pilot, lambda: app.screen.has_class("-done"))
    w.look("Restore dialog: restored")
    await w.keys("Today", "escape")
    await w.keys("Help", "question_mark")
    await w.keys("Help, further down", "end", "pagedown", "pagedown", "pagedown")
    await w.keys("Today", "escape")
    await w.keys("Palette", "ctrl+p")
    await w.keys("Palette: themes", "text:palette:theme", "enter")
    await w.keys("Today", "escape")
    return w


def help_and_palette_words() -> list[tuple[str, str]]:
    """All the help screen's lines, and every command the palette can offer."""
    lines = [("help", f"{title}: {keys} {what}") for title, entries in key_sections()
             for keys, what in entries]
    return lines


@pytest.fixture
def german(monkeypatch):
    i18n.use("de")
    yield
    i18n.use("en")


async def test_the_german_app_shows_no_english(db_path, german):
    build_german_shop(db_path)
    async with running(db_path) as pilot:
        walk = await walk_everywhere(pilot)
        assert len(walk.seen) > 80
        palette = ActionsProvider(pilot.app.screen)
        walk.seen += help_and_palette_words() + [
            ("palette", f"{name} {help}") for name, help, _run in palette._commands()
            if name not in ("English",)]  # each language is offered in its own words
        offenders = walk.offenders(forbidden(ENGLISH))
        assert not offenders, "\n".join(offenders)
        # The walk got where it meant to go.
        seen = "\n".join(text for _step, text in walk.seen)
        for german_words in ("Heute", "Kontaktwünsche", "89,50 €", "Gespräch erfassen",
                             "Keine Treffer", "Alles sichern", "Tasten", "Farbschemata suchen",
                             "Wiedervorlage verschieben", "Reklamation abschließen",
                             "endgültig vergessen", "Gebrochen", "Geprüft",
                             "Sie enthält 5 Kunden", "Sicherung zurückgeholt"):
            assert german_words in seen, german_words


async def test_the_english_app_shows_no_german(db_path):
    build_shop(db_path)
    add_care(db_path, CARE_EN)
    async with running(db_path) as pilot:
        walk = await walk_everywhere(pilot)
        palette = ActionsProvider(pilot.app.screen)
        walk.seen += help_and_palette_words() + [
            ("palette", f"{name} {help}") for name, help, _run in palette._commands()
            if name not in ("Deutsch",)]  # each language is offered in its own words
        offenders = walk.offenders(forbidden(GERMAN))
        assert not offenders, "\n".join(offenders)
        seen = "\n".join(text for _step, text in walk.seen)
        for english in ("Today", "Log a conversation", "No matches found", "Back up everything",
                        "Keys", "Search for themes", "Move this follow-up", "Resolve this complaint",
                        "for good", "Broken", "Considered", "It holds 5 customers",
                        "Backup restored"):
            assert english in seen, english
