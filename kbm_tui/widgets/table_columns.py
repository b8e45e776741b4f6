"""The columns of a VirtualTable and how a width is shared out among them: which columns show
at this width, and how wide each is (fixed ones first, the rest by ratio up to a limit);
and a row's cells drawn as one line in those widths.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
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
    # Left out when the table is this wide or wider (a shorter stand-in); 0: never.
    hide_from: int | Callable[[], int] = 0
    # A shared column grows no wider than this (0: no limit), so a wide terminal gives its
    # room to the text that needs it, or to more columns, not to gaps between short names.
    max_width: int = 0
    # A shared column is given at least this many cells while the table has room (a name:
    # the shop owner reads who it is first), the others share what is left.
    min_width: int = 0
    justify: Literal["left", "right"] = "left"  # amounts and counts line up on the right
    # As wide as its widest cell among the rows read (and its title), `width` at most: who
    # took a promise is "Frank" in one shop and "Inhaber/in" in another.
    fit: bool = False


def visible_columns(columns: Iterable[Column], width: int) -> list[Column]:
    def at(value: int | Callable[[], int]) -> int:
        return value() if callable(value) else value

    return [c for c in columns if at(c.hide_below) <= width
            and not (at(c.hide_from) and width >= at(c.hide_from))]


def column_widths(columns: list[Column], width: int) -> list[int]:
    """Each column's width in a table `width` cells wide (one cell of margin, one between)."""
    widths = [c.width() if callable(c.width) else c.width for c in columns]
    spare = width - 1 - len(columns) - sum(widths)
    sharing = [i for i, w in enumerate(widths) if not w]
    while sharing:  # share the rest by ratio; a column at a limit takes that and leaves
        ratios = sum(columns[i].ratio for i in sharing)
        share = {i: spare * columns[i].ratio // ratios for i in sharing}
        fixed = {i: columns[i].max_width for i in sharing
                 if columns[i].max_width and share[i] > columns[i].max_width}
        if not fixed:
            fixed = {i: columns[i].min_width for i in sharing
                     if share[i] < columns[i].min_width and len(sharing) > 1}
        if not fixed:
            for i in sharing:
                widths[i] = max(4, share[i])
            break
        for i, fixed_width in fixed.items():
            widths[i] = fixed_width
            spare -= fixed_width
            sharing.remove(i)
    return widths


# A customer's name is given this much before the text beside it ("Matthias Herrmann").
NAME_WIDTH = 18
NARROW_BELOW = 96  # a table narrower than this writes its days short (German: "Mi 30.09.")


def narrow_and_wide(narrow: Column, wide: Column,
                    below: int | Callable[[], int] = NARROW_BELOW) -> list[Column]:
    """Two versions of one column: `narrow` in a table narrower than `below`, `wide` from
    there on (a date in digits at 80 columns, in words on a wide screen)."""
    return [replace(narrow, hide_from=below), replace(wide, hide_below=below)]


def who_columns(cell: Callable[[Any], str | Text], label: str,
                hide_below: int | Callable[[], int] = 0) -> list[Column]:
    """Who: as wide as the longest name in the rows shown, 12 at most: a German shop's
    first person is "Inhaber/in", which was "Inhabe…" on every row of a narrow screen in a
    column made for first names, while a shop of first names ("Frank") leaves the room to
    the customer's name and the text."""
    return [Column("who", label, cell, width=12, fit=True, hide_below=hide_below)]


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
