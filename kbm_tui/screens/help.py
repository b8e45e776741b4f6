"""Every key, on one screen (? or F1)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from rich.table import Table
from rich.text import Text


def key_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(keys, what they do)]) — built from the bindings themselves."""
    from kbm_tui.app import KbmApp
    from kbm_tui.screens.customer import CustomerScreen
    from kbm_tui.screens.customers import CustomersScreen
    from kbm_tui.screens.conversations import ConversationsScreen
    from kbm_tui.screens.ideas import IdeasScreen
    from kbm_tui.screens.base import ROW_BINDINGS, ROW_ACTIONS
    from kbm_tui.widgets.virtual_table import VirtualTable

    def rows(bindings, skip=()) -> list[tuple[str, str]]:
        out: dict[str, list[str]] = {}
        for b in bindings:
            if isinstance(b, Binding) and b.action not in skip:
                keys = [_show_key(k) for k in b.key.split(",")]
                out.setdefault(b.tooltip or b.description, []).extend(keys)
        return [(" / ".join(dict.fromkeys(k)), d) for d, k in out.items()]

    everywhere = rows(KbmApp.BINDINGS) + [("ctrl+p", "Command palette: every action, any "
                                           "customer by name, themes"), ("ctrl+q", "Quit")]
    lists = rows(VirtualTable.BINDINGS) + [("tab / shift+tab", "Next / previous field"),
                                           ("mouse", "Click a row; double-click opens it")]
    row = [("k", "Promise kept"), ("b", "Promise broken (asks why)"),
           ("g", "Promise: a new due time agreed with the customer (asks why; the earlier "
                 "times stay in its history) · Follow-up: move it to another day"),
           ("d", "Follow-up done"), ("s", "Snooze a follow-up: tomorrow, next week, a day"),
           ("R (shift+r)", "Resolve a complaint, with a note of what was done"),
           ("delete", "Delete a conversation (to the archive)"),
           ("r", "Bring a deleted conversation back"), ("u", "Undo the last change")]
    assert {b.action for b in ROW_BINDINGS} <= ROW_ACTIONS
    tabs = [("← / →", "Promises: open, overdue, no due time, kept, broken, all; "
                        "Follow-ups: overdue, today, upcoming, all open; "
                        "Ideas: all, new, considered, done")]
    dialogs = [("ctrl+s", "Save (enter on the last field too)"), ("escape", "Cancel"),
               ("↑ / ↓, enter", "Choose a customer from the matches")]
    return [
        ("Everywhere", everywhere),
        ("Lists", lists),
        ("On a promise, follow-up or conversation", row),
        ("Customers", rows(CustomersScreen.BINDINGS)),
        ("A customer", rows(CustomerScreen.BINDINGS, skip={b.action for b in ROW_BINDINGS})),
        ("Conversations", rows(ConversationsScreen.BINDINGS,
                               skip={b.action for b in ROW_BINDINGS})),
        ("Ideas", rows(IdeasScreen.BINDINGS, skip={"view(-1)", "view(1)"})),
        ("Promises, Follow-ups, Ideas", tabs),
        ("Forms", dialogs),
    ]


def _show_key(key: str) -> str:
    if len(key) == 1 and key.isupper():
        return f"{key} (shift+{key.lower()})"
    return {"question_mark": "?", "slash": "/", "pageup": "page up",
            "pagedown": "page down"}.get(key, key)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close", id="help.close")]

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide", id="help"):
            yield Label("Keys  (escape closes)", classes="dialog-title")
            with VerticalScroll():
                for title, entries in key_sections():
                    table = Table.grid(padding=(0, 2))
                    table.add_column(width=16, style="bold")
                    table.add_column()
                    for keys, what in entries:
                        table.add_row(Text(keys), Text(what))
                    yield Label(title, classes="help-section")
                    yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)


def markdown_table() -> str:
    """The keys as a markdown table, for the README."""
    lines = ["| Where | Key | What it does |", "|---|---|---|"]
    for title, entries in key_sections():
        for keys, what in entries:
            lines.append(f"| {title} | `{keys}` | {what} |")
    return "\n".join(lines)
