"""What the current invocation is about: its correlation id, carried into logs and events."""

from __future__ import annotations

from contextvars import ContextVar

from panacea.platform.ids import new_id

_correlation_id: ContextVar[str | None] = ContextVar("correlation_id", default=None)


def correlation_id() -> str:
    """The id that ties together everything one request or event caused (made up if absent)."""
    value = _correlation_id.get()
    if value is None:
        value = new_id()
        _correlation_id.set(value)
    return value


def set_correlation_id(value: str | None) -> None:
    _correlation_id.set(value)
