"""What the database holds, whatever engine keeps it: the schema version, the tables in an
order in which every row's references come before it, and the columns the store derives."""

from __future__ import annotations

SCHEMA_VERSION = 5
# Tables in an order in which every row's references come before it.
TABLES_IN_ORDER = ("staff", "customer", "conversation", "promise", "promise_change", "followup")
# Columns the store derives from others; backups leave them out and restore recomputes them.
DERIVED_COLUMNS = {"customer": ("name_key", "phone_digits", "search_text", "last_contact_at")}
