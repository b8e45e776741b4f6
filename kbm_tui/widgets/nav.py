"""The line on top: which screen this is, and the key for every other one."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from kbm_tui.core.i18n import _
from kbm_tui.ui.actions import SCREEN_KEYS


class NavBar(Static):
    """Clickable screen names with their keys; the current one stands out."""

    DEFAULT_CSS = """
    NavBar { height: 1; width: 1fr; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, current: str, title: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.current = current
        self.title = title

    def on_mount(self) -> None:
        self.update(self.build())

    def show_mode(self, mode: str) -> None:
        """Highlight `mode`: a card shows the screen it was opened from as the current one."""
        if mode and mode != self.current:
            self.current = mode
            self.update(self.build())

    def on_resize(self) -> None:
        if self.title:
            self.update(self.build())

    def build(self) -> Content:
        line = self._line(short=False)
        room = self.content_region.width or self.app.size.width - 2
        if self.title and line.cell_length > room:
            # Where the card's name would be cut off, the other screens keep only their key.
            line = self._line(short=True)
        return line

    def _line(self, short: bool) -> Content:
        parts = []
        for key, mode, label, _detail in SCREEN_KEYS:
            label = _(label)
            if mode == self.current:
                # the colours of the list's cursor: readable in a light theme as well
                parts.append(f"[b $block-cursor-foreground on $block-cursor-background]"
                             f" {key} {label} [/]")
            elif short:
                parts.append(f"[@click=app.goto('{mode}')][b $accent]{key}[/][/]")
            else:
                parts.append(f"[@click=app.goto('{mode}')][b $accent]{key}[/] {label}[/]")
        if self.title:
            parts.append(f"[b $foreground]› {Content(self.title).markup}[/]")
        return Content.from_markup(("  " if not short else " ").join(parts))
