"""Plain, immutable records the store hands out: cheap to build, no ORM attached.

Field names are the table's column names (a test keeps them in step with models.py);
the extra fields at the end of a record come from joins.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from kbm_tui.core import timefmt
from kbm_tui.core.text import printable

if TYPE_CHECKING:
    from kbm_tui.core.when import Due


class Record:
    MOMENTS: ClassVar[tuple[str, ...]] = ()
    DAYS: ClassVar[tuple[str, ...]] = ()
    BOOLS: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_row(cls, row: Any) -> Self:
        """Build from a sqlite3.Row, converting stored text to dates and moments."""
        keys = row.keys()
        values = {f.name: row[f.name] for f in fields(cast(Any, cls)) if f.name in keys}
        for name, value in values.items():  # whatever a file holds is shown as text
            if isinstance(value, str):
                values[name] = printable(value)
        for name in cls.MOMENTS:
            if name in values:
                values[name] = timefmt.from_db(values[name])
        for name in cls.DAYS:
            if name in values:
                values[name] = timefmt.day_from_db(values[name])
        for name in cls.BOOLS:
            if name in values:
                values[name] = bool(values[name])
        return cls(**values)


@dataclass(frozen=True)
class Staff(Record):
    BOOLS = ("active",)
    MOMENTS = ("created_at",)
    id: int
    name: str
    role: str
    active: bool
    created_at: datetime


@dataclass(frozen=True)
class Customer(Record):
    MOMENTS = ("created_at", "updated_at", "archived_at", "last_contact_at", "no_ads_since")
    BOOLS = ("only_when_asked", "do_not_contact")
    id: int
    name: str
    phone: str | None
    email: str | None
    address: str | None
    notes: str | None
    tags: str | None
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None
    pref_channel: str | None
    pref_staff_id: int | None
    contact_every_days: int | None
    only_when_asked: bool
    do_not_contact: bool
    dnc_reason: str | None
    last_contact_at: datetime | None = None
    organization: str | None = None
    birthday: str | None = None  # YYYY-MM-DD, or --MM-DD without the year
    more_contacts: str | None = None  # further numbers, emails, addresses, one a line
    source_key: str | None = None
    no_ads_since: datetime | None = None  # objected to advertising then (GDPR Art. 21)
    pref_staff_name: str | None = None



@dataclass(frozen=True)
class CustomerSummary(Record):
    """One line of the customer list."""

    MOMENTS = ("last_contact_at", "archived_at", "no_ads_since")
    DAYS = ("next_followup_day",)
    id: int
    name: str
    phone: str | None
    email: str | None
    last_contact_at: datetime | None
    open_promises: int
    next_followup_day: date | None
    archived_at: datetime | None = None
    tags: str | None = None
    bought_cents: int = 0  # purchases and invoices, a sale logged as both once (core.money)
    no_ads_since: datetime | None = None  # for a mailing list that honours the objection


@dataclass(frozen=True)
class Conversation(Record):
    MOMENTS = ("at", "resolved_at", "created_at", "deleted_at")
    id: int
    customer_id: int
    at: datetime
    channel: str
    direction: str
    kind: str
    staff_id: int | None
    summary: str
    amount_cents: int | None
    against_wishes: str | None
    resolved_at: datetime | None
    resolution: str | None
    idea_status: str | None
    created_at: datetime
    deleted_at: datetime | None
    customer_name: str = ""
    staff_name: str | None = None


@dataclass(frozen=True)
class Promise(Record):
    MOMENTS = ("made_at", "due_at", "closed_at")
    DAYS = ("due_day",)
    id: int
    customer_id: int
    conversation_id: int | None
    text: str
    staff_id: int | None
    made_at: datetime
    due_day: date | None
    due_at: datetime | None
    status: str
    closed_at: datetime | None
    close_note: str | None
    customer_name: str = ""
    staff_name: str | None = None

    def is_overdue(self, now: datetime) -> bool:
        if self.status != "open":
            return False
        if self.due_at is not None:
            return self.due_at < now
        return self.due_day is not None and self.due_day < now.date()


@dataclass(frozen=True)
class Followup(Record):
    MOMENTS = ("created_at", "due_at", "done_at")
    DAYS = ("due_day", "snoozed_until")
    id: int
    customer_id: int
    text: str
    staff_id: int | None
    created_at: datetime
    due_day: date
    due_at: datetime | None
    every_days: int | None
    snoozed_until: date | None
    done_at: datetime | None
    against_wishes: str | None
    customer_name: str = ""
    staff_name: str | None = None

    @property
    def effective_day(self) -> date:
        return self.snoozed_until or self.due_day


@dataclass(frozen=True)
class Agenda:
    """The day at a glance: what `kbm today` and the Today screen show."""

    overdue_promises: list[Promise]
    promises_today: list[Promise]
    followups_due: list[Followup]
    conversations_today: list[Conversation]
    keep_in_touch: list[KeepInTouch] = field(default_factory=list)
    open_complaints: list[Conversation] = field(default_factory=list)
    waiting_promises: list[Promise] = field(default_factory=list)  # open-ended, over 7 days
    totals: dict[str, int] = field(default_factory=dict)  # rows in each section, all told


@dataclass(frozen=True)
class PromiseChange(Record):
    MOMENTS = ("changed_at", "old_due_at", "new_due_at")
    DAYS = ("old_due_day", "new_due_day")
    id: int
    promise_id: int
    changed_at: datetime
    old_due_day: date | None
    old_due_at: datetime | None
    new_due_day: date | None
    new_due_at: datetime | None
    reason: str | None


@dataclass(frozen=True)
class KeepInTouch(Record):
    """A customer whose chosen contact interval has run out."""

    MOMENTS = ("last_contact_at", "due_at")
    customer_id: int
    customer_name: str
    contact_every_days: int
    last_contact_at: datetime | None
    pref_channel: str | None
    pref_staff_name: str | None
    due_at: datetime


@dataclass(frozen=True)
class PromiseStats:
    """How promises settled in a period turned out: kept on time, kept late, broken."""

    label: str
    on_time: int = 0
    late: int = 0
    broken: int = 0

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.broken

    def share(self, part: int) -> float | None:
        return part / self.total if self.total else None


@dataclass(frozen=True)
class Glance:
    """The whole relationship at a glance: no score, just what happened."""

    customer_since: datetime
    per_month: list[int]  # conversations in each of the last 12 months, oldest first
    purchases_cents: int
    open_promises: int
    last_said: Conversation | None


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a customer's story: a conversation, a promise or a follow-up."""

    at: datetime  # when it happened: talked, promised, planned
    kind: str  # "conversation", "promise" or "followup"
    record: Conversation | Promise | Followup


@dataclass(frozen=True)
class ContactDraft:
    """Everything a person is about to record with one customer in one go: a conversation
    (when `summary` is given), what was promised in it, and a follow-up planned."""

    customer_id: int
    summary: str | None = None
    channel: str | None = None
    direction: str | None = None
    kind: str | None = None
    staff_id: int | None = None  # who from the shop; for a follow-up None means anyone
    at: datetime | None = None  # when it happened, if not just now
    amount_cents: int | None = None
    promise: str | None = None
    promise_due: Due | None = None
    followup: str | None = None  # what to do; the summary when only a day is given
    followup_due: Due | None = None
    followup_every: int | None = None


@dataclass(frozen=True)
class Contact:
    """What `record_contact` stored."""

    conversation: Conversation | None
    promise: Promise | None
    followup: Followup | None

    @property
    def against_wishes(self) -> bool:
        return bool((self.conversation and self.conversation.against_wishes)
                    or (self.followup and self.followup.against_wishes))
