"""Every key, on one screen (? or F1), from the one table of actions (ui/actions.py)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kbm_tui.core.i18n import N_, _, language
from kbm_tui.ui import actions
from kbm_tui.ui.actions import ACTIONS, HELP


def key_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(keys, what they do)]); actions that do the same share a line."""
    sections = []
    for title, ids in HELP:
        lines: dict[str, list[str]] = {}
        for action_id in ids:
            action = ACTIONS[action_id]
            # Only the palette offers it (the import, the calendar): its key is the palette's
            keys = [_show_key(k) for k in (action.keys or "ctrl+p").split(",")]
            lines.setdefault(_(action.help), []).extend(keys)
        sections.append((_(title), [(_join(keys), what) for what, keys in lines.items()]))
    return sections


def _join(keys: list[str]) -> str:
    unique = list(dict.fromkeys(keys))
    pairs = {("←", "→"): "← / →", ("↑", "↓", _("enter")): "↑ / ↓, " + _("enter")}
    return pairs.get(tuple(unique), " / ".join(unique))


# The keys as their caps say: German keyboards write Strg, Umschalt, Entf, Pos1, Bild↑.
KEY_NAMES = {"question_mark": "?", "slash": "/", "up": "↑", "down": "↓", "left": "←",
             "right": "→", "pageup": N_("page up"), "pagedown": N_("page down"),
             "home": N_("home"), "end": N_("end"), "enter": N_("enter"),
             "escape": N_("escape"), "delete": N_("delete"), "mouse": N_("mouse"),
             "tab": N_("tab")}


def _show_key(key: str) -> str:
    if not key:  # an action only the palette offers; gettext's "" is the catalogue's header
        return ""
    if len(key) == 1 and key.isupper():
        return _("{key} (shift+{lower})").format(key=key, lower=key.lower())
    for modifier, shown in (("ctrl+", N_("ctrl+")), ("shift+", N_("shift+"))):
        if key.startswith(modifier):
            rest = _show_key(key.removeprefix(modifier))
            # German keyboards name the letter as its cap shows it: Strg+S
            return _(shown) + (rest.upper() if language() == "de" and len(rest) == 1 else rest)
    return _(KEY_NAMES.get(key, key))


WIDE = 150  # from this terminal width the help shows its sections in two columns


class HelpScreen(ModalScreen[None]):
    BINDINGS = actions.bindings("help.close")

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def compose(self) -> ComposeResult:
        box = Vertical(classes="dialog-box wide", id="help")
        box.border_title = _("Keys")
        box.border_subtitle = _("escape closes")
        with box, VerticalScroll(id="help-keys"):
            for title, entries in key_sections():
                table = Table.grid(padding=(0, 2))
                table.add_column(width=16, style="bold")
                table.add_column()
                for keys, what in entries:
                    table.add_row(Text(keys), Text(what))
                with Vertical(classes="help-block"):
                    yield Label(title, classes="help-section")
                    yield Static(table)

    def on_resize(self) -> None:
        # A wide terminal shows the sections side by side instead of a long scroll.
        self.query_one("#help").set_class(self.size.width >= WIDE, "-two-columns")

    def action_close(self) -> None:
        self.dismiss(None)


def markdown_table() -> str:
    """The keys as a markdown table, for the README."""
    lines = ["| Where | Key | What it does |", "|---|---|---|"]
    for title, entries in key_sections():
        for keys, what in entries:
            lines.append(f"| {title} | `{keys}` | {what} |")
    return "\n".join(lines)
