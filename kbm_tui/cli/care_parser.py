"""The words of the relationship-care commands: promises and their stats, kept, broken, done,
prefer (the customer's wishes), renegotiate, complaints, resolve, ideas, idea.
Light on purpose (argparse only): the parser is built on every `kbm log`."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from kbm_tui.cli.arg_types import ID, _choice
from kbm_tui.core.i18n import N_, _

EXAMPLES = {
    "promises": N_("""examples:
  kbm promises            (open ones, soonest first)
  kbm promises --status kept
  kbm promises --stats --by-staff"""),
    "prefer": N_("""examples:
  kbm prefer anna --via phone --person Maria --every 4w
  kbm prefer anna --only-when-asked
  kbm prefer anna --no-ads               (no advertising; everything else still welcome)
  kbm prefer "#12" --do-not-contact "moved away, asked us to stop"
  kbm prefer anna --clear                (forget the wishes but "no advertising")
  kbm prefer anna                        (show them)"""),
    "renegotiate": N_("""examples:
  kbm renegotiate 7 "Friday 14:00" "part arrives later, agreed with Anna on the phone\""""),
    "complaints": N_("""examples:
  kbm complaints"""),
    "resolve": N_("""examples:
  kbm resolve 42 "replaced the brake pads free of charge, she was happy\""""),
    "ideas": N_("""examples:
  kbm ideas
  kbm ideas --status new"""),
    "idea": N_("""examples:
  kbm idea 31 considered
  kbm idea 31 done --tell tomorrow       (plans a follow-up to tell the customer)"""),
}

Command = Callable[[str, str], argparse.ArgumentParser]


def add_commands(command: Command) -> None:
    p = command("promises", _("List promises, or how reliably they are kept."))
    _choice(p, "--status", "promise_status", default="open")
    p.add_argument("--stats", action="store_true",
                   help=_("share kept on time, kept late and broken: this month and last"))
    p.add_argument("--by-staff", action="store_true",
                   help=_("with --stats: per staff member"))
    p.add_argument("--json", action="store_true")
    for name, help_text in (("kept", _("Mark a promise kept.")),
                            ("broken", _("Mark a promise broken, with the reason.")),
                            ("done", _("Mark a follow-up done."))):
        p = command(name, help_text)
        p.add_argument("id", type=ID, metavar=_("id"),
                       help=_("its number, as shown by kbm today"))
        if name == "broken":
            p.add_argument("reason", metavar=_("reason"))

    p = command("prefer", _("Record how a customer wants to be contacted (their choice)."))
    p.add_argument("customer", metavar=_("customer"))
    p.add_argument("--via", metavar=_("CHANNEL"), help=_("the channel they prefer"))
    p.add_argument("--person", metavar=_("STAFF"), help=_("who they prefer to deal with"))
    p.add_argument("--every", metavar=_("DAYS"),
                   help=_("how often they want to hear from us (4w, 90)"))
    p.add_argument("--only-when-asked", action="store_true",
                   help=_("contact only when they ask"))
    p.add_argument("--do-not-contact", metavar=_("REASON"), help=_("never contact them, and why"))
    p.add_argument("--allow-contact", action="store_true", help=_("lift do-not-contact"))
    p.add_argument("--no-ads", action="store_true",
                   help=_("they object to advertising (newsletters, offers they did not ask "
                          "for); calls back, answers and quotes they asked for stay welcome"))
    p.add_argument("--allow-ads", action="store_true",
                   help=_("they withdraw their objection to advertising"))
    p.add_argument("--clear", action="store_true",
                   help=_("forget their wishes (an objection to advertising stays until "
                          "--allow-ads)"))

    p = command("renegotiate", _("Agree a new due time for a promise with the customer."))
    p.add_argument("id", type=ID, metavar=_("id"))
    p.add_argument("due", metavar=_("WHEN"))
    p.add_argument("reason", metavar=_("reason"))

    command("complaints", _("Open complaints, oldest first, and how long resolving takes."))
    p = command("resolve", _("Close a complaint with a note of what was done."))
    p.add_argument("id", type=ID, metavar=_("id"))
    p.add_argument("resolution", metavar=_("resolution"))

    p = command("ideas", _("Feedback and ideas from every customer."))
    _choice(p, "--status", "idea_status")
    p.add_argument("--json", action="store_true")
    p = command("idea", _("Mark an idea new, considered or done."))
    p.add_argument("id", type=ID, metavar=_("id"))
    _choice(p, "status", "idea_status")
    p.add_argument("--tell", metavar=_("WHEN"), help=_("plan a follow-up to tell the customer"))
