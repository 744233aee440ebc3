"""Identifiers: ULIDs, so that ids sort by creation time and keys can page newest-first."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from panacea.platform import clock

if TYPE_CHECKING:
    from ulid import ULID

ID_PATTERN = r"^[0-9A-HJKMNP-TV-Z]{26}$"
_ID = re.compile(ID_PATTERN)
_LAST_MS = 2**48 - 1  # the latest time a ULID can hold (year 10889)


def new_id() -> str:
    """A new ULID whose time part comes from the platform clock."""
    return id_at(clock.now())


def id_at(at: datetime) -> str:
    """A new ULID whose time part is `at` (what sorts by when something happened, not when it was written)."""
    return str(_ulid().from_timestamp(at.timestamp()))


def is_id(value: str) -> bool:
    return bool(_ID.match(value))


def time_prefix(at: datetime) -> str:
    """The first 10 characters (the time part) of the ULIDs made at `at`, for ranges of ids by time.
    A time before 1970 gives the first prefix and one past what a ULID holds the last; a naive
    time counts as UTC."""
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    ms = min(max(int(aware.timestamp() * 1000), 0), _LAST_MS)
    return str(_ulid().from_timestamp(ms))[:10]


def _ulid() -> type[ULID]:
    """python-ulid, imported with the first id made (not on every cold start: reads make none)."""
    from ulid import ULID  # noqa: PLC0415

    return ULID
