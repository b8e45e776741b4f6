"""Every key of the app in one table: its footer word, what it does, and its name in the
command palette. The bindings of the app, the screens and the lists, the palette (ctrl+p)
and the help screen (?) are all made from this table, so a key or a word changes here.

The words are English catalogue keys (marked with N_) and are translated where shown; the
bindings, which Textual builds when a class is defined, are translated again by `relabel()`
whenever the language changes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from kbm_tui.core.i18n import N_, _


@dataclass(frozen=True)
class Action:
    id: str  # the binding id (a keymap can change the keys by it)
    keys: str  # Textual key names, comma-separated
    action: str  # what runs; "" for keys Textual or a widget handles itself
    label: str  # the footer's word
    help: str  # what it does, for the help screen
    palette: str = ""  # its name in the command palette, when it is offered there
    palette_help: str = ""  # the palette's second line, for the app-wide actions
    show: bool = True  # in the footer
    priority: bool = False
    screens: bool = False  # one of the screen keys (t c v p f i), grouped in the footer


SCREENS = N_("Screens")  # the footer's name for the screen keys t c v p f i
SCREEN_KEYS = (
    ("t", "today", N_("Today"),
     N_("The day: overdue promises, due today, follow-ups, today's talks")),
    ("c", "customers", N_("Customers"), N_("Find, add, edit and archive customers")),
    ("v", "conversations", N_("Conversations"),
     N_("All conversations, filtered by channel, kind, staff, days")),
    ("p", "promises", N_("Promises"), N_("Open, overdue, kept and broken promises")),
    ("f", "followups", N_("Follow-ups"), N_("Overdue, today and upcoming follow-ups")),
    ("i", "ideas", N_("Ideas"),
     N_("Feedback and ideas from every customer: new, considered, done")),
)


def _table() -> tuple[Action, ...]:
    a = Action
    screens = tuple(a(f"app.{mode}", key, f"goto('{mode}')", label, label, palette=label,
                      palette_help=detail, screens=True)
                    for key, mode, label, detail in SCREEN_KEYS)
    return screens + (
        # --- everywhere ---------------------------------------------------------------------
        a("app.quick_log", "l", "quick_log", "Log", "Log a conversation (the quick-log dialog)",
          palette="Log a conversation", palette_help="The quick-log dialog (l)"),
        a("app.new_customer", "n", "new_customer", "New customer", "Add a customer",
          palette="New customer", palette_help="Add a customer (n)", show=False),
        a("app.undo", "u", "undo", "Undo", "Undo the last change", palette="Undo",
          palette_help="Undo the last change (u)"),
        a("app.backup", "B", "backup", "Back up", "Back up everything now (a zip of CSV files)",
          palette="Back up now",
          palette_help="Everything as a zip of CSV files, with a progress bar (B)", show=False),
        a("app.help", "question_mark", "help", "Help", "Help: every key", palette="Help: keys",
          palette_help="Every key (? or F1)"),
        a("app.help_anywhere", "f1", "help", "Help", "Help: every key", show=False,
          priority=True),
        a("app.palette", "ctrl+p", "command_palette", "palette",
          "Command palette: every action, any customer by name, themes", show=False,
          priority=True),
        a("app.german", "", "language('de')", "Deutsch", "Die App auf Deutsch",
          palette="Deutsch", palette_help="Die App auf Deutsch (wird gemerkt)"),
        a("app.english", "", "language('en')", "English", "The app in English",
          palette="English", palette_help="The app in English (remembered)"),
        a("app.quit", "ctrl+q", "", "Quit", "Quit"),
        # --- lists ---------------------------------------------------------------------------
        a("table.up", "up", "cursor(-1)", "Previous row", "Previous row", show=False),
        a("table.down", "down", "cursor(1)", "Next row", "Next row", show=False),
        a("table.pageup", "pageup", "page(-1)", "A page up", "A page up", show=False),
        a("table.pagedown", "pagedown", "page(1)", "A page down", "A page down", show=False),
        a("table.home", "home", "jump(0)", "First row", "First row", show=False),
        a("table.end", "end", "jump(-1)", "Last row", "Last row", show=False),
        a("table.select", "enter", "select", "Open the customer", "Open the customer",
          show=False),
        a("form.next", "tab,shift+tab", "", "Next field", "Next / previous field"),
        a("table.mouse", "mouse", "", "Mouse", "Click a row; double-click opens it"),
        # --- on a promise, follow-up or conversation -----------------------------------------
        a("row.kept", "k", "kept", "Kept", "Promise kept", palette="Mark the promise kept"),
        a("row.broken", "b", "broken", "Broken", "Promise broken (asks why)",
          palette="Mark the promise broken (with a reason)"),
        a("row.renegotiate", "g", "renegotiate", "New time",
          "Promise: a new due time agreed with the customer (asks why; the earlier times stay "
          "in its history) · Follow-up: move it to another day",
          palette="Renegotiate the promise: a new due time agreed with the customer"),
        a("row.done", "d", "done", "Done", "Follow-up done",
          palette="Mark the follow-up done"),
        a("row.snooze", "s", "snooze", "Snooze",
          "Snooze a follow-up: tomorrow, next week, a day",
          palette="Snooze or put off the follow-up"),
        a("row.reschedule", "g", "reschedule", "Reschedule",
          "Follow-up: move it to another day (and time)",
          palette="Reschedule the follow-up to another day"),
        a("row.resolve", "R", "resolve", "Resolve",
          "Resolve a complaint, with a note of what was done",
          palette="Resolve the complaint (with a note of what was done)"),
        a("row.delete", "delete", "delete", "Delete", "Delete a conversation (to the archive)",
          palette="Delete the conversation (to the archive)"),
        a("row.restore", "r", "restore", "Restore", "Bring a deleted conversation back",
          palette="Bring the deleted conversation back"),
        # --- Customers -----------------------------------------------------------------------
        a("customers.new", "n", "app.new_customer", "New", "Add a customer",
          palette="Add a customer"),
        a("customers.edit", "e", "edit", "Edit", "Edit the customer's card",
          palette="Edit the customer"),
        a("customers.archive", "a", "archive", "Archive",
          "Archive the customer (asks first), or bring an archived one back",
          palette="Archive the customer"),
        a("customers.sort", "o", "sort", "Sort",
          "Sort by name, last contact or newest (or click a heading)",
          palette="Sort the customers differently"),
        a("customers.find", "slash", "find", "Filter",
          "Type to filter: name, phone, email, tags, notes (escape: to the list)",
          palette="Filter the customers"),
        a("customers.archived", "ctrl+a", "toggle_archived", "Archived",
          "Show archived customers too", palette="Show archived customers too", show=False),
        # --- a customer ----------------------------------------------------------------------
        a("customer.back", "escape", "back", "Back", "Back to the list", palette="Back"),
        a("customer.log", "l", "log", "Log", "Log a conversation with this customer",
          palette="Log a conversation with this customer"),
        a("customer.promise", "m", "plan('promise')", "Promise",
          "Make a promise to this customer", palette="Make a promise to this customer"),
        a("customer.followup", "w", "plan('followup')", "Follow-up",
          "Plan a follow-up with this customer", palette="Plan a follow-up with this customer"),
        a("customer.wishes", "W", "wishes", "Wishes",
          "Their contact wishes: channel, person, how often, do not contact",
          palette="Edit the customer's contact wishes"),
        a("customer.edit", "e", "edit", "Edit", "Edit the card", palette="Edit the customer"),
        a("customer.archive", "a", "archive", "Archive", "Archive this customer (asks first)",
          palette="Archive the customer", show=False),
        a("customer.export", "x", "export", "Export data",
          "Export everything stored about this customer (a zip file)",
          palette="Export this customer's data", show=False),
        a("customer.forget", "F", "forget", "Forget",
          "Forget this customer: erase everything about them (asks for the name)",
          palette="Forget this customer (erase everything about them)", show=False),
        # --- Conversations -------------------------------------------------------------------
        a("conversations.find", "slash", "find", "Filter", "Filter by words in the summary",
          palette="Filter the conversations"),
        a("conversations.clear", "x", "clear", "Clear filters", "Clear every filter",
          palette="Clear every filter"),
        # --- Ideas ---------------------------------------------------------------------------
        a("ideas.new", "1", "idea('new')", "New", "Mark the idea new",
          palette="Mark the idea new"),
        a("ideas.considered", "2", "idea('considered')", "Considered",
          "Mark the idea considered (we are thinking about it)",
          palette="Mark the idea considered"),
        a("ideas.done", "3,d", "idea('done')", "Done",
          "Mark the idea done, then offer a follow-up to tell the customer",
          palette="Mark the idea done (and offer to tell the customer)"),
        # --- tabs ----------------------------------------------------------------------------
        *(a(f"{screen}.{step}", key, f"view({n})", label, label, show=False)
          for screen in ("promises", "followups", "ideas")
          for step, key, n, label in (("prev", "left", -1, "Previous tab"),
                                      ("next", "right", 1, "Next tab"))),
        a("tabs", "left,right", "", "Tabs",
          "Promises: open, overdue, no due time, kept, broken, all; Follow-ups: overdue, "
          "today, upcoming, all open; Ideas: all, new, considered, done"),
        # --- forms ---------------------------------------------------------------------------
        a("form.save", "ctrl+s", "save", "Save", "Save (enter on the last field too)"),
        a("form.cancel", "escape", "cancel", "Cancel", "Cancel"),
        a("form.pick", "up,down,enter", "", "Choose", "Choose a customer from the matches"),
    )


ACTIONS: dict[str, Action] = {action.id: action for action in _table()}

# The help screen: its sections and the actions in each, in order.
HELP = (
    ("Everywhere", ("app.today", "app.customers", "app.conversations", "app.promises",
                    "app.followups", "app.ideas", "app.quick_log", "app.new_customer",
                    "app.undo", "app.backup", "app.help", "app.help_anywhere", "app.palette",
                    "app.quit")),
    ("Lists", ("table.up", "table.down", "table.pageup", "table.pagedown", "table.home",
               "table.end", "table.select", "form.next", "table.mouse")),
    ("On a promise, follow-up or conversation", (
        "row.kept", "row.broken", "row.renegotiate", "row.done", "row.snooze", "row.resolve",
        "row.delete", "row.restore", "app.undo")),
    ("Customers", ("customers.new", "customers.edit", "customers.archive", "customers.sort",
                   "customers.find", "customers.archived")),
    ("A customer", ("customer.back", "customer.log", "customer.promise", "customer.followup",
                    "customer.wishes", "customer.edit", "customer.archive", "customer.export",
                    "customer.forget")),
    ("Conversations", ("conversations.find", "conversations.clear")),
    ("Ideas", ("ideas.new", "ideas.considered", "ideas.done")),
    ("Promises, Follow-ups, Ideas", ("tabs",)),
    ("Forms", ("form.save", "form.cancel", "form.pick")),
)
def binding(action_id: str) -> Binding:
    item = ACTIONS[action_id]
    return Binding(item.keys, item.action, _(item.label), show=item.show,
                   priority=item.priority, id=item.id, tooltip=_(item.help),
                   group=Binding.Group(_(SCREENS), compact=True) if item.screens else None)


def relabel() -> None:
    """Every kbm class's bindings in the language now in use.

    Textual merges a class's bindings once, when the class is defined, and each new widget
    or screen copies them: so this runs when the language changes, before anything is made.
    """
    for cls in _subclasses(DOMNode):
        merged = cls._merged_bindings
        if merged is None or not cls.__module__.startswith("kbm_tui."):
            continue
        for key, found in merged.key_to_bindings.items():
            merged.key_to_bindings[key] = [_translated(b) for b in found]


def _translated(old: Binding) -> Binding:
    if old.id not in ACTIONS:
        return old
    new = binding(old.id)
    return dataclasses.replace(old, description=new.description, tooltip=new.tooltip,
                               group=new.group)


def _subclasses(cls: type[DOMNode]) -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def bindings(*action_ids: str) -> list[BindingType]:
    """The Textual bindings of these actions, in this order."""
    return [binding(action_id) for action_id in action_ids]


ROW = ("row.kept", "row.broken", "row.renegotiate", "row.done", "row.snooze",
       "row.reschedule", "row.resolve", "row.delete", "row.restore")
ROW_ACTIONS = frozenset(ACTIONS[i].action for i in ROW)
