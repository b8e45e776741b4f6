"""The user's settings: one small typed object in a JSON file under the config dir.

`KBM_CONFIG_DIR` overrides the folder (tests use it); `KBM_DATA_DIR` does the same
for the data folder.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, fields
from datetime import time
from pathlib import Path

APP_NAME = "kbm-tui"


def config_dir() -> Path:
    if env := os.environ.get("KBM_CONFIG_DIR"):
        return Path(env)
    if sys.platform.startswith("linux"):
        return _xdg("XDG_CONFIG_HOME", "~/.config")
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    if env := os.environ.get("KBM_DATA_DIR"):
        return Path(env)
    if sys.platform.startswith("linux"):
        return _xdg("XDG_DATA_HOME", "~/.local/share")
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def _xdg(variable: str, default: str) -> Path:
    # What platformdirs answers on Linux (the XDG rule); importing it would cost every
    # `kbm log` several milliseconds: the settings are read, and the database found in the
    # data folder, on every start.
    # As the XDG rule says (and platformdirs does): a value that is not an absolute path,
    # like a quoted "~/…", is ignored; else kbm would open a new, empty shop under the
    # current folder.
    base = os.environ.get(variable, "").strip()
    if not os.path.isabs(base):
        base = os.path.expanduser(default)
    return Path(base) / APP_NAME


# Weekday words of the opening_days setting, English and German, long and short.
_WEEKDAYS = {word: number for number, words in enumerate((
    "mon monday mo montag", "tue tues tuesday di dienstag", "wed wednesday mi mittwoch",
    "thu thur thursday do donnerstag", "fri friday fr freitag", "sat saturday sa samstag",
    "sun sunday so sonntag")) for word in words.split()}


@dataclass
class Settings:
    theme: str = "textual-dark"
    morning: str = "09:00"
    lunch_end: str = "14:00"
    closing: str = "18:00"
    evening: str = "19:00"
    backups_keep: int = 14
    language: str = ""  # "de" or "en"; empty: as the system's locale says
    currency: str = "EUR"  # EUR or CHF
    # The days the shop is open, as words ("mon tue wed thu fri sat", "Mo Di Mi Do Fr"); its
    # hours are `morning` to `closing`. A snooze or a due time on a closed day is questioned.
    opening_days: str = "mon tue wed thu fri sat"
    phone_region: str = "DE"  # where a number without +/00 is dialled (core/phone.py)

    def clock_time(self, name: str) -> time:
        """One of the named times of the shop's day, falling back to the default."""
        try:
            return time.fromisoformat(getattr(self, name))
        except (TypeError, ValueError):
            return time.fromisoformat(getattr(Settings, name))

    def open_weekdays(self) -> frozenset[int]:
        """The opening days as weekday numbers (Monday 0); Monday–Saturday if the setting
        names none (an empty or misspelt setting must not close the shop every day)."""
        days = frozenset(_WEEKDAYS[word] for word in self.opening_days.lower().replace(
            ",", " ").split() if word in _WEEKDAYS)
        return days or frozenset(range(6))

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        """Read the settings; a missing or damaged file gives the defaults."""
        try:
            raw = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name: f.type for f in fields(cls)}
        values = {}
        for key, value in raw.items():
            default = getattr(cls, key, None) if key in known else None
            if default is not None and isinstance(value, type(default)):
                values[key] = value
        return cls(**values)

    def save(self) -> None:
        """Write the settings whole (readable by the owner only, whatever the umask)."""
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path.parent, 0o700)
        tmp = path.with_name(f".{path.name}.new-{os.getpid()}-{os.urandom(4).hex()}")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(asdict(self), indent=2) + "\n")
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
