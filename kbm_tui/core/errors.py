"""Errors a person can cause. Each carries a message that says what to do."""


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
