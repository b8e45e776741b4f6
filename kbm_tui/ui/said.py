"""What a change was, in words: the undo history's entries ("Undone: …", "Redone: …").

Each function takes the record as the change left it and names the customer and the text,
so a person can tell which change an undo reverted.
"""

from __future__ import annotations

from kbm_tui.core.i18n import _
from kbm_tui.core.records import Contact, Conversation, Customer, Followup, Promise
from kbm_tui.core.text import short
from kbm_tui.ui import fmt


def _text(text: str) -> str:
    return short(text, 40)


def kept(p: Promise) -> str:
    return _("{name}'s promise “{text}” marked kept").format(name=p.customer_name,
                                                            text=_text(p.text))


def broken(p: Promise) -> str:
    return _("{name}'s promise “{text}” marked broken").format(name=p.customer_name,
                                                              text=_text(p.text))


def renegotiated(p: Promise) -> str:
    return _("{name}'s promise “{text}” moved to {due}").format(
        name=p.customer_name, text=_text(p.text), due=fmt.promise_due(p))


def done(f: Followup) -> str:
    return _("follow-up with {name} “{text}” marked done").format(name=f.customer_name,
                                                                  text=_text(f.text))


def done_with_outcome(f: Followup) -> str:
    return _("follow-up with {name} “{text}” marked done, with what came of it").format(
        name=f.customer_name, text=_text(f.text))


def snoozed(f: Followup) -> str:
    return _("follow-up with {name} “{text}” snoozed until {day}").format(
        name=f.customer_name, text=_text(f.text), day=fmt.said_day(f.effective_day))


def moved(f: Followup) -> str:
    return _("follow-up with {name} “{text}” moved to {due}").format(
        name=f.customer_name, text=_text(f.text), due=fmt.followup_due(f))


def resolved(c: Conversation) -> str:
    return _("{name}'s complaint “{text}” resolved").format(name=c.customer_name,
                                                           text=_text(c.summary))


def deleted(c: Conversation) -> str:
    return _("conversation with {name} “{text}” deleted").format(name=c.customer_name,
                                                                 text=_text(c.summary))


def brought_back(c: Conversation) -> str:
    return _("conversation with {name} “{text}” brought back").format(
        name=c.customer_name, text=_text(c.summary))


def idea(c: Conversation) -> str:
    return _("{name}'s idea “{text}” marked {state}").format(
        name=c.customer_name, text=_text(c.summary), state=fmt.idea_state(c.idea_status or "new"))


def contact(result: Contact) -> str:
    c, p, f = result.conversation, result.promise, result.followup
    if c is None:
        if p is not None:
            return _("promise to {name} “{text}”").format(name=p.customer_name,
                                                          text=_text(p.text))
        assert f is not None
        return _("follow-up with {name} “{text}” planned").format(name=f.customer_name,
                                                                  text=_text(f.text))
    name, text = c.customer_name, _text(c.summary)
    if p is not None and f is not None:
        message = _("conversation with {name} “{text}” logged, with a promise and a follow-up")
    elif p is not None:
        message = _("conversation with {name} “{text}” logged, with a promise")
    elif f is not None:
        message = _("conversation with {name} “{text}” logged, with a follow-up")
    else:
        message = _("conversation with {name} “{text}” logged")
    return message.format(name=name, text=text)


def added(c: Customer) -> str:
    return _("new customer {name}").format(name=c.name)


def edited(c: Customer) -> str:
    return _("{name}'s card edited").format(name=c.name)


def wishes(c: Customer) -> str:
    return _("{name}'s contact wishes changed").format(name=c.name)


def archived(c: Customer) -> str:
    if c.archived_at is None:
        return _("{name} brought back from the archive").format(name=c.name)
    return _("{name} archived").format(name=c.name)
