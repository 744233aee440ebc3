"""Local time: a tenant's zone, its default from the jurisdiction, and local days across a
daylight-saving change."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pydantic import TypeAdapter, ValidationError

from panacea.finance.logic import Period
from panacea.platform.zones import TimeZone, local_day, start_of_day, zone_of

ZONE = TypeAdapter(TimeZone)


@pytest.mark.parametrize(
    ("jurisdiction", "zone"),
    [
        ("GB", "Europe/London"),
        ("CN", "Asia/Shanghai"),
        ("US", "America/New_York"),
        ("de", "Europe/Berlin"),
        ("XX", "UTC"),
    ],
)
def test_a_tenant_starts_in_its_jurisdictions_first_zone(jurisdiction: str, zone: str):
    assert zone_of(jurisdiction) == zone


@pytest.mark.parametrize(
    "name", ["Mars/Olympus_Mons", "../../etc/passwd", "/etc/localtime", "Europe/", "", "Asia/Shanghai\n"]
)
def test_only_an_iana_zone_is_a_time_zone(name: str):
    with pytest.raises(ValidationError):
        ZONE.validate_python(name)


def test_a_zone_of_the_iana_database_is_kept_as_named():
    assert ZONE.validate_python("Asia/Shanghai") == "Asia/Shanghai"
    assert ZONE.validate_python("UTC") == "UTC"


def test_a_shanghai_day_starts_at_four_in_the_afternoon_utc_the_day_before():
    assert start_of_day(date(2026, 3, 2), "Asia/Shanghai").astimezone(UTC) == datetime(2026, 3, 1, 16, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "hours"),
    [(date(2026, 3, 29), 23), (date(2026, 10, 25), 25), (date(2026, 6, 1), 24)],
)
def test_a_london_day_is_as_long_as_the_clocks_make_it(day: date, hours: int):
    # Given a London tenant's period of one day (summer time starts 29 March 2026, ends 25 October)
    period = Period.of(day, day, "Europe/London")
    # Then it covers from local midnight to local midnight, however many hours that is
    assert period.end - period.start == timedelta(hours=hours)
    assert period.start == datetime.combine(day, datetime.min.time(), tzinfo=ZoneInfo("Europe/London"))


def test_a_period_without_a_zone_is_utc_days():
    period = Period.of(date(2026, 1, 31), date(2026, 1, 31))
    assert (period.start, period.end) == (datetime(2026, 1, 31, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    ("at", "zone", "day"),
    [
        (datetime(2026, 3, 1, 15, 59, tzinfo=UTC), "Asia/Shanghai", date(2026, 3, 1)),  # 23:59 there
        (datetime(2026, 3, 1, 17, 30, tzinfo=UTC), "Asia/Shanghai", date(2026, 3, 2)),  # 01:30 the next day there
        (datetime(2026, 3, 29, 0, 30), "Europe/London", date(2026, 3, 29)),  # naive: UTC; 00:30 GMT
        (datetime(2026, 3, 29, 22, 59, tzinfo=UTC), "Europe/London", date(2026, 3, 29)),  # 23:59 BST
        (datetime(2026, 3, 29, 23, 0, tzinfo=UTC), "Europe/London", date(2026, 3, 30)),  # 00:00 BST
        (datetime(2026, 10, 24, 23, 0, tzinfo=UTC), "Europe/London", date(2026, 10, 25)),  # 00:00 BST
        (datetime(2026, 10, 25, 23, 59, tzinfo=UTC), "Europe/London", date(2026, 10, 25)),  # 23:59 GMT
        (datetime(2026, 3, 1, 17, 30, tzinfo=ZoneInfo("Asia/Shanghai")), "UTC", date(2026, 3, 1)),  # 09:30 UTC
    ],
)
def test_an_instant_falls_on_the_day_of_its_zone(at: datetime, zone: str, day: date):
    assert local_day(at, zone) == day


def test_a_local_day_is_what_its_start_and_end_enclose():
    # Given each instant of London's 23-hour and 25-hour days, and the hours either side
    for day in (date(2026, 3, 29), date(2026, 10, 25)):
        start, end = start_of_day(day, "Europe/London"), start_of_day(day + timedelta(days=1), "Europe/London")
        # Then the instants from its start up to its end fall on it, and none outside
        assert local_day(start, "Europe/London") == day
        assert local_day(end - timedelta(microseconds=1), "Europe/London") == day
        assert local_day(start - timedelta(microseconds=1), "Europe/London") == day - timedelta(days=1)
        assert local_day(end, "Europe/London") == day + timedelta(days=1)
