"""A customer's timeline: its columns and the line under it that says the whole of a row.

Each fact has its own column, so the eye runs down one kind of thing: when, what kind, where
it stands (open, kept, overdue…), what was said, the amount (right-aligned). Wider terminals
add the channel, the exact time and who, rather than wider gaps.
"""

from __future__ import annotations

from rich.text import Text

from kbm_tui.core import clock, timefmt
from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Conversation, Followup, Promise, TimelineEntry
from kbm_tui.core.text import short
from kbm_tui.ui import fmt
from kbm_tui.widgets.virtual_table import Column

TIME_FROM = 100  # from this table width on, "When" carries the time of day too
KIND_WHOLE_FROM = 130  # from this table width on, every kind of record fits its column whole


def _day(entry: TimelineEntry) -> str:
    if isinstance(entry.record, Followup) and entry.record.done_at is None:
        return fmt.day(entry.record.effective_day)
    moment = timefmt.local(entry.at)
    # today's rows keep their time: it fits where a day would go
    return fmt.moment(entry.at) if moment.date() == clock.today() else fmt.day(moment.date())


def _when(entry: TimelineEntry) -> str:
    if isinstance(entry.record, Followup) and entry.record.done_at is None:
        return fmt.day(entry.record.effective_day)
    return fmt.moment(entry.at)


def channel(entry: TimelineEntry) -> str:
    item = entry.record
    return fmt.channel(item.channel) if isinstance(item, Conversation) else ""


def kind(entry: TimelineEntry) -> str:
    item = entry.record
    if isinstance(item, Conversation):
        return fmt.kind(item.kind)
    # Translators: the timeline's kind column for a promise
    return _("promise") if isinstance(item, Promise) else _("follow-up")


def status(entry: TimelineEntry) -> Text:
    """Where the row stands, one word: open, kept, overdue, broken, done…"""
    item = entry.record
    if isinstance(item, Promise):
        return fmt.promise_state(item)
    if isinstance(item, Followup):
        return fmt.followup_state(item)
    if item.deleted_at:
        return Text(_("(deleted)"), style="dim")
    if item.kind == "complaint":
        # the column holds one word; how long it has been open is in the line below
        return (Text(fmt.state("done"), style="green") if item.resolved_at is not None
                else Text(fmt.state("open"), style="bold red"))
    if item.idea_status:
        return Text(fmt.idea_state(item.idea_status), style="dim")
    return Text("")


def what(entry: TimelineEntry) -> Text:
    item = entry.record
    if isinstance(item, Conversation):
        text = Text(short(item.summary, 300))
        if item.resolution:
            text.append(f" — {item.resolution}", style="italic")
    elif isinstance(item, Promise):
        text = Text(item.text)
        if item.close_note:
            text.append(f" — {item.close_note}", style="italic")
        elif item.status == "open" and item.due_day:
            text.append("  " + _("due {when}").format(when=fmt.promise_due(item)), style="dim")
    else:
        text = Text(item.text)
        if item.done_at is None and item.due_at is not None and item.snoozed_until is None:
            text.append(f"  {fmt.followup_due(item)}", style="dim")
    if getattr(item, "against_wishes", None):
        text.append("  " + _("⚠ against their wishes"), style="yellow")
    return text


def amount(entry: TimelineEntry) -> str:
    item = entry.record
    cents = item.amount_cents if isinstance(item, Conversation) else None
    return fmt.amount(cents) if cents is not None else ""


def _status_width() -> int:
    """The status column as wide as its longest word in the language in use."""
    ideas = max(len(fmt.idea_state(word)) for word in fmt.IDEA_STATES)
    return max(fmt.state_width(*fmt.STATES)(), ideas, len(_("(deleted)")))


COLUMNS = [
    Column("day", N_("When"), _day, width=fmt.by_language(10, 14), hide_from=TIME_FROM),
    Column("when", N_("When"), _when, width=fmt.MOMENT_WIDTH, hide_below=TIME_FROM),
    Column("channel", N_("Channel"), channel, width=fmt.by_language(16, 22), hide_below=130),
    # the kind whole ("feedback/idea") where there is room; below, "feedback/…"
    Column("kind", N_("Kind"), kind, width=fmt.by_language(10, 13), hide_from=KIND_WHOLE_FROM),
    Column("kind", N_("Kind"), kind, width=fmt.by_language(13, 13), hide_below=KIND_WHOLE_FROM),
    # as wide as its longest word in the language in use: "zurückgestellt", "considered"
    Column("status", N_("Status"), status, width=_status_width),
    Column("what", N_("What"), what, ratio=1),
    # "€12,345.00" / "12.345,00 €"
    Column("amount", N_("Amount"), amount, width=fmt.by_language(10, 11), justify="right"),
    Column("who", N_("Who"), lambda e: e.record.staff_name or "", width=10, hide_below=90),
]


def detail(item) -> Text | None:
    """The whole of the row under the cursor: what was said or promised on the first line,
    the facts after it, each once, with the same separator."""
    item = getattr(item, "record", item)
    if isinstance(item, Conversation):
        head = Text(item.summary, style="bold")
        facts: list[str | Text] = [
            fmt.moment(item.at), fmt.channel(item.channel), fmt.direction(item.direction),
            fmt.kind(item.kind)]
        if item.amount_cents is not None:
            facts.append(fmt.amount(item.amount_cents))
        if item.staff_name:
            facts.append(item.staff_name)
        if item.kind == "complaint":
            state = fmt.complaint_state(item)
            if item.resolution:
                state.append(f": {item.resolution}", style="italic")
            facts.append(state)
        if item.idea_status:
            facts.append(_("idea {state}").format(state=fmt.idea_state(item.idea_status)))
        if item.deleted_at:
            facts.append(_("(deleted)"))
    elif isinstance(item, Promise):
        head = Text(item.text, style="bold")
        state = fmt.promise_state(item)
        if item.close_note:
            state.append(f": {item.close_note}", style="italic")
        facts = [_("due {when}").format(when=fmt.promise_due(item)), state]
        if item.staff_name:
            facts.append(_("promised by {who} {when}").format(
                who=item.staff_name, when=fmt.moment(item.made_at)))
    elif isinstance(item, Followup):
        head = Text(item.text, style="bold")
        facts = [fmt.followup_due(item), fmt.followup_state(item)]
        if item.every_days:
            facts.append(fmt.every_days(item.every_days))
        if item.staff_name:
            facts.append(item.staff_name)
    else:
        return None
    line = Text("\n")
    for n, fact in enumerate(facts):
        if n:
            line.append(" · ", style="dim")
        line.append_text(fact if isinstance(fact, Text) else Text(fact, style="dim"))
    note = getattr(item, "against_wishes", None)
    if note:
        line.append(" · " + _("⚠ against their wishes: {note}").format(note=note),
                    style="yellow")
    return head + line

