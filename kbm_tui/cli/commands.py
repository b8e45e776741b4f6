"""What each `kbm` command does. Every command that writes is one transaction."""

from __future__ import annotations

import re

from kbm_tui.core import clock, timefmt, vocab
from kbm_tui.cli.care import age as _age, check_wishes, promise_stats_lines
from kbm_tui.cli.output import as_json, conversation_line, due_text, print_json, say, table
from kbm_tui.core.errors import Ambiguous, InputError, KbmError, NotFound
from kbm_tui.core.money import parse_amount
from kbm_tui.store import Store


def _store(args) -> Store:
    return Store.open(getattr(args, "db", None))


def _when(text: str, *, allow_past: bool = False, what: str = "due time"):
    from kbm_tui.core.when import WhenError, parse_when

    try:
        return parse_when(text, allow_past=allow_past)
    except WhenError as exc:
        raise InputError(f"{what}: {exc}") from None


def _customer(store: Store, typed: str, *, create: bool = False):
    """The one customer meant, or a message listing candidates / suggesting --new."""
    if create:
        return store.add_customer(typed), True
    try:
        return store.match_customer(typed), False
    except NotFound:
        raise KbmError(f'No customer matches "{typed.strip()}". Check the spelling, or create '
                       f'them by adding --new (kbm log "{typed.strip()}" ... --new).') from None
    except Ambiguous as exc:
        lines = [f'"{typed.strip()}" matches more than one customer:']
        for c in exc.candidates[:10]:
            extra = "  ".join(x for x in (c.phone, c.email) if x)
            archived = " (archived)" if c.archived_at else ""
            lines.append(f"  #{c.id:<6} {c.name}{archived}  {extra}")
        if len(exc.candidates) > 10:
            lines.append(f"  ... and {len(exc.candidates) - 10} more")
        lines.append('Type more of the name, a phone number, or the number like "#12".')
        raise KbmError("\n".join(lines)) from None


def _staff_id(store: Store, typed: str | None) -> int | None:
    return store.find_staff(typed).id if typed else None


def parse_days(text: str) -> int:
    """14, 14d, 2w, 4 weeks, 2 Wochen -> days."""
    match = re.fullmatch(r"\s*(\d{1,4})\s*([a-zA-Z]*)\s*", text or "")
    unit = match.group(2).lower() if match else ""
    factor = 1 if unit in ("", "d", "day", "days", "t", "tag", "tage") else (
        7 if unit in ("w", "week", "weeks", "wo", "woche", "wochen") else 0)
    if not match or not factor or not 1 <= int(match.group(1)) * factor <= 3650:
        raise InputError(f'"{text}" is not a number of days. Write it like 14, 2w or 4w '
                         "(at most 3650 days).", field="every")
    return int(match.group(1)) * factor


def _start(due):
    """The moment a planned contact happens: its time, or the start of its day."""
    from datetime import datetime, time

    tz = clock.local_tz()
    return due.moment(tz) or datetime.combine(due.day, time(0), tzinfo=tz)


def cmd_log(args) -> None:
    if args.due and not args.promise:
        raise InputError('--due belongs to a promise: add --promise "what you promised".')
    amount = parse_amount(args.amount) if args.amount is not None else None
    at = _when(args.at, allow_past=True, what="--at") if args.at else None
    promise_due = _when(args.due, what="--due") if args.due else None
    follow_due = _when(args.follow_up[0], what="--follow-up") if args.follow_up else None
    if at is not None and at.moment(clock.local_tz()) is None:
        at = type(at)(at.day, clock.now().time().replace(second=0, microsecond=0))
    moment = at.moment(clock.local_tz()) if at else None
    if moment is not None and moment > clock.now():
        raise InputError(f"--at: {at.describe()} is in the future; a conversation has happened.")
    with _store(args) as store, store.transaction():
        customer, created = _customer(store, args.customer, create=args.new)
        staff_id = _staff_id(store, args.by)
        against = None
        if args.direction == "out":
            against = check_wishes(store, customer.id, anyway=args.anyway,
                                   channel=args.via or "store",
                                   staff_id=staff_id or store.owner().id, when=moment)
        conv = store.log_conversation(
            customer.id, args.summary, channel=args.via, direction=args.direction,
            kind=args.kind, staff_id=staff_id, at=moment, amount_cents=amount,
            against_wishes=against)
        promise = followup = None
        if args.promise:
            promise = store.make_promise(customer.id, args.promise, promise_due,
                                         staff_id=staff_id, conversation_id=conv.id)
        if args.follow_up:
            planned_against = check_wishes(store, customer.id, anyway=args.anyway,
                                           staff_id=staff_id, when=_start(follow_due))
            followup = store.plan_followup(customer.id, args.follow_up[1], follow_due,
                                           staff_id=staff_id, against_wishes=planned_against)
    if args.json:
        print_json({"customer": as_json(customer), "conversation": as_json(conv),
                    "promise": as_json(promise) if promise else None,
                    "followup": as_json(followup) if followup else None})
        return
    new = "new customer " if created else ""
    parts = [f'Logged for {new}{customer.name} (#{customer.id}): "{_short(conv.summary)}" '
             f"({conversation_line(conv)})."]
    if conv.against_wishes or (followup and followup.against_wishes):
        parts.append("Noted as against the customer's wishes.")
    if promise:
        parts.append(f"Promise #{promise.id} due {due_text(promise.due_day, promise.due_at)}.")
    if followup:
        parts.append(f"Follow-up #{followup.id} {due_text(followup.due_day, followup.due_at)}.")
    say(" ".join(parts))


def _short(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _card_fields(args) -> dict:
    fields = {}
    for name in ("phone", "email", "address"):
        if getattr(args, name) is not None:
            fields[name] = getattr(args, name)
    if args.note is not None:
        fields["notes"] = args.note
    if args.tag is not None:
        fields["tags"] = args.tag
    return fields


def _print_card(customer, as_json_too: bool, verb: str) -> None:
    if as_json_too:
        print_json(as_json(customer))
        return
    details = ", ".join(x for x in (customer.phone, customer.email, customer.tags) if x)
    say(f"{verb} customer #{customer.id} {customer.name}" + (f" ({details})." if details else "."))


def cmd_add(args) -> None:
    with _store(args) as store:
        customer = store.add_customer(args.name, **_card_fields(args))
    _print_card(customer, args.json, "Added")


def cmd_edit(args) -> None:
    fields = _card_fields(args)
    if args.name is not None:
        fields["name"] = args.name
    if not fields and not args.archive and not args.unarchive:
        raise InputError("Nothing to change. Give at least one of --name, --phone, --email, "
                         "--address, --tag, --note, --archive, --unarchive.")
    with _store(args) as store, store.transaction():
        customer, _ = _customer(store, args.customer)
        if fields:
            customer = store.update_customer(customer.id, **fields)
        if args.archive or args.unarchive:
            customer = store.set_archived(customer.id, archived=args.archive)
    _print_card(customer, args.json, "Archived" if args.archive else "Updated")


def cmd_promise(args) -> None:
    due = _when(args.due, what="--due") if args.due else None
    with _store(args) as store, store.transaction():
        customer, _ = _customer(store, args.customer)
        promise = store.make_promise(customer.id, args.text, due,
                                     staff_id=_staff_id(store, args.by))
    say(f'Promise #{promise.id} to {customer.name}: "{_short(promise.text)}", '
        f"due {due_text(promise.due_day, promise.due_at)}.")


def cmd_remind(args) -> None:
    due = _when(args.on, what="--on")
    every = parse_days(args.every) if args.every else None
    with _store(args) as store, store.transaction():
        customer, _ = _customer(store, args.customer)
        staff_id = _staff_id(store, args.by)
        against = check_wishes(store, customer.id, anyway=args.anyway, staff_id=staff_id,
                               when=_start(due))
        item = store.plan_followup(customer.id, args.text, due, every_days=every,
                                   staff_id=staff_id, against_wishes=against)
    repeat = f", then every {every} days" if every else ""
    say(f'Follow-up #{item.id} for {customer.name}: "{_short(item.text)}", '
        f"{due_text(item.due_day, item.due_at)}{repeat}.")


def cmd_today(args) -> None:
    with _store(args) as store:
        agenda = store.agenda(limit=None if (args.all or args.json) else 25)
        stats = promise_stats_lines(store)
    if args.json:
        print_json({"date": clock.today().isoformat(),
                    **{k: [as_json(x) for x in v] for k, v in vars(agenda).items()
                       if k != "totals"}})
        return
    say(f"Today, {clock.now():%A %d %B %Y}", "bold")

    def section(name, title, columns, row, *, empty="None.", where=""):
        items = getattr(agenda, name)
        table(title, columns, [row(x) for x in items], empty=empty,
              total=agenda.totals.get(name, len(items)),
              more=where + " — kbm today --all shows all")

    def promise_row(p):
        return [f"#{p.id}", due_text(p.due_day, p.due_at), p.customer_name, _short(p.text, 50),
                p.staff_name or ""]

    section("overdue_promises", "Overdue promises — what we said we would do and haven't",
            ["", "due", "customer", "promise", "by"], promise_row,
            empty="None. Every promise is on time.", where=" (kbm promises)")
    section("promises_today", "Promises due today", ["", "due", "customer", "promise", "by"],
            promise_row, where=" (kbm promises)")
    section("followups_due", "Follow-ups due", ["", "due", "customer", "what to do"],
            lambda f: [f"#{f.id}", timefmt.show_day(f.effective_day), f.customer_name,
                       _short(f.text, 50)])
    section("keep_in_touch", "Time to get in touch — at the interval the customer chose",
            ["", "customer", "last contact", "wishes"],
            lambda k: [f"#{k.customer_id}", k.customer_name,
                       timefmt.show_moment(k.last_contact_at) or "never",
                       f"every {k.contact_every_days} days"
                       + (f", by {vocab.CHANNEL_LABELS[k.pref_channel]}" if k.pref_channel else "")
                       + (f", with {k.pref_staff_name}" if k.pref_staff_name else "")],
            empty="Nobody is waiting to hear from us.")
    section("open_complaints", "Open complaints", ["", "open for", "customer", "complaint"],
            lambda c: [f"#{c.id}", _age(c.at), c.customer_name, _short(c.summary, 50)],
            where=" (kbm complaints)")
    if agenda.waiting_promises:
        section("waiting_promises", "Promises without a due time, waiting for over a week",
                ["", "made", "customer", "promise"],
                lambda p: [f"#{p.id}", timefmt.show_moment(p.made_at), p.customer_name,
                           _short(p.text, 50)])
    section("conversations_today", "Today's conversations",
            ["time", "customer", "how", "summary"],
            lambda c: [timefmt.local(c.at).strftime("%H:%M"), c.customer_name,
                       f"{vocab.CHANNEL_LABELS[c.channel]}, {vocab.KIND_LABELS[c.kind]}",
                       _short(c.summary, 50)],
            empty='None yet. Log one with: kbm log CUSTOMER "what was said"')
    for line in stats:
        say(line, "dim")


def cmd_customers(args) -> None:
    search = " ".join(args.search)
    if args.limit < 1:
        raise InputError("--limit must be at least 1.")
    with _store(args) as store:
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


def cmd_promises(args) -> None:
    if args.by_staff and not args.stats:
        raise InputError("--by-staff goes with --stats.")
    with _store(args) as store:
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
          [[f"#{p.id}", due_text(p.due_day, p.due_at), p.customer_name, _short(p.text, 50),
            p.staff_name or "", "OVERDUE" if p.is_overdue(now) else (p.close_note or "")]
           for p in items], empty="None.")


def cmd_kept(args) -> None:
    with _store(args) as store:
        p = store.close_promise(args.id, "kept")
    say(f'Promise #{p.id} to {p.customer_name} kept: "{_short(p.text)}".')


def cmd_broken(args) -> None:
    with _store(args) as store:
        p = store.close_promise(args.id, "broken", args.reason)
    say(f'Promise #{p.id} to {p.customer_name} marked broken: {p.close_note}')


def cmd_done(args) -> None:
    with _store(args) as store:
        item = store.get_followup(args.id)
        following = store.followup_done(args.id)
    again = f" Next one #{following.id} on {timefmt.show_day(following.due_day)}." if following else ""
    say(f'Follow-up #{item.id} for {item.customer_name} done.{again}')


def cmd_staff(args) -> None:
    with _store(args) as store:
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
