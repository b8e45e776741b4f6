"""The footer: the keys that fit on one line, the most useful first.

Textual's footer shows every key in one line and lets the rest run off the edge, where
nobody sees it: at 80 columns a German footer lost "Hilfe", and an English customer card
lost "Delete". This one leaves out what doesn't fit, least useful first (the screen keys,
which the tabs at the top show too, then the screen's less frequent keys), and keeps the
order of the rest. The screen keys come last, each with its screen's name ("t Today
c Customers …"), as many as fit. Every key is still listed in the help (?) and the
palette (ctrl+p).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import groupby

from textual.app import ComposeResult
from textual.binding import Binding
from textual.dom import NoScreen
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from kbm_tui.ui.actions import SCREEN_ORDER, footer_rank

Entry = list[tuple[Binding, bool, str]]  # one footer item: a key, or a group of keys


def _width(keys: str, description: str) -> int:
    """Cells one item takes: a space, its keys, a space, its words, a space."""
    return len(keys) + len(description) + 3


def fitting(entries: list[tuple[int, int]], room: int) -> set[int]:
    """Which of the entries (rank, width), by index, to show in `room` cells: the best
    ranked (lowest) first, and among equals the leftmost; one that doesn't fit is left out
    and the next may still fit."""
    shown: set[int] = set()
    used = 0
    for index in sorted(range(len(entries)), key=lambda i: (entries[i][0], i)):
        if used + entries[index][1] <= room:
            shown.add(index)
            used += entries[index][1]
    return shown


def _keys_of(screen: Screen) -> tuple:
    """What the footer would draw for the screen's bindings (before fitting them)."""
    return tuple((binding.key, binding.action, binding.description, enabled, tooltip)
                 for _node, binding, enabled, tooltip in screen.active_bindings.values())


class KbmFooter(Footer):
    def bindings_changed(self, screen: Screen) -> None:
        # As Textual's Footer (8.2), but drawn anew only when the keys differ once the
        # screen has settled. A list asks for its keys whenever its cursor lands on a row
        # (an action may apply to one row and not another), so at every key typed into
        # its filter; drawing the same keys again mounted a dozen widgets, 15 ms of the
        # thread that draws, which the rows of the next page waited for.
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._redraw_if_changed)

    async def _redraw_if_changed(self) -> None:
        try:
            screen = self.screen
        except NoScreen:  # the screen was closed before this came round
            return
        if self.is_attached and _keys_of(screen) != getattr(self, "_drawn_keys", None):
            await self.recompose()

    def on_resize(self, event: Resize) -> None:
        if event.size.width != getattr(self, "_drawn_width", event.size.width):
            self.call_after_refresh(self.recompose)

    def compose(self) -> ComposeResult:
        # As Textual's Footer.compose (8.2), with the entries that fit.
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        self._drawn_keys = _keys_of(self.screen)
        by_action: defaultdict[str, Entry] = defaultdict(list)
        here = f"goto('{getattr(self.screen, 'MODE', '')}')"  # the screen shown needs no key
        screen_keys: list[Entry] = []
        anywhere: Entry = []
        for _node, binding, enabled, tooltip in active.values():
            if binding.id == "app.help_anywhere":
                anywhere = [(binding, enabled, tooltip)]
            if not binding.show or binding.action == here:
                continue
            if binding.id in SCREEN_ORDER:  # named one by one, after the screen's own keys
                screen_keys.append([(binding, enabled, tooltip)])
            else:
                by_action[binding.action].append((binding, enabled, tooltip))
        if anywhere and "help" not in by_action:
            # A text field takes "?" as a letter: then help is F1, and the footer says so.
            by_action["help"] = anywhere
        items: list[tuple[Binding.Group | None, list[Entry]]] = []
        for group, found in groupby(by_action.values(), lambda b: b[0][0].group):
            entries = list(found)
            if group is not None and len(entries) > 1:
                items.append((group, entries))
            else:
                items.extend((None, [entry]) for entry in entries)
        items.extend((None, [entry]) for entry in screen_keys)
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        width = self.size.width or self.app.size.width
        self._drawn_width = width
        room = width
        if palette is not None:
            room -= _width(self.app.get_key_display(palette[1]), palette[1].description) + 1
        sizes = [(footer_rank(group, entries[0][0][0].id),
                  _width("".join(self.app.get_key_display(e[0][0]) for e in entries),
                         group.description) if group else
                  _width(self.app.get_key_display(entries[0][0][0]),
                         entries[0][0][0].description))
                 for group, entries in items]
        shown = fitting(sizes, room)
        first_left_out = next((i for i in range(len(items) - len(screen_keys), len(items))
                               if i not in shown), len(items))
        shown -= set(range(first_left_out, len(items)))  # "t Today c Customers", no gaps
        for index, (group, entries) in enumerate(items):
            if index in shown:
                yield from self._item(group, entries)
        if palette is not None:
            _node, binding, enabled, tooltip = palette
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                            binding.action, classes="-command-palette", disabled=not enabled,
                            tooltip=binding.tooltip or binding.description)

    def _item(self, group: Binding.Group | None, entries: list[Entry]) -> Iterator:
        if group is None:
            binding, enabled, tooltip = entries[0][0]
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                            binding.action, disabled=not enabled,
                            tooltip=tooltip).data_bind(compact=Footer.compact)
            return
        with KeyGroup(classes="-compact" if group.compact else ""):
            for entry in entries:
                binding, enabled, tooltip = entry[0]
                yield FooterKey(binding.key, self.app.get_key_display(binding), "",
                                binding.action, disabled=not enabled,
                                tooltip=tooltip or binding.description,
                                classes="-grouped").data_bind(compact=Footer.compact)
        yield FooterLabel(group.description)
