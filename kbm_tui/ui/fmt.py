"""How records are written on screen: due times, statuses, channels — one place for all."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text

from kbm_tui.core import clock, timefmt
from kbm_tui.core.money import format_cents
from kbm_tui.core.records import (
    Conversation,
    Customer,
    Followup,
    Promise,
    PromiseChange,
    PromiseStats,
)
from kbm_tui.core.text import age, due_text
from kbm_tui.core.vocab import CHANNEL_LABELS, KIND_LABELS


def channel(word: str | None) -> str:
    return CHANNEL_LABELS.get(word or "", word or "")


def kind(word: str | None) -> str:
    return KIND_LABELS.get(word or "", word or "")


def direction(word: str | None) -> str:
    return {"in": "→ in", "out": "← out"}.get(word or "", word or "")


def moment(value: datetime | None) -> str:
    return timefmt.show_moment(value)


def day(value: date | None) -> str:
    return timefmt.show_day(value)


def promise_due(p: Promise) -> str:
    """ "today 14:00", "Fri 27 Nov", "no due time"."""
    return due_text(p.due_day, p.due_at)


def followup_due(f: Followup) -> str:
    text = timefmt.show_day(f.effective_day)
    if f.due_at is not None and f.snoozed_until is None:
        text += f" {timefmt.local(f.due_at):%H:%M}"
    if f.snoozed_until is not None:
        text += " (snoozed)"
    return text


def promise_state(p: Promise, now: datetime | None = None) -> Text:
    now = now or clock.now()
    if p.status == "open":
        return Text("overdue", style="bold red") if p.is_overdue(now) else Text("open")
    style = {"kept": "green", "broken": "red"}.get(p.status, "dim")
    return Text(p.status, style=style)


def followup_state(f: Followup) -> Text:
    if f.done_at is not None:
        return Text("done", style="green")
    today = clock.today()
    if f.effective_day < today:
        return Text("overdue", style="bold red")
    if f.effective_day == today:
        return Text("today", style="bold yellow")
    return Text("upcoming")


def amount(cents: int | None) -> str:
    return format_cents(cents)


def conversation_line(c: Conversation) -> str:
    parts = [channel(c.channel), direction(c.direction), kind(c.kind)]
    if c.amount_cents is not None:
        parts.append(format_cents(c.amount_cents))
    return " · ".join(parts)


def wishes(c: Customer) -> list[tuple[str, str]]:
    """The customer's own contact wishes as (label, value) pairs, always all of them."""
    rows = []
    if c.do_not_contact:
        reason = f" — {c.dnc_reason}" if c.dnc_reason else ""
        rows.append(("Do not contact", f"YES{reason}"))
    rows.append(("Channel", channel(c.pref_channel) if c.pref_channel else "any"))
    rows.append(("Person", c.pref_staff_name or "anyone"))
    every = f"every {c.contact_every_days} days" if c.contact_every_days else "no rhythm set"
    if c.only_when_asked:
        every = "only when they ask"
    rows.append(("How often", every))
    return rows


def describe(item) -> Text | None:
    """The whole of a promise, follow-up or conversation in one (wrapping) line."""
    item = getattr(item, "record", item)  # a timeline entry or a Today row holds its record
    who = getattr(item, "staff_name", None)
    if isinstance(item, Promise):
        text = Text(f"{item.customer_name}: ", style="bold") + Text(item.text)
        text.append(f"  · due {promise_due(item)} · ", style="dim")
        text.append_text(promise_state(item))
        if item.close_note:
            text.append(f": {item.close_note}", style="italic")
        if who:
            text.append(f" · promised by {who} {moment(item.made_at)}", style="dim")
        return text
    if isinstance(item, Followup):
        text = Text(f"{item.customer_name}: ", style="bold") + Text(item.text)
        text.append(f"  · {followup_due(item)}", style="dim")
        if item.every_days:
            text.append(f" · every {item.every_days} days", style="dim")
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
            text.append(f" · idea {item.idea_status}", style="dim")
        return _against_wishes(text, item.against_wishes)
    return None


def _against_wishes(text: Text, note: str | None) -> Text:
    if note:
        text.append(f" · ⚠ against their wishes: {note}", style="yellow")
    return text


def complaint_state(c: Conversation) -> Text:
    if c.resolved_at is not None:
        return Text("resolved", style="green")
    return Text(f"open {age(c.at)}", style="bold red")


def stats_text(s: PromiseStats) -> str:
    """ "12 on time (86%) · 1 late · 1 broken", or "none settled yet"."""
    if not s.total:
        return "none settled yet"
    return f"{s.on_time} on time ({s.share(s.on_time):.0%}) · {s.late} late · {s.broken} broken"


def history_text(changes: list[PromiseChange]) -> str:
    """The earlier due times of a renegotiated promise, oldest first."""
    return "; ".join(
        f"was {due_text(c.old_due_day, c.old_due_at)}, moved {moment(c.changed_at)}"
        + (f" ({c.reason})" if c.reason else "") for c in changes)


def wishes_line(c: Customer) -> str:
    """The customer's wishes on one line, for dialogs."""
    return " · ".join(f"{k.lower()}: {v}" for k, v in wishes(c))
