"""The schema: SQLModel tables, the single description of what the database holds.

The store creates a new database from these tables (`SQLModel.metadata.create_all`) and
checks at test time that what it reads and writes matches them. At run time the store
talks to SQLite through the standard library instead of an ORM session: importing
SQLModel costs about 0.6 s, more than the whole budget of a quick-add (`kbm log`).

Conventions every table follows, so the CSV backup can round-trip exactly:
- moments are UTC text `YYYY-MM-DDTHH:MM:SSZ` (`UtcText`), calendar days `YYYY-MM-DD`;
- money is integer cents;
- optional text is NULL, never the empty string;
- channel, direction, kind and statuses are short lowercase words, checked by the database;
- every other value is checked by the database against the rules typed input follows
  (db/rules.py, named ok_<column>; since schema 4).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, String, text
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from kbm_tui.core import timefmt
from kbm_tui.core.vocab import (
    CHANNELS,
    DIRECTIONS,
    IDEA_STATUSES,
    IMPORT_ACTIONS,
    IMPORT_FORMATS,
    KINDS,
    PROMISE_STATUSES,
    STAFF_ROLES,
)
from kbm_tui.db import rules

OPEN_COMPLAINT = "kind = 'complaint' AND resolved_at IS NULL AND deleted_at IS NULL"
RESOLVED_COMPLAINT = "kind = 'complaint' AND resolved_at IS NOT NULL AND deleted_at IS NULL"
IDEA = "kind = 'feedback' AND deleted_at IS NULL"


class UtcText(TypeDecorator):
    """A moment stored as fixed-width UTC text, so text order is time order."""

    impl = String(20)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> str | None:
        return None if value is None else timefmt.to_db(value)

    def process_result_value(self, value: str | None, dialect) -> datetime | None:
        return timefmt.from_db(value)


def _rules(table: str) -> tuple[CheckConstraint, ...]:
    """The value rules of db/rules.py as the table's CHECK constraints."""
    return tuple(CheckConstraint(sql, name=name) for name, sql in rules.checks(table))


def _one_of(column: str, words: tuple[str, ...], nullable: bool = False) -> CheckConstraint:
    listed = ", ".join(f"'{w}'" for w in words)
    check = f"{column} IN ({listed})"
    if nullable:
        check = f"{column} IS NULL OR {check}"
    return CheckConstraint(check, name=f"ck_{column}")


class KbmMeta(SQLModel, table=True):
    """Key/value facts about the database itself, such as the schema version."""

    __tablename__ = "kbm_meta"
    key: str = Field(primary_key=True)
    value: str


class Staff(SQLModel, table=True):
    __table_args__ = (_one_of("role", STAFF_ROLES), *_rules("staff"))
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    role: str = Field(default="staff", sa_column_kwargs={"server_default": "staff"})
    active: bool = Field(default=True, sa_column_kwargs={"server_default": "1"})
    created_at: datetime = Field(sa_type=UtcText)


class Customer(SQLModel, table=True):
    __table_args__ = (
        _one_of("pref_channel", CHANNELS, nullable=True),
        CheckConstraint("contact_every_days IS NULL OR contact_every_days > 0", name="ck_every"),
        *_rules("customer"),
    )
    id: int | None = Field(default=None, primary_key=True)
    name: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    notes: str | None = None
    tags: str | None = None  # comma-separated, as typed
    created_at: datetime = Field(sa_type=UtcText)
    updated_at: datetime = Field(sa_type=UtcText)
    archived_at: datetime | None = Field(default=None, sa_type=UtcText)
    # The customer's own contact wishes.
    pref_channel: str | None = None
    pref_staff_id: int | None = Field(default=None, foreign_key="staff.id")
    contact_every_days: int | None = None
    only_when_asked: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    do_not_contact: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    dnc_reason: str | None = None
    # Derived by the store for accent- and case-insensitive search; not in backups.
    name_key: str = Field(default="", index=True, sa_column_kwargs={"server_default": ""})
    phone_digits: str | None = None
    search_text: str = Field(default="", sa_column_kwargs={"server_default": ""})
    last_contact_at: datetime | None = Field(default=None, sa_type=UtcText, index=True)
    # Schema 5: what a phone book or a spreadsheet brings along (see moving/).
    organization: str | None = None
    birthday: str | None = None  # YYYY-MM-DD, or --MM-DD when the year is not known
    more_contacts: str | None = None  # further numbers, emails, addresses: "label: value" lines
    source_key: str | None = Field(default=None, index=True)  # the card's id where it came from
    # Schema 7: since when the customer objects to advertising (GDPR Art. 21); the moment is
    # the shop's evidence. Every other contact is still welcome.
    no_ads_since: datetime | None = Field(default=None, sa_type=UtcText)


class Conversation(SQLModel, table=True):
    __table_args__ = (
        _one_of("channel", CHANNELS),
        _one_of("direction", DIRECTIONS),
        _one_of("kind", KINDS),
        _one_of("idea_status", IDEA_STATUSES, nullable=True),
        *_rules("conversation"),
        # Schema 2: these answer a customer's story and the day's lists from the index alone.
        Index("ix_conversation_customer_at", "customer_id", "at", "deleted_at"),
        Index("ix_conversation_customer_kind", "customer_id", "kind", "deleted_at",
              "amount_cents"),
        Index("ix_conversation_open_complaints", "at",
              sqlite_where=text(OPEN_COMPLAINT)),
        Index("ix_conversation_resolved_complaints", "resolved_at", "at",
              sqlite_where=text(RESOLVED_COMPLAINT)),
        Index("ix_conversation_ideas", "at", sqlite_where=text(IDEA)),
    )
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    at: datetime = Field(sa_type=UtcText, index=True)
    channel: str
    direction: str
    kind: str = Field(default="other", sa_column_kwargs={"server_default": "other"})
    staff_id: int | None = Field(default=None, foreign_key="staff.id")
    summary: str
    amount_cents: int | None = None
    against_wishes: str | None = None  # which of the customer's wishes this contact overrode
    resolved_at: datetime | None = Field(default=None, sa_type=UtcText)  # complaints
    resolution: str | None = None
    idea_status: str | None = None  # feedback/ideas: new, considered, done
    created_at: datetime = Field(sa_type=UtcText)
    deleted_at: datetime | None = Field(default=None, sa_type=UtcText)


class Promise(SQLModel, table=True):
    __table_args__ = (
        _one_of("status", PROMISE_STATUSES),
        *_rules("promise"),
        Index("ix_promise_status_due", "status", "due_day"),
        Index("ix_promise_customer", "customer_id", "status"),
        # Promise statistics, from the index alone (schema 2; covering since schema 3).
        Index("ix_promise_closed", "status", "closed_at", "due_day", "due_at", "staff_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id")
    text: str
    staff_id: int | None = Field(default=None, foreign_key="staff.id")
    made_at: datetime = Field(sa_type=UtcText)
    # A due with a time has both; a date-only due ("Friday") has only the day;
    # an open-ended one ("when the part arrives") has neither.
    due_day: date | None = None
    due_at: datetime | None = Field(default=None, sa_type=UtcText)
    status: str = Field(default="open", sa_column_kwargs={"server_default": "open"})
    closed_at: datetime | None = Field(default=None, sa_type=UtcText)
    close_note: str | None = None


class PromiseChange(SQLModel, table=True):
    """A due time renegotiated with the customer; the earlier due stays on record."""

    __tablename__ = "promise_change"
    __table_args__ = _rules("promise_change")
    id: int | None = Field(default=None, primary_key=True)
    promise_id: int = Field(foreign_key="promise.id", index=True)
    changed_at: datetime = Field(sa_type=UtcText)
    old_due_day: date | None = None
    old_due_at: datetime | None = Field(default=None, sa_type=UtcText)
    new_due_day: date | None = None
    new_due_at: datetime | None = Field(default=None, sa_type=UtcText)
    reason: str | None = None


class Followup(SQLModel, table=True):
    __table_args__ = (
        CheckConstraint("every_days IS NULL OR every_days > 0", name="ck_every_days"),
        *_rules("followup"),
        Index("ix_followup_customer", "customer_id", "done_at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    text: str
    staff_id: int | None = Field(default=None, foreign_key="staff.id")
    created_at: datetime = Field(sa_type=UtcText)
    due_day: date
    due_at: datetime | None = Field(default=None, sa_type=UtcText)
    every_days: int | None = None
    snoozed_until: date | None = None
    done_at: datetime | None = Field(default=None, sa_type=UtcText)
    against_wishes: str | None = None


class ImportBatch(SQLModel, table=True):
    """One import of a file: what `kbm import --undo` takes back (schema 5). A journal for
    undoing, like the merges: not part of the CSV backup (safety copies keep it)."""

    __tablename__ = "import_batch"
    __table_args__ = (_one_of("format", IMPORT_FORMATS), *_rules("import_batch"))
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UtcText)
    file_name: str
    format: str
    added: int = 0
    filled: int = 0
    undone_at: datetime | None = Field(default=None, sa_type=UtcText)


class ImportChange(SQLModel, table=True):
    """A customer an import added, or the empty fields it filled (`before_values` holds what
    they were, as JSON; `after_values` what the import wrote)."""

    __tablename__ = "import_change"
    __table_args__ = (_one_of("action", IMPORT_ACTIONS), *_rules("import_change"))
    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="import_batch.id", index=True)
    customer_id: int = Field(index=True)
    action: str  # "added" or "filled"
    before_values: str | None = None
    after_values: str | None = None


class CustomerMerge(SQLModel, table=True):
    """Two cards made one (schema 5): the card that went, the kept card's fields before,
    and which rows moved, so the merge shows on the timeline and can be undone."""

    __tablename__ = "customer_merge"
    __table_args__ = _rules("customer_merge")
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UtcText)
    kept_id: int = Field(index=True)
    gone_id: int
    gone_name: str
    gone_card: str  # JSON
    kept_before: str  # JSON
    moved: str  # JSON: table -> ids
    undone_at: datetime | None = Field(default=None, sa_type=UtcText)


def create_schema(sqlite_path: str) -> None:
    """Create every table in an empty SQLite file (the store calls this once)."""
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{sqlite_path}")

    @event.listens_for(engine, "connect")
    def _fk_on(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    SQLModel.metadata.create_all(engine)
    engine.dispose()
