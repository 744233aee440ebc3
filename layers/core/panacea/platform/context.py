"""What the current invocation is about: its correlation id, carried into logs and events, and
what it has already read (`remembered`), so that a use case and the use cases it calls read a
tenant's settings once per request, event or task, never across invocations."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

from panacea.platform.ids import new_id

T = TypeVar("T")

_correlation_id: ContextVar[str | None] = ContextVar("correlation_id", default=None)
_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("invocation_memo", default=None)


def correlation_id() -> str:
    """The id that ties together everything one request or event caused (made up if absent)."""
    value = _correlation_id.get()
    if value is None:
        value = new_id()
        _correlation_id.set(value)
    return value


def set_correlation_id(value: str | None) -> None:
    _correlation_id.set(value)


@contextlib.contextmanager
def invocation() -> Iterator[None]:
    """One Lambda invocation (an API request, an SQS record, a workflow task): what is
    `remembered` inside it is forgotten when it ends. Every entry point opens one."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def remembered(key: Hashable, read: Callable[[], T]) -> T:
    """`read()` once per invocation for `key`; outside an invocation (a script, a unit test),
    every call reads."""
    memo = _memo.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]  # type: ignore[no-any-return]


def note(key: Hashable, value: object) -> None:
    """Remember `value` for `key` until the invocation ends (a later step asks with `noted`)."""
    memo = _memo.get()
    if memo is not None:
        memo[key] = value


def noted(key: Hashable) -> Any:
    """What this invocation noted for `key` (None if nothing, or outside an invocation)."""
    memo = _memo.get()
    return None if memo is None else memo.get(key)


def forget(key: Hashable) -> None:
    """Drop what this invocation remembered for `key` (after the invocation changed it)."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)
