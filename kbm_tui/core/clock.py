"""The one clock the store, the command line and the app read.

Tests fix "now" with `KBM_NOW` (an ISO date-time with offset) for subprocesses, or
`set_now()` in-process, instead of sleeping or patching `datetime`.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache
from pathlib import Path

_fixed: datetime | None = None


def set_now(moment: datetime | None) -> None:
    """Fix the clock (an aware datetime), or let it run again with None."""
    if moment is not None and moment.tzinfo is None:
        raise ValueError("set_now needs an aware datetime")
    global _fixed
    _fixed = moment


@lru_cache(maxsize=8)
def _zone(name: str) -> tzinfo | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_tz() -> tzinfo:
    """The shop's time zone: KBM_TZ, then TZ, then the system's zone.

    A named zone (not a fixed offset) matters: "tomorrow 14:00" across a
    daylight-saving change must still be 14:00 on the wall clock.
    """
    return _local_tz(os.environ.get("KBM_TZ", ""), os.environ.get("TZ", ""))


@lru_cache(maxsize=8)
def _local_tz(kbm_tz: str, tz: str) -> tzinfo:
    for name in (kbm_tz.lstrip(":"), tz.lstrip(":")):
        if name and (zone := _zone(name)):
            return zone
    link = Path("/etc/localtime")
    try:
        target = str(link.resolve())
        if "zoneinfo/" in target and (zone := _zone(target.split("zoneinfo/", 1)[1])):
            return zone
    except OSError:
        pass
    return datetime.now().astimezone().tzinfo or UTC


def now() -> datetime:
    """Now, as an aware datetime in the shop's local time zone."""
    fixed = _fixed
    if fixed is None and (text := os.environ.get("KBM_NOW")):
        fixed = datetime.fromisoformat(text)
        if fixed.tzinfo is None:
            fixed = fixed.replace(tzinfo=local_tz())
    moment = fixed or datetime.now(UTC)
    return moment.astimezone(local_tz())


def today() -> date:
    return now().date()
