"""What a process keeps between invocations, and the one way to forget all of it.

A warm Lambda keeps what it made on its first use: the settings read from the environment,
boto3 sessions and clients, tenants' assumed-role sessions, the table's connection, the JWKS
of the user pool, the Stripe keys and client. Each of those registers here where it is made,

    @cached
    def settings() -> Settings: ...            # functools.cache, forgotten by reset_caches()

    _slugs: dict[str, str] = {}
    on_reset(_slugs.clear)                     # anything else: a function that forgets it

and `reset_caches()` forgets every one of them: the local runtime after it has pointed the
process at its emulated AWS, tests that change the environment, and the SnapStart
after-restore hook (a restored snapshot must not reuse the credentials, connections or
secrets of the process it was taken from).

`reset_caches()` is safe to call at any time, from any thread, as often as wanted: each reset
only drops what was made, so the next use makes it again (a call already holding an old client
finishes with it). A cache registers when its module is imported; one not imported yet has
nothing to forget.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
Forget = TypeVar("Forget", bound=Callable[[], object])

_forgetters: list[Callable[[], object]] = []
_lock = threading.Lock()


def on_reset(forget: Forget) -> Forget:
    """Call `forget()` on every `reset_caches()`; returns it, so it also works as a decorator."""
    with _lock:
        if forget not in _forgetters:
            _forgetters.append(forget)
    return forget


def cached(make: F) -> F:
    """`functools.cache`, forgotten by `reset_caches()`."""
    remembering = functools.cache(make)
    on_reset(remembering.cache_clear)
    return remembering  # type: ignore[return-value]


def reset_caches() -> None:
    """Forget everything registered, in the order it registered. A forgetter that fails does not
    stop the others; the first failure is raised once all have run."""
    with _lock:
        forgetters = list(_forgetters)
    failures: list[Exception] = []
    for forget in forgetters:
        try:
            forget()
        except Exception as exc:
            failures.append(exc)
    if failures:
        raise failures[0]


def registered() -> int:
    """How many forgetters are registered (for tests and the after-restore hook's log line)."""
    with _lock:
        return len(_forgetters)
