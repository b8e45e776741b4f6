"""`kbm` commands for relationship care: wishes, renegotiated promises, complaints, ideas,
and one customer's whole story."""

from __future__ import annotations

import argparse
from datetime import timedelta

from kbm_tui.cli.common import open_store, pick_customer, read_when
from kbm_tui.cli.output import as_json, print_json, say, table
from kbm_tui.core import clock, timefmt, vocab
from kbm_tui.core.errors import InputError
from kbm_tui.core.money import format_cents
from kbm_tui.core.records import Customer, PromiseStats
from kbm_tui.core.text import age, due_text, short
from kbm_tui.core.timefmt import month_start
from kbm_tui.core.when import parse_days
from kbm_tui.store import Store

SPARKS = "▁▂▃▄▅▆▇█"


def wishes_text(c: Customer) -> str:
    parts = []
    if c.do_not_contact:
        parts.append("DO NOT CONTACT" + (f" ({c.dnc_reason})" if c.dnc_reason else ""))
    if c.only_when_asked:
        parts.append("only when they ask")
    if c.contact_every_days:
        parts.append(f"every {c.contact_every_days} days")
    if c.pref_channel:
        parts.append(f"by {vocab.CHANNEL_LABELS[c.pref_channel]}")
    if c.pref_staff_name:
        parts.append(f"with {c.pref_staff_name}")
    return ", ".join(parts) or "no wishes recorded"


def cmd_prefer(args: argparse.Namespace) -> None:
    with open_store(args) as store, store.transaction():
        customer, _ = pick_customer(store, args.customer)
        changes = {}
        if args.via is not None:
            changes["channel"] = args.via
        if args.person is not None:
            changes["staff_id"] = store.find_staff(args.person).id
        if args.every is not None:
            changes["every_days"] = parse_days(args.every)
        if args.only_when_asked:
            changes["only_when_asked"] = True
        if args.do_not_contact is not None:
            changes.update(do_not_contact=True, dnc_reason=args.do_not_contact)
        if args.allow_contact:
            changes["do_not_contact"] = False
        if changes or args.clear:
            customer = store.set_wishes(customer.id, clear=args.clear, **changes)
    say(f"{customer.name} wishes: {wishes_text(customer)}.")


def cmd_renegotiate(args: argparse.Namespace) -> None:
    due = read_when(args.due, what="new due time")
    with open_store(args) as store:
        before = store.get_promise(args.id)
        p = store.renegotiate_promise(args.id, due, args.reason)
    was = due_text(before.due_day, before.due_at, undated="open-ended")
    now = due_text(p.due_day, p.due_at, undated="open-ended")
    say(f"Promise #{p.id} to {p.customer_name} moved from {was} to {now}: {args.reason}")


def cmd_complaints(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        items = store.open_complaints()
        median = store.median_days_to_resolve()
    table("Open complaints", ["", "open for", "customer", "complaint"],
          [[f"#{c.id}", age(c.at), c.customer_name, short(c.summary, 60)] for c in items],
          empty="None open.")
    if median is not None:
        say(f"Complaints are resolved in {median:.1f} days (median).", "dim")


def cmd_resolve(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        c = store.resolve_complaint(args.id, args.resolution)
    say(f"Complaint #{c.id} from {c.customer_name} resolved after {age(c.at)}: {c.resolution}")


def cmd_ideas(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        items = store.ideas(status=args.status, limit=500)
    if args.json:
        print_json([as_json(i) for i in items])
        return
    table("Ideas and feedback from customers", ["", "when", "customer", "status", "idea"],
          [[f"#{i.id}", timefmt.show_moment(i.at), i.customer_name, i.idea_status or "new",
            short(i.summary, 60)] for i in items],
          empty='None yet. Log one with: kbm log CUSTOMER "their idea" --kind feedback')


def cmd_idea(args: argparse.Namespace) -> None:
    due = read_when(args.tell, what="--tell") if args.tell else None
    with open_store(args) as store, store.transaction():
        idea = store.set_idea_status(args.id, args.status)
        followup = None
        if due is not None:
            what = f'Tell them what became of their idea: "{short(idea.summary)}"'
            followup = store.plan_followup(idea.customer_id, what, due)
    say(f"Idea #{idea.id} from {idea.customer_name} is {idea.idea_status}.")
    if followup:
        when = due_text(followup.due_day, followup.due_at)
        say(f"Follow-up #{followup.id} {when}: tell {idea.customer_name}.")
    elif args.status == "done":
        say(f'Tell {idea.customer_name}? kbm idea {idea.id} done --tell tomorrow', "dim")


def sparkline(values: list[int]) -> str:
    top = max(values) or 1
    return "".join(SPARKS[0] if v == 0 else SPARKS[min(7, 1 + v * 6 // top)] for v in values)


def cmd_show(args: argparse.Namespace) -> None:
    if args.limit < 1:
        raise InputError("--limit must be at least 1.")
    with open_store(args) as store:
        c, _ = pick_customer(store, args.customer)
        glance = store.glance(c.id)
        talks = store.conversations(customer_id=c.id, limit=args.limit)
        promises = store.promises(status=None, customer_id=c.id, limit=args.limit)
        followups = store.followups(open_only=False, customer_id=c.id, limit=args.limit)
    say(f"#{c.id} {c.name}" + (" (archived)" if c.archived_at else ""), "bold")
    for label, value in (("phone", c.phone), ("email", c.email), ("address", c.address),
                         ("tags", c.tags), ("notes", c.notes)):
        if value:
            say(f"  {label:<8} {value}")
    say(f"  wishes   {wishes_text(c)}")
    said = f'"{short(glance.last_said.summary)}"' if glance.last_said else "—"
    say(f"  customer since {glance.customer_since:%B %Y} · last 12 months "
        f"{sparkline(glance.per_month)} · bought {format_cents(glance.purchases_cents)} · "
        f"{glance.open_promises} open promises · last said: {said}")
    entries = [(v.at, timefmt.show_moment(v.at), f"{vocab.CHANNEL_LABELS[v.channel]}, "
                f"{vocab.KIND_LABELS[v.kind]}", short(v.summary, 60)) for v in talks]
    entries += [(p.made_at, timefmt.show_moment(p.made_at), f"promise ({p.status})",
                 short(p.text, 60)) for p in promises]
    entries += [(f.created_at, timefmt.show_moment(f.created_at),
                 "follow-up" + (" (done)" if f.done_at
                                else f" for {timefmt.show_day(f.effective_day)}"),
                 short(f.text, 60)) for f in followups]
    entries.sort(key=lambda e: e[0], reverse=True)
    table("Timeline, newest first", ["when", "what", ""],
          [list(e[1:]) for e in entries[: args.limit]], empty="Nothing yet.")


def promise_stats_lines(store: Store, by_staff: bool = False) -> list[str]:
    """This month beside last month; per staff member over both, if asked."""
    this, last = store.month_stats()
    lines = [f"Promises {s.label}: {_stats_text(s)}" for s in (this, last)]
    if by_staff:
        today = clock.today()
        people = store.promise_stats(month_start(today, 1), today + timedelta(days=1),
                                     by_staff=True)
        lines.append(f"By staff member, since {month_start(today, 1):%d %B}:")
        lines += [f"  {name}: {_stats_text(s)}" for name, s in people.items()] or ["  none yet"]
    return lines


def _stats_text(s: PromiseStats) -> str:
    if not s.total:
        return "none settled yet"
    return (f"{s.on_time} kept on time ({s.share(s.on_time):.0%}), {s.late} kept late "
            f"({s.share(s.late):.0%}), {s.broken} broken ({s.share(s.broken):.0%})")

