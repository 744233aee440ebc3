"""The circuit breaker's rule, on counts alone: it opens on a failure rate over the window with a
minimum of sends, lets one probe out after its cool-down, and counts afresh once it has closed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from panacea.engagement.breaker import POLICY, Minute, State, Verdict, counted, verdict

NOW = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)


def _minutes(*counts: tuple[int, int], ending: datetime = NOW) -> list[Minute]:
    """Minutes ending at `ending` (the last one is its own minute), each (ok, failed)."""
    last = ending.replace(second=0, microsecond=0)
    return [Minute(last - timedelta(minutes=len(counts) - 1 - i), ok, failed) for i, (ok, failed) in enumerate(counts)]


def test_a_healthy_provider_stays_closed():
    # Given mostly successful sends over the window
    minutes = _minutes((20, 1), (30, 0), (25, 2))
    # Then the breaker is closed
    assert verdict(minutes, State(), NOW) is Verdict.CLOSED


def test_failures_over_the_threshold_with_enough_sends_open_it():
    # Given half of ten sends failed within the window
    minutes = _minutes((3, 2), (2, 3))
    # Then the breaker is open
    assert verdict(minutes, State(), NOW) is Verdict.OPEN


def test_too_few_sends_never_open_it():
    # Given four sends, all failed (under the minimum of five)
    minutes = _minutes((0, 4))
    # Then the breaker stays closed: four failures say little
    assert verdict(minutes, State(), NOW) is Verdict.CLOSED


def test_failures_older_than_the_window_are_forgotten():
    # Given a burst of failures six minutes ago and success since
    minutes = [Minute(NOW.replace(second=0, microsecond=0) - timedelta(minutes=6), 0, 50), *_minutes((5, 0))]
    # Then only the window counts: closed
    assert counted(minutes, State(), NOW) == (5, 0)
    assert verdict(minutes, State(), NOW) is Verdict.CLOSED


def test_an_open_breaker_waits_its_cool_down_then_lets_one_probe_out():
    # Given a breaker opened just now
    state = State(opened_at=NOW)
    minutes = _minutes((0, 10))
    # Then it stays open during the cool-down
    assert verdict(minutes, state, NOW + timedelta(seconds=POLICY.cool_down_s - 1)) is Verdict.OPEN
    # And is half-open after it
    after = NOW + timedelta(seconds=POLICY.cool_down_s)
    assert verdict(minutes, state, after) is Verdict.HALF_OPEN
    # And once a probe is out, the others wait for it
    assert verdict(minutes, State(opened_at=NOW, probe_at=after), after + timedelta(seconds=1)) is Verdict.OPEN


def test_a_closed_breaker_counts_afresh_from_when_it_closed():
    # Given a breaker that opened on failures and closed after a successful probe a minute later
    opened, closed = NOW - timedelta(minutes=2), NOW - timedelta(seconds=50)
    minutes = _minutes((0, 10), (1, 0), (2, 0), ending=NOW)
    state = State(opened_at=opened, closed_at=closed, probe_at=closed)
    # Then the failures before it closed no longer count: it is closed
    assert verdict(minutes, state, NOW) is Verdict.CLOSED
    assert counted(minutes, state, NOW) == (2, 0)
