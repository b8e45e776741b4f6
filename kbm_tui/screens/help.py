"""Every key, on one screen (? or F1), from the one table of actions (ui/actions.py)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kbm_tui.core.i18n import _
from kbm_tui.ui.actions import ACTIONS, HELP


def key_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(keys, what they do)]); actions that do the same share a line."""
    sections = []
    for title, ids in HELP:
        lines: dict[str, list[str]] = {}
        for action_id in ids:
            action = ACTIONS[action_id]
            keys = [_show_key(k) for k in action.keys.split(",")]
            lines.setdefault(_(action.help), []).extend(keys)
        sections.append((_(title), [(_join(keys), what) for what, keys in lines.items()]))
    return sections


def _join(keys: list[str]) -> str:
    unique = list(dict.fromkeys(keys))
    pairs = {("left", "right"): "← / →", ("up", "down", "enter"): "↑ / ↓, enter"}
    return pairs.get(tuple(unique), " / ".join(unique))


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
