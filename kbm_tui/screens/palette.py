"""The command palette (ctrl+p): every action, and every customer by name."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

ACTIONS = (
    ("Today", "The day: overdue promises, due today, follow-ups, today's talks", "goto('today')"),
    ("Customers", "Find, add, edit and archive customers", "goto('customers')"),
    ("Conversations", "All conversations, filtered by channel, kind, staff, days",
     "goto('conversations')"),
    ("Promises", "Open, overdue, kept and broken promises", "goto('promises')"),
    ("Follow-ups", "Overdue, today and upcoming follow-ups", "goto('followups')"),
    ("Ideas", "Feedback and ideas from every customer: new, considered, done",
     "goto('ideas')"),
    ("Log a conversation", "The quick-log dialog (l)", "quick_log"),
    ("New customer", "Add a customer (n)", "new_customer"),
    ("Undo", "Undo the last change (u)", "undo"),
    ("Back up now", "Everything as a zip of CSV files, with a progress bar (B)", "backup"),
    ("Help: keys", "Every key (? or F1)", "help"),
)

LONG_NAMES = {  # footer words are short; the palette can say more
    "kept": "Mark the promise kept", "broken": "Mark the promise broken (with a reason)",
    "done": "Mark the follow-up done", "snooze": "Snooze or put off the follow-up",
    "delete": "Delete the conversation (to the archive)",
    "restore": "Bring the deleted conversation back", "edit": "Edit the customer",
    "archive": "Archive the customer", "sort": "Sort the customers differently",
    "log": "Log a conversation with this customer", "back": "Back",
    "renegotiate": "Renegotiate the promise: a new due time agreed with the customer",
    "reschedule": "Reschedule the follow-up to another day",
    "resolve": "Resolve the complaint (with a note of what was done)",
    "wishes": "Edit the customer's contact wishes", "export": "Export this customer's data",
    "forget": "Forget this customer (erase everything about them)",
    "plan('promise')": "Make a promise to this customer",
    "plan('followup')": "Plan a follow-up with this customer",
    "idea('new')": "Mark the idea new", "idea('considered')": "Mark the idea considered",
    "idea('done')": "Mark the idea done (and offer to tell the customer)",
}


class ActionsProvider(Provider):
    """The app's own actions, and those of the screen the palette was opened on."""

    def _commands(self) -> list[tuple[str, str, object]]:
        commands = [(name, help_text, partial(self.app.run_action, action))
                    for name, help_text, action in ACTIONS]
        known = {name for name, _, _ in commands}
        for node, binding, enabled, _tip in self.screen.active_bindings.values():
            name = LONG_NAMES.get(binding.action) or LONG_NAMES.get(
                binding.action.split("(")[0], binding.description)
            if enabled and node is not self.app and name not in known:
                known.add(name)
                key = self.app.get_key_display(binding)
                commands.append((name, f"on this screen (key: {key})",
                                 partial(self.app.run_action, binding.action, node)))
        return commands

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)


class CustomersProvider(Provider):
    """Jump to any customer: type part of a name, phone number or email."""

    async def search(self, query: str) -> Hits:
        if len(query.strip()) < 2:
            return
        app = self.app
        found = await asyncio.to_thread(app.db, lambda s: s.find_customers(query, limit=12))
        matcher = self.matcher(query)
        for customer in found:
            detail = " · ".join(x for x in (customer.phone, customer.email) if x)
            score = max(matcher.match(customer.name), 0.5)
            yield Hit(score, matcher.highlight(customer.name),
                      partial(app.open_customer, customer.id),
                      text=customer.name, help=f"customer  {detail}".strip())
