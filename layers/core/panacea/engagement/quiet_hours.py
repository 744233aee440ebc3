"""Quiet hours: a daily period of wall-clock time in the member's own time zone when messages that
are not critical wait. Read with zoneinfo, so a period across midnight and the nights the clocks
change (Europe/London's last Sundays of March and October) end at the right instant: 07:00 local
is 06:00 UTC on the morning after the clocks go forward, 07:00 UTC the morning after they go back.

An end that falls in the hour the clocks skip (01:30 on a spring-forward night in London) is read
as the wall clock before the change would have shown it (fold=0): the period ends an hour later by
the new clock, at 02:30. An end in the hour that repeats (autumn) ends at its first occurrence."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo


def quiet_until(now: datetime, start: time, end: time, time_zone: str) -> datetime | None:
    """When the quiet period `now` falls in ends (UTC), or None if `now` is not in one."""
    zone = ZoneInfo(time_zone)
    local = now.astimezone(zone)
    wall = local.time().replace(tzinfo=None)
    if start < end:
        if not start <= wall < end:
            return None
        ends_on = local.date()
    else:  # across midnight: from `start` tonight to `end` tomorrow morning
        if end <= wall < start:
            return None
        ends_on = local.date() if wall < end else local.date() + timedelta(days=1)
    return datetime.combine(ends_on, end, tzinfo=zone).astimezone(UTC)
