"""What the database holds, whatever engine keeps it: the schema version, the tables in an
order in which every row's references come before it, and the columns the store derives."""

from __future__ import annotations

SCHEMA_VERSION = 7
# Tables in an order in which every row's references come before it.
TABLES_IN_ORDER = ("staff", "customer", "conversation", "promise", "promise_change", "followup")
# The journals that make an import or a merge undoable (schema 5): kept by safety copies and
# their restore, not by the CSV backup, which holds the shop's data itself.
JOURNAL_TABLES = ("import_batch", "import_change", "customer_merge")
# Columns a file of an older schema lacks: (table, column) -> the schema that added them.
ADDED_IN = {**{("customer", c): 5 for c in ("organization", "birthday", "more_contacts",
                                            "source_key")},
            ("customer", "no_ads_since"): 7}
# Columns the store derives from others; backups leave them out and restore recomputes them.
DERIVED_COLUMNS = {"customer": ("name_key", "phone_digits", "search_text", "last_contact_at")}


def newer_columns(table: str, version: int) -> set[str]:
    """The table's columns that a file of schema `version` can't have (added later):
    restoring it leaves them empty."""
    return {c for (t, c), since in ADDED_IN.items() if t == table and since > version}
