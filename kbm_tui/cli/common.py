"""What every `kbm` command needs: the store, the customer meant, a due time read."""

from __future__ import annotations

import argparse

from kbm_tui.core.errors import Ambiguous, InputError, KbmError, NotFound
from kbm_tui.core.i18n import _, n_
from kbm_tui.core.records import Customer
from kbm_tui.core.when import Due
from kbm_tui.store import Store


def open_store(args: argparse.Namespace) -> Store:
    return told(Store.open(getattr(args, "db", None)))


def told(store: Store) -> Store:
    """What opening the database found to tell once on this computer, on stderr (the app
    shows it in a notification instead)."""
    import sys

    for text in store.take_notices():
        print(f"kbm: {text}", file=sys.stderr, flush=True)
    return store


def read_when(text: str, *, allow_past: bool = False, what: str) -> Due:
    """A due time typed on the command line; InputError names the option it came from."""
    from kbm_tui.core.when import WhenError, parse_when

    try:
        return parse_when(text, allow_past=allow_past)
    except WhenError as exc:
        raise InputError(f"{what}: {exc}") from None


def pick_customer(store: Store, typed: str, *, create: bool = False,
                  anyway: bool = False) -> tuple[Customer, bool]:
    """The one customer meant (and whether it was just created), or a message listing the
    candidates or suggesting --new. Creating someone who looks known is refused, naming
    them, unless `anyway` (only the name is compared, through one index: `kbm log` stays
    quick)."""
    if create:
        if not anyway:
            refuse_if_known(store, typed, {}, f'kbm log "{typed.strip()}" ... --new --anyway',
                            quick=True)
        return store.add_customer(typed), True
    if not typed.strip():
        raise InputError(_('Which customer? The customer was left empty: give a name, a phone '
                           'number, an email or the number like "#12".'))
    try:
        return store.match_customer(typed), False
    except NotFound:
        number = typed.strip()[1:]
        if typed.strip().startswith("#") and number.isascii() and number.isdigit():
            # A number shown by kbm: no spelling to check, and no name to create them by.
            raise KbmError(_("There is no customer #{id}.").format(id=number)) from None
        bare = typed.strip()
        if bare.isascii() and bare.isdigit() and len(bare) <= 7:
            # "2" for "#2" (no phone number is that short to match)
            try:
                meant = store.get_customer(int(bare))
            except NotFound:
                pass
            else:
                raise InputError(_('No customer matches "{typed}". Did you mean #{id} '
                                   '({name})? Write the number as kbm shows it: "#{id}".'
                                   ).format(typed=bare, id=meant.id, name=meant.name)) from None
        raise KbmError(_('No customer matches "{typed}". Check the spelling, or create them by '
                         'adding --new (kbm log "{typed}" ... --new).').format(
                             typed=typed.strip())) from None
    except Ambiguous as exc:
        lines = [_('"{typed}" matches more than one customer:').format(typed=typed.strip())]
        shown = exc.candidates[:10]
        names = [_("{name} (archived)").format(name=c.name) if c.archived_at else c.name
                 for c in shown]
        lines += candidate_lines(shown, names, ["" for _c in shown])
        if len(exc.candidates) > 10:
            hidden = len(exc.candidates) - 10
            lines.append("  " + n_("... and {n} more", "... and {n} more", hidden).format(n=hidden))
        lines.append(_('Type more of the name, a phone number, or the number like "#12".'))
        raise KbmError("\n".join(lines)) from None


def candidate_lines(customers: list, names: list[str], tails: list[str]) -> list[str]:
    """ "  #1      Jürgen Müller  0341 9876543": numbers, names and phones in columns."""
    import unicodedata

    def width(text: str) -> int:  # what a terminal gives it: wide letters take two cells
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    widest = max((width(name) for name in names), default=0)
    lines = []
    for c, name, tail in zip(customers, names, tails, strict=True):
        extra = "  ".join(x for x in (c.phone, c.email, tail) if x)
        lines.append(f"  #{c.id:<6} {name}{' ' * (widest - width(name))}  {extra}".rstrip())
    return lines


def staff_id(store: Store, typed: str | None) -> int | None:
    return store.find_staff(typed).id if typed else None


def refuse_if_known(store: Store, name: str, fields: dict, anyway: str, *,
                    quick: bool = False) -> None:
    """KbmError naming the customers this new card looks like, and what to do instead."""
    found = store.likely_same(
        name, quick=quick, phone=fields.get("phone"), email=fields.get("email"),
        address=fields.get("address"), more_contacts=fields.get("more_contacts"),
        birthday=fields.get("birthday"), organization=fields.get("organization"))
    if not found:
        return
    from kbm_tui.core.likeness import reason_text

    lines = [_('"{name}" may be here already:').format(name=name.strip())]
    shown = [match.customer for match in found[:5]]
    sure, maybe = _("the same person"), _("maybe the same person")  # f-strings hide _()
    why = [f"({sure if m.sure else maybe}: {reason_text(m.reasons)})" for m in found[:5]]
    lines += candidate_lines(shown, [c.name for c in shown], why)
    first = found[0].customer.id
    lines.append(_('Use that customer ("#{id}"), look at them with kbm show "#{id}", or add '
                   "the new one anyway: {anyway}").format(id=first, anyway=anyway))
    raise KbmError("\n".join(lines))
