"""`kbm` commands that show: the day, customers, promises; and marking promises and
follow-ups kept, broken or done; the staff."""

from __future__ import annotations

import argparse

from kbm_tui.cli.care import promise_stats_lines
from kbm_tui.cli.common import open_store
from kbm_tui.cli.output import as_json, print_json, say, table
from kbm_tui.core import clock, timefmt, vocab
from kbm_tui.core.errors import InputError
from kbm_tui.core.records import Promise
from kbm_tui.core.text import age, due_text, short


def _due(day, at) -> str:
    return due_text(day, at, undated="open-ended")


def cmd_today(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        agenda = store.agenda(limit=None if (args.all or args.json) else 25)
        stats = promise_stats_lines(store)
    if args.json:
        print_json({"date": clock.today().isoformat(),
                    **{k: [as_json(x) for x in v] for k, v in vars(agenda).items()
                       if k != "totals"}})
        return
    say(f"Today, {clock.now():%A %d %B %Y}", "bold")

    def section(name, title, columns, row, *, empty="None.", where="") -> None:
        items = getattr(agenda, name)
        table(title, columns, [row(x) for x in items], empty=empty,
              total=agenda.totals.get(name, len(items)),
              more=where + " — kbm today --all shows all")

    def promise_row(p: Promise) -> list[str]:
        return [f"#{p.id}", _due(p.due_day, p.due_at), p.customer_name, short(p.text, 50),
                p.staff_name or ""]

    section("overdue_promises", "Overdue promises — what we said we would do and haven't",
            ["", "due", "customer", "promise", "by"], promise_row,
            empty="None. Every promise is on time.", where=" (kbm promises)")
    section("promises_today", "Promises due today", ["", "due", "customer", "promise", "by"],
            promise_row, where=" (kbm promises)")
    section("followups_due", "Follow-ups due", ["", "due", "customer", "what to do"],
            lambda f: [f"#{f.id}", timefmt.show_day(f.effective_day), f.customer_name,
                       short(f.text, 50)])
    section("keep_in_touch", "Time to get in touch — at the interval the customer chose",
            ["", "customer", "last contact", "wishes"],
            lambda k: [f"#{k.customer_id}", k.customer_name,
                       timefmt.show_moment(k.last_contact_at) or "never",
                       f"every {k.contact_every_days} days"
                       + (f", by {vocab.CHANNEL_LABELS[k.pref_channel]}" if k.pref_channel else "")
                       + (f", with {k.pref_staff_name}" if k.pref_staff_name else "")],
            empty="Nobody is waiting to hear from us.")
    section("open_complaints", "Open complaints", ["", "open for", "customer", "complaint"],
            lambda c: [f"#{c.id}", age(c.at), c.customer_name, short(c.summary, 50)],
            where=" (kbm complaints)")
    if agenda.waiting_promises:
        section("waiting_promises", "Promises without a due time, waiting for over a week",
                ["", "made", "customer", "promise"],
                lambda p: [f"#{p.id}", timefmt.show_moment(p.made_at), p.customer_name,
                           short(p.text, 50)])
    section("conversations_today", "Today's conversations",
            ["time", "customer", "how", "summary"],
            lambda c: [timefmt.local(c.at).strftime("%H:%M"), c.customer_name,
                       f"{vocab.CHANNEL_LABELS[c.channel]}, {vocab.KIND_LABELS[c.kind]}",
                       short(c.summary, 50)],
            empty='None yet. Log one with: kbm log CUSTOMER "what was said"')
    for line in stats:
        say(line, "dim")


def cmd_customers(args: argparse.Namespace) -> None:
    search = " ".join(args.search)
    if args.limit < 1:
        raise InputError("--limit must be at least 1.")
    with open_store(args) as store:
        rows = store.list_customers(search, sort=args.sort, limit=args.limit,
                                    include_archived=args.all)
        total = store.count_customers(search, include_archived=args.all)
    if args.json:
        print_json([as_json(r) for r in rows])
        return
    table(None, ["", "name", "phone", "last contact", "open promises", "next follow-up"],
          [[f"#{r.id}", r.name + (" (archived)" if r.archived_at else ""), r.phone or "",
            timefmt.show_moment(r.last_contact_at), str(r.open_promises or ""),
            timefmt.show_day(r.next_followup_day)] for r in rows],
          empty=(f'No customer matches "{search}".' if search else
                 'No customers yet. Add one with: kbm add "NAME" --phone ...'))
    if total > len(rows):
        say(f"Showing {len(rows)} of {total}. Narrow the search or use --limit.", "dim")


def cmd_promises(args: argparse.Namespace) -> None:
    if args.by_staff and not args.stats:
        raise InputError("--by-staff goes with --stats.")
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
    table(f"Promises: {args.status}", ["", "due", "customer", "promise", "by", ""],
          [[f"#{p.id}", _due(p.due_day, p.due_at), p.customer_name, short(p.text, 50),
            p.staff_name or "", "OVERDUE" if p.is_overdue(now) else (p.close_note or "")]
           for p in items], empty="None.")


def cmd_kept(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        p = store.close_promise(args.id, "kept")
    say(f'Promise #{p.id} to {p.customer_name} kept: "{short(p.text)}".')


def cmd_broken(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        p = store.close_promise(args.id, "broken", args.reason)
    say(f'Promise #{p.id} to {p.customer_name} marked broken: {p.close_note}')


def cmd_done(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        item = store.get_followup(args.id)
        following = store.followup_done(args.id)
    again = (f" Next one #{following.id} on {timefmt.show_day(following.due_day)}."
             if following else "")
    say(f'Follow-up #{item.id} for {item.customer_name} done.{again}')


def cmd_staff(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        if args.action == "add":
            if len(args.names) != 1:
                raise InputError('Give one name: kbm staff add "Maria"')
            say(f"Added {store.add_staff(args.names[0]).name} to the staff.")
        elif args.action == "rename":
            if len(args.names) != 2:
                raise InputError("Give the old and the new name: kbm staff rename Owner Frank")
            person = store.find_staff(args.names[0])
            say(f"{person.name} is now called {store.rename_staff(person.id, args.names[1]).name}.")
        elif args.names:
            raise InputError("Use: kbm staff, kbm staff add NAME, or kbm staff rename OLD NEW.")
        else:
            table("Staff", ["", "name", "role"],
                  [[f"#{s.id}", s.name, s.role] for s in store.staff()])
