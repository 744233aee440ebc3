"""Local time: a tenant's zone, its default from the jurisdiction, and local days across a
daylight-saving change."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pydantic import TypeAdapter, ValidationError

from panacea.finance.logic import Period
from panacea.platform.zones import TimeZone, start_of_day, zone_of

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
