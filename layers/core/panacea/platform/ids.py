"""Identifiers: ULIDs, so that ids sort by creation time and keys can page newest-first."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ulid import ULID

from panacea.platform import clock

ID_PATTERN = r"^[0-9A-HJKMNP-TV-Z]{26}$"
_ID = re.compile(ID_PATTERN)
_LAST_MS = 2**48 - 1  # the latest time a ULID can hold (year 10889)


def new_id() -> str:
    """A new ULID whose time part comes from the platform clock."""
    return str(ULID.from_timestamp(clock.now().timestamp()))


def is_id(value: str) -> bool:
    return bool(_ID.match(value))


def time_prefix(at: datetime) -> str:
    """The first 10 characters (the time part) of the ULIDs made at `at`, for ranges of ids by time.
    A time before 1970 gives the first prefix and one past what a ULID holds the last; a naive
    time counts as UTC."""
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    ms = min(max(int(aware.timestamp() * 1000), 0), _LAST_MS)
    return str(ULID.from_timestamp(ms))[:10]
