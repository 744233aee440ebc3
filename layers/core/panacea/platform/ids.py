"""Identifiers: ULIDs, so that ids sort by creation time and keys can page newest-first."""

from __future__ import annotations

import re

from ulid import ULID

from panacea.platform import clock

ID_PATTERN = r"^[0-9A-HJKMNP-TV-Z]{26}$"
_ID = re.compile(ID_PATTERN)


def new_id() -> str:
    """A new ULID whose time part comes from the platform clock."""
    return str(ULID.from_timestamp(clock.now().timestamp()))


def is_id(value: str) -> bool:
    return bool(_ID.match(value))
