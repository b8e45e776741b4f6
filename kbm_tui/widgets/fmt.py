"""How records are written on screen: due times, statuses, channels — one place for all."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text

from .. import clock, timefmt
from ..money import format_cents
from ..records import Conversation, Customer, Followup, Promise
from ..vocab import CHANNEL_LABELS, DIRECTION_LABELS, KIND_LABELS


def channel(word: str | None) -> str:
    return CHANNEL_LABELS.get(word or "", word or "")


def kind(word: str | None) -> str:
    return KIND_LABELS.get(word or "", word or "")


def direction(word: str | None) -> str:
    return {"in": "→ in", "out": "← out"}.get(word or "", word or "")


def direction_long(word: str | None) -> str:
    return DIRECTION_LABELS.get(word or "", word or "")


def moment(value: datetime | None) -> str:
    return timefmt.show_moment(value)


def day(value: date | None) -> str:
    return timefmt.show_day(value)


def promise_due(p: Promise) -> str:
    """ "today 14:00", "Fri 27 Nov", "open-ended"."""
    if p.due_at is not None:
        local = timefmt.local(p.due_at)
        return f"{timefmt.show_day(local.date())} {local:%H:%M}"
    if p.due_day is not None:
        return timefmt.show_day(p.due_day)
    return "no due time"


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


def spark(counts: list[int]) -> str:
    """Conversations per month as a little bar line, oldest month first."""
    bars = " ▁▂▃▄▅▆▇█"
    top = max(counts, default=0)
    if not top:
        return "no conversations"
    return "".join(bars[0 if not n else max(1, round(n * 8 / top))] for n in counts)


def short(text: str | None, width: int = 60) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def describe(item) -> Text | None:
    """The whole of a promise, follow-up or conversation in one (wrapping) line."""
    item = getattr(item, "item", item)  # a timeline entry holds its record
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
        return text
    if isinstance(item, Conversation):
        text = Text(f"{item.customer_name}, {moment(item.at)}: ", style="bold")
        text.append_text(Text(item.summary))
        text.append(f"  · {conversation_line(item)}", style="dim")
        if who:
            text.append(f" · {who}", style="dim")
        if item.against_wishes:
            text.append(f" · ⚠ against their wishes: {item.against_wishes}", style="yellow")
        return text
    return None
