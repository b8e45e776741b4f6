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
    screens: bool = False  # one of the screen keys (t c v p f i), last in the footer


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


SCREEN_ORDER = tuple(f"app.{mode}" for _key, mode, _label, _detail in SCREEN_KEYS)


def _table() -> tuple[Action, ...]:
    a = Action
    screens = tuple(a(f"app.{mode}", key, f"goto('{mode}')", label, label, palette=label,
                      palette_help=detail, screens=True)
                    for key, mode, label, detail in SCREEN_KEYS)
    return screens + (
        # --- everywhere ---------------------------------------------------------------------
        a("app.quick_log", "l", "quick_log", N_("Log"),
          N_("Log a conversation (the quick-log dialog)"), palette=N_("Log a conversation"),
          palette_help=N_("The quick-log dialog (l)")),
        a("app.new_customer", "n", "new_customer", N_("New customer"), N_("Add a customer"),
          palette=N_("New customer"), palette_help=N_("Add a customer (n)"), show=False),
        a("app.undo", "u", "undo", N_("Undo"),
          N_("Undo the last change made in this terminal (says what it undid)"),
          palette=N_("Undo"), palette_help=N_("Undo the last change made here (u)")),
        a("app.redo", "ctrl+y", "redo", N_("Redo"), N_("Redo what was undone"),
          palette=N_("Redo"), palette_help=N_("Redo what was undone (ctrl+y or shift+u)"),
          show=False),
        a("app.redo_shift", "U", "redo", N_("Redo"), N_("Redo what was undone"), show=False),
        a("app.backup", "B", "backup", N_("Back up"),
          N_("Back up everything now (a zip of CSV files)"), palette=N_("Back up now"),
          palette_help=N_("Everything as a zip of CSV files, with a progress bar (B)"),
          show=False),
        a("app.restore", "ctrl+r", "restore_backup", N_("Restore"),
          N_("Restore a backup or a safety copy (shows what it holds first)"),
          palette=N_("Restore a backup"),
          palette_help=N_("Bring back a backup zip or a daily safety copy, after a look "
                          "inside (ctrl+r)"), show=False),
        # Moving in and out: offered in the palette (ctrl+p), no key of their own.
        a("app.import", "", "import_customers", N_("Import"),
          N_("Import customers from a vCard, CSV or Excel file"),
          # Translators: the palette finds an entry by its name only: keep the word a shop
          # owner searches for ("importieren") beside your own.
          palette=N_("Import customers"),
          palette_help=N_("From the phone, Google, Outlook or a spreadsheet, with a preview")),
        a("app.duplicates", "", "duplicates", N_("Duplicates"),
          N_("Customers who may be one person"), palette=N_("Find duplicates"),
          palette_help=N_("Customers who may be one person, to make them one card")),
        a("app.vcard", "", "move_out('vcard')", N_("vCard"), N_("Customers as vCard"),
          palette=N_("Customers as vCard"),
          palette_help=N_("For the phone, Google Contacts or Thunderbird")),
        a("app.calendar", "", "move_out('calendar')", N_("Calendar"),
          N_("Promises and follow-ups as a calendar file"),
          palette=N_("Promises and follow-ups as a calendar"),
          palette_help=N_("An .ics file: the phone's calendar reminds you")),
        a("app.help", "question_mark", "help", N_("Help"), N_("Help: every key"),
          palette=N_("Help: keys"), palette_help=N_("Every key (? or F1)")),
        a("app.help_anywhere", "f1", "help", N_("Help"), N_("Help: every key"), show=False,
          priority=True),
        # Translators: the footer's word for the command palette (ctrl+p)
        a("app.palette", "ctrl+p", "command_palette", N_("palette"),
          N_("Command palette: every action, any customer by name, themes"), show=False,
          priority=True),
        # Each language is offered in its own words, so a person who can't read the other
        # one still finds the way back: these stay as they are in both languages.
        a("app.german", "", "language('de')", "Deutsch", "Die App auf Deutsch",
          palette="Deutsch", palette_help="Die App auf Deutsch (wird gemerkt)"),
        a("app.english", "", "language('en')", "English", "The app in English",
          palette="English", palette_help="The app in English (remembered)"),
        a("app.quit", "ctrl+q", "", N_("Quit"), N_("Quit")),
        # --- lists ---------------------------------------------------------------------------
        a("table.up", "up", "cursor(-1)", N_("Previous row"), N_("Previous row"), show=False),
        a("table.down", "down", "cursor(1)", N_("Next row"), N_("Next row"), show=False),
        a("table.pageup", "pageup", "page(-1)", N_("A page up"), N_("A page up"), show=False),
        a("table.pagedown", "pagedown", "page(1)", N_("A page down"), N_("A page down"),
          show=False),
        a("table.home", "home", "jump(0)", N_("First row"), N_("First row"), show=False),
        a("table.end", "end", "jump(-1)", N_("Last row"), N_("Last row"), show=False),
        a("table.select", "enter", "select", N_("Open the customer"), N_("Open the customer"),
          show=False),
        a("form.next", "tab,shift+tab", "", N_("Next field"), N_("Next / previous field")),
        a("table.mouse", "mouse", "", N_("Mouse"), N_("Click a row; double-click opens it")),
        # --- on a promise, follow-up or conversation -----------------------------------------
        a("row.kept", "k", "kept", N_("Kept"), N_("Promise kept"),
          palette=N_("Mark the promise kept")),
        a("row.broken", "b", "broken", N_("Broken"), N_("Promise broken (asks why)"),
          palette=N_("Mark the promise broken (with a reason)")),
        a("row.renegotiate", "g", "renegotiate", N_("New time"),
          N_("Promise: a new due time agreed with the customer (asks why; the earlier times "
             "stay in its history) · Follow-up: move it to another day"),
          palette=N_("Renegotiate the promise: a new due time agreed with the customer")),
        a("row.done", "d", "done", N_("Done"), N_("Follow-up done"),
          palette=N_("Mark the follow-up done")),
        a("row.snooze", "s", "snooze", N_("Snooze"),
          N_("Snooze a follow-up: tomorrow, next week, a day"),
          palette=N_("Snooze or put off the follow-up")),
        a("row.reschedule", "g", "reschedule", N_("Reschedule"),
          N_("Follow-up: move it to another day (and time)"),
          palette=N_("Reschedule the follow-up to another day")),
        a("row.resolve", "R", "resolve", N_("Resolve"),
          N_("Resolve a complaint, with a note of what was done"),
          palette=N_("Resolve the complaint (with a note of what was done)")),
        a("row.delete", "delete", "delete", N_("Delete"),
          N_("Delete a conversation (to the archive)"),
          palette=N_("Delete the conversation (to the archive)")),
        a("row.restore", "r", "restore", N_("Restore"), N_("Bring a deleted conversation back"),
          palette=N_("Bring the deleted conversation back")),
        # --- Customers -----------------------------------------------------------------------
        a("customers.new", "n", "app.new_customer", N_("New"), N_("Add a customer"),
          palette=N_("Add a customer")),
        a("customers.edit", "e", "edit", N_("Edit"), N_("Edit the customer's card"),
          palette=N_("Edit the customer")),
        a("customers.archive", "a", "archive", N_("Archive"),
          N_("Archive the customer (asks first), or bring an archived one back"),
          palette=N_("Archive the customer")),
        a("customers.sort", "o", "sort", N_("Sort"),
          N_("Sort by name, last contact or newest (or click a heading)"),
          palette=N_("Sort the customers differently")),
        a("customers.find", "slash", "find", N_("Filter"),
          N_("Type to filter: name, phone, address, email, tags, notes (escape: to the list)"),
          palette=N_("Filter the customers")),
        a("customers.to_list", "escape", "to_list", N_("To the list"),
          N_("From the filter to the list (or ↓)")),
        a("customers.archived", "ctrl+a", "toggle_archived", N_("Archived"),
          N_("Show archived customers too"), palette=N_("Show archived customers too"),
          show=False),
        # --- a customer ----------------------------------------------------------------------
        a("customer.back", "escape", "back", N_("Back"), N_("Back to the list"),
          palette=N_("Back")),
        a("customer.log", "l", "log", N_("Log"), N_("Log a conversation with this customer"),
          palette=N_("Log a conversation with this customer")),
        a("customer.promise", "m", "plan('promise')", N_("Promise"),
          N_("Make a promise to this customer"), palette=N_("Make a promise to this customer")),
        a("customer.followup", "w", "plan('followup')", N_("Follow-up"),
          N_("Plan a follow-up with this customer"),
          palette=N_("Plan a follow-up with this customer")),
        a("customer.wishes", "W", "wishes", N_("Wishes"),
          N_("Their contact wishes: channel, person, how often, no advertising, do not "
             "contact"),
          palette=N_("Edit the customer's contact wishes")),
        a("customer.edit", "e", "edit", N_("Edit"), N_("Edit the card"),
          palette=N_("Edit the customer")),
        a("customer.archive", "a", "archive", N_("Archive"),
          N_("Archive this customer (asks first)"), palette=N_("Archive the customer"),
          show=False),
        a("customer.export", "x", "export", N_("Export data"),
          N_("Export everything stored about this customer (a zip file)"),
          palette=N_("Export this customer's data"), show=False),
        a("customer.forget", "F", "forget", N_("Forget"),
          N_("Forget this customer: erase everything about them (asks for the name)"),
          palette=N_("Forget this customer (erase everything about them)"), show=False),
        a("customer.merge", "M", "look_alike", N_("Merge"),
          N_("Cards that look like this one, side by side, to make them one"), show=False),
        # --- Conversations -------------------------------------------------------------------
        a("conversations.find", "slash", "find", N_("Filter"),
          N_("Filter by words in the summary"), palette=N_("Filter the conversations")),
        a("conversations.clear", "x", "clear", N_("Clear filters"), N_("Clear every filter"),
          palette=N_("Clear every filter")),
        a("conversations.to_list", "escape", "to_list", N_("To the list"),
          N_("From a filter to the list")),
        # --- Ideas ---------------------------------------------------------------------------
        a("ideas.new", "1", "idea('new')", N_("New"), N_("Mark the idea new"),
          palette=N_("Mark the idea new")),
        a("ideas.considered", "2", "idea('considered')", N_("Considered"),
          N_("Mark the idea considered (we are thinking about it)"),
          palette=N_("Mark the idea considered")),
        a("ideas.done", "3,d", "idea('done')", N_("Done"),
          N_("Mark the idea done, then offer a follow-up to tell the customer"),
          palette=N_("Mark the idea done (and offer to tell the customer)")),
        # --- tabs ----------------------------------------------------------------------------
        *(a(f"{screen}.{step}", key, f"view({n})", label, label, show=False)
          for screen in ("promises", "followups", "ideas")
          for step, key, n, label in (("prev", "left", -1, N_("Previous tab")),
                                      ("next", "right", 1, N_("Next tab")))),
        a("tabs", "left,right", "", N_("Tabs"),
          N_("Promises: open, overdue, no due time, kept, broken, all; Follow-ups: overdue, "
             "today, upcoming, all open; Ideas: all, new, considered, done")),
        # --- forms ---------------------------------------------------------------------------
        a("form.save", "ctrl+s", "save", N_("Save"), N_("Save (enter on the last field too)")),
        a("form.cancel", "escape", "cancel", N_("Cancel"), N_("Cancel")),
        a("form.pick", "up,down,enter", "", N_("Choose"),
          N_("Choose a customer from the matches")),
        # --- small dialogs (no footer; their words show in the palette over them) ----------
        a("dialog.cancel", "escape", "cancel", N_("Cancel"), N_("Cancel"), show=False),
        a("confirm.no", "escape,n", "answer(False)", N_("Cancel"), N_("Cancel"), show=False),
        a("confirm.yes", "y", "answer(True)", N_("Yes"), N_("Yes"), show=False),
        a("snooze.tomorrow", "1", "days(1)", N_("Tomorrow"), N_("Snooze until tomorrow"),
          show=False),
        a("snooze.week", "7", "days(7)", N_("Next week"), N_("Snooze for a week"),
          show=False),
        a("help.close", "escape,q,question_mark,f1", "close", N_("Close"),
          N_("Close the help"), show=False),
    )


ACTIONS: dict[str, Action] = {action.id: action for action in _table()}

# The help screen: its sections and the actions in each, in order.
HELP = (
    (N_("Everywhere"), ("app.today", "app.customers", "app.conversations", "app.promises",
                        "app.followups", "app.ideas", "app.quick_log", "app.new_customer",
                        "app.undo", "app.redo", "app.redo_shift", "app.backup",
                        "app.restore", "app.import", "app.duplicates", "app.vcard", "app.calendar",
                        "app.help", "app.help_anywhere", "app.palette", "app.quit")),
    (N_("Lists"), ("table.up", "table.down", "table.pageup", "table.pagedown", "table.home",
                   "table.end", "table.select", "form.next", "table.mouse")),
    (N_("On a promise, follow-up or conversation"), (
        "row.kept", "row.broken", "row.renegotiate", "row.done", "row.snooze", "row.resolve",
        "row.delete", "row.restore", "app.undo")),
    (N_("Customers"), ("customers.new", "customers.edit", "customers.archive",
                       "customers.sort", "customers.find", "customers.to_list",
                       "customers.archived")),
    (N_("A customer"), ("customer.back", "customer.log", "customer.promise",
                        "customer.followup", "customer.wishes", "customer.edit",
                        "customer.archive", "customer.export", "customer.forget",
                        "customer.merge")),
    (N_("Conversations"), ("conversations.find", "conversations.clear",
                           "conversations.to_list")),
    (N_("Ideas"), ("ideas.new", "ideas.considered", "ideas.done")),
    (N_("Promises, Follow-ups, Ideas"), ("tabs",)),
    (N_("Forms"), ("form.save", "form.cancel", "form.pick")),
)


def binding(action_id: str) -> Binding:
    item = ACTIONS[action_id]
    return Binding(item.keys, item.action, _(item.label), show=item.show,
                   priority=item.priority, id=item.id, tooltip=_(item.help))


def relabel() -> None:
    """Every kbm class's bindings in the language now in use.

    Textual merges a class's bindings once, when the class is defined, and each new widget
    or screen copies them: so this runs when the language changes, before anything is made.
    """
    for cls in _subclasses(DOMNode):
        if not cls.__module__.startswith("kbm_tui."):
            continue
        # The class's own list too: a subclass defined later merges it again.
        own = cls.__dict__.get("BINDINGS")
        if isinstance(own, list):
            own[:] = [_translated(b) if isinstance(b, Binding) else b for b in own]
        merged = cls._merged_bindings
        if merged is not None:
            for key, found in merged.key_to_bindings.items():
                merged.key_to_bindings[key] = [_translated(b) for b in found]


def _translated(old: Binding) -> Binding:
    if old.id not in ACTIONS:
        return old
    new = binding(old.id)
    return dataclasses.replace(old, description=new.description, tooltip=new.tooltip)


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

# What the footer keeps when not every key fits (lower first; see ui/footer.py): help and
# what can be done with the row at hand, then the screen's main keys, then the rest of the
# screen's keys, those seldom needed after them, and last the screen keys, which the bar
# at the top shows as well (Today first, Ideas last: the one left out first).
_FOOTER_FIRST = ("customer.log", "customer.promise", "customer.followup", "app.quick_log")
_FOOTER_SELDOM = ("customers.archive", "customer.back")


def footer_rank(group: object, action_id: str | None) -> int:
    if group is not None or action_id is None or action_id not in ACTIONS:
        return 4
    if action_id in ROW or action_id in ("app.help", "app.help_anywhere"):
        return 0
    if action_id in _FOOTER_FIRST:
        return 1
    if ACTIONS[action_id].screens:
        return 4 + SCREEN_ORDER.index(action_id)
    return 3 if action_id in _FOOTER_SELDOM else 2
