"""Lines that both the command line and the app print, written once so both say the same."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from kbm_tui.core import clock, l10n, timefmt
from kbm_tui.core.i18n import N_, _, n_

# Control characters a terminal would act on (escape sequences, bells, cursor moves); line
# breaks and tabs are text. NUL and the C1 range (U+0080-U+009F) count too.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Each table's rows as people call them in English: (one, many). `table_name` and
# `count_text` say them in the language in use.
TABLE_WORDS = {"staff": (N_("staff member"), N_("staff members")),
               "customer": (N_("customer"), N_("customers")),
               "conversation": (N_("conversation"), N_("conversations")),
               "promise": (N_("promise"), N_("promises")),
               "promise_change": (N_("renegotiated due"), N_("renegotiated dues")),
               "followup": (N_("follow-up"), N_("follow-ups"))}

# A number of rows of each table, with the plural the number asks for in either language.
_COUNTS: dict[str, Callable[[int], str]] = {
    "staff": lambda n: n_("{n} staff member", "{n} staff members", n),
    "customer": lambda n: n_("{n} customer", "{n} customers", n),
    "conversation": lambda n: n_("{n} conversation", "{n} conversations", n),
    "promise": lambda n: n_("{n} promise", "{n} promises", n),
    "promise_change": lambda n: n_("{n} renegotiated due", "{n} renegotiated dues", n),
    "followup": lambda n: n_("{n} follow-up", "{n} follow-ups", n),
}


def printable(text: str) -> str:
    """Text safe to write to a terminal: every control character but line breaks and tabs
    shown as �, so nothing stored or typed can move the cursor, recolour the screen or
    hide a link."""
    return _UNSAFE.sub("\ufffd", text) if _UNSAFE.search(text) else text


def shown_value(value: object) -> str:
    """A stored value as a message quotes it: short, one line, no control characters."""
    if isinstance(value, bytes):
        return n_("{n} byte of binary data", "{n} bytes of binary data", len(value)).format(
            n=l10n.number(len(value)))
    if isinstance(value, str):
        flat = "".join(c if c.isprintable() else "\ufffd" for c in value[:40])
        if len(value) <= 40:
            return f'"{flat}"'
        return _('"{text}…" ({n} characters)').format(text=flat, n=l10n.number(len(value)))
    return repr(value)


_AT_MOST = re.compile(r"at most ([\d,]+) characters")
_BETWEEN = re.compile(r"between (-?[\d,]+) and (-?[\d,]+)")


def _figure(written: str) -> str:
    """A number as the rules write it ("10,000"; a year "1900" has no separator)."""
    return l10n.number(int(written.replace(",", ""))) if "," in written else written


def rule_words(words: str) -> str:
    """What a stored value must be, as the rules of db/rules.py say it in English ("at most
    200 characters", "a whole number", "one of store, phone"), in the language in use."""
    if found := _AT_MOST.fullmatch(words):
        return _("at most {n} characters").format(n=_figure(found[1]))
    if found := _BETWEEN.fullmatch(words):
        return _("between {low} and {high}").format(low=_figure(found[1]),
                                                    high=_figure(found[2]))
    if words.startswith("one of "):
        return _("one of {words}").format(words=words[7:])
    if words.startswith("what ") and words.endswith(" allows"):
        return _("what {rule} allows").format(rule=words[5:-7])
    return _(words)


def broken_rule(table: str, row_id: int, column: str, words: str, value: object, *,
                quote: bool = True) -> str:
    """ "customer #3: name must be at most 200 characters, not "xxx…" (100,000 characters)."
    or, for a rule about the whole row, "promise #2: it holds a due time without its day."
    Table and column are named as in the file (and a backup's CSV header), in any language."""
    if not column:
        return _("{table} #{id}: it holds {words}.").format(
            table=table, id=row_id, words=rule_words(words))
    if not quote:
        return _("{table} #{id}: {column} must be {words}.").format(
            table=table, id=row_id, column=column, words=rule_words(words))
    return _("{table} #{id}: {column} must be {words}, not {value}.").format(
        table=table, id=row_id, column=column, words=rule_words(words),
        value=shown_value(value))


def short(text: str | None, width: int = 60) -> str:
    """One line of at most `width` characters, cut with an ellipsis."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def every_text(days: int) -> str:
    """A rhythm as a shop owner says it: "every 4 weeks" when the days are whole weeks (as
    "alle 4 Wochen" was typed), else "every 10 days"."""
    if days in (1, 7):
        return _("every day") if days == 1 else _("every week")
    if days % 7 == 0:
        return n_("every {n} week", "every {n} weeks", days // 7).format(n=days // 7)
    return n_("every {n} day", "every {n} days", days).format(n=days)


def age(moment: datetime) -> str:
    """How long ago, in whole days: "since today", "1 day", "12 days"."""
    days = (clock.now() - moment).days
    return _("since today") if days < 1 else n_("{n} day", "{n} days", days).format(n=days)


def due_text(day: date | None, at: datetime | None, *, undated: str | None = None,
             padded: bool = False, compact: bool = False) -> str:
    """ "today 14:00", "Fri 4 Dec", or `undated` (else "no due time") for a promise without
    a due time. In a list's column (`padded`) the day is "Fri 04 Dec", to line up; in a
    narrow one (`compact`) German in digits, "Fr 04.12."."""
    if at is not None:
        local = timefmt.local(at)
        shown = timefmt.show_day(local.date(), padded=padded, compact=compact)
        return f"{shown} {l10n.clock(local.time())}"
    if day is not None:
        return timefmt.show_day(day, padded=padded, compact=compact)
    return _("no due time") if undated is None else undated


def table_name(table: str, *, plural: bool = False) -> str:
    """What one row (or, `plural`, the rows) of a table is called: "customer", "Kunden"."""
    one, many = TABLE_WORDS.get(table, (table, table))
    return _(many if plural else one)


def count_text(table: str, n: int) -> str:
    """ "1 customer", "2 customers" / "1 Kunde", "2 Kunden"."""
    counted = _COUNTS.get(table)
    return counted(n).format(n=n) if counted else f"{n} {table}"


def counts_text(counts: dict[str, int], *, skip_zero: bool = False) -> str:
    """ "2 customers, 1 promise" for a dict of table -> row count."""
    return ", ".join(count_text(table, n) for table, n in counts.items() if n or not skip_zero)
