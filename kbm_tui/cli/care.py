"""`kbm` commands for relationship care: wishes, renegotiated promises, complaints, ideas,
and one customer's whole story."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from kbm_tui.cli.common import open_store, pick_customer, read_when
from kbm_tui.cli.output import as_json, print_json, say, table
from kbm_tui.core import clock, l10n, timefmt, vocab
from kbm_tui.core.cardfields import show_birthday
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import _, n_
from kbm_tui.core.money import format_money
from kbm_tui.core.records import Customer, PromiseStats
from kbm_tui.core.text import age, due_text, every_text, short
from kbm_tui.core.timefmt import month_start
from kbm_tui.core.when import parse_days
from kbm_tui.store import Store

SPARKS = "▁▂▃▄▅▆▇█"


def wishes_text(c: Customer) -> str:
    parts = []
    if c.do_not_contact:
        parts.append(_("DO NOT CONTACT ({reason})").format(reason=c.dnc_reason) if c.dnc_reason
                     else _("DO NOT CONTACT"))
    elif c.no_ads_since:  # "do not contact" says it already
        parts.append(_("no advertising (since {day})").format(
            day=timefmt.since_day(c.no_ads_since)))
    if c.only_when_asked:
        parts.append(_("only when they ask"))
    if c.contact_every_days:
        parts.append(every_text(c.contact_every_days))
    if c.pref_channel:
        parts.append(_("by {channel}").format(channel=vocab.label("channel", c.pref_channel)))
    if c.pref_staff_name:
        parts.append(_("with {staff}").format(staff=c.pref_staff_name))
    return ", ".join(parts) or _("no wishes recorded")


def cmd_prefer(args: argparse.Namespace) -> None:
    with open_store(args) as store, store.transaction():
        customer, _created = pick_customer(store, args.customer)
        changes: dict[str, Any] = {}
        if args.via is not None:
            changes["channel"] = vocab.word("channel", args.via)
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
        if args.no_ads and args.allow_ads:
            raise InputError(_("--no-ads and --allow-ads contradict each other: give one."))
        if args.no_ads or args.allow_ads:
            changes["no_ads"] = args.no_ads
        if changes or args.clear:
            customer = store.set_wishes(customer.id, clear=args.clear, **changes)
    say(_("{name} wishes: {wishes}.").format(name=customer.name, wishes=wishes_text(customer)))
    if args.clear and customer.no_ads_since and not args.no_ads:
        say(_("The objection to advertising stays: withdraw it with --allow-ads."), "dim")


def cmd_renegotiate(args: argparse.Namespace) -> None:
    due = read_when(args.due, what=_("new due time"))
    with open_store(args) as store:
        before = store.get_promise(args.id)
        p = store.renegotiate_promise(args.id, due, args.reason)
    undated = before.due_day is None and before.due_at is None
    line = (_("Promise #{id} to {name} moved from open-ended to {now}: {reason}") if undated
            else _("Promise #{id} to {name} moved from {was} to {now}: {reason}"))
    say(line.format(id=p.id, name=p.customer_name, was=due_text(before.due_day, before.due_at),
                    now=due_text(p.due_day, p.due_at), reason=args.reason))


def cmd_complaints(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        items = store.open_complaints()
        median = store.median_days_to_resolve()
    table(_("Open complaints"), ["", _("open for"), _("customer"), _("complaint")],
          [[f"#{c.id}", age(c.at), c.customer_name, short(c.summary, 60)] for c in items],
          empty=_("None open."), whole=2)
    if median is not None:
        say(_("Complaints are resolved in {days} days (median).").format(
            days=l10n.decimal(median)), "dim")


def cmd_resolve(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        c = store.resolve_complaint(args.id, args.resolution)
    days = (clock.now() - c.at).days
    line = (_("Complaint #{id} from {name} resolved within a day: {resolution}") if days < 1
            else n_("Complaint #{id} from {name} resolved after {n} day: {resolution}",
                    "Complaint #{id} from {name} resolved after {n} days: {resolution}", days))
    say(line.format(id=c.id, name=c.customer_name, n=days, resolution=c.resolution))


def cmd_ideas(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        items = store.ideas(status=args.status, limit=500)
    if args.json:
        print_json([as_json(i) for i in items])
        return
    table(_("Ideas and feedback from customers"),
          ["", _("when"), _("customer"), _("status"), _("idea")],
          [[f"#{i.id}", timefmt.show_moment(i.at), i.customer_name,
            vocab.label("idea_status", i.idea_status or "new"), short(i.summary, 60)]
           for i in items],
          empty=_('None yet. Log one with: kbm log CUSTOMER "their idea" --kind feedback'),
          whole=2)


def cmd_idea(args: argparse.Namespace) -> None:
    due = read_when(args.tell, what="--tell") if args.tell else None
    with open_store(args) as store, store.transaction():
        idea = store.set_idea_status(args.id, args.status)
        followup = None
        if due is not None:
            what = _('Tell them what became of their idea: "{idea}"').format(
                idea=short(idea.summary))
            followup = store.plan_followup(idea.customer_id, what, due)
    say(_("Idea #{id} from {name} is {status}.").format(
        id=idea.id, name=idea.customer_name, status=vocab.label("idea_status", idea.idea_status)))
    if followup:
        when = due_text(followup.due_day, followup.due_at)
        say(_("Follow-up #{id} {when}: tell {name}.").format(
            id=followup.id, when=when, name=idea.customer_name))
    elif args.status == "done":
        say(_("Tell {name}? kbm idea {id} done --tell tomorrow").format(
            name=idea.customer_name, id=idea.id), "dim")


def sparkline(values: list[int]) -> str:
    top = max(values) or 1
    return "".join(SPARKS[0] if v == 0 else SPARKS[min(7, 1 + v * 6 // top)] for v in values)


def cmd_show(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        c, _created = pick_customer(store, args.customer)
        glance = store.glance(c.id)
        talks = store.conversations(customer_id=c.id, limit=args.limit)
        promises = store.promises(status=None, customer_id=c.id, limit=args.limit)
        followups = store.followups(open_only=False, customer_id=c.id, limit=args.limit)
        merges = store.merges_of(c.id)
    say(f"#{c.id} " + (_("{name} (archived)").format(name=c.name) if c.archived_at else c.name),
        "bold")
    card = ((_("phone"), c.phone), (_("email"), c.email), (_("address"), c.address),
            (_("organisation"), c.organization if c.organization != c.name else None),
            (_("birthday"), show_birthday(c.birthday)), (_("more contacts"), c.more_contacts),
            (_("tags"), c.tags), (_("notes"), c.notes), (_("wishes"), wishes_text(c)))
    width = max(8, *(len(label) for label, value in card if value))
    for label, value in card:
        if value:
            first, *rest = value.splitlines()
            say(f"  {label:<{width}} {first}")
            for line in rest:  # further numbers and addresses under each other
                say(f"  {'':<{width}} {line}")
    said = f'"{short(glance.last_said.summary)}"' if glance.last_said else "—"
    say("  " + n_("customer since {since} · last 12 months {chart} · bought {bought} · "
                  "{n} open promise · last said: {said}",
                  "customer since {since} · last 12 months {chart} · bought {bought} · "
                  "{n} open promises · last said: {said}", glance.open_promises).format(
        since=l10n.month_year(glance.customer_since), chart=sparkline(glance.per_month),
        bought=format_money(glance.purchases_cents), n=glance.open_promises, said=said))
    entries = [(v.at, timefmt.show_moment(v.at), f"{vocab.label('channel', v.channel)}, "
                f"{vocab.label('kind', v.kind)}", short(v.summary, 60)) for v in talks]
    entries += [(p.made_at, timefmt.show_moment(p.made_at),
                 _("promise ({status})").format(status=vocab.label("promise_status", p.status)),
                 short(p.text, 60)) for p in promises]
    entries += [(f.created_at, timefmt.show_moment(f.created_at),
                 _("follow-up (done)") if f.done_at else _("follow-up for {day}").format(
                     day=timefmt.show_day(f.effective_day)),
                 short(f.text, 60)) for f in followups]
    entries += [(m.at, timefmt.show_moment(m.at), _("merged"),
                 _("the card of {name} (#{id}) joined this one").format(name=m.gone_name,
                                                                        id=m.gone_id))
                for m in merges]
    entries.sort(key=lambda e: e[0], reverse=True)
    table(_("Timeline, newest first"), [_("when"), _("what"), ""],
          [list(e[1:]) for e in entries[: args.limit]], empty=_("Nothing yet."))


def promise_stats_lines(store: Store, by_staff: bool = False) -> list[str]:
    """This month beside last month; per staff member over both, if asked."""
    this, last = store.month_stats()
    today = clock.today()
    months = (month_start(today), month_start(today, 1))
    lines = [_("Promises {month}: {stats}").format(month=l10n.month(day, short=False),
                                                   stats=_stats_text(s))
             for day, s in zip(months, (this, last))]
    if by_staff:
        people = store.promise_stats(month_start(today, 1), today + timedelta(days=1),
                                     by_staff=True)
        lines.append(_("By staff member, since {day}:").format(
            day=l10n.day_month(month_start(today, 1))))
        # The store calls promises nobody on the staff made "nobody" (translated outside the
        # f-string, where the catalogue tools see it).
        nobody = _("nobody")
        lines += [f"  {nobody if name == 'nobody' else name}: {_stats_text(s)}"
                  for name, s in people.items()] or ["  " + _("none yet")]
    return lines


def _stats_text(s: PromiseStats) -> str:
    if not s.total:
        return _("none settled yet")
    return _("{on_time} kept on time ({on_time_share}), {late} kept late ({late_share}), "
             "{broken} broken ({broken_share})").format(
        on_time=s.on_time, on_time_share=l10n.percent(s.share(s.on_time) or 0),
        late=s.late, late_share=l10n.percent(s.share(s.late) or 0),
        broken=s.broken, broken_share=l10n.percent(s.share(s.broken) or 0))
