"""The one source of "now". Production reads the system clock; tests move a fixed one."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Protocol, TypeVar


class Clock(Protocol):
    def now(self) -> datetime: ...


C = TypeVar("C", bound=Clock)


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that stands still until told to move."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("a clock tells aware time (UTC)")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def advance(self, **delta: float) -> datetime:
        self._at += timedelta(**delta)
        return self._at


_clock: Clock = SystemClock()


def now() -> datetime:
    return _clock.now()


def epoch_seconds(at: datetime | None = None) -> int:
    return int((at or now()).timestamp())


@contextlib.contextmanager
def use_clock(clock: C) -> Iterator[C]:
    """Make `clock` the source of now() for the duration of the block."""
    global _clock  # noqa: PLW0603 - one process-wide clock is the point
    previous, _clock = _clock, clock
    try:
        yield clock
    finally:
        _clock = previous
