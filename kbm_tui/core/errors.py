"""Errors a person can cause. Each carries a message that says what to do."""

import errno

from kbm_tui.core.i18n import N_, _

# The system's own words for these (strerror) are English whatever the shop's language.
_OS_REASONS = {
    errno.ENOENT: N_("there is no such folder or file"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("your share of the disk is used up"),
    errno.EROFS: N_("the drive is read-only"),
    errno.EISDIR: N_("that is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EIO: N_("the disk could not be read or written"),
}


def os_reason(exc: BaseException) -> str:
    """Why the system refused to read or write a file, in the shop's language."""
    words = _OS_REASONS.get(getattr(exc, "errno", None) or 0)
    if words:
        return _(words)
    return str(getattr(exc, "strerror", None) or exc)


class KbmError(Exception):
    """Something the user can fix; the command line exits 2 and prints the message."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class InputError(KbmError):
    """A value that can't be stored; `field` names the form field it belongs to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(KbmError):
    pass


class Ambiguous(KbmError):
    def __init__(self, message: str, candidates: list):
        super().__init__(message)
        self.candidates = candidates


class DatabaseFileError(KbmError):
    """The database file can't be used: damaged, foreign, newer, locked, unwritable."""


class BackupError(KbmError):
    """A backup that can't be written, or a file that isn't a backup we can restore."""


class AgainstWishes(KbmError):
    """A contact or follow-up that goes against the customer's own wishes. `notes` holds,
    per part ("contact", "followup"), the sentences naming the wishes it breaks."""

    def __init__(self, notes: dict[str, str]):
        super().__init__(_("This goes against the customer's wishes: {notes}").format(
            notes=" ".join(notes.values())))
        self.notes = notes


class EditConflict(KbmError):
    """A customer's card changed (in another terminal) since it was read for editing.
    `changed` names the fields that differ, `current` is the card as it is now."""

    def __init__(self, message: str, changed: list[str], current: object):
        super().__init__(message)
        self.changed = changed
        self.current = current


class ForeignKeyViolation(KbmError):
    """A loaded row refers to a row that isn't there."""

    def __init__(self, table: str, row_id: int, parent: str):
        from kbm_tui.core.text import table_name

        # Translators: {table} and {parent} are row names such as "conversation", "customer".
        super().__init__(_("{table} #{id} refers to a {parent} that doesn't exist.").format(
            table=table_name(table), id=row_id, parent=table_name(parent)))
        self.table, self.row_id, self.parent = table, row_id, parent


class RowRefused(KbmError):
    """A row the database refused to store: it breaks one of the schema's rules."""


class RuleBroken(KbmError):
    """A loaded row holds a value the schema's rules refuse: `column` ("" for the row as a
    whole) must be `words`."""

    def __init__(self, table: str, row_id: int, column: str, words: str, value: object):
        from kbm_tui.core.text import broken_rule

        super().__init__(broken_rule(table, row_id, column, words, value, quote=False))
        self.table, self.row_id, self.column, self.words = table, row_id, column, words
        self.value = value
