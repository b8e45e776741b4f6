"""The words of `kbm import`, `duplicates`, `merge` and `calendar`: options and examples.
Light on purpose (argparse only): the parser is built on every `kbm log`."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from kbm_tui.core.i18n import N_, _

EXAMPLES = {
    "import": N_("""examples:
  kbm import contacts.vcf --dry-run        (what would happen; nothing is written)
  kbm import contacts.vcf                  (the phone's or Thunderbird's contacts)
  kbm import google.csv                    (Google Contacts, Outlook, any CSV or .xlsx)
  kbm import customers.csv --map "No.=id" --map "Cell=mobile"
  kbm import --list                        (the imports so far)
  kbm import --undo                        (takes the latest import back)"""),
    "duplicates": N_("""examples:
  kbm duplicates
  kbm duplicates --all"""),
    "merge": N_("""examples:
  kbm merge "#12" "#31"                     (#31 becomes part of #12)
  kbm merge "#12" "#31" --take name,phone   (those two fields as #31 has them)
  kbm merge --undo "#12"                    (takes the latest merge into #12 back)"""),
    "calendar": N_("""examples:
  kbm calendar kbm.ics                    (events with a reminder: every phone calendar)
  kbm calendar kbm.ics --todo             (tasks instead, for calendars that show them)"""),
}

Command = Callable[[str, str], argparse.ArgumentParser]


def add_commands(command: Command) -> None:
    p = command("import", _("Bring customers in from a vCard, CSV or Excel file."))
    p.add_argument("file", nargs="?", metavar=_("FILE"), help=_("a .vcf, .csv or .xlsx file"))
    p.add_argument("--dry-run", action="store_true",
                   help=_("show what would happen, write nothing"))
    p.add_argument("--map", action="append", metavar=_('"COLUMN=FIELD"'),
                   help=_("what a column holds, when its title doesn't say (repeatable): "
                          "name, first_name, last_name, phone, mobile, email, address, street, "
                          "postcode, city, country, notes, tags, organization, birthday, id, "
                          "web, ignore"))
    p.add_argument("--undo", nargs="?", type=int, const=0, metavar=_("IMPORT"),
                   help=_("take an import back (the latest, or the number given)"))
    p.add_argument("--list", action="store_true", help=_("list the imports so far"))

    p = command("duplicates", _("Customers who may be one person, and why."))
    p.add_argument("--all", action="store_true", help=_("every pair (normally 50)"))
    p.add_argument("--limit", type=int, default=50, help=argparse.SUPPRESS)

    p = command("merge", _("Make two customers one, keeping everything of both."))
    p.add_argument("customers", nargs="*", metavar=_("CUSTOMER"),
                   help=_("the customer to keep, then the other"))
    p.add_argument("--take", action="append", metavar=_("FIELDS"),
                   help=_("fields to take from the other card (name, phone, email, address, "
                          "organization, birthday, notes, tags ...)"))
    p.add_argument("--undo", action="store_true",
                   help=_("take the latest merge into this customer back"))

    p = command("calendar", _("Write open promises and follow-ups as a calendar file (.ics)."))
    p.add_argument("path", metavar=_("path"), help=_("where to write it, e.g. kbm.ics"))
    p.add_argument("--todo", action="store_true", help=_("as tasks instead of events"))
