"""What a stored value must look like, column by column: the rules typed input follows
(core/validate.py, core/money.py, core/when.py), written as SQL so that the database itself
refuses anything else — a crafted backup, another program writing to the file.

Each rule is SQL that is true for a good value (`{c}` stands for the column) and the words
that say what the value must be. A rule is never asked about NULL: whether a column may be
empty is the schema's NOT NULL. Schema 4 (db/sqlite/schema4.py) made CHECK constraints of
exactly these rules, schema 5 (db/sqlite/schema5.py) those of the card's new columns and the
journals; a test keeps them the same, so changing a rule means a new schema step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbm_tui.core.i18n import N_
from kbm_tui.core.validate import FIRST_DAY, LAST_DAY, LIMITS
from kbm_tui.core.vocab import (
    CHANNELS,
    DIRECTIONS,
    IDEA_STATUSES,
    IMPORT_ACTIONS,
    IMPORT_FORMATS,
    KINDS,
    PROMISE_STATUSES,
    STAFF_ROLES,
)

Rule = tuple[str, str]

_C0 = list(range(1, 32))
_C1 = list(range(127, 160))
# Python's str.isspace() beyond the control characters: what an email address can't hold.
_SPACES = [32, 160, 5760, *range(8192, 8203), 8232, 8233, 8239, 8287, 12288]


def _literal(text: str) -> str:
    """Text as an SQL literal spelt in hex: a control character can't be written into the
    schema itself (it would reach the terminal of whoever prints the schema), and char()
    would be called again for every row a CHECK constraint looks at."""
    return f"CAST(X'{text.encode().hex()}' AS TEXT)"


def _any_of(codes: Sequence[int]) -> str:
    """A GLOB that matches text holding any of these characters (runs written as ranges)."""
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    inner = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)
    return _literal(f"*[{inner}]*")


def _text(limit: int, *, multiline: bool) -> list[Rule]:
    controls = [n for n in _C0 + _C1 if not (multiline and n in (9, 10))]
    return [
        ("typeof({c}) = 'text'", N_("text")),
        ("instr({c}, X'00') = 0", N_("text without NUL characters")),
        (f"NOT {{c}} GLOB {_any_of(controls)}",
         N_("text without control characters") if multiline else
         N_("text without control characters or line breaks")),
        (f"length(trim({{c}}, {_literal(' ' + chr(9) + chr(10) + chr(13))})) > 0",
         N_("not empty")),
        (f"length({{c}}) <= {limit}", f"at most {limit:,} characters"),
    ]


def _whole(low: int, high: int, what: str | None = None) -> list[Rule]:
    return [("typeof({c}) = 'integer'", N_("a whole number")),
            (f"{{c}} BETWEEN {low} AND {high}", what or f"between {low:,} and {high:,}")]


MOMENT: list[Rule] = [
    ("typeof({c}) = 'text' AND strftime('%Y-%m-%dT%H:%M:%SZ', {c}, '+0 days') IS {c}",
     N_("a real UTC time like 2026-11-22T09:30:00Z")),
    (f"{{c}} BETWEEN '{FIRST_DAY}' AND '{LAST_DAY}T23:59:59Z'",
     f"between {FIRST_DAY[:4]} and {LAST_DAY[:4]}"),
]
DAY: list[Rule] = [
    ("typeof({c}) = 'text' AND date({c}, '+0 days') IS {c}", N_("a real date like 2026-11-22")),
    (f"{{c}} BETWEEN '{FIRST_DAY}' AND '{LAST_DAY}'",
     f"between {FIRST_DAY[:4]} and {LAST_DAY[:4]}"),
]
ID = _whole(1, 2**63 - 1, N_("a whole number from 1 on"))
COUNT = _whole(0, 2**63 - 1, N_("a whole number from 0 on"))
YES_NO = [("{c} IN (0, 1)", N_("0 or 1"))]
DAYS = _whole(1, 3650)
CENTS = _whole(-(10**11 - 1), 10**11 - 1, N_("an amount below a billion (in cents)"))
PHONE = [("NOT {c} GLOB '*[^0-9+()/. -]*' AND {c} GLOB '*[0-9]*'",
          N_("a phone number: digits, spaces, + ( ) / . - only"))]
EMAIL = [(f"{{c}} GLOB '?*@?*.?*' AND NOT {{c}} GLOB '*@*@*' AND NOT {{c}} GLOB {_any_of(_SPACES)}",
          N_("an email address like name@example.com"))]


# A birthday is a day, or a month and day without the year ("--03-14", as vCard writes it).
BIRTHDAY: list[Rule] = [
    ("typeof({c}) = 'text' AND (date({c}, '+0 days') IS {c} AND "
     f"{{c}} BETWEEN '{FIRST_DAY}' AND '{LAST_DAY}' OR "
     "{c} GLOB '--[01][0-9]-[0-3][0-9]' AND "
     "date('2000' || substr({c}, 2), '+0 days') IS '2000' || substr({c}, 2))",
     N_("a real date like 1985-03-14 (from 1900 on), or --03-14 without the year")),
]
# What the import and merge journals keep of a card, to undo them (schema 5).
# Written by json.dumps, which escapes every control character. Not json_valid(): SQLite
# refuses it in a schema read with trusted_schema off (as restore reads every source).
JSON = [("typeof({c}) = 'text' AND ({c} GLOB '{{*}}' OR {c} GLOB '[[]*]')",
         N_("JSON text (an object or a list)")),
        (f"NOT {{c}} GLOB {_any_of(_C0 + _C1)}", N_("text without control characters"))]


def _line(field: str) -> list[Rule]:
    return _text(LIMITS[field], multiline=False)


def _lines(field: str) -> list[Rule]:
    return _text(LIMITS[field], multiline=True)


# Every stored column a person or the store writes; derived columns (search keys, last
# contact) are recomputed by the store and have no rules. Choices of words (channel, kind,
# status, ...) are checked by the constraints models.py has always had.
RULES: dict[str, dict[str, list[Rule]]] = {
    "staff": {"id": ID, "name": _line("staff"), "active": YES_NO, "created_at": MOMENT},
    "customer": {
        "id": ID, "name": _line("name"), "phone": _line("phone") + PHONE,
        "email": _line("email") + EMAIL, "address": _lines("address"),
        "notes": _lines("notes"), "tags": _line("tags"), "created_at": MOMENT,
        "updated_at": MOMENT, "archived_at": MOMENT, "pref_staff_id": ID,
        "contact_every_days": DAYS, "only_when_asked": YES_NO, "do_not_contact": YES_NO,
        "dnc_reason": _lines("reason"), "organization": _line("organization"),
        "birthday": BIRTHDAY, "more_contacts": _lines("more_contacts"),
        "source_key": _line("source_key"), "no_ads_since": MOMENT,
    },
    "conversation": {
        "id": ID, "customer_id": ID, "at": MOMENT, "staff_id": ID,
        "summary": _lines("summary"), "amount_cents": CENTS,
        "against_wishes": _lines("summary"), "resolved_at": MOMENT,
        "resolution": _lines("reason"), "created_at": MOMENT, "deleted_at": MOMENT,
    },
    "promise": {
        "id": ID, "customer_id": ID, "conversation_id": ID, "text": _lines("text"),
        "staff_id": ID, "made_at": MOMENT, "due_day": DAY, "due_at": MOMENT,
        "closed_at": MOMENT, "close_note": _lines("reason"),
    },
    "promise_change": {
        "id": ID, "promise_id": ID, "changed_at": MOMENT, "old_due_day": DAY,
        "old_due_at": MOMENT, "new_due_day": DAY, "new_due_at": MOMENT,
        "reason": _lines("reason"),
    },
    "followup": {
        "id": ID, "customer_id": ID, "text": _lines("text"), "staff_id": ID,
        "created_at": MOMENT, "due_day": DAY, "due_at": MOMENT, "every_days": DAYS,
        "snoozed_until": DAY, "done_at": MOMENT, "against_wishes": _lines("summary"),
    },
    # The journals of schema 5: what an import added or filled, and two cards made one.
    "import_batch": {"id": ID, "at": MOMENT, "file_name": _text(500, multiline=False),
                     "added": COUNT, "filled": COUNT, "undone_at": MOMENT},
    "import_change": {"id": ID, "batch_id": ID, "customer_id": ID,
                      "before_values": JSON, "after_values": JSON},
    "customer_merge": {"id": ID, "at": MOMENT, "kept_id": ID, "gone_id": ID,
                       "gone_name": _line("name"), "gone_card": JSON, "kept_before": JSON,
                       "moved": JSON, "undone_at": MOMENT},
}
# Columns limited to a list of words (the constraints ck_<column> of models.py).
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "staff": {"role": STAFF_ROLES},
    "customer": {"pref_channel": CHANNELS},
    "conversation": {"channel": CHANNELS, "direction": DIRECTIONS, "kind": KINDS,
                     "idea_status": IDEA_STATUSES},
    "promise": {"status": PROMISE_STATUSES},
    "import_batch": {"format": IMPORT_FORMATS},
    "import_change": {"action": IMPORT_ACTIONS},
}
# Rules about a whole row: SQL true for a good row, and what is wrong otherwise.
ROW_RULES: dict[str, list[Rule]] = {
    "promise": [("due_at IS NULL OR due_day IS NOT NULL", N_("a due time without its day"))],
    "promise_change": [("old_due_at IS NULL OR old_due_day IS NOT NULL",
                        N_("an earlier due time without its day")),
                       ("new_due_at IS NULL OR new_due_day IS NOT NULL",
                        N_("a new due time without its day"))],
}


def longest(table: str, column: str) -> int:
    """The most characters a value of the column can have (20 for numbers and moments)."""
    for sql, _ in RULES[table].get(column, ()):
        if found := re.fullmatch(r"length\(\{c\}\) <= (\d+)", sql):
            return int(found[1])
    return 20


def column_check(table: str, column: str) -> str:
    """The CHECK expression of one column: every rule, and NULL passes."""
    parts = " AND ".join(f"({sql.format(c=column)})" for sql, _ in RULES[table][column])
    return f"{column} IS NULL OR ({parts})"


def checks(table: str) -> list[tuple[str, str]]:
    """The table's CHECK constraints as (name, expression): ok_<column>, ok_row_<n>."""
    found = [(f"ok_{column}", column_check(table, column)) for column in RULES[table]]
    found += [(f"ok_row_{n}", sql) for n, (sql, _) in enumerate(ROW_RULES.get(table, ()), 1)]
    return found
