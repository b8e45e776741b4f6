"""`kbm` commands about the data as a whole: backups, restores, safety copies, the demo
shop, and one customer's data (export, forget)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kbm_tui.cli.common import open_store, pick_customer
from kbm_tui.cli.output import say, table
from kbm_tui.core import clock
from kbm_tui.core.errors import InputError
from kbm_tui.core.text import counts_text


def cmd_demo(args: argparse.Namespace) -> None:
    from kbm_tui.cli.progress import bar
    from kbm_tui.demo import shop as demo

    if args.customers < 1 or (args.conversations is not None and args.conversations < 0):
        raise InputError("--customers must be at least 1 and --conversations not negative.")
    with open_store(args) as store:
        if store.holds_data():
            raise InputError(f"{store.path} already holds data. The demo goes into a new "
                             "database: give one with --db demo.sqlite3")
        with bar("Generating") as progress:
            counts = demo.generate(store, customers=args.customers,
                                   conversations=args.conversations, seed=args.seed,
                                   progress=progress)
    say(f"Demo shop written to {store.path}: {counts_text(counts)}. "
        f"Open it with: kbm --db {store.path}")


def cmd_export(args: argparse.Namespace) -> None:
    from kbm_tui.backup import export as backup
    from kbm_tui.cli.progress import bar

    target = Path(args.path).expanduser() if args.path else backup.default_name()
    if target.is_dir():
        target = backup.default_name(target)
    if target.exists() and not args.force:
        raise InputError(f"{target} exists already. Choose another name, or add --force.")
    with open_store(args) as store, bar("Exporting") as progress:
        counts = backup.export(store, target, progress=progress)
    say(f"Backup written to {target}: " + counts_text(counts) + ".")


def cmd_restore(args: argparse.Namespace) -> None:
    from kbm_tui.backup import restore
    from kbm_tui.cli.progress import bar
    from kbm_tui.store import find_safety_copy, is_database_file, resolve_path

    source = Path(args.path).expanduser()
    db_path = resolve_path(getattr(args, "db", None))
    if not source.exists() and (copy := find_safety_copy(db_path, args.path)):
        source = copy
    if source.is_file() and is_database_file(source):
        with open_store(args) as store:
            before = store.restore_safety_copy(source, replace=args.replace)
            counts = store.row_counts()
        if before:
            say(f"The previous database was kept as {before}.")
        say(f"Restored the safety copy {source}: "
            + counts_text(counts) + ".")
        return
    with open_store(args) as store, bar("Restoring") as progress:
        result = restore.restore(store, Path(args.path).expanduser(), replace=args.replace,
                                progress=progress)
    if result.safety_copy:
        say(f"The previous database was kept as {result.safety_copy}.")
    say(f"Restored {args.path}: " + counts_text(result.counts) + ".")


def cmd_customer_export(args: argparse.Namespace) -> None:
    from kbm_tui.backup import customer_export

    with open_store(args) as store:
        customer, _ = pick_customer(store, args.customer)
        target = (Path(args.path).expanduser() if args.path else
                  Path.cwd() / f"kbm-customer-{customer.id}-{clock.today().isoformat()}.zip")
        if target.exists():
            raise InputError(f"{target} exists already. Choose another name.")
        counts = customer_export.write(store, customer.id, target)
    say(f"Everything about {customer.name} written to {target}: "
        + counts_text(counts) + ".")


def cmd_forget(args: argparse.Namespace) -> None:
    import sys

    with open_store(args) as store:
        customer, _ = pick_customer(store, args.customer)
        if not args.yes:
            if not sys.stdin.isatty():
                raise InputError(f"Erasing {customer.name} can't be undone. Add --yes to confirm.")
            answer = input(f"Erase {customer.name} (#{customer.id}) and everything about them, "
                           "for good? Type yes: ")
            if answer.strip().lower() not in ("yes", "ja", "y", "j"):
                say("Nothing was erased.")
                return
        removed = store.forget_customer(customer.id)
    say(f"Erased {customer.name}: " + counts_text(removed, skip_zero=True)
        + ". Backups and safety copies made before now still hold them until they are "
          "replaced.")


def cmd_backups(args: argparse.Namespace) -> None:
    from kbm_tui.store import resolve_path, safety_copies

    path = resolve_path(getattr(args, "db", None))
    listed = safety_copies(path)
    table(f"Safety copies of {path}", ["day", "size", "file"],
          [[c.day.isoformat(), f"{c.size / 1_048_576:.1f} MB", str(c.path)] for c in listed],
          empty="None yet. The app makes one a day when it starts.")
    if listed:
        say("Restore one with: kbm restore DAY --replace   (e.g. kbm restore latest --replace)",
            "dim")
