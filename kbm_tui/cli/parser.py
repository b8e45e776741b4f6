"""The `kbm` command line's words: every command, its options and its examples.

This module must stay light: no Textual, no SQLModel on the quick-add path
(tests/cli/test_import_hygiene.py checks it).
"""

from __future__ import annotations

import argparse
import sys

from kbm_tui import __version__
from kbm_tui.core import i18n, vocab

# argparse's own words (usage:, error messages) from kbm's catalogue (cli/argparse_words.py)
argparse._ = i18n._  # type: ignore[attr-defined]
argparse.ngettext = i18n.n_  # type: ignore[attr-defined]

EXAMPLES = {
    "log": """examples:
  kbm log "Anna Schmidt" "asked about a child seat" --via phone
  kbm log 0171234 "picked up the bike, paid" --kind purchase --amount 349,90
  kbm log anna "brakes squeak again" --kind complaint --promise "call back" --due "after lunch"
  kbm log "Jonas Weber" "first visit, wants a cargo bike" --new --follow-up "next week" "send offer"
  kbm log "#12" "left a voicemail" --out --via phone --by Maria --at "yesterday 16:00\"""",
    "add": """examples:
  kbm add "Anna Schmidt" --phone "0171 2345678" --email anna@example.com --tag e-bike
  kbm add "Kita Sonnenschein" --address "Gartenweg 3, Berlin" --note "orders 10 helmets a year\"""",
    "edit": """examples:
  kbm edit anna --phone "030 1234567"
  kbm edit "#12" --tag family --tag cargo       (replaces the tags)
  kbm edit anna --email ""                    (clears the email)
  kbm edit anna --archive""",
    "promise": """examples:
  kbm promise anna "call back about the frame size" --due "after lunch"
  kbm promise "#12" "order the spare part" --due Friday --by Jonas
  kbm promise anna "tell her when the part arrives"      (no due time)""",
    "remind": """examples:
  kbm remind anna "ask how the new bike rides" --on "in 2 weeks"
  kbm remind "Kita Sonnenschein" "offer the spring service" --on 01.03. --every 365""",
    "today": """examples:
  kbm today
  kbm today --json | jq '.overdue_promises | length'""",
    "customers": """examples:
  kbm customers              (everyone, by name)
  kbm customers 0171         (part of a phone number)
  kbm customers anna e-bike  (every word must match: name, phone, email, tags, notes)
  kbm customers --sort last_contact --limit 20 --json""",
    "demo": """examples:
  kbm demo --db demo.sqlite3
  kbm demo --db big.sqlite3 --customers 100000 --conversations 1000000""",
    "export": """examples:
  kbm export                       (kbm-backup-YYYY-MM-DD.zip in this folder)
  kbm export /media/usb/shop.zip""",
    "restore": """examples:
  kbm --db new.sqlite3 restore kbm-backup-2026-11-22.zip
  kbm restore kbm-backup-2026-11-22.zip --replace   (keeps a copy of the current database)
  kbm restore 2026-11-21 --replace                  (a daily safety copy, see kbm backups)""",
    "customer-export": """examples:
  kbm customer-export "Anna Schmidt"
  kbm customer-export "#12" anna-schmidt.zip""",
    "forget": """examples:
  kbm forget "Anna Schmidt"          (asks first)
  kbm forget "#12" --yes""",
    "backups": """examples:
  kbm backups
  kbm restore latest --replace""",
    "staff": """examples:
  kbm staff
  kbm staff add Maria
  kbm staff rename Owner Frank""",
    "promises": """examples:
  kbm promises            (open ones, soonest first)
  kbm promises --status kept
  kbm promises --stats --by-staff""",
    "prefer": """examples:
  kbm prefer anna --via phone --person Maria --every 4w
  kbm prefer anna --only-when-asked
  kbm prefer "#12" --do-not-contact "asked us to stop the newsletter"
  kbm prefer anna --clear                (forget all wishes)
  kbm prefer anna                        (show them)""",
    "renegotiate": """examples:
  kbm renegotiate 7 "Friday 14:00" "part arrives later, agreed with Anna on the phone\"""",
    "complaints": """examples:
  kbm complaints""",
    "resolve": """examples:
  kbm resolve 42 "replaced the brake pads free of charge, she was happy\"""",
    "ideas": """examples:
  kbm ideas
  kbm ideas --status new""",
    "idea": """examples:
  kbm idea 31 considered
  kbm idea 31 done --tell tomorrow       (plans a follow-up to tell the customer)""",
    "show": """examples:
  kbm show anna
  kbm show "#12" --limit 50""",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"kbm: {message}. See: {self.prog} --help\n")


def _db_option(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument(
        "--db", metavar="PATH", default=default,
        help="the database file (default: $KBM_DB, else kbm.sqlite3 in your data folder)")
    parser.add_argument(
        "--lang", choices=("de", "en"), default=default,
        help="Deutsch or English (default: $KBM_LANG, the setting, else the system's language)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kbm",
        description="Keep the relationship with every customer: conversations, promises, "
                    "follow-ups. Without a command, opens the full-screen app.",
        epilog="Run 'kbm COMMAND --help' for examples.")
    parser.add_argument("--version", action="version", version=f"kbm-tui {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="open the app on a throwaway database filled with a demo bike shop")
    _db_option(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text,
                           epilog=EXAMPLES.get(name),
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        _db_option(p, argparse.SUPPRESS)
        return p

    p = command("log", "Log a conversation with a customer (the quick-add).")
    p.add_argument("customer", help="name, phone or email (part of it is enough), or #ID")
    p.add_argument("summary", help="what was said or done")
    p.add_argument("--via", metavar="CHANNEL",
                   help="store (default), phone, email, letter, social, web, visit")
    direction = p.add_mutually_exclusive_group()
    direction.add_argument("--in", dest="direction", action="store_const", const="in",
                           help="the customer came to us (default)")
    direction.add_argument("--out", dest="direction", action="store_const", const="out",
                           help="we reached out to the customer")
    p.add_argument("--kind", help="inquiry, offer, purchase, invoice, payment, complaint, "
                                  "return, service, feedback, other (default)")
    p.add_argument("--by", metavar="STAFF", help="who from the shop (default: the owner)")
    p.add_argument("--amount", help="money involved, e.g. 12.50 or 1.234,50")
    p.add_argument("--at", metavar="WHEN",
                   help='when it happened, if not just now ("yesterday 16:00")')
    p.add_argument("--promise", metavar="TEXT", help="a promise made in this conversation")
    p.add_argument("--due", metavar="WHEN",
                   help='when the promise is due ("after lunch", "Friday")')
    p.add_argument("--follow-up", nargs=2, metavar=("WHEN", "TEXT"),
                   help="plan a follow-up: when, and what to do")
    p.add_argument("--new", action="store_true", help="create the customer with this name")
    p.add_argument("--anyway", action="store_true",
                   help="go ahead although it goes against the customer's wishes (noted)")
    p.add_argument("--json", action="store_true", help="print what was stored as JSON")

    for name, help_text in (("add", "Add a customer."), ("edit", "Change a customer's card.")):
        p = command(name, help_text)
        p.add_argument("customer" if name == "edit" else "name",
                       help="which customer (name, phone, email or #ID)" if name == "edit"
                       else "the customer's name")
        if name == "edit":
            p.add_argument("--name", help="a new name")
        p.add_argument("--phone")
        p.add_argument("--email")
        p.add_argument("--address")
        p.add_argument("--tag", action="append", metavar="TAG",
                       help="a tag; repeat for several"
                       + (" (replaces the tags)" if name == "edit" else ""))
        p.add_argument("--note", help="who they are, what they need")
        if name == "edit":
            archive = p.add_mutually_exclusive_group()
            archive.add_argument("--archive", action="store_true",
                                 help="hide from the lists (nothing is deleted)")
            archive.add_argument("--unarchive", action="store_true", help="show in the lists again")
        p.add_argument("--json", action="store_true", help="print the card as JSON")

    p = command("promise", "Record a promise the shop made to a customer.")
    p.add_argument("customer")
    p.add_argument("text")
    p.add_argument("--due", metavar="WHEN", help="when it is due; leave out for open-ended")
    p.add_argument("--by", metavar="STAFF", help="who promised (default: the owner)")

    p = command("remind", "Plan a follow-up: a reminder to contact a customer.")
    p.add_argument("customer")
    p.add_argument("text")
    p.add_argument("--on", metavar="WHEN", required=True, help="when to contact them")
    p.add_argument("--every", metavar="DAYS", help="repeat every N days (14, 2w, 4w)")
    p.add_argument("--by", metavar="STAFF", help="who should do it")
    p.add_argument("--anyway", action="store_true",
                   help="go ahead although it goes against the customer's wishes (noted)")

    p = command("today", "The day's agenda: overdue promises, due today, follow-ups, talks.")
    p.add_argument("--all", action="store_true", help="every row (normally 25 per section)")
    p.add_argument("--json", action="store_true")

    p = command("customers", "List customers, or find them by any part of what you know.")
    p.add_argument("search", nargs="*", help="words that must all match")
    p.add_argument("--sort", choices=("name", "last_contact", "newest"), default="name")
    p.add_argument("--limit", type=int, default=100, help="how many to show (default 100)")
    p.add_argument("--all", action="store_true", help="include archived customers")
    p.add_argument("--json", action="store_true")

    p = command("promises", "List promises, or how reliably they are kept.")
    p.add_argument("--status", choices=("open", "kept", "broken", "cancelled"), default="open")
    p.add_argument("--stats", action="store_true",
                   help="share kept on time, kept late and broken: this month and last")
    p.add_argument("--by-staff", action="store_true", help="with --stats: per staff member")
    p.add_argument("--json", action="store_true")
    for name, help_text in (("kept", "Mark a promise kept."),
                            ("broken", "Mark a promise broken, with the reason."),
                            ("done", "Mark a follow-up done.")):
        p = command(name, help_text)
        p.add_argument("id", type=int, help="its number, as shown by kbm today")
        if name == "broken":
            p.add_argument("reason")

    p = command("prefer", "Record how a customer wants to be contacted (their choice).")
    p.add_argument("customer")
    p.add_argument("--via", metavar="CHANNEL", help="the channel they prefer")
    p.add_argument("--person", metavar="STAFF", help="who they prefer to deal with")
    p.add_argument("--every", metavar="DAYS", help="how often they want to hear from us (4w, 90)")
    p.add_argument("--only-when-asked", action="store_true", help="contact only when they ask")
    p.add_argument("--do-not-contact", metavar="REASON", help="never contact them, and why")
    p.add_argument("--allow-contact", action="store_true", help="lift do-not-contact")
    p.add_argument("--clear", action="store_true", help="forget all their wishes")

    p = command("renegotiate", "Agree a new due time for a promise with the customer.")
    p.add_argument("id", type=int)
    p.add_argument("due", metavar="WHEN")
    p.add_argument("reason")

    command("complaints", "Open complaints, oldest first, and how long resolving takes.")
    p = command("resolve", "Close a complaint with a note of what was done.")
    p.add_argument("id", type=int)
    p.add_argument("resolution")

    p = command("ideas", "Feedback and ideas from every customer.")
    p.add_argument("--status", choices=vocab.IDEA_STATUSES)
    p.add_argument("--json", action="store_true")
    p = command("idea", "Mark an idea new, considered or done.")
    p.add_argument("id", type=int)
    p.add_argument("status", choices=vocab.IDEA_STATUSES)
    p.add_argument("--tell", metavar="WHEN", help="plan a follow-up to tell the customer")

    p = command("show", "One customer's card, wishes and whole story.")
    p.add_argument("customer")
    p.add_argument("--limit", type=int, default=20, help="how many timeline entries (default 20)")

    p = command("staff", "List the shop's staff, add someone or rename.")
    p.add_argument("action", nargs="?", choices=("add", "rename"))
    p.add_argument("names", nargs="*", metavar="NAME")

    p = command("customer-export", "Write everything stored about one customer (JSON and CSV).")
    p.add_argument("customer")
    p.add_argument("path", nargs="?", help="where to write it (default: kbm-customer-ID-DATE.zip)")

    p = command("forget", "Erase a customer and everything about them, for good.")
    p.add_argument("customer")
    p.add_argument("--yes", action="store_true", help="don't ask for confirmation")

    p = command("backups", "List the automatic daily safety copies of the database.")

    p = command("demo", "Fill a new database with a made-up bike shop (for trying things out).")
    p.add_argument("--customers", type=int, default=200, help="how many customers (default 200)")
    p.add_argument("--conversations", type=int, help="how many conversations (default 15 each)")
    p.add_argument("--seed", type=int, default=7, help="another seed gives another shop")

    p = command("export", "Write a backup: every table as CSV in one zip.")
    p.add_argument("path", nargs="?", help="where to write it (default: kbm-backup-DATE.zip)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = command("restore", "Load a backup into an empty database (or --replace).")
    p.add_argument("path", help="a backup zip, a safety copy, or a day from 'kbm backups' "
                                "(2026-11-21, or latest)")
    p.add_argument("--replace", action="store_true",
                   help="replace a database that holds data (a copy of it is kept beside it)")
    return parser
