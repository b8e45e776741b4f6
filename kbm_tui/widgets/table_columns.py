"""The columns of a VirtualTable and how a width is shared out among them: which columns show
at this width, and how wide each is (fixed ones first, the rest by ratio up to a limit);
and a row's cells drawn as one line in those widths.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # marked with N_() where defined, translated where shown
    cell: Callable[[Any], str | Text]
    width: int | Callable[[], int] = 0  # 0: share what is left; a callable: by language
    ratio: int = 1
    sortable: bool = False
    # Left out when the table is narrower than this (a callable: by language, as German
    # dates and words take more of a narrow table).
    hide_below: int | Callable[[], int] = 0
    hide_from: int = 0  # left out when the table is this wide or wider (a shorter stand-in)
    # A shared column grows no wider than this (0: no limit), so a wide terminal gives its
    # room to the text that needs it, or to more columns, not to gaps between short names.
    max_width: int = 0
    justify: Literal["left", "right"] = "left"  # amounts and counts line up on the right


def visible_columns(columns: Iterable[Column], width: int) -> list[Column]:
    return [c for c in columns
            if (c.hide_below() if callable(c.hide_below) else c.hide_below) <= width
            and not (c.hide_from and width >= c.hide_from)]


def column_widths(columns: list[Column], width: int) -> list[int]:
    """Each column's width in a table `width` cells wide (one cell of margin, one between)."""
    widths = [c.width() if callable(c.width) else c.width for c in columns]
    spare = width - 1 - len(columns) - sum(widths)
    sharing = [i for i, w in enumerate(widths) if not w]
    while sharing:  # share the rest by ratio; a column at its limit leaves its part
        ratios = sum(columns[i].ratio for i in sharing)
        capped = [i for i in sharing if columns[i].max_width
                  and spare * columns[i].ratio // ratios > columns[i].max_width]
        if not capped:
            for i in sharing:
                widths[i] = max(4, spare * columns[i].ratio // ratios)
            break
        for i in capped:
            widths[i] = columns[i].max_width
            spare -= widths[i]
            sharing.remove(i)
    return widths


WHO_WIDE_FROM = 118  # from this table width a name in the Who column is whole ("Inhaber/in")


def who_columns(cell: Callable[[Any], str | Text], label: str, narrow: int = 7,
                hide_below: int | Callable[[], int] = 0) -> list[Column]:
    """Who: `narrow` cells in a narrow table (a first name, "Tobias"), 12 from WHO_WIDE_FROM
    on, so a German shop's default "Inhaber/in" is not "Inhabe…" on every row of a wide
    screen."""
    return [Column("who", label, cell, width=narrow, hide_below=hide_below,
                   hide_from=WHO_WIDE_FROM),
            Column("who", label, cell, width=12, hide_below=WHO_WIDE_FROM)]


def cells_line(cells: list[Text], columns: list[Column], widths: list[int], width: int,
               style: Style, console: Console) -> Strip:
    """A row's cells side by side, each cut or padded to its column's width."""
    line = Text(" ", no_wrap=True, end="")
    for cell, cell_width, column in zip(cells, widths, columns):
        cell = cell.copy()
        cell.truncate(cell_width, overflow="ellipsis", pad=column.justify != "right")
        if column.justify == "right":
            cell.align("right", cell_width)
        line.append_text(cell)
        line.append(" ")
    return Strip(list(line.render(console))).crop_extend(0, width, None).apply_style(style)


def heading_line(line: Text, width: int, style: Style, console: Console) -> Strip:
    """A line drawn across all columns (a heading), cut to the width."""
    text = Text(" ", no_wrap=True, end="") + line
    text.truncate(width, overflow="ellipsis")
    return Strip(list(text.render(console))).crop_extend(0, width, None).apply_style(style)
