"""`kbm` commands that record something: a conversation (the quick-add), a customer's card,
a promise, a follow-up. Each is one transaction."""

from __future__ import annotations

import argparse
from typing import Any

from kbm_tui.cli.common import open_store, pick_customer, read_when, refuse_if_known, staff_id
from kbm_tui.cli.output import as_json, conversation_line, print_json, say
from kbm_tui.core import clock, vocab
from kbm_tui.core.cardfields import FIELD_WORDS, show_birthday
from kbm_tui.core.errors import AgainstWishes, InputError, KbmError
from kbm_tui.core.i18n import _
from kbm_tui.core.money import parse_amount
from kbm_tui.core.records import Contact, ContactDraft, Customer
from kbm_tui.core.text import due_text, every_text, short
from kbm_tui.core.when import parse_days
from kbm_tui.store import Store


def _record(store: Store, draft: ContactDraft, anyway: bool) -> Contact:
    try:
        return store.record_contact(draft, anyway=anyway)
    except AgainstWishes as exc:
        raise KbmError(_("{refusal} Add --anyway to go ahead; it will be noted.").format(
            refusal=exc.message)) from None


def _due(day, at) -> str:
    return due_text(day, at, undated=_("open-ended"))


def cmd_log(args: argparse.Namespace) -> None:
    if args.due and not args.promise:
        raise InputError(_('--due belongs to a promise: add --promise "what you promised".'))
    amount = parse_amount(args.amount) if args.amount is not None else None
    channel = vocab.word("channel", args.via) if args.via is not None else None
    kind = vocab.word("kind", args.kind) if args.kind is not None else None
    at = read_when(args.at, allow_past=True, what="--at") if args.at else None
    promise_due = read_when(args.due, what="--due") if args.due else None
    follow_due = read_when(args.follow_up[0], what="--follow-up") if args.follow_up else None
    if at is not None and at.moment(clock.local_tz()) is None:
        at = type(at)(at.day, clock.now().time().replace(second=0, microsecond=0))
    moment = at.moment(clock.local_tz()) if at else None
    if at is not None and moment is not None and moment > clock.now():
        raise InputError(_("--at: {when} is in the future; a conversation has happened.").format(
            when=at.describe()))
    with open_store(args) as store, store.transaction():
        customer, created = pick_customer(store, args.customer, create=args.new,
                                          anyway=args.anyway)
        done = _record(store, ContactDraft(
            customer.id, args.summary, channel=channel, direction=args.direction,
            kind=kind, staff_id=staff_id(store, args.by), at=moment, amount_cents=amount,
            promise=args.promise, promise_due=promise_due,
            followup=args.follow_up[1] if args.follow_up else None, followup_due=follow_due),
            args.anyway)
    conv, promise, followup = done.conversation, done.promise, done.followup
    assert conv is not None
    if args.json:
        print_json({"customer": as_json(customer), "conversation": as_json(conv),
                    "promise": as_json(promise) if promise else None,
                    "followup": as_json(followup) if followup else None})
        return
    logged = (_('Logged for new customer {name} (#{id}): "{summary}" ({how}).') if created
              else _('Logged for {name} (#{id}): "{summary}" ({how}).'))
    parts = [logged.format(name=customer.name, id=customer.id, summary=short(conv.summary),
                           how=conversation_line(conv))]
    if done.against_wishes:
        parts.append(_("Noted as against the customer's wishes."))
    if promise:
        undated = promise.due_day is None and promise.due_at is None
        parts.append((_("Promise #{id} due open-ended.") if undated else
                      _("Promise #{id} due {when}.")).format(
            id=promise.id, when=_due(promise.due_day, promise.due_at)))
    if followup:
        parts.append(_("Follow-up #{id} {when}.").format(
            id=followup.id, when=_due(followup.due_day, followup.due_at)))
    say(" ".join(parts))


def _card_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields = {}
    for name in ("phone", "email", "address"):
        if getattr(args, name) is not None:
            fields[name] = getattr(args, name)
    if args.note is not None:
        fields["notes"] = args.note
    if args.tag is not None:
        fields["tags"] = args.tag
    if args.org is not None:
        fields["organization"] = args.org
    if args.birthday is not None:
        fields["birthday"] = args.birthday
    if args.more is not None:
        fields["more_contacts"] = "\n".join(args.more)
    return fields


def _print_card(customer: Customer, as_json_too: bool, done: str) -> None:
    """ "Added customer #1 Anna Schmidt (0171 2345678)." and the like; `done` is one of
    "added", "updated", "archived"."""
    if as_json_too:
        print_json(as_json(customer))
        return
    details = ", ".join(x for x in (customer.phone, customer.email, customer.tags) if x)
    if done == "added":
        line = (_("Added customer #{id} {name} ({details}).") if details
                else _("Added customer #{id} {name}."))
    elif done == "archived":
        line = (_("Archived customer #{id} {name} ({details}).") if details
                else _("Archived customer #{id} {name}."))
    else:
        line = (_("Updated customer #{id} {name} ({details}).") if details
                else _("Updated customer #{id} {name}."))
    say(line.format(id=customer.id, name=customer.name, details=details))


def cmd_add(args: argparse.Namespace) -> None:
    fields = _card_fields(args)
    with open_store(args) as store, store.transaction():
        if not args.anyway:
            refuse_if_known(store, args.name, fields, f'kbm add "{args.name}" ... --anyway')
        customer = store.add_customer(args.name, **fields)
    _print_card(customer, args.json, "added")


def cmd_edit(args: argparse.Namespace) -> None:
    fields = _card_fields(args)
    if args.name is not None:
        fields["name"] = args.name
    if not fields and not args.archive and not args.unarchive:
        raise InputError(_("Nothing to change. Give at least one of --name, --phone, --email, "
                           "--address, --tag, --note, --org, --birthday, --more, --archive, "
                           "--unarchive."))
    with open_store(args) as store, store.transaction():
        customer, _created = pick_customer(store, args.customer)
        before = customer
        if fields:
            customer = store.update_customer(customer.id, **fields)
        if args.archive or args.unarchive:
            customer = store.set_archived(customer.id, archived=args.archive)
    if args.json or args.archive or args.unarchive:
        _print_card(customer, args.json, "archived" if args.archive else "updated")
        if args.json or not fields:
            return
    changes = _changes(before, customer, list(fields))
    if changes:
        say(_("Changed #{id} {name}: {changes}.").format(id=customer.id, name=customer.name,
                                                        changes=changes))
    elif not (args.archive or args.unarchive):
        say(_("#{id} {name}: nothing changed, the card already says that.").format(
            id=customer.id, name=customer.name))


def _changes(before: Customer, after: Customer, fields: list[str]) -> str:
    """ "phone 030 123, birthday 14 March, email emptied": what an edit changed."""
    parts = []
    for field in fields:
        was, now = getattr(before, field), getattr(after, field)
        if was == now:
            continue
        word = _(FIELD_WORDS[field])
        if not now:
            parts.append(_("{field} emptied").format(field=word))
            continue
        shown = show_birthday(now) if field == "birthday" else "; ".join(now.splitlines())
        parts.append(f"{word} {short(shown, 50)}")
    return ", ".join(parts)


def cmd_promise(args: argparse.Namespace) -> None:
    due = read_when(args.due, what="--due") if args.due else None
    with open_store(args) as store, store.transaction():
        customer, _created = pick_customer(store, args.customer)
        promise = _record(store, ContactDraft(customer.id, promise=args.text, promise_due=due,
                                              staff_id=staff_id(store, args.by)), False).promise
    assert promise is not None
    undated = promise.due_day is None and promise.due_at is None
    say((_('Promise #{id} to {name}: "{text}", due open-ended.') if undated else
         _('Promise #{id} to {name}: "{text}", due {when}.')).format(
        id=promise.id, name=customer.name, text=short(promise.text),
        when=_due(promise.due_day, promise.due_at)))


def cmd_remind(args: argparse.Namespace) -> None:
    due = read_when(args.on, what="--on")
    every = parse_days(args.every) if args.every else None
    with open_store(args) as store, store.transaction():
        customer, _created = pick_customer(store, args.customer)
        item = _record(store, ContactDraft(customer.id, followup=args.text, followup_due=due,
                                           followup_every=every,
                                           staff_id=staff_id(store, args.by)),
                       args.anyway).followup
    assert item is not None
    if every:
        # Translators: {every} is a rhythm such as "every 4 weeks", "every 10 days"
        line = _('Follow-up #{id} for {name}: "{text}", {when}, then {every}.')
    else:
        line = _('Follow-up #{id} for {name}: "{text}", {when}.')
    say(line.format(id=item.id, name=customer.name, text=short(item.text),
                    when=_due(item.due_day, item.due_at),
                    every=every_text(every) if every else ""))
