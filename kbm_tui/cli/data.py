"""`kbm` commands about the data as a whole: backups, restores, safety copies, the demo
shop, and one customer's data (export, forget)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kbm_tui.cli.common import open_store, pick_customer, told
from kbm_tui.cli.output import say, table
from kbm_tui.core import clock, l10n
from kbm_tui.core.errors import InputError, KbmError
from kbm_tui.core.i18n import _
from kbm_tui.core.text import counts_text, printable


def cmd_demo(args: argparse.Namespace) -> None:
    from kbm_tui.cli.progress import bar
    from kbm_tui.demo import shop as demo

    if args.customers < 1 or (args.conversations is not None and args.conversations < 0):
        raise InputError(_("--customers must be at least 1 and --conversations not negative."))
    with open_store(args) as store:
        if store.holds_data():
            raise InputError(_("{path} already holds data. The demo goes into a new database: "
                               "give one with --db demo.sqlite3").format(path=store.shown))
        with bar(_("Generating")) as progress:
            counts = demo.generate(store, customers=args.customers,
                                   conversations=args.conversations, seed=args.seed,
                                   progress=progress)
    say(_("Demo shop written to {where}: {counts}. Open it with: kbm --db {target}").format(
        where=store.shown, target=store.opens_with, counts=counts_text(counts)))


def cmd_export(args: argparse.Namespace) -> None:
    from kbm_tui.backup import export as backup
    from kbm_tui.cli.progress import bar

    if args.vcard:
        if args.path:
            raise InputError(_("--vcard names the file itself: kbm export --vcard "
                               "kunden.vcf (without a second path)."))
        from kbm_tui.cli.moving import export_vcard

        with open_store(args) as store:
            export_vcard(args, store)
        return
    if args.search or args.all:
        raise InputError(_("--search and --all belong to --vcard: kbm export --vcard "
                           'kunden.vcf --search "leipzig".'))
    target = Path(args.path).expanduser() if args.path else backup.default_name()
    if target.is_dir():
        target = backup.default_name(target)
    if target.exists() and not args.force:
        raise InputError(_("{path} exists already. Choose another name, or add --force.").format(
            path=target))
    with open_store(args) as store, bar(_("Exporting")) as progress:
        counts = backup.export(store, target, progress=progress)
    say(_("Backup written to {path}: {counts}.").format(path=target, counts=counts_text(counts)))


def cmd_restore(args: argparse.Namespace) -> None:
    from kbm_tui.backup import sources
    from kbm_tui.cli.progress import bar
    from kbm_tui.store import is_database_file, resolve_path

    source = sources.find(resolve_path(getattr(args, "db", None)), args.path)
    if not (source.is_file() and is_database_file(source)):
        from kbm_tui.backup.restore import open_backup

        # A source that is no backup at all is refused before a database is made for it.
        open_backup(source).close()
    if source.is_file() and is_database_file(source):
        with open_store(args) as store:
            result = sources.restore_from(store, source, replace=args.replace)
        if result.safety_copy:
            say(_("The previous database was kept as {path}.").format(path=result.safety_copy))
        say(_("Restored the safety copy {path}: {counts}.").format(
            path=source, counts=counts_text(result.counts)))
        return
    with open_store(args) as store, bar(_("Restoring")) as progress:
        result = sources.restore_from(store, source, replace=args.replace, progress=progress)
    if result.safety_copy:
        say(_("The previous database was kept as {path}.").format(path=result.safety_copy))
    say(_("Restored {path}: {counts}.").format(path=args.path, counts=counts_text(result.counts)))


def cmd_move(args: argparse.Namespace) -> None:
    """Everything into a new database in one transaction, then proof: the CSV backups of
    both are compared table by table."""
    from kbm_tui.store import Store

    with open_store(args) as source, told(Store.open(args.to)) as target:
        if source.shown == target.shown:
            raise InputError(_("--to names the database kbm is using already. Give a new, "
                               "empty one."))
        counts = source.move_into(target)
        same = source.fingerprint() == target.fingerprint()
        source_counts = source.row_counts()
        where, origin, opens_with = target.shown, source.shown, target.opens_with
    say(_("Copied {origin} to {target}: {counts}.").format(
        origin=origin, target=where, counts=counts_text(counts)))
    if not same or counts != source_counts:
        raise KbmError(_("The copy in {target} is not the same as {origin}: don't use it. "
                         "{origin} was not changed.").format(target=where, origin=origin))
    say(_("Checked: a CSV backup of either is the same, byte for byte. Open it with: "
          "kbm --db {target}").format(target=opens_with))


def cmd_customer_export(args: argparse.Namespace) -> None:
    from kbm_tui.backup import customer_export

    with open_store(args) as store:
        customer, _created = pick_customer(store, args.customer)
        target = (Path(args.path).expanduser() if args.path else
                  Path.cwd() / f"kbm-customer-{customer.id}-{clock.today().isoformat()}.zip")
        if target.exists():
            raise InputError(_("{path} exists already. Choose another name.").format(
                path=target))
        counts = customer_export.write(store, customer.id, target)
    say(_("Everything about {name} written to {path}: {counts}.").format(
        name=customer.name, path=target, counts=counts_text(counts)))


def cmd_forget(args: argparse.Namespace) -> int | None:
    import sys

    with open_store(args) as store:
        customer, _created = pick_customer(store, args.customer)
        if not args.yes:
            if not sys.stdin.isatty():
                raise InputError(_("Erasing {name} can't be undone. Add --yes to confirm.").format(
                    name=customer.name))
            answer = input(_("Erase {name} (#{id}) and everything about them, for good? Type "
                             "yes: ").format(name=printable(customer.name), id=customer.id))
            if answer.strip().lower() not in ("yes", "ja", "y", "j"):
                say(_("Nothing was erased."))
                return None
        removed = store.forget_customer(customer.id)
        pending = store.erasure_pending()
    counts = counts_text(removed, skip_zero=True)
    if pending:
        say(_("Erased {name} from the database ({counts}), but not yet from the file itself: "
              "another program (another kbm window?) is still reading an older state of it. "
              "Close it: the next kbm command, or the app's next start, finishes the "
              "erasure.").format(name=customer.name, counts=counts))
        return 3
    say(_("Erased {name}: {counts}. Backups and safety copies made before now still hold them "
          "until they are replaced.").format(name=customer.name, counts=counts))
    return None


def cmd_backups(args: argparse.Namespace) -> None:
    from kbm_tui.store import resolve_path, safety_copies

    path = resolve_path(getattr(args, "db", None))
    listed = safety_copies(path)
    table(_("Safety copies of {path}").format(path=path), [_("day"), _("size"), _("file")],
          [[c.day.isoformat(), f"{l10n.decimal(c.size / 1_048_576)} MB", str(c.path)]
           for c in listed],
          empty=_("None yet. The app makes one a day when it starts."))
    if listed:
        say(_("Restore one with: kbm restore DAY --replace   (e.g. kbm restore latest "
              "--replace)"), "dim")
