"""A circuit breaker per messaging provider (and tenant: a tenant's own credentials fail on their own).

Sends are counted per minute (successes and failures). The breaker opens when, over the last
`window_min` minutes since it last closed, at least `min_attempts` sends were made and the share
that failed is at least `failure_rate`. Open, the provider is skipped (the channel's next provider
takes its messages). After `cool_down_s` it is half-open: one probe goes through (whoever claims
it first); a probe that succeeds closes it, one that fails opens it again for another cool-down.

Pure: the counts and the state are read and written by `breaker_counts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Verdict(StrEnum):
    CLOSED = "closed"  # send
    OPEN = "open"  # skip this provider
    HALF_OPEN = "half_open"  # one probe may go through


@dataclass(frozen=True)
class Policy:
    window_min: int = 5
    min_attempts: int = 5
    failure_rate: float = 0.5
    cool_down_s: int = 60


POLICY = Policy()


@dataclass(frozen=True)
class Minute:
    """The sends of one minute (its start, UTC)."""

    start: datetime
    ok: int = 0
    failed: int = 0


@dataclass(frozen=True)
class State:
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    probe_at: datetime | None = None  # the last half-open probe claimed

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None and (self.closed_at is None or self.opened_at > self.closed_at)


def counted(minutes: list[Minute], state: State, now: datetime, policy: Policy = POLICY) -> tuple[int, int]:
    """(attempts, failures) over the window, counting only whole minutes since the breaker last closed."""
    since = now - timedelta(minutes=policy.window_min)
    if state.closed_at is not None and state.closed_at > since:
        since = state.closed_at
    inside = [m for m in minutes if m.start >= since and m.start <= now]
    return sum(m.ok + m.failed for m in inside), sum(m.failed for m in inside)


def trips(minutes: list[Minute], state: State, now: datetime, policy: Policy = POLICY) -> bool:
    """Whether the counts over the window open a closed breaker."""
    attempts, failures = counted(minutes, state, now, policy)
    return attempts >= policy.min_attempts and failures >= policy.failure_rate * attempts


def verdict(minutes: list[Minute], state: State, now: datetime, policy: Policy = POLICY) -> Verdict:
    if state.is_open:
        assert state.opened_at is not None
        if now - state.opened_at < timedelta(seconds=policy.cool_down_s):
            return Verdict.OPEN
        probing = state.probe_at is not None and state.probe_at > state.opened_at
        if probing and state.probe_at is not None and now - state.probe_at < timedelta(seconds=policy.cool_down_s):
            return Verdict.OPEN  # a probe is out: the others wait for its outcome (or its own cool-down)
        return Verdict.HALF_OPEN
    return Verdict.OPEN if trips(minutes, state, now, policy) else Verdict.CLOSED


def minute_of(at: datetime) -> datetime:
    return at.replace(second=0, microsecond=0)
