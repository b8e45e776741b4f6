"""The lists with a typed filter, Customers and Conversations: the screen's key and then
typing filters, as the README says ("press c and type"), even when the list had the focus."""

from __future__ import annotations

from textual import events
from textual.widgets import Input
from textual.widgets.input import Selection

from kbm_tui.screens.base import KbmScreen


class TypeToFilter(KbmScreen):
    FILTER = "#filter"  # the field the typing goes into
    _anew = False  # the filter's next focus selects what it holds (type_anew)

    def type_anew(self) -> None:
        """The filter focused with what it holds selected: typing starts a new search, and
        an arrow key keeps the old one. (On the list the letters would be keys: the u of
        "mueller" undid the last change, the t of "kette" went to Today.)"""
        box = self.query_one(self.FILTER, Input)
        if self.focused is box:
            box.selection = Selection(0, len(box.value))
        else:
            self._anew = True
            box.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        box = self.query_one(self.FILTER, Input)
        if self._anew and event.widget is box:
            self._anew = False
            box.selection = Selection(0, len(box.value))
            event.stop()  # not the app's cursor-at-the-end of a field tabbed into
