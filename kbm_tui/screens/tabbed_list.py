"""A screen that is one list of records seen through tabs: the Follow-ups, Ideas and
Promises screens."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Static, Tab, Tabs

from kbm_tui.core.i18n import _
from kbm_tui.screens.base import ItemActions, KbmScreen
from kbm_tui.ui.footer import KbmFooter
from kbm_tui.widgets.nav import NavBar
from kbm_tui.widgets.virtual_table import Column, Fetch, VirtualTable


class TabbedListScreen(ItemActions, KbmScreen):
    """Tabs over a list that asks the store only for the rows in view; each tab is a view
    of the records. A subclass names its views, columns and ids and says how to `fetch`
    the rows of a view."""

    AUTO_FOCUS = "VirtualTable.items"
    # (view, tab label); the screen opens on the first. Words are marked with N_() where
    # defined and translated here, where shown.
    VIEWS: tuple[tuple[str, str], ...] = ()
    EMPTIES: dict[str, str] = {}  # what the list says when a view has no rows
    COLUMNS: list[Column] = []
    LIST_ID = ""
    TABS_ID = ""
    TAB_ID_PREFIX = ""  # a view's tab id is the prefix and the view
    KEYS_HINT = ""  # this screen's own keys, for the line under the list

    def __init__(self) -> None:
        super().__init__()
        self.view = self.VIEWS[0][0]

    def compose(self) -> ComposeResult:
        yield NavBar(self.MODE)
        yield Tabs(*(Tab(_(label), id=f"{self.TAB_ID_PREFIX}{view}")
                     for view, label in self.VIEWS), id=self.TABS_ID)
        yield VirtualTable(self.COLUMNS, id=self.LIST_ID, classes="items")
        yield Static("", id="detail", classes="detail-line", markup=False)
        yield from self.compose_extra_lines()
        yield Static(" " + _("←/→: the tabs · {keys} · enter: the customer").format(
            keys=_(self.KEYS_HINT)), classes="status-line")
        yield KbmFooter()

    def compose_extra_lines(self) -> ComposeResult:
        """Lines between the detail of the current row and the keys."""
        yield from ()

    def fetch(self, view: str) -> Fetch:
        """The store query behind a view: `fetch(store, offset, limit)` gives a page."""
        raise NotImplementedError

    @property
    def table(self) -> VirtualTable:
        return self.query_one(f"#{self.LIST_ID}", VirtualTable)

    def _source(self) -> None:
        self.table.empty = self.EMPTIES[self.view]
        self.table.set_source(self.fetch(self.view))

    def reload(self) -> None:
        # Reloading keeps the cursor and the scroll; only a new view starts from the top.
        if self.table.has_source:
            self.table.reload()
        else:
            self._source()

    @on(Tabs.TabActivated)
    def _tab(self, event: Tabs.TabActivated) -> None:
        view = (event.tab.id or "").removeprefix(self.TAB_ID_PREFIX) or self.VIEWS[0][0]
        if view != self.view:
            self.view = view
            self._source()

    def action_view(self, step: int) -> None:
        tabs = self.query_one(Tabs)
        tabs.action_next_tab() if step > 0 else tabs.action_previous_tab()
