"""A customer's card: contact, the relationship at a glance, and their own wishes — the
left side of the customer screen, in the language in use."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text

from kbm_tui.core import l10n, timefmt
from kbm_tui.core.cardfields import show_birthday
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Customer, Followup, Glance
from kbm_tui.core.text import short
from kbm_tui.store import Merge
from kbm_tui.ui import fmt


@dataclass(frozen=True)
class Card:
    customer: Customer
    promises: dict[str, int]
    next_followup: Followup | None
    glance: Glance
    merges: tuple[Merge, ...] = ()  # other cards that joined this one, newest first


def column(labels: list[str], least: int) -> int:
    """How wide the labels' column is: German labels run longer ("Schlagwörter")."""
    return max([least, *(len(label) + 1 for label in labels)])


def glance_labels() -> list[str]:
    return [_("Talks"), _("Bought"), _("Said")]


def label_width(c: Customer, merges: tuple[Merge, ...] = ()) -> int:
    """One labels' column for the whole card: contact and glance line up."""
    return column([label for label, _value in contact_pairs(c, merges)] + glance_labels(), 8)


def _lines(pairs, least: int) -> Table:
    """Labels and values side by side; a long value wraps under itself, not under the label."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True,
                    min_width=column([label for label, _value in pairs], least) - 1)
    grid.add_column(ratio=1, overflow="fold")
    for label, value in pairs:
        grid.add_row(label, value if isinstance(value, Text) else Text(str(value)))
    return grid


def title(c: Customer) -> Text:
    """The card pane's title: who they are (as Text: a name is never read as markup)."""
    return Text(c.name + ("  " + _("(archived)") if c.archived_at else ""))


def contact_pairs(c: Customer, merges: tuple[Merge, ...] = ()) -> list[tuple[str, str | Text]]:
    """Who they are: every way to reach them, and the notes whole, line breaks and all."""
    notes = c.notes.strip() if c.notes else None
    org = c.organization if c.organization != c.name else None
    pairs: list[tuple[str, str | Text]] = [(_(label), value) for label, value in (
        (N_("Phone"), c.phone), (N_("Email"), c.email), (N_("Address"), c.address),
        (N_("Company"), org), (N_("Birthday"), show_birthday(c.birthday) or None),
        (N_("Tags"), c.tags), (N_("Notes"), notes)) if value]
    # Further numbers and addresses (from an import or a merge), one a line.
    for n, line in enumerate((c.more_contacts or "").splitlines()):
        pairs.append((_("Also") if n == 0 else "", line))
    # A merge stays visible on the card (u or kbm merge --undo takes it back).
    for n, merge in enumerate(merges):
        pairs.append((_("Merged") if n == 0 else "", Text(f"{merge.gone_name} (#{merge.gone_id})")
                      + Text(f" {fmt.day(timefmt.local(merge.at).date())}", style="dim")))
    return pairs


def contact_text(c: Customer, merges: tuple[Merge, ...] = (), width: int = 8) -> Table | Text:
    pairs = contact_pairs(c, merges)
    if not pairs:
        return Text(_("No phone, email or address yet (e edits the card)."), style="dim")
    return _lines(pairs, width)


def glance_texts(g: Glance, width: int = 8) -> tuple[Text, str, Table]:
    """The relationship at a glance — what happened, never a score of the person."""
    since_day = timefmt.local(g.customer_since).date()
    since = Text(_("Customer since") + " ", style="dim") + Text(
        l10n.short_date(since_day, weekday_too=False, year=True))
    total = sum(g.per_month)
    # Translators: conversations in the last 12 months, beside a small chart of them; keep it
    # short (German "4 in 12 Mon."): half of an 80-column screen holds label, chart and this,
    # beside a scrollbar and the label "Birthday"
    talks = " " + (_("{n} in 12 mo.").format(n=total) if total else _("none in 12 mo."))
    said = Text("—")
    if g.last_said is not None:
        # Translators: quotation marks around what the customer said last
        said = Text(_("“{said}”").format(said=short(g.last_said.summary, 60))) + Text(
            f" {fmt.day(timefmt.local(g.last_said.at).date())}", style="dim")
    bought = Text(_("nothing yet"))
    if g.purchases_cents:
        # What the sum counts, said where it is read; short, so 80 columns keep the line
        # (a sale and its invoice count once, returns are taken off: core.money, the README)
        bought = Text(fmt.amount(g.purchases_cents)) + Text(
            " · " + _("sales − returns"), style="dim")
    rest = _lines([(_("Bought"), bought), (_("Said"), said)], width)
    return since, talks, rest


def promise_counts(counts: dict[str, int]) -> str:
    """ "1 open · 3 kept": the counts there are, so the line fits beside the label in half of
    80 columns in German too ("1 offen · 3 gehalten"); "none yet" for none at all."""
    words = {"open": _("{n} open"), "kept": _("{n} kept"), "broken": _("{n} broken")}
    parts = [word.format(n=counts[key]) for key, word in words.items() if counts[key]]
    # Translators: the customer's promises on the card: the shop has made none to them yet
    return " · ".join(parts) or _("none yet")


def wishes_text(card: Card) -> Table:
    """The customer's wishes, with where the promises and follow-ups stand."""
    c = card.customer
    pairs: list[tuple[str, str | Text]] = []
    for label, value in fmt.wishes(c):
        style = "bold red" if label == _("Do not contact") else ""
        pairs.append((label, Text(value, style=style)))
    pairs.append((_("Promises"), promise_counts(card.promises)))
    nxt = card.next_followup
    # Translators: beside the label "Next" (the next follow-up) in half of 80 columns: short
    none_planned = _("no follow-up planned")
    pairs.append((_("Next"), f"{fmt.followup_due(nxt)}: {short(nxt.text, 80)}" if nxt else
                  none_planned))
    return _lines(pairs, 10)
