"""The command palette (ctrl+p): every action, and every customer by name."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import Any, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from kbm_tui.core.i18n import _
from kbm_tui.ui.actions import ACTIONS
from kbm_tui.ui.host import Host


class ActionsProvider(Provider):
    """The app's own actions, and those of the screen the palette was opened on."""

    def _commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        commands: list[tuple[str, str, Callable[[], Any]]] = [
            (_(a.palette), _(a.palette_help), partial(self.app.run_action, a.action))
            for a in ACTIONS.values() if a.palette_help]
        known = {name for name, _, _ in commands}
        for node, binding, enabled, _tip in self.screen.active_bindings.values():
            action = ACTIONS.get(binding.id or "")
            if action is None:  # Textual's own keys (copy text, move the cursor): not ours
                continue
            name = _(action.palette) if action.palette else binding.description
            if enabled and node is not self.app and name not in known:
                known.add(name)
                key = self.app.get_key_display(binding)
                commands.append((name, _("on this screen (key: {key})").format(key=key),
                                 partial(self.app.run_action, binding.action, node)))
        return commands

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)


class CustomersProvider(Provider):
    """Jump to any customer: type part of a name, phone number or email."""

    async def search(self, query: str) -> Hits:
        if len(query.strip()) < 2:
            return
        app = cast(Host, self.app)
        found = await asyncio.to_thread(app.db, lambda s: s.find_customers(query, limit=12))
        matcher = self.matcher(query)
        for customer in found:
            detail = " · ".join(x for x in (customer.phone, customer.email) if x)
            score = max(matcher.match(customer.name), 0.5)
            yield Hit(score, matcher.highlight(customer.name),
                      partial(app.open_customer, customer.id),
                      text=customer.name,
                      help=(_("customer") + "  " + detail).strip())


class Palette(CommandPalette):
    """Textual's command palette, saying "No matches found" in the shop's language.

    Textual writes those words in a private method; this repeats it with translated words.
    If a Textual update renames the method, the German walk (tests/app) sees the English.
    """

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(_("No matches found"), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
