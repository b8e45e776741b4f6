"""A table over a list too big to hold: it asks the store only for the rows in view.

The table knows how many rows there are (or, when the store can't count cheaply, learns
it page by page), sets its virtual height to that, and renders each visible line with the
Line API. Rows come in pages of `page_size` from a `fetch(store, offset, limit)` function
that runs in a thread worker; the most recently used pages are kept, the rest forgotten.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from kbm_tui.core.i18n import N_, _, language
from kbm_tui.ui import actions
from kbm_tui.widgets.messages import WidgetMessage
from kbm_tui.widgets.table_columns import (
    Column,
    cells_line,
    column_widths,
    heading_line,
    visible_columns,
)

if TYPE_CHECKING:
    from kbm_tui.ui.host import Host

Fetch = Callable[[Any, int, int], list]
Count = Callable[[Any], int | None]


class VirtualTable(ScrollView, can_focus=True):
    """Rows from a store query, fetched a window at a time."""

    if TYPE_CHECKING:
        app: Host

    BINDINGS = actions.bindings("table.up", "table.down", "table.pageup", "table.pagedown",
                                "table.home", "table.end", "table.select")
    COMPONENT_CLASSES = {"virtual-table--header", "virtual-table--cursor",
                         "virtual-table--placeholder", "virtual-table--empty"}
    DEFAULT_CSS = """
    VirtualTable {
        height: 1fr;
        overflow-x: hidden;
        background: $surface;
        & > .virtual-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .virtual-table--cursor { background: $block-cursor-blurred-background;
                                     color: $block-cursor-blurred-foreground; }
        &:focus > .virtual-table--cursor { background: $block-cursor-background;
                                           color: $block-cursor-foreground; }
        & > .virtual-table--placeholder { color: $text-muted; }
        & > .virtual-table--empty { color: $text-muted; }
    }
    """
    cursor_row: reactive[int] = reactive(0, always_update=False)

    class Highlighted(WidgetMessage):
        def __init__(self, table: VirtualTable, index: int, item: Any) -> None:
            super().__init__(table)
            self.index, self.item = index, item

    class Selected(Highlighted):
        pass

    class HeaderClicked(WidgetMessage):
        def __init__(self, table: VirtualTable, key: str) -> None:
            super().__init__(table)
            self.key = key

    class Loaded(WidgetMessage):
        def __init__(self, table: VirtualTable, total: int | None) -> None:
            super().__init__(table)
            self.total = total

    # A page is about a tall screen of rows: the first page after a key typed is what the
    # shop owner waits for, and 100 rows took 1.6x as long as 50 at 100,000 customers (the
    # page's rows are each checked against the search and given their open promises).
    def __init__(self, columns: Iterable[Column], *, page_size: int = 50,
                 keep_pages: int = 40, empty: str = N_("Nothing here."),
                 whole_line: Callable[[Any], Text | None] | None = None,
                 selectable: Callable[[Any], bool] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.columns = list(columns)
        self.whole_line = whole_line  # an item drawn across all columns (a heading)
        self.selectable = selectable  # items the cursor may rest on
        self.page_size = page_size
        self.keep_pages = keep_pages
        self.empty = empty  # the English text; shown in the language in use
        self._fetch: Fetch | None = None
        self._count: Count | None = None
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._pending: set[int] = set()
        self._gen = 0
        self.total: int | None = None  # None while unknown
        self.row_count = 0
        self._waiting = True
        # What drawing a line needs again and again (Textual asks for every line in view at
        # each refresh, and a key typed into a filter refreshes several times): the columns
        # shown and their widths per width and language; each row's drawn line, kept with
        # the record it shows (a line is only taken for the very same record).
        self._layout_key: tuple | None = None
        self._fitted: dict[int, int] = {}  # a fitting column's (by id) widest cell read
        self._layout: tuple[list[Column], list[int]] = ([], [])
        self._lines: LRUCache[tuple, tuple[Any, Strip]] = LRUCache(256)
        self._superseded = threading.Event()  # set when a newer reload began

    # --- feeding ------------------------------------------------------------------------

    @property
    def has_source(self) -> bool:
        return self._fetch is not None

    def set_source(self, fetch: Fetch, count: Count | None = None, *, keep_cursor=False) -> None:
        """Show another query; `count=None` learns the length while scrolling."""
        self._fetch, self._count = fetch, count
        if not keep_cursor:
            self.cursor_row = 0
            self.scroll_to(y=0, animate=False, immediate=True)
        self.reload()

    def set_rows(self, items: list) -> None:
        """Show a list already in memory (short lists such as the day's agenda)."""
        self._fetch = lambda _store, offset, limit: items[offset:offset + limit]
        self._count = lambda _store: len(items)
        self._gen += 1
        size = self.page_size
        pages = {p: items[p * size:(p + 1) * size] for p in range(-(-len(items) // size))}
        self._reloaded(self._gen, len(items), pages)

    def reload(self) -> None:
        """Read the rows in view again (after a change), keeping the cursor where it is."""
        if self._fetch is None:
            return
        self._gen += 1
        self.app.stop_count(self)  # whatever it was counting is out of date now
        self._superseded.set()  # a count waiting to begin needn't
        superseded = self._superseded = threading.Event()
        gen, fetch, count = self._gen, self._fetch, self._count
        first = max(0, min(self.cursor_row, int(self.scroll_offset.y)))
        last = max(self.cursor_row, int(self.scroll_offset.y) + max(self.size.height, 30))
        pages = list(range(first // self.page_size, last // self.page_size + 1))
        if count is None:
            pages = list(range(0, pages[-1] + 1))  # growing lists must be read from the top

        def job() -> None:
            # The rows in view first, the count after: typing shows matches at once, and
            # a newer reload (the next key) skips work that has become stale.
            worker = get_current_worker()
            if worker.is_cancelled:
                return

            def rows(store):
                if gen != self._gen:
                    return None
                return {p: fetch(store, p * self.page_size, self.page_size) for p in pages}

            loaded = self.app.db(rows)
            if loaded is None or worker.is_cancelled:
                return
            self.app.call_from_thread(self._reloaded, gen, None, loaded)
            if count is not None and not superseded.wait(self.app.count_after):
                total = self.app.count(self, lambda store: count(store) if gen == self._gen
                                       else None)
                if total is not None and not worker.is_cancelled:
                    self.app.call_from_thread(self._counted, gen, total)

        self.run_worker(job, thread=True, group=f"table-reload-{id(self)}", exclusive=True,
                        exit_on_error=False)

    def on_unmount(self) -> None:
        self._superseded.set()  # a count waiting to begin never will

    def _reloaded(self, gen: int, total: int | None, loaded: dict[int, list]) -> None:
        if gen != self._gen:
            return
        self._pages = OrderedDict(sorted(loaded.items()))
        self._pending.clear()
        self._waiting = False
        self.total = total
        self._measure()
        self._resize()
        self._move_to(self.cursor_row, 1)
        self.refresh()
        self.post_message(self.Loaded(self, self.total if total is not None else self.row_count))
        self._announce()

    def _counted(self, gen: int, total: int) -> None:
        if gen != self._gen:
            return
        self.total = total
        self._resize()
        self._move_to(self.cursor_row, 1)
        self.refresh()
        self.post_message(self.Loaded(self, total))
        self._announce()

    def _want(self, page: int) -> None:
        if page in self._pending or page in self._pages or self._fetch is None:
            return
        self._pending.add(page)
        gen, fetch, size = self._gen, self._fetch, self.page_size

        def job() -> None:
            rows = self.app.db(lambda store: fetch(store, page * size, size))
            self.app.call_from_thread(self._page_arrived, gen, page, rows)

        self.run_worker(job, thread=True, group=f"table-page-{id(self)}", exit_on_error=False)

    def _page_arrived(self, gen: int, page: int, rows: list) -> None:
        if gen != self._gen:
            return
        self._pending.discard(page)
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self.keep_pages:
            self._pages.popitem(last=False)
        self._measure()
        if self._count is None:
            self._resize()
        self.refresh()
        self._announce()

    def _resize(self) -> None:
        if self.total is not None:
            self.row_count = self.total
        else:  # growing: what we have, plus one "more…" row while pages come back full
            last = max(self._pages, default=0)
            rows = self._pages.get(last, [])
            self.row_count = last * self.page_size + len(rows)
            if len(rows) == self.page_size:
                self.row_count += 1
        self.virtual_size = Size(0, self.row_count + 1)

    # --- reading ------------------------------------------------------------------------

    def item_at(self, index: int) -> Any | None:
        rows = self._pages.get(index // self.page_size)
        if rows is None or not 0 <= index % self.page_size < len(rows):
            return None
        return rows[index % self.page_size]

    @property
    def cursor_item(self) -> Any | None:
        return self.item_at(self.cursor_row) if self.row_count else None

    def loaded_items(self) -> list:
        return [item for _, rows in sorted(self._pages.items()) for item in rows]

    # --- moving -------------------------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        item = self.item_at(self.cursor_row) if self.row_count else None
        if item is not None:
            self.post_message(self.Highlighted(self, self.cursor_row, item))

    def _scroll_to_cursor(self) -> None:
        rows_in_view = max(1, self.size.height - 1)
        top = int(self.scroll_offset.y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + rows_in_view:
            self.scroll_to(y=self.cursor_row - rows_in_view + 1, animate=False, immediate=True)

    def _can_rest(self, index: int) -> bool:
        item = self.item_at(index)
        return item is None or self.selectable is None or self.selectable(item)

    def _move_to(self, index: int, step: int = 1) -> None:
        """Put the cursor on `index`, or the nearest row it may rest on (in `step`'s way)."""
        if not self.row_count:
            self.cursor_row = 0
            return
        index = max(0, min(index, self.row_count - 1))
        for direction in (step, -step):
            probe = index
            while 0 <= probe < self.row_count:
                if self._can_rest(probe):
                    self.cursor_row = probe
                    return
                probe += direction
        self.cursor_row = index

    def action_cursor(self, step: int) -> None:
        self._move_to(self.cursor_row + step, step)

    def action_page(self, step: int) -> None:
        self._move_to(self.cursor_row + step * max(1, self.size.height - 2), step)

    def action_jump(self, where: int) -> None:
        self._move_to(0 if where == 0 else self.row_count - 1, 1 if where == 0 else -1)

    def action_select(self) -> None:
        item = self.item_at(self.cursor_row) if self.row_count else None
        if item is not None:
            self.post_message(self.Selected(self, self.cursor_row, item))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            x = 1
            for column, width in zip(*self._columns_at_width()):
                if x <= offset.x < x + width + 1 and column.sortable:
                    self.post_message(self.HeaderClicked(self, column.key))
                x += width + 1
            return
        index = int(self.scroll_offset.y) + offset.y - 1
        if 0 <= index < self.row_count and self._can_rest(index):
            self.cursor_row = index
            if event.chain >= 2:
                self.action_select()

    # --- drawing ------------------------------------------------------------------------

    def _measure(self) -> None:
        """The widest cell of each fitting column among the rows read; the lines drawn
        before are forgotten when that changes the columns."""
        fitting = [c for c in self.columns if c.fit]
        if not fitting:
            return
        widest = dict.fromkeys(map(id, fitting), 0)
        for rows in self._pages.values():
            for item in rows:
                if self.whole_line is not None and self.whole_line(item) is not None:
                    continue
                for column in fitting:
                    value = column.cell(item)
                    length = value.cell_len if isinstance(value, Text) else cell_len(value)
                    widest[id(column)] = max(widest[id(column)], length)
        if widest != self._fitted:
            self._fitted = widest
            self._lines.clear()

    def _columns_at_width(self) -> tuple[list[Column], list[int]]:
        width = self.scrollable_content_region.width
        key = (width, language(), tuple(self._fitted.values()))
        if self._layout_key != key:
            visible = [replace(c, width=min(self._limit(c), max(
                cell_len(_(c.label)), self._fitted.get(id(c), 0)))) if c.fit else c
                for c in visible_columns(self.columns, width)]
            self._layout = visible, column_widths(visible, width)
            self._layout_key = key
        return self._layout

    @staticmethod
    def _limit(column: Column) -> int:
        return column.width() if callable(column.width) else column.width

    def _strip(self, cells: list[Text], style: Style) -> Strip:
        visible, widths = self._columns_at_width()
        return cells_line(cells, visible, widths, self.scrollable_content_region.width,
                          style, self.app.console)

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        width = self.scrollable_content_region.width
        if y == 0:
            header = self.get_component_rich_style("virtual-table--header")
            return self._strip([Text(_(c.label)) if c.label else Text("")
                                for c in self._columns_at_width()[0]], base + header)
        index = int(self.scroll_offset.y) + y - 1
        if self.row_count == 0:
            lines = self._empty_lines(width)
            line = lines[y - 1] if y - 1 < len(lines) else Text("")
            muted = self.get_component_rich_style("virtual-table--empty")
            return Strip(list((Text(" ") + line).render(self.app.console))).crop_extend(
                0, width, None).apply_style(base + muted)
        if index >= self.row_count:
            return Strip([Segment(" " * width, base)])
        style = base
        if index == self.cursor_row:
            style = base + self.get_component_rich_style("virtual-table--cursor")
        item = self.item_at(index)
        if item is None:
            self.call_later(self._want, index // self.page_size)
            muted = self.get_component_rich_style("virtual-table--placeholder")
            return self._strip([Text("…")], style + muted)
        key = (index, id(item), style, width)
        kept = self._lines.get(key)
        if kept is not None and kept[0] is item:
            return kept[1]
        strip = self._draw(item, style)
        self._lines[key] = (item, strip)
        return strip

    def _draw(self, item: Any, style: Style) -> Strip:
        whole = self.whole_line(item) if self.whole_line is not None else None
        if whole is not None:
            return heading_line(whole, self.scrollable_content_region.width, style,
                                self.app.console)
        cells = []
        for column in self._columns_at_width()[0]:
            value = column.cell(item)
            cells.append(value if isinstance(value, Text) else Text(str(value)))
        return self._strip(cells, style)

    def _empty_lines(self, width: int) -> list[Text]:
        """What an empty list says, wrapped to the width (a line cut at 80 columns lost
        its end)."""
        if self._waiting:
            return [Text(_("Loading…"))]
        if not self.empty:
            return []
        text = Text.from_markup(_(self.empty))
        return list(text.wrap(self.app.console, max(10, width - 2), overflow="fold"))

    def on_resize(self) -> None:
        self._scroll_to_cursor()
