"""Open promises and follow-ups as an iCalendar file (RFC 5545, with the icalendar
library), so the shop's phone calendar reminds them.

Each becomes a VEVENT with an alarm (what every phone calendar imports; Google's ignores
tasks), or with `todo` a VTODO with a due time. A due time is the event's start; a due day
is an all-day event whose alarm rings at the shop's morning time. UIDs stay the same from
one export to the next, so importing the file again updates the entries instead of
doubling them; a repeating follow-up carries its repeat rule. Open-ended promises ("when
the part arrives") have no time to remind of and are left out (and counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from kbm_tui.core import clock
from kbm_tui.core.i18n import _
from kbm_tui.core.records import Followup, Promise
from kbm_tui.core.settings import Settings


@dataclass(frozen=True)
class Written:
    promises: int
    followups: int
    open_ended: int


def _rule(every_days: int) -> dict[str, Any]:
    if every_days % 7 == 0:
        return {"FREQ": "WEEKLY", "INTERVAL": every_days // 7}
    return {"FREQ": "DAILY", "INTERVAL": every_days}


def _timing(entry: Any, day: date, at: datetime | None, todo: bool, morning: time) -> None:
    from icalendar import Alarm

    if todo:
        entry.add("due", at if at else day)
    elif at:
        entry.add("dtstart", at)
        entry.add("duration", timedelta(minutes=15))
    else:
        entry.add("dtstart", day)
        entry.add("dtend", day + timedelta(days=1))
        entry.add("transp", "TRANSPARENT")  # an all-day reminder doesn't make the day busy
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", entry["summary"])
    if at:
        alarm.add("trigger", timedelta(minutes=-15))
    else:  # the morning of the day
        alarm.add("trigger", timedelta(hours=morning.hour, minutes=morning.minute))
    entry.add_component(alarm)


def build(promises: list[Promise], followups: list[Followup], token: str, *,
          todo: bool = False, phones: dict[int, str] | None = None) -> tuple[bytes, Written]:
    from icalendar import Calendar, Event, Todo

    phones = phones or {}
    morning = Settings.load().clock_time("morning")
    calendar = Calendar()
    calendar.add("prodid", "-//kbm-tui//kbm calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Promises and follow-ups (kbm-tui)"))
    stamp = clock.now()
    kind = Todo if todo else Event
    written_promises = open_ended = 0
    for promise in promises:
        if promise.due_day is None:
            open_ended += 1
            continue
        entry = kind()
        entry.add("uid", f"kbm-promise-{promise.id}-{token}@kbm-tui")
        entry.add("dtstamp", stamp)
        entry.add("summary", _("Promise to {customer}: {text}").format(
            customer=promise.customer_name, text=promise.text))
        entry.add("description", _details(promise.customer_name, phones.get(promise.customer_id),
                                          promise.staff_name))
        entry.add("categories", [_("Promise")])
        _timing(entry, promise.due_day, promise.due_at, todo, morning)
        calendar.add_component(entry)
        written_promises += 1
    for followup in followups:
        entry = kind()
        entry.add("uid", f"kbm-followup-{followup.id}-{token}@kbm-tui")
        entry.add("dtstamp", stamp)
        entry.add("summary", _("Follow up with {customer}: {text}").format(
            customer=followup.customer_name, text=followup.text))
        entry.add("description", _details(followup.customer_name,
                                          phones.get(followup.customer_id), followup.staff_name))
        entry.add("categories", [_("Follow-up")])
        at = followup.due_at if not followup.snoozed_until else None
        _timing(entry, followup.effective_day, at, todo, morning)
        if followup.every_days:
            entry.add("rrule", _rule(followup.every_days))
        calendar.add_component(entry)
    return calendar.to_ical(), Written(written_promises, len(followups), open_ended)


def _details(customer: str, phone: str | None, staff: str | None) -> str:
    lines = [_("Customer: {name}").format(name=customer)]
    if phone:
        lines.append(_("Phone: {phone}").format(phone=phone))
    if staff:
        lines.append(_("By: {name}").format(name=staff))
    return "\n".join(lines)
