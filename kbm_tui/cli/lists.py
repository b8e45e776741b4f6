"""`kbm` commands that show: the day, customers, promises; and marking promises and
follow-ups kept, broken or done; the staff."""

from __future__ import annotations

import argparse

from kbm_tui.cli.care import promise_stats_lines
from kbm_tui.cli.common import open_store
from kbm_tui.cli.output import as_json, print_json, say, table
from kbm_tui.core import clock, l10n, timefmt, validate, vocab
from kbm_tui.core.errors import InputError
from kbm_tui.core.i18n import _, n_
from kbm_tui.core.records import Promise
from kbm_tui.core.text import age, due_text, every_text, short


def _due(day, at) -> str:
    return due_text(day, at, undated=_("open-ended"), padded=True)


def _see_all(where: str):
    """The line under a cut-short section: how many more, and where to see them."""
    def line(hidden: int) -> str:
        if where == "promises":
            return n_("… and {n} more (kbm promises) — kbm today --all shows all",
                      "… and {n} more (kbm promises) — kbm today --all shows all", hidden)
        if where == "complaints":
            return n_("… and {n} more (kbm complaints) — kbm today --all shows all",
                      "… and {n} more (kbm complaints) — kbm today --all shows all", hidden)
        return n_("… and {n} more — kbm today --all shows all",
                  "… and {n} more — kbm today --all shows all", hidden)
    return line


def _wishes(k) -> str:
    """ "every 28 days, by phone, with Maria" for a customer due a contact."""
    parts = [every_text(k.contact_every_days)]
    if k.pref_channel:
        parts.append(_("by {channel}").format(channel=vocab.label("channel", k.pref_channel)))
    if k.pref_staff_name:
        parts.append(_("with {staff}").format(staff=k.pref_staff_name))
    return ", ".join(parts)


def cmd_today(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        agenda = store.agenda(limit=None if (args.all or args.json) else 25)
        stats = promise_stats_lines(store)
    if args.json:
        print_json({"date": clock.today().isoformat(),
                    **{k: [as_json(x) for x in v] for k, v in vars(agenda).items()
                       if k != "totals"}})
        return
    say(_("Today, {date}").format(date=l10n.long_date(clock.today())), "bold")

    def section(name, title, columns, row, *, empty=None, where="", whole=2) -> None:
        items = getattr(agenda, name)
        table(title, columns, [row(x) for x in items], empty=empty or _("None."),
              total=agenda.totals.get(name, len(items)), more=_see_all(where), whole=whole)

    def promise_row(p: Promise) -> list[str]:
        return [f"#{p.id}", _due(p.due_day, p.due_at), p.customer_name, short(p.text, 50),
                p.staff_name or ""]

    promise_columns = ["", _("due"), _("customer"), _("promise"), _("by")]
    section("overdue_promises", _("Overdue promises — what we said we would do and haven't"),
            promise_columns, promise_row, empty=_("None. Every promise is on time."),
            where="promises")
    section("promises_today", _("Promises due today"), promise_columns, promise_row,
            where="promises")
    section("followups_due", _("Follow-ups due"), ["", _("due"), _("customer"), _("what to do")],
            lambda f: [f"#{f.id}", timefmt.show_day(f.effective_day), f.customer_name,
                       short(f.text, 50)])
    section("keep_in_touch", _("Time to get in touch — at the interval the customer chose"),
            ["", _("customer"), _("last contact"), _("wishes")],
            lambda k: [f"#{k.customer_id}", k.customer_name,
                       timefmt.show_moment(k.last_contact_at) or _("never"), _wishes(k)],
            empty=_("Nobody is waiting to hear from us."), whole=1)
    section("open_complaints", _("Open complaints"),
            ["", _("open for"), _("customer"), _("complaint")],
            lambda c: [f"#{c.id}", age(c.at), c.customer_name, short(c.summary, 50)],
            where="complaints")
    if agenda.waiting_promises:
        section("waiting_promises", _("Promises without a due time, waiting for over a week"),
                ["", _("made"), _("customer"), _("promise")],
                lambda p: [f"#{p.id}", timefmt.show_moment(p.made_at), p.customer_name,
                           short(p.text, 50)])
    section("conversations_today", _("Today's conversations"),
            [_("time"), _("customer"), _("how"), _("summary")],
            lambda c: [l10n.clock(timefmt.local(c.at).time()), c.customer_name,
                       f"{vocab.label('channel', c.channel)}, {vocab.label('kind', c.kind)}",
                       short(c.summary, 50)],
            empty=_('None yet. Log one with: kbm log CUSTOMER "what was said"'), whole=1)
    for line in stats:
        say(line, "dim")


def cmd_customers(args: argparse.Namespace) -> None:
    search = " ".join(args.search)
    with open_store(args) as store:
        rows = store.list_customers(search, sort=args.sort, limit=args.limit,
                                    include_archived=args.all)
        total = store.count_customers(search, include_archived=args.all)
    if args.json:
        print_json([as_json(r) for r in rows])
        return
    table(None, ["", _("name"), _("phone"), _("last contact"), _("open promises"),
                 _("next follow-up")],
          [[f"#{r.id}", _("{name} (archived)").format(name=r.name) if r.archived_at else r.name,
            r.phone or "", timefmt.show_moment(r.last_contact_at), str(r.open_promises or ""),
            timefmt.show_day(r.next_followup_day)] for r in rows],
          empty=(_('No customer matches "{typed}".').format(typed=search) if search else
                 _('No customers yet. Add one with: kbm add "NAME" --phone ...')), whole=3)
    if total > len(rows):
        say(_("Showing {shown} of {total}. Narrow the search or use --limit.").format(
            shown=len(rows), total=total), "dim")


def cmd_promises(args: argparse.Namespace) -> None:
    if args.by_staff and not args.stats:
        raise InputError(_("--by-staff goes with --stats."))
    with open_store(args) as store:
        if args.stats:
            for line in promise_stats_lines(store, by_staff=args.by_staff):
                say(line)
            return
        items = store.promises(status=args.status, limit=500)
    if args.json:
        print_json([as_json(p) for p in items])
        return
    now = clock.now()
    table(_("Promises: {status}").format(status=vocab.label("promise_status", args.status)),
          ["", _("due"), _("customer"), _("promise"), _("by"), ""],
          [[f"#{p.id}", _due(p.due_day, p.due_at), p.customer_name, short(p.text, 50),
            p.staff_name or "", _("OVERDUE") if p.is_overdue(now) else (p.close_note or "")]
           for p in items], empty=_("None."), whole=2)


def cmd_kept(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        p = store.close_promise(args.id, "kept")
    say(_('Promise #{id} to {name} kept: "{text}".').format(
        id=p.id, name=p.customer_name, text=short(p.text)))


def cmd_broken(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        p = store.close_promise(args.id, "broken", args.reason)
    say(_("Promise #{id} to {name} marked broken: {reason}").format(
        id=p.id, name=p.customer_name, reason=p.close_note))


def cmd_done(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        item = store.get_followup(args.id)
        following = store.followup_done(args.id)
    if following:
        say(_("Follow-up #{id} for {name} done. Next one #{next} on {day}.").format(
            id=item.id, name=item.customer_name, next=following.id,
            day=timefmt.show_day(following.due_day, padded=False)))
    elif item.every_days:
        say(_("Follow-up #{id} for {name} done. It repeats no more: the next one would fall "
              "after {year}.").format(id=item.id, name=item.customer_name,
                                      year=validate.LAST_YEAR))
    else:
        say(_("Follow-up #{id} for {name} done.").format(id=item.id, name=item.customer_name))


def cmd_staff(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        if args.action == "add":
            if len(args.names) != 1:
                raise InputError(_('Give one name: kbm staff add "Maria"'))
            say(_("Added {name} to the staff.").format(name=store.add_staff(args.names[0]).name))
        elif args.action == "rename":
            if len(args.names) != 2:
                raise InputError(_("Give the old and the new name: kbm staff rename Owner Frank"))
            person = store.find_staff(args.names[0])
            say(_("{old} is now called {new}.").format(
                old=person.name, new=store.rename_staff(person.id, args.names[1]).name))
        elif args.names:
            raise InputError(_("Use: kbm staff, kbm staff add NAME, or kbm staff rename OLD "
                               "NEW."))
        else:
            table(_("Staff"), ["", _("name"), _("role")],
                  [[f"#{s.id}", s.name, vocab.label("role", s.role)] for s in store.staff()])
