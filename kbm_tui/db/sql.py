"""The SELECTs that read whole records with the names they show, written once.

Each is followed by a WHERE/ORDER BY of the caller. Aliases: c customer, s staff,
v conversation, p promise, f follow-up.
"""

from __future__ import annotations

from kbm_tui.core.money import BOUGHT_KINDS

CUSTOMER_ROWS = ("SELECT c.*, s.name AS pref_staff_name FROM customer c "
                 "LEFT JOIN staff s ON s.id=c.pref_staff_id ")
CONVERSATION_ROWS = ("SELECT v.*, c.name AS customer_name, s.name AS staff_name "
                     "FROM conversation v JOIN customer c ON c.id=v.customer_id "
                     "LEFT JOIN staff s ON s.id=v.staff_id ")
PROMISE_ROWS = ("SELECT p.*, c.name AS customer_name, s.name AS staff_name FROM promise p "
                "JOIN customer c ON c.id=p.customer_id LEFT JOIN staff s ON s.id=p.staff_id ")
FOLLOWUP_ROWS = ("SELECT f.*, c.name AS customer_name, s.name AS staff_name FROM followup f "
                 "JOIN customer c ON c.id=f.customer_id LEFT JOIN staff s ON s.id=f.staff_id ")
# Per table: the record SELECT and its alias.
ROWS = {"conversation": (CONVERSATION_ROWS, "v"), "promise": (PROMISE_ROWS, "p"),
        "followup": (FOLLOWUP_ROWS, "f")}


def like_escape(text: str) -> str:
    """Text matched literally by LIKE ... ESCAPE '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def marks(n: int) -> str:
    """ "?, ?, ?" for n values."""
    return ", ".join("?" for _ in range(n))
# The kinds of conversation "Bought" adds up (core.money), as an SQL list.
BOUGHT_SQL = "(" + ", ".join(f"'{kind}'" for kind in BOUGHT_KINDS) + ")"
