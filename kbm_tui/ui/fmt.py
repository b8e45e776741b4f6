"""How records are written on screen: due times, statuses, channels — one place for all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from rich.text import Text

from kbm_tui.core import clock, l10n, timefmt
from kbm_tui.core.i18n import N_, _, language
from kbm_tui.core.money import format_money
from kbm_tui.core.records import (
    Conversation,
    Customer,
    Followup,
    Promise,
    PromiseChange,
    PromiseStats,
)
from kbm_tui.core.text import age, due_text, every_text
from kbm_tui.core.vocab import CHANNEL_LABELS, KIND_LABELS

# The words of a record's state, as lists and the timeline show them.
STATES = {"open": N_("open"), "overdue": N_("overdue"), "kept": N_("kept"),
          "broken": N_("broken"), "cancelled": N_("cancelled"), "done": N_("done"),
          "today": N_("today"), "upcoming": N_("upcoming"),
          # Translators: a follow-up's status in a list: put off to a later day
          "snoozed": N_("snoozed")}
IDEA_STATES = {"new": N_("new"), "considered": N_("considered"), "done": N_("done")}
DIRECTIONS = {"in": N_("→ in"), "out": N_("← out")}


def by_language(en: int, de: int) -> Callable[[], int]:
    """A column width that depends on the language: German dates and words run longer
    ("Mi., 30. Sept. 18:00" against "Wed 30 Sep 18:00")."""
    return lambda: de if language() == "de" else en


MOMENT_WIDTH = by_language(16, 20)  # a moment: "Wed 30 Sep 18:00" / "Mi., 30. Sept. 18:00"
DAY_WIDTH = by_language(11, 14)  # a day: "24 Jan 2027" / "Mi., 30. Sept."
# The same in a narrow list (`compact`): "Mi 30.09. 18:00", "Mi 30.09." in German.
COMPACT_MOMENT_WIDTH = by_language(16, 15)
COMPACT_DAY_WIDTH = by_language(11, 9)


def state_width(*words: str) -> Callable[[], int]:
    """A status column as wide as its longest word in the language in use ("zurückgestellt"),
    and never narrower than its title."""
    return lambda: max(len(_("Status")), *(len(state(word)) for word in words))


PROMISE_STATE_WIDTH = state_width("open", "overdue", "kept", "broken", "cancelled")
FOLLOWUP_STATE_WIDTH = state_width("done", "overdue", "today", "upcoming", "snoozed")


def amount_width() -> int:
    """Room for an amount up to 999,999.99 with the shop's currency, so none is cut."""
    return len(amount(99_999_999))


def shown(words: dict[str, str], word: str | None) -> str:
    """A stored word as people read it in the language in use ("" stays "": gettext would
    answer an empty message with the catalogue's header)."""
    label = words.get(word or "", word or "")
    return _(label) if label else ""


def channel(word: str | None) -> str:
    return shown(CHANNEL_LABELS, word)


# A list's channel column is as narrow as "in store"; where a channel's word is longer, the
# column shows a shorter one (the line under the list says it whole).
# Translators: the channel "messenger/social" in a narrow column of a list (9 letters or less)
CHANNEL_SHORT = {"social": N_("messenger")}


def channel_cell(word: str | None) -> str:
    """A channel in a list's column: "messenger" for "messenger/social"."""
    return shown(CHANNEL_SHORT, word) if word in CHANNEL_SHORT else channel(word)


def kind(word: str | None) -> str:
    return shown(KIND_LABELS, word)


def direction(word: str | None) -> str:
    return shown(DIRECTIONS, word)


def state(word: str) -> str:
    return shown(STATES, word)


def idea_state(word: str | None) -> str:
    return shown(IDEA_STATES, word or "new")


def moment(value: datetime | None, *, compact: bool = False) -> str:
    return timefmt.show_moment(value, compact=compact)


def day(value: date | None, *, compact: bool = False) -> str:
    """A day in a list's column: "Mon 07 Dec" lines up with "Mon 14 Dec"."""
    return timefmt.show_day(value, compact=compact)


def said_day(value: date | None) -> str:
    """A day in a sentence or on a button: "Mon 7 Dec" / "Mo., 7. Dez."."""
    return timefmt.show_day(value, padded=False)


def number(value: int) -> str:
    """ "1,234" / "1.234"."""
    return l10n.number(value)


def percent(share: float) -> str:
    """ "86%" / "86 %" (German puts a no-break space before the sign)."""
    whole = round(share * 100)
    return f"{whole}\u00a0%" if language() == "de" else f"{whole}%"


def decimal(value: float) -> str:
    """One decimal: "5.0" / "5,0"."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if language() == "de" else text


def every_days(days: int) -> str:
    """ "every 4 weeks" / "alle 4 Wochen", "every 10 days" / "alle 10 Tage"."""
    return every_text(days)


def promise_due(p: Promise, *, padded: bool = False, compact: bool = False) -> str:
    """ "today 14:00", "Fri 4 Dec", "no due time"; `padded` for a list's column, `compact`
    for a narrow one."""
    return due_text(p.due_day, p.due_at, padded=padded, compact=compact)


def followup_day(f: Followup, *, padded: bool = True, compact: bool = False) -> str:
    """When it is due, for a list's column: the day, and its time unless it was snoozed (a
    snooze moves it to a day); that it was snoozed is its status (`followup_state`)."""
    text = timefmt.show_day(f.effective_day, padded=padded, compact=compact)
    if f.due_at is not None and f.snoozed_until is None:
        text += " " + l10n.clock(timefmt.local(f.due_at).time())
    return text


def followup_due(f: Followup) -> str:
    """When it is due, in a sentence: "Tue 1 Dec (snoozed)"."""
    text = followup_day(f, padded=False)
    if f.snoozed_until is not None:
        text = _("{day} (snoozed)").format(day=text)
    return text


def promise_state(p: Promise, now: datetime | None = None) -> Text:
    now = now or clock.now()
    if p.status == "open":
        return Text(state("overdue"), style="bold red") if p.is_overdue(now) \
            else Text(state("open"))
    style = {"kept": "green", "broken": "red"}.get(p.status, "dim")
    return Text(state(p.status), style=style)


def followup_state(f: Followup) -> Text:
    if f.done_at is not None:
        return Text(state("done"), style="green")
    today = clock.today()
    if f.effective_day < today:
        return Text(state("overdue"), style="bold red")
    if f.effective_day == today:
        return Text(state("today"), style="bold yellow")
    if f.snoozed_until is not None:
        return Text(state("snoozed"), style="dim")
    return Text(state("upcoming"))


def amount(cents: int | None) -> str:
    """An amount with the shop's currency: "€89.50" / "89,50 €"."""
    return format_money(cents)


def amount_cell(cents: int | None) -> Text:
    """An amount for a right-aligned column; nothing for none."""
    return Text(amount(cents), justify="right")


def conversation_line(c: Conversation) -> str:
    parts = [channel(c.channel), direction(c.direction), kind(c.kind)]
    if c.amount_cents is not None:
        parts.append(amount(c.amount_cents))
    return " · ".join(parts)


def wishes(c: Customer) -> list[tuple[str, str]]:
    """The customer's own contact wishes as (label, value) pairs, always all of them."""
    rows = []
    if c.do_not_contact:  # "Do not contact — moved away": the label and its reason, one line
        rows.append((_("Do not contact"), "— " + (c.dnc_reason or _("at their own request"))))
    elif c.no_ads_since:  # only when objected (do not contact says it already)
        rows.append((_("Advertising"), _("no, since {day}").format(
            day=timefmt.since_day(c.no_ads_since, this_year_short=True))))
    rows.append((_("Channel"), channel(c.pref_channel) if c.pref_channel else _("any")))
    rows.append((_("Person"), c.pref_staff_name or _("anyone")))
    every = every_days(c.contact_every_days) if c.contact_every_days else _("no rhythm set")
    if c.only_when_asked:
        every = _("only when they ask")
    rows.append((_("How often"), every))
    return rows


def inline_label(label: str) -> str:
    """A label inside a sentence: lower-case in English ("channel: phone"), as it is in
    German, where nouns keep their capital ("Kanal: Telefon")."""
    return label if language() == "de" else label.lower()


def describe(item) -> Text | None:
    """The whole of a promise, follow-up or conversation in one (wrapping) line."""
    item = getattr(item, "record", item)  # a timeline entry or a Today row holds its record
    who = getattr(item, "staff_name", None)
    if isinstance(item, Promise):
        text = Text(f"{item.customer_name}: ", style="bold") + Text(item.text)
        text.append("  · " + _("due {when}").format(when=promise_due(item)) + " · ",
                    style="dim")
        text.append_text(promise_state(item))
        if item.close_note:
            text.append(f": {item.close_note}", style="italic")
        if who:
            text.append(" · " + _("promised by {who} {when}").format(
                who=who, when=moment(item.made_at)), style="dim")
        return text
    if isinstance(item, Followup):
        text = Text(f"{item.customer_name}: ", style="bold") + Text(item.text)
        text.append(f"  · {followup_due(item)}", style="dim")
        if item.every_days:
            text.append(f" · {every_days(item.every_days)}", style="dim")
        if who:
            text.append(f" · {who}", style="dim")
        return _against_wishes(text, item.against_wishes)
    if isinstance(item, Conversation):
        text = Text(f"{item.customer_name}, {moment(item.at)}: ", style="bold")
        text.append_text(Text(item.summary))
        text.append(f"  · {conversation_line(item)}", style="dim")
        if who:
            text.append(f" · {who}", style="dim")
        if item.kind == "complaint":
            text.append(" · ")
            text.append_text(complaint_state(item))
            if item.resolution:
                text.append(f": {item.resolution}", style="italic")
        if item.idea_status:
            text.append(" · " + _("idea {state}").format(state=idea_state(item.idea_status)),
                        style="dim")
        return _against_wishes(text, item.against_wishes)
    return None


def _against_wishes(text: Text, note: str | None) -> Text:
    if note:
        text.append(" · " + _("⚠ against their wishes: {note}").format(note=note),
                    style="yellow")
    return text


def complaint_state(c: Conversation) -> Text:
    if c.resolved_at is not None:
        return Text(_("resolved"), style="green")
    return Text(_("open {age}").format(age=age(c.at)), style="bold red")


def stats_text(s: PromiseStats) -> str:
    """ "12 on time (86%) · 1 late · 1 broken", or "none settled yet"."""
    if not s.total:
        return _("none settled yet")
    return _("{on_time} on time ({share}) · {late} late · {broken} broken").format(
        on_time=number(s.on_time), share=percent(s.on_time / s.total), late=number(s.late),
        broken=number(s.broken))


def history_text(changes: list[PromiseChange]) -> str:
    """The earlier due times of a renegotiated promise, oldest first."""
    parts = []
    for c in changes:
        was, moved = due_text(c.old_due_day, c.old_due_at), moment(c.changed_at)
        parts.append(_("was {due}, moved {when} ({reason})").format(
            due=was, when=moved, reason=c.reason) if c.reason else
            _("was {due}, moved {when}").format(due=was, when=moved))
    return "; ".join(parts)


def wishes_line(c: Customer) -> str:
    """The customer's wishes on one line, for dialogs."""
    dnc = _("Do not contact")  # "do not contact — moved away", the others "channel: phone"
    return " · ".join(f"{inline_label(k)}{'' if k == dnc else ':'} {v}" for k, v in wishes(c))
