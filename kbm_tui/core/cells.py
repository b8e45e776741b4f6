"""Spreadsheet-safe cells: what a backup or a customer export writes into a CSV cell.

A cell starting with one of FORMULA_STARTS gets a leading quote, so a spreadsheet shows it
as text instead of running it as a formula; restore takes exactly that one quote off.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def escape_cell(value: object) -> object:
    """A cell a spreadsheet shows as text (the export applies the same rule in SQL)."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value
