"""Ideas and feedback from every customer, in one list: new, considered, done.

Marking one done offers a follow-up to tell the customer who had the idea.
"""

from __future__ import annotations

from rich.text import Text

from kbm_tui.core.i18n import N_, _
from kbm_tui.core.records import Conversation
from kbm_tui.core.text import short
from kbm_tui.screens.tabbed_list import TabbedListScreen
from kbm_tui.ui import actions, fmt, said
from kbm_tui.widgets.table_columns import NAME_WIDTH, narrow_and_wide, who_columns
from kbm_tui.widgets.virtual_table import Column, Fetch

STATUS_STYLES = {"new": "bold yellow", "considered": "cyan", "done": "green"}


def _status(c: Conversation) -> Text:
    status = c.idea_status or "new"
    return Text(fmt.idea_state(status), style=STATUS_STYLES.get(status, ""))


def tell_text(idea: Conversation) -> str:
    """The follow-up that closes the loop (the words of `kbm idea … --tell`)."""
    return _('Tell them what became of their idea: "{idea}"').format(idea=short(idea.summary))


class IdeasScreen(TabbedListScreen):
    """Mark an idea considered (2) or done (3 or d); new (1) puts it back."""

    MODE = "ideas"
    BINDINGS = actions.bindings("ideas.prev", "ideas.next", "ideas.new", "ideas.considered",
                                "ideas.done")
    VIEWS = (("all", N_("All")), ("new", N_("New")), ("considered", N_("Considered")),
             ("done", N_("Done")))
    EMPTIES = {
        "all": N_("No ideas or feedback yet. Log one with l and the kind “feedback/idea”."),
        "new": N_("No new ideas: every one has been looked at."),
        "considered": N_("No idea is being considered right now."),
        "done": N_("No idea has been done yet."),
    }
    COLUMNS = [
        *narrow_and_wide(
            Column("at", N_("When"), lambda c: fmt.moment(c.at, compact=True),
                   width=fmt.COMPACT_MOMENT_WIDTH),
            Column("at", N_("When"), lambda c: fmt.moment(c.at), width=fmt.MOMENT_WIDTH)),
        Column("customer", N_("Customer"), lambda c: Text(c.customer_name), ratio=2,
               max_width=28, min_width=NAME_WIDTH),
        Column("summary", N_("Idea or feedback"), lambda c: Text(short(c.summary, 300)),
               ratio=5),
        Column("channel", N_("Channel"), lambda c: fmt.channel_cell(c.channel),
               width=fmt.by_language(9, 10), hide_below=118),
        *who_columns(lambda c: c.staff_name or "", N_("Heard by")),
        Column("status", N_("Status"), _status, width=10),
    ]
    LIST_ID, TABS_ID, TAB_ID_PREFIX = "idea-list", "idea-tabs", "iv-"
    KEYS_HINT = N_("mark 1 new, 2 considered, 3 done")

    def fetch(self, view: str) -> Fetch:
        status = None if view == "all" else view
        return lambda s, offset, limit: s.ideas(status=status, offset=offset, limit=limit)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "idea":
            item = self.current_item()
            return (isinstance(item, Conversation) and item.kind == "feedback"
                    and (item.idea_status or "new") != parameters[0])
        return super().check_action(action, parameters)

    def action_idea(self, status: str) -> None:
        item = self.current_item()
        if not isinstance(item, Conversation):
            return
        iid = item.id

        def saved(idea: Conversation) -> None:
            self.changed(_("Idea from {name} is {state}").format(
                             name=idea.customer_name, state=fmt.idea_state(status)))
            if status == "done":
                self._offer_to_tell(idea)

        self.db_change(lambda s: s.set_idea_status(iid, status), said.idea, saved,
                       refs=[("conversation", iid)])

    def _offer_to_tell(self, idea: Conversation) -> None:
        from kbm_tui.screens.confirm import ConfirmDialog
        from kbm_tui.screens.plan import PlanDialog

        def plan(customer) -> None:
            self.app.push_screen(PlanDialog("followup", customer, text=tell_text(idea),
                                            # what a person would type: "morgen"
                                            due=_("tomorrow")),
                                 lambda f: self.app.reload_screens() if f else None)

        def answered(yes: bool | None) -> None:
            if yes:
                cid = idea.customer_id
                self.db_read(lambda s: s.get_customer(cid), plan, group="tell")

        self.app.push_screen(ConfirmDialog(
            _("Tell {name}?").format(name=idea.customer_name),
            _("“{idea}” is done. Plan a follow-up to tell them what became of their "
              "idea?").format(idea=short(idea.summary, 120)), yes=_("Plan a follow-up")),
            answered)
