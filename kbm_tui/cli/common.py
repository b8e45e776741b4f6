"""What every `kbm` command needs: the store, the customer meant, a due time read."""

from __future__ import annotations

import argparse

from kbm_tui.core.errors import Ambiguous, InputError, KbmError, NotFound
from kbm_tui.core.i18n import _, n_
from kbm_tui.core.records import Customer
from kbm_tui.core.when import Due
from kbm_tui.store import Store


def open_store(args: argparse.Namespace) -> Store:
    return Store.open(getattr(args, "db", None))


def read_when(text: str, *, allow_past: bool = False, what: str) -> Due:
    """A due time typed on the command line; InputError names the option it came from."""
    from kbm_tui.core.when import WhenError, parse_when

    try:
        return parse_when(text, allow_past=allow_past)
    except WhenError as exc:
        raise InputError(f"{what}: {exc}") from None


def pick_customer(store: Store, typed: str, *, create: bool = False) -> tuple[Customer, bool]:
    """The one customer meant (and whether it was just created), or a message listing the
    candidates or suggesting --new."""
    if create:
        return store.add_customer(typed), True
    try:
        return store.match_customer(typed), False
    except NotFound:
        raise KbmError(_('No customer matches "{typed}". Check the spelling, or create them by '
                         'adding --new (kbm log "{typed}" ... --new).').format(
                             typed=typed.strip())) from None
    except Ambiguous as exc:
        lines = [_('"{typed}" matches more than one customer:').format(typed=typed.strip())]
        for c in exc.candidates[:10]:
            extra = "  ".join(x for x in (c.phone, c.email) if x)
            name = _("{name} (archived)").format(name=c.name) if c.archived_at else c.name
            lines.append(f"  #{c.id:<6} {name}  {extra}")
        if len(exc.candidates) > 10:
            hidden = len(exc.candidates) - 10
            lines.append("  " + n_("... and {n} more", "... and {n} more", hidden).format(n=hidden))
        lines.append(_('Type more of the name, a phone number, or the number like "#12".'))
        raise KbmError("\n".join(lines)) from None


def staff_id(store: Store, typed: str | None) -> int | None:
    return store.find_staff(typed).id if typed else None
