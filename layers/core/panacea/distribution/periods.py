"""The periods distribution's statements, lists and exports are read over: whole days of the
tenant's time zone (`platform.zones`), given as a calendar month (`2026-11`) or as the days `since`
to `until`, both included (either may be left open on a list). What a period covers is the
instants [start, end) in UTC."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from panacea import tenancy
from panacea.platform import clock, zones
from panacea.platform.errors import FieldError, Unprocessable

MAX_DAYS = 366
FIRST_YEAR, LAST_YEAR = 1970, 9000  # days outside are no period of a ledger (and past them dates overflow)
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
_MONTH = re.compile(MONTH_PATTERN)


class BadPeriod(Unprocessable):
    slug, title = "distribution-bad-period", "Bad period"


@dataclass(frozen=True)
class Span:
    """[start, end) in UTC (None: open on that side), cut in `zone`'s days."""

    start: datetime | None
    end: datetime | None
    zone: str


def label(start: datetime | None, end: datetime | None, zone: str) -> str:
    """The days [start, end) cover, as a file name's part: 2026-11-01-to-2026-11-30."""
    first = zones.local_day(start, zone).isoformat() if start else "start"
    last = zones.local_day(end - timedelta(microseconds=1), zone).isoformat() if end else "now"
    return f"{first}-to-{last}"


def zone_of(tenant_id: str) -> str:
    found = tenancy.settings_of(tenant_id)
    return found.time_zone if found else zones.UTC_ZONE


def statement_span(tenant_id: str, *, month: str | None, since: date | None, until: date | None) -> Span:
    """A statement's period: a month, or `since` to `until` (until: today); none given, this month."""
    _within(since=since, until=until)
    zone = zone_of(tenant_id)
    if month is not None:
        if since is not None or until is not None:
            raise BadPeriod("give a month, or since and until, not both", errors=[FieldError("month", "with_days")])
        first = _month(month)
        after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return Span(zones.start_of_day(first, zone), zones.start_of_day(after, zone), zone)
    today = zones.local_day(clock.now(), zone)
    if since is None and until is None:
        return Span(
            zones.start_of_day(today.replace(day=1), zone), zones.start_of_day(today + timedelta(1), zone), zone
        )
    if since is None:
        raise BadPeriod("a statement's period starts somewhere: give since", errors=[FieldError("since", "missing")])
    return _days(since, until or today, zone)


def list_span(tenant_id: str, *, since: date | None, until: date | None) -> Span:
    """A list's period: open on a side not given."""
    _within(since=since, until=until)
    zone = zone_of(tenant_id)
    if since is not None and until is not None:
        return _days(since, until, zone)
    return Span(
        zones.start_of_day(since, zone) if since else None,
        zones.start_of_day(until + timedelta(days=1), zone) if until else None,
        zone,
    )


def _days(since: date, until: date, zone: str) -> Span:
    if until < since:
        raise BadPeriod(
            f"the period ends ({until}) before it starts ({since})", errors=[FieldError("until", "before_since")]
        )
    if (until - since).days + 1 > MAX_DAYS:
        raise BadPeriod(f"a period is at most {MAX_DAYS} days", errors=[FieldError("until", "too_long")])
    return Span(zones.start_of_day(since, zone), zones.start_of_day(until + timedelta(days=1), zone), zone)


def _month(month: str) -> date:
    if not _MONTH.match(month):
        raise BadPeriod(f"{month!r} is not a month like 2026-11", errors=[FieldError("month", "invalid")])
    year, number = (int(part) for part in month.split("-"))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise BadPeriod(f"{month} is no month of the ledger", errors=[FieldError("month", "out_of_range")])
    return date(year, number, 1)


def _within(**days: date | None) -> None:
    for field, day in days.items():
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            detail = f"{day} is outside the years {FIRST_YEAR} to {LAST_YEAR}"
            raise BadPeriod(detail, errors=[FieldError(field, "out_of_range")])
