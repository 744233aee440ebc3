"""Local time: the IANA time zone a tenant keeps its days in.

A tenant's days, periods and reports are its local days (a Shanghai pharmacy's Monday starts at
16:00 UTC on Sunday; a London clinic's 29 March 2026 is 23 hours long). Instants are stored and
answered in UTC with their offset; only what is counted by day is cut at local midnights, here.
A tenant names its zone at onboarding, or starts with its jurisdiction's: the first zone the IANA
database's `zone.tab` lists for the country (from the `tzdata` package, which also gives `zoneinfo`
its zones on any OS). For a country of one zone that is its zone; for one of several it is the zone
listed first (US: New York; China: Shanghai; Australia: Lord Howe — such tenants name theirs).
Settings stored before tenants had a zone read as UTC: the days their reports were cut in until then.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from importlib import resources
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field

from panacea.platform.caches import cached

UTC_ZONE = "UTC"


def _known_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name} is not an IANA time zone") from None
    return name


TimeZone = Annotated[
    str,
    Field(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$",
        description="an IANA time zone: the tenant's days, periods and reports are its local days",
        examples=["Europe/London", "Asia/Shanghai"],
    ),
    AfterValidator(_known_zone),
]


def zone_of(jurisdiction: str) -> str:
    """The time zone a tenant of `jurisdiction` (ISO 3166-1 alpha-2) starts with: the first one
    `zone.tab` lists for it, else UTC."""
    return _first_zones().get(jurisdiction.upper(), UTC_ZONE)


@cached
def _first_zones() -> dict[str, str]:
    """{country: its first zone} from the IANA database's zone.tab (read once, on first use)."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    first: dict[str, str] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            country, _, zone, *_ = line.split("\t")
            first.setdefault(country, zone)
    return first


def start_of_day(day: date, zone: str) -> datetime:
    """The instant `day` begins in `zone`, in UTC. (In UTC, not in `zone`: Python subtracts and
    compares two times of one zone by their wall clocks, which makes every local day 24 hours.)"""
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def local_day(at: datetime, zone: str) -> date:
    """The day of `zone` that instant `at` falls on (a naive `at` is read as UTC): 17:30 UTC on
    1 March 2026 is 2 March in Shanghai; 23:30 UTC on 29 March 2026 is 30 March in London."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(zone)).date()
