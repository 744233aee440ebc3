"""The request ledger: every AWS request the platform's code sends, counted by who sent it
(which function, and which workflow task) and by what it was (service:Operation).

Requests are seen through botocore's `before-send` event, which fires once per HTTP attempt,
so a retried call counts each time it goes over the wire. The ledger watches the clients the
functions really use: the ones `panacea.platform.aws.client(...)` caches and the one botocore
client behind pynamodb's shared connection. Who sent a request is the function invocation
running on the calling thread, set by `acting_as` around each invocation; a request sent
outside any invocation is booked to `OUTSIDE`.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

OUTSIDE = "(outside any function)"


class RequestLedger:
    """Counts requests per (caller, service:Operation), and invocations and records per caller."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Counter[tuple[str, str]] = Counter()
        self._invocations: Counter[str] = Counter()
        self._records: Counter[str] = Counter()
        self._first_request: dict[str, int] = {}  # caller → rank of its first request
        self._callers = threading.local()
        self.watched: list[Any] = []
        self.failures: list[str] = []  # invocations that raised, and workflow errors handed to a task

    # --- what is watched -----------------------------------------------------------------

    def watch(self, client: Any) -> None:
        """Count every request `client` sends from now on (once per client, however often asked)."""
        if any(client is seen for seen in self.watched):
            return
        service = client.meta.service_model.service_name
        client.meta.events.register("before-send", functools.partial(self._sent, service))
        self.watched.append(client)

    def _sent(self, service: str, *, event_name: str, **_: Any) -> None:
        operation = event_name.rsplit(".", 1)[-1]
        caller = self.caller
        with self._lock:
            self._requests[(caller, f"{service}:{operation}")] += 1
            self._first_request.setdefault(caller, len(self._first_request))
        # None: botocore goes on and sends the request (a value here would replace the answer).

    # --- who is calling ------------------------------------------------------------------

    @property
    def caller(self) -> str:
        stack: list[str] = getattr(self._callers, "stack", [])
        return stack[-1] if stack else OUTSIDE

    @contextmanager
    def acting_as(self, caller: str, *, records: int = 0) -> Iterator[None]:
        """Book the requests this thread sends inside the block to `caller`."""
        stack: list[str] | None = getattr(self._callers, "stack", None)
        if stack is None:
            stack = self._callers.stack = []
        stack.append(caller)
        with self._lock:
            self._invocations[caller] += 1
            self._records[caller] += records
        try:
            yield
        finally:
            stack.pop()

    def failed(self, caller: str, why: str) -> None:
        with self._lock:
            self.failures.append(f"{caller}: {why}")

    # --- reading it ----------------------------------------------------------------------

    def snapshot(self) -> Counter[tuple[str, str]]:
        with self._lock:
            return Counter(self._requests)

    def since(self, before: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
        """The requests sent after `before` was taken, by (caller, operation)."""
        return self.snapshot() - before

    def in_order_of_first_request(self, callers: dict[str, Any]) -> dict[str, Any]:
        """`callers` (keyed by caller) reordered by when each first sent a request."""
        with self._lock:
            rank = dict(self._first_request)
        return dict(sorted(callers.items(), key=lambda item: rank.get(item[0], len(rank))))

    def totals(self) -> tuple[Counter[tuple[str, str]], Counter[str], Counter[str]]:
        """Requests, invocations and records of the whole run."""
        with self._lock:
            return Counter(self._requests), Counter(self._invocations), Counter(self._records)


def by_operation(requests: Counter[tuple[str, str]], *callers: str) -> Counter[str]:
    """The operations `callers` sent (all callers when none is named)."""
    wanted = set(callers)
    counted: Counter[str] = Counter()
    for (caller, operation), n in requests.items():
        if not wanted or caller in wanted:
            counted[operation] += n
    return counted


def by_caller(requests: Counter[tuple[str, str]]) -> dict[str, Counter[str]]:
    grouped: dict[str, Counter[str]] = {}
    for (caller, operation), n in sorted(requests.items()):
        grouped.setdefault(caller, Counter())[operation] += n
    return grouped
