"""The `kbm` command line's words: every command, its options and its examples.

This module must stay light: no Textual, no SQLModel on the quick-add path
(tests/cli/test_import_hygiene.py checks it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

from kbm_tui import __version__
from kbm_tui.cli import care_parser, moving_parser
from kbm_tui.cli.arg_types import _REFUSED_MARK, LIMIT, _choice, _number, _whole_number
from kbm_tui.core import i18n
from kbm_tui.core.i18n import N_, _

# argparse's own words (usage:, error messages) from kbm's catalogue (cli/argparse_words.py)
argparse._ = i18n._  # type: ignore[attr-defined]
argparse.ngettext = i18n.n_  # type: ignore[attr-defined]

EXAMPLES = {
    **moving_parser.EXAMPLES,
    **care_parser.EXAMPLES,
    "log": N_("""examples:
  kbm log "Anna Schmidt" "asked about a child seat" --via phone
  kbm log 0171234 "picked up the bike, paid" --kind purchase --amount 349,90
  kbm log anna "brakes squeak again" --kind complaint --promise "call back" --due "after lunch"
  kbm log "Jonas Weber" "first visit, wants a cargo bike" --new --follow-up "next week" "send offer"
  kbm log "#12" "left a voicemail" --out --via phone --by Maria --at "yesterday 16:00\""""),
    "add": N_("""examples:
  kbm add "Anna Schmidt" --phone "0171 2345678" --email anna@example.com --tag e-bike
  kbm add "Kita Sonnenschein" --address "Gartenweg 3, Berlin" --note "orders 10 helmets a year\""""
    ),
    "edit": N_("""examples:
  kbm edit anna --phone "030 1234567"
  kbm edit "#12" --tag family --tag cargo       (replaces the tags)
  kbm edit anna --email ""                    (clears the email)
  kbm edit anna --archive"""),
    "promise": N_("""examples:
  kbm promise anna "call back about the frame size" --due "after lunch"
  kbm promise "#12" "order the spare part" --due Friday --by Jonas
  kbm promise anna "tell her when the part arrives"      (no due time)"""),
    "remind": N_("""examples:
  kbm remind anna "ask how the new bike rides" --on "in 2 weeks"
  kbm remind "Kita Sonnenschein" "offer the spring service" --on 01.03. --every 365"""),
    "today": N_("""examples:
  kbm today
  kbm today --json | jq '.overdue_promises | length'"""),
    "customers": N_("""examples:
  kbm customers              (everyone, by name)
  kbm customers 0171         (part of a phone number)
  kbm customers anna e-bike  (every word must match: name, phone, address, email, tags, notes)
  kbm customers hauptstr 3   (an address as on the card; a postcode: 04109)
  kbm customers --sort last_contact --limit 20 --json"""),
    "demo": N_("""examples:
  kbm demo --db demo.sqlite3
  kbm demo --db big.sqlite3 --customers 100000 --conversations 1000000"""),
    "export": N_("""examples:
  kbm export                       (kbm-backup-YYYY-MM-DD.zip in this folder)
  kbm export /media/usb/shop.zip"""),
    "restore": N_("""examples:
  kbm --db new.sqlite3 restore kbm-backup-2026-11-22.zip
  kbm restore kbm-backup-2026-11-22.zip --replace   (keeps a copy of the current database)
  kbm restore 2026-11-21 --replace                  (a daily safety copy, see kbm backups)"""),
    "move": N_("""examples:
  kbm move --to postgresql://kbm@backoffice/shop    (from this computer's file to the server)
  kbm --db postgresql://kbm@backoffice/shop move --to shop.sqlite3   (and back)"""),
    "customer-export": N_("""examples:
  kbm customer-export "Anna Schmidt"
  kbm customer-export "#12" anna-schmidt.zip"""),
    "forget": N_("""examples:
  kbm forget "Anna Schmidt"          (asks first)
  kbm forget "#12" --yes"""),
    "backups": N_("""examples:
  kbm backups
  kbm restore latest --replace"""),
    "staff": N_("""examples:
  kbm staff
  kbm staff add Maria
  kbm staff rename Owner Frank"""),
    "show": N_("""examples:
  kbm show anna
  kbm show "#12" --limit 50"""),
}


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.commands: Mapping[str, argparse.ArgumentParser] = {}  # kbm's, by name

    def parse_args(self, args=None, namespace=None):
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:  # said by the command they were typed to: its --help knows what it takes
            owner = self.commands.get(getattr(parsed, "command", None) or "", self)
            owner.error(_("unrecognized arguments: %s") % " ".join(extra))
        return parsed

    def _check_value(self, action, value):
        if isinstance(action, argparse._SubParsersAction) and value not in action.choices:
            from difflib import get_close_matches

            meant = get_close_matches(value, list(action.choices), n=1, cutoff=0.6)
            if meant:  # "lgo": the one meant, not a list of thirty
                raise argparse.ArgumentError(None, _('"{typed}" is not a command. Did you mean '
                                                     '"{meant}"?').format(typed=value,
                                                                          meant=meant[0]))
        elif (action.choices is not None and value not in action.choices
              and not action.option_strings):
            # argparse would name the word by its attribute ("argument status:"), in English
            raise argparse.ArgumentError(None, _('"{typed}" is not possible here; it can be: '
                                                 '{choices}.').format(
                typed=value, choices=", ".join(str(c) for c in action.choices)))
        super()._check_value(action, value)

    def error(self, message: str):
        from kbm_tui.core.text import printable

        if not message.endswith(_REFUSED_MARK):  # a value refused needs no usage line
            self.print_usage(sys.stderr)
        text = printable(message.removesuffix(_REFUSED_MARK))
        said = (_("kbm: {message} See: {prog} --help") if text.endswith(("?", ".")) else
                _("kbm: {message}. See: {prog} --help"))
        self.exit(2, said.format(message=text, prog=self.prog) + "\n")


def _db_option(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument(
        "--db", metavar=_("PATH"), default=default,
        help=_("the database file (default: $KBM_DB, else kbm.sqlite3 in your data folder)"))
    parser.add_argument(
        "--lang", choices=("de", "en"), default=default,
        help=_("Deutsch or English (default: $KBM_LANG, the setting, else the system's "
               "language)"))


def build_parser() -> argparse.ArgumentParser:
    # Translators: the kind of value argparse names in "invalid int value: 'x'".
    _whole_number.__name__ = _("int")
    parser = _Parser(
        prog="kbm",
        description=_("Keep the relationship with every customer: conversations, promises, "
                      "follow-ups. Without a command, opens the full-screen app."),
        epilog=_("Run 'kbm COMMAND --help' for examples."))
    parser.add_argument("--version", action="version", version=f"kbm-tui {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--demo", action="store_true",
                        help=_("open the app on a throwaway database filled with a demo bike "
                               "shop"))
    _db_option(parser, None)
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    parser.commands = sub.choices

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        examples = EXAMPLES.get(name)
        p = sub.add_parser(name, help=help_text, description=help_text,
                           epilog=_(examples) if examples else None,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        _db_option(p, argparse.SUPPRESS)
        return p

    customer = _("customer")
    which = _("name, phone or email (part of it is enough), or #ID")
    anyway = _("go ahead although it goes against the customer's wishes (noted)")

    p = command("log", _("Log a conversation with a customer (the quick-add)."))
    p.add_argument("customer", metavar=customer, help=which)
    p.add_argument("summary", metavar=_("summary"), help=_("what was said or done"))
    p.add_argument("--via", metavar=_("CHANNEL"),
                   help=_("store (default), phone, email, letter, social, web, visit"))
    direction = p.add_mutually_exclusive_group()
    direction.add_argument("--in", dest="direction", action="store_const", const="in",
                           help=_("the customer got in touch (default)"))
    direction.add_argument("--out", dest="direction", action="store_const", const="out",
                           help=_("we reached out to the customer"))
    p.add_argument("--kind", metavar=_("KIND"),
                   help=_("inquiry, offer, purchase, invoice, payment, complaint, return, "
                          "service, feedback, other (default)"))
    p.add_argument("--by", metavar=_("STAFF"), help=_("who from the shop (default: the owner)"))
    p.add_argument("--amount", metavar=_("AMOUNT"),
                   help=_("money involved, e.g. 12.50 or 1.234,50"))
    p.add_argument("--at", metavar=_("WHEN"),
                   help=_('when it happened, if not just now ("yesterday 16:00")'))
    p.add_argument("--promise", metavar=_("TEXT"), help=_("a promise made in this conversation"))
    p.add_argument("--due", metavar=_("WHEN"),
                   help=_('when the promise is due ("after lunch", "Friday")'))
    p.add_argument("--follow-up", nargs=2, metavar=(_("WHEN"), _("TEXT")),
                   help=_("plan a follow-up: when, and what to do"))
    p.add_argument("--new", action="store_true", help=_("create the customer with this name"))
    p.add_argument("--anyway", action="store_true", help=anyway)
    p.add_argument("--json", action="store_true", help=_("print what was stored as JSON"))

    for name, help_text in (("add", _("Add a customer.")),
                            ("edit", _("Change a customer's card."))):
        p = command(name, help_text)
        if name == "edit":
            p.add_argument("customer", metavar=customer,
                           help=_("which customer (name, phone, email or #ID)"))
            p.add_argument("--name", metavar=_("NAME"), help=_("a new name"))
        else:
            p.add_argument("name", metavar=_("name"), help=_("the customer's name"))
        p.add_argument("--phone", metavar=_("PHONE"))
        p.add_argument("--email", metavar=_("EMAIL"))
        p.add_argument("--address", metavar=_("ADDRESS"))
        p.add_argument("--tag", action="append", metavar=_("TAG"),
                       help=_("a tag; repeat for several (replaces the tags)") if name == "edit"
                       else _("a tag; repeat for several"))
        p.add_argument("--note", metavar=_("NOTE"), help=_("who they are, what they need"))
        p.add_argument("--org", metavar=_("ORGANISATION"),
                       help=_("company or club they are with"))
        p.add_argument("--birthday", metavar=_("DAY"),
                       help=_("14.03.1985, or 14.03. without the year"))
        p.add_argument("--more", action="append", metavar=_('"LABEL: VALUE"'),
                       help=_('a further number, email or address, e.g. "work: 0341 123456"; '
                              "repeat for several") + (_(" (replaces them)") if name == "edit"
                                                       else ""))
        if name == "add":
            p.add_argument("--anyway", action="store_true",
                           help=_("add them although they look like a customer already here"))
        if name == "edit":
            archive = p.add_mutually_exclusive_group()
            archive.add_argument("--archive", action="store_true",
                                 help=_("hide from the lists (nothing is deleted)"))
            archive.add_argument("--unarchive", action="store_true",
                                 help=_("show in the lists again"))
        p.add_argument("--json", action="store_true", help=_("print the card as JSON"))

    p = command("promise", _("Record a promise the shop made to a customer."))
    p.add_argument("customer", metavar=customer)
    p.add_argument("text", metavar=_("text"))
    p.add_argument("--due", metavar=_("WHEN"),
                   help=_("when it is due; leave out for open-ended"))
    p.add_argument("--by", metavar=_("STAFF"), help=_("who promised (default: the owner)"))

    p = command("remind", _("Plan a follow-up: a reminder to contact a customer."))
    p.add_argument("customer", metavar=customer)
    p.add_argument("text", metavar=_("text"))
    p.add_argument("--on", metavar=_("WHEN"), required=True, help=_("when to contact them"))
    p.add_argument("--every", metavar=_("DAYS"), help=_("repeat every N days (14, 2w, 4w)"))
    p.add_argument("--by", metavar=_("STAFF"), help=_("who should do it"))
    p.add_argument("--anyway", action="store_true", help=anyway)

    p = command("today", _("The day's agenda: overdue promises, due today, follow-ups, talks."))
    p.add_argument("--all", action="store_true",
                   help=_("every row (normally 25 per section)"))
    p.add_argument("--json", action="store_true")

    p = command("customers", _("List customers, or find them by any part of what you know."))
    p.add_argument("search", nargs="*", metavar=_("search"), help=_("words that must all match"))
    _choice(p, "--sort", "sort", default="name")
    p.add_argument("--limit", type=LIMIT, default=100, metavar=_("LIMIT"),
                   help=_("how many to show (default 100)"))
    p.add_argument("--all", action="store_true", help=_("include archived customers"))
    p.add_argument("--json", action="store_true")

    care_parser.add_commands(command)

    p = command("show", _("One customer's card, wishes and whole story."))
    p.add_argument("customer", metavar=customer)
    p.add_argument("--limit", type=LIMIT, default=20, metavar=_("LIMIT"),
                   help=_("how many timeline entries (default 20)"))

    p = command("staff", _("List the shop's staff, add someone or rename."))
    _choice(p, "action", "staff_action", nargs="?")
    p.add_argument("names", nargs="*", metavar=_("NAME"))

    p = command("customer-export",
                _("Write everything stored about one customer (JSON and CSV)."))
    p.add_argument("customer", metavar=customer)
    p.add_argument("path", nargs="?", metavar=_("path"),
                   help=_("where to write it (default: kbm-customer-ID-DATE.zip)"))

    p = command("forget", _("Erase a customer and everything about them, for good."))
    p.add_argument("customer", metavar=customer)
    p.add_argument("--yes", action="store_true", help=_("don't ask for confirmation"))

    p = command("backups", _("List the automatic daily safety copies of the database."))

    p = command("demo", _("Fill a new database with a made-up bike shop (for trying things "
                          "out)."))
    p.add_argument("--customers", type=_number(1, 10_000_000, "--customers"), default=200,
                   metavar=_("CUSTOMERS"),
                   help=_("how many customers (default 200)"))
    p.add_argument("--conversations", type=_number(0, 100_000_000, "--conversations"),
                   metavar=_("CONVERSATIONS"),
                   help=_("how many conversations (default 15 each)"))
    p.add_argument("--seed", type=_whole_number, default=7, metavar=_("SEED"),
                   help=_("another seed gives another shop"))

    p = command("export", _("Write a backup: every table as CSV in one zip."))
    p.add_argument("path", nargs="?", metavar=_("path"),
                   help=_("where to write it (default: kbm-backup-DATE.zip)"))
    p.add_argument("--force", action="store_true", help=_("overwrite an existing file"))
    p.add_argument("--vcard", metavar=_("PATH"),
                   help=_("instead of a backup: the customers as vCard 4.0 for the phone, "
                          "Google Contacts or Thunderbird"))
    p.add_argument("--search", metavar=_("WORDS"),
                   help=_("with --vcard: only the customers these words find"))
    p.add_argument("--all", action="store_true",
                   help=_("with --vcard: archived customers too"))

    p = command("move", _("Copy the whole shop into a new database: from a file to a "
                          "PostgreSQL server, or back."))
    p.add_argument("--to", required=True, metavar=_("DATABASE"),
                   help=_("the new, empty database: postgresql://USER@HOST/DATABASE or a "
                          "file name"))

    p = command("restore", _("Load a backup into an empty database (or --replace)."))
    p.add_argument("path", metavar=_("path"),
                   help=_("a backup zip, a safety copy, or a day from 'kbm backups' "
                          "(2026-11-21, or latest)"))
    p.add_argument("--replace", action="store_true",
                   help=_("replace a database that holds data (a copy of it is kept beside "
                          "it)"))
    moving_parser.add_commands(command)
    return parser
