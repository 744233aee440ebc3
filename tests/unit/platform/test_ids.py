"""Ids are ULIDs: they sort by the time they were made, and a range of times is a range of ids."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from panacea.platform import clock
from panacea.platform.ids import is_id, new_id, time_prefix

ANY_TIME = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31), timezones=st.just(UTC))


def test_a_new_id_starts_with_the_time_prefix_of_now():
    at = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    with clock.use_clock(clock.FixedClock(at)):
        made = new_id()
    assert is_id(made)
    assert made[:10] == time_prefix(at)


@given(ANY_TIME, ANY_TIME)
def test_later_times_never_get_earlier_prefixes(a, b):
    # Given any two times a person could type into a date filter, from year 1 to 9999
    earlier, later = sorted((a, b))
    # Then their prefixes sort as the times do (clamped to what a ULID holds, never an error)
    assert time_prefix(earlier) <= time_prefix(later)
    assert len(time_prefix(a)) == 10


def test_times_outside_what_a_ulid_holds_are_clamped_and_naive_times_are_utc():
    assert time_prefix(datetime(1969, 12, 31, tzinfo=UTC)) == "0" * 10
    assert time_prefix(datetime(1, 1, 1)) == "0" * 10
    naive = datetime(2026, 1, 1)
    assert time_prefix(naive) == time_prefix(naive.replace(tzinfo=UTC))
    assert time_prefix(naive + timedelta(milliseconds=1)) >= time_prefix(naive)
