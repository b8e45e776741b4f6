"""`kbm import`, `kbm duplicates`, `kbm merge`, `kbm calendar` and `kbm export --vcard`:
moving customers in and out, without duplicates. The heavy readers (vobject, openpyxl,
icalendar, rapidfuzz, phonenumbers) are imported here only, never on the `kbm log` path."""

from __future__ import annotations

import argparse
from pathlib import Path

from kbm_tui.cli.common import open_store, pick_customer
from kbm_tui.cli.output import say, table
from kbm_tui.core import likeness
from kbm_tui.core.errors import InputError, KbmError
from kbm_tui.core.i18n import N_, _, n_
from kbm_tui.core.timefmt import show_moment
from kbm_tui.moving.summary import plan_summary
from kbm_tui.store import ImportPlan, Store

SHOWN = 20  # rows of each part of an import's preview


def cmd_import(args: argparse.Namespace) -> None:
    if args.undo is not None:
        if args.file:
            raise InputError(_("--undo takes back an import; give no file with it "
                               "(kbm import --undo, or kbm import --undo 3 for import #3)."))
        return _undo(args)
    if args.list:
        return _list_imports(args)
    if not args.file:
        raise InputError(_("Which file? kbm import contacts.vcf (or a .csv or .xlsx file)."))
    from kbm_tui.moving.columns import field_word, parse_map
    from kbm_tui.moving.read import load

    path = Path(args.file).expanduser()
    loaded = load(path, parse_map(args.map))
    if not loaded.cards:
        raise KbmError(_("{file}: there is nobody in it (only the title row). Nothing was "
                         "imported.").format(file=path.name))
    say(n_("{file}: {format}, {n} card.", "{file}: {format}, {n} cards.",
           len(loaded.cards)).format(file=path.name, format=loaded.format_name,
                                     n=len(loaded.cards)))
    if loaded.columns:
        say(_("Columns used: {columns}").format(columns=", ".join(
            f"{title} → {field_word(field)}" for title, field in loaded.columns.items())))
    if loaded.unused:
        say(_("Columns left out: {columns}").format(columns=", ".join(loaded.unused)))
    from kbm_tui.cli.progress import bar

    with open_store(args) as store, bar(_("Importing")) as shown:
        def progress(done: int, total: int) -> None:
            shown(_("cards"), done, total)

        if args.dry_run:
            plan, batch = store.plan_import(loaded.cards, loaded.rejected, progress), None
        else:
            plan, batch = store.import_cards(loaded.cards, loaded.rejected,
                                             file_name=path.name, file_format=loaded.format,
                                             progress=progress)
    _preview(plan)
    if args.dry_run:
        say(_("This was a preview: nothing was imported. Leave out --dry-run to import."))
        return
    if batch is None:
        if plan.rejected and not plan.of("known") and not plan.of("in_file"):
            raise KbmError(_("{file}: no card could be imported (see the lines above). "
                             "Nothing was imported.").format(file=path.name))
        say(_("Nothing new: every card is here already."))
        return
    say(_("Imported as import #{id}: {added} added, {filled} completed. "
          "Undo with: kbm import --undo {id}").format(
        id=batch.id, added=batch.added, filled=batch.filled))


def _preview(plan: ImportPlan) -> None:
    say(plan_summary(plan))
    filled = plan.of("fill")
    if filled:
        table(_("Already here: what they get"), [_("where"), _("customer"), _("why"),
                                                 _("adds")],
              [[p.card.where, f"#{p.customer_id} {p.customer_name}",
                likeness.reason_text(p.reasons),
                ", ".join(_field(f) for f in p.fills if f != "source_key")]
               for p in filled[:SHOWN]], total=len(filled))
    twice = plan.of("in_file")
    if twice:
        table(_("Twice in the file (made one card)"), [_("where"), _("name"), _("same as")],
              [[p.card.where, p.values["name"] or "", p.joins] for p in twice[:SHOWN]],
              total=len(twice))
    maybe = plan.maybe
    if maybe:
        table(_("Maybe here already (added; check with kbm duplicates)"),
              [_("where"), _("name"), _("maybe the same as"), _("why")],
              [[p.card.where, p.values["name"] or "", f"#{p.maybe[0][0]} {p.maybe[0][1]}",
                likeness.reason_text(p.maybe[0][2])] for p in maybe[:SHOWN]],
              total=len(maybe))
    if plan.rejected:
        table(_("Left out"), [_("where"), _("why")],
              [[r.where, r.reason] for r in plan.rejected[:SHOWN]], total=len(plan.rejected))


_FIELD_WORDS = {"phone": N_("phone"), "email": N_("email"), "address": N_("address"),
                "notes": N_("notes"), "organization": N_("organisation"),
                "birthday": N_("birthday"), "more_contacts": N_("more contacts"),
                "tags": N_("tags")}


def _field(name: str) -> str:
    return _(_FIELD_WORDS[name]) if name in _FIELD_WORDS else name


def _undo(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        done = store.undo_import(args.undo or None)
    batch = done.batch
    say(_("Import #{id} ({file}, {when}) taken back: {removed} removed, {restored} "
          "restored.").format(id=batch.id, file=batch.file_name, when=show_moment(batch.at),
                              removed=done.removed, restored=done.restored))
    if done.kept:
        say(n_("{n} customer stays because they were used since:",
               "{n} customers stay because they were used since:", len(done.kept)).format(
            n=len(done.kept)))
        for cid, name, why in done.kept:
            say(f"  #{cid} {name}: {why}")


def _list_imports(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        batches = store.imports()
    table(_("Imports"), ["#", _("when"), _("file"), _("added"), _("completed"), _("undone")],
          [[str(b.id), show_moment(b.at), b.file_name, str(b.added), str(b.filled),
            show_moment(b.undone_at) if b.undone_at else ""] for b in batches],
          empty=_("No imports yet."))


def cmd_duplicates(args: argparse.Namespace) -> None:
    with open_store(args) as store:
        pairs = store.duplicate_pairs()
    limit = None if args.all else args.limit
    shown = pairs[:limit] if limit else pairs
    table(_("Customers who may be one person"),
          [_("first"), _("second"), _("how sure"), _("why")],
          [[f"#{p.first.id} {p.first.name}", f"#{p.second.id} {p.second.name}",
            _("same person") if p.level == likeness.SAME else _("maybe"),
            likeness.reason_text(p.reasons)] for p in shown],
          empty=_("No duplicates found."), total=len(pairs),
          more=_(" (kbm duplicates --all)"))
    if shown:
        say(_('Make two one with: kbm merge "#{a}" "#{b}" (the first keeps its number).').format(
            a=shown[0].first.id, b=shown[0].second.id))


# --take understands the fields' German names too.
TAKE_WORDS = {"telefon": "phone", "e-mail": "email", "mail": "email", "adresse": "address",
              "firma": "organization", "organisation": "organization",
              "geburtstag": "birthday", "notizen": "notes", "notiz": "notes",
              "schlagwörter": "tags", "kategorien": "tags", "weitere": "more_contacts",
              "kanal": "pref_channel"}


def cmd_merge(args: argparse.Namespace) -> None:
    from kbm_tui.store import MERGE_FIELDS

    if args.undo:
        if len(args.customers) != 1:
            raise InputError(_('--undo takes back the latest merge into one customer: '
                               'kbm merge --undo "#12".'))
        with open_store(args) as store, store.transaction():
            kept, _created = pick_customer(store, args.customers[0])
            merge, back = store.undo_merge(kept_id=kept.id)
        say(_("Merge undone: {name} (#{id}) has their own card again, with what was "
              "theirs.").format(name=back.name, id=back.id))
        return
    if len(args.customers) != 2:
        raise InputError(_('Name two customers: the one to keep, then the other: '
                           'kbm merge "#12" "#31".'))
    take = frozenset(TAKE_WORDS.get(w.strip().lower(), w.strip().lower())
                     for part in args.take or [] for w in part.split(",") if w.strip())
    unknown = take - set(MERGE_FIELDS)
    if unknown:
        raise InputError(_("--take {fields}: choose from {choices}.").format(
            fields=", ".join(sorted(unknown)), choices=", ".join(MERGE_FIELDS)))
    with open_store(args) as store, store.transaction():
        keep, _k = pick_customer(store, args.customers[0])
        other, _o = pick_customer(store, args.customers[1])
        merge = store.merge_customers(keep.id, other.id, take=take)
        card = store.get_customer(keep.id)
    moved = merge.moved
    talks, promises, followups = (moved.get(t, 0) for t in ("conversation", "promise",
                                                              "followup"))
    came = ", ".join((
        n_("{n} conversation", "{n} conversations", talks).format(n=talks),
        n_("{n} promise", "{n} promises", promises).format(n=promises),
        n_("{n} follow-up", "{n} follow-ups", followups).format(n=followups)))
    say(_("{other} (#{other_id}) is now part of {name} (#{id}); came over: {came}. Undo with: "
          'kbm merge --undo "#{id}"').format(other=other.name, other_id=other.id,
                                             name=card.name, id=card.id, came=came))


def cmd_calendar(args: argparse.Namespace) -> None:
    from kbm_tui.moving.out import calendar_file

    target = Path(args.path).expanduser()
    with open_store(args) as store:
        written = calendar_file(store, target, todo=args.todo)
    promises = n_("{n} promise", "{n} promises", written.promises).format(n=written.promises)
    followups = n_("{n} follow-up", "{n} follow-ups", written.followups).format(
        n=written.followups)
    say(_("Wrote {file}: {promises} and {followups}, each with a reminder.").format(
        file=target, promises=promises, followups=followups))
    if written.open_ended:
        say(n_("{n} promise without a due time is not in it (nothing to remind of).",
               "{n} promises without a due time are not in it (nothing to remind of).",
               written.open_ended).format(n=written.open_ended))
    say(_("Open it on the phone or import it into its calendar; a newer file updates the "
          "same entries."))


def export_vcard(args: argparse.Namespace, store: Store) -> None:
    from kbm_tui.moving.out import vcard_file

    target = Path(args.vcard).expanduser()
    count = vcard_file(store, target, args.search or "", include_archived=args.all)
    say(n_("Wrote {n} card to {file} (vCard 4.0: phones, Google Contacts and Thunderbird "
           "import it).", "Wrote {n} cards to {file} (vCard 4.0: phones, Google Contacts and "
           "Thunderbird import it).", count).format(n=count, file=target))
