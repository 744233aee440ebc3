"""The request ledger: every AWS request the platform's code sends, counted by who sent it
(which function, and which workflow task) and by what it was (service:Operation).

Requests are seen through botocore's `before-send` event, which fires once per HTTP attempt,
so a retried call counts each time it goes over the wire. The ledger watches every client it is
handed (`watch`): the bench hands it each client `panacea.platform.aws` makes (the functions' own
and the tenant-scoped ones, through `aws.watch_new_clients`) and the botocore client behind
pynamodb's shared connection. A request that is not made through botocore (the authorizer's
fetch of the user pool's signing keys, and Stripe API calls, counted as `stripe:<METHOD> <path>`)
is booked with `book`. Who sent a request is the function
invocation running on the calling thread, set by `acting_as` around each invocation; a request
sent outside any invocation is booked to `OUTSIDE`. Requests a function sent through a client
the ledger was never handed are kept apart (`missed`): they are the undercount, and a warning.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.support.builders import settled

OUTSIDE = "(outside any function)"
# Errors that mean a write's condition did not hold (the item changed, or exists already): the
# caller usually reads again and retries, which costs requests a quiet moment would not.
REFUSED = frozenset({"ConditionalCheckFailedException", "TransactionCanceledException"})
QUIET_S = 1.0  # the platform is idle when no function sent a request for this long
TIMEOUT_S = 60.0
STRIPE = "stripe"  # the service name Stripe API calls are booked under: not an AWS request
_STRIPE_ID = re.compile(r"/[a-z]{1,6}_(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{8,}(?=/|$)")  # pi_…, re_…, ch_…, evt_…


def stripe_operation(method: str, url: str) -> str:
    """`stripe:POST /v1/payment_intents/{id}/cancel` for a call to Stripe's API (ids folded)."""
    path = url.split("://", 1)[-1].partition("/")[2].partition("?")[0]
    return f"{STRIPE}:{method.upper()} " + _STRIPE_ID.sub("/{id}", f"/{path}")


def is_stripe(operation: str) -> bool:
    return operation.startswith(f"{STRIPE}:")


def aws_only(counted: Counter[str]) -> Counter[str]:
    return Counter({op: n for op, n in counted.items() if not is_stripe(op)})


def stripe_only(counted: Counter[str]) -> Counter[str]:
    return Counter({op: n for op, n in counted.items() if is_stripe(op)})


class RequestLedger:
    """Counts requests per (caller, service:Operation), and invocations and records per caller."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Counter[tuple[str, str]] = Counter()
        self._invocations: Counter[str] = Counter()
        self._records: Counter[str] = Counter()
        self._first_request: dict[str, int] = {}  # caller → rank of its first request
        self._senders: list[str] = []  # the caller of every request, in the order they were sent
        self._callers = threading.local()
        self._watched: dict[int, Any] = {}  # id → client (kept, so an id is never reused)
        self._missed: Counter[tuple[str, str]] = Counter()  # requests through unwatched clients
        self._refused: Counter[tuple[str, str]] = Counter()  # writes refused by their condition
        self.failures: list[str] = []  # invocations that raised, and workflow errors handed to a task

    # --- what is watched -----------------------------------------------------------------

    def watch(self, client: Any) -> None:
        """Count every request `client` sends from now on (once per client, however often asked)."""
        with self._lock:
            if id(client) in self._watched:
                return
            self._watched[id(client)] = client
        service = client.meta.service_model.service_name
        client.meta.events.register("before-send", functools.partial(self._sent, service))
        client.meta.events.register("after-call", functools.partial(self._answered, service))

    def is_watched(self, client: Any) -> bool:
        with self._lock:
            return id(client) in self._watched

    @property
    def watched(self) -> list[Any]:
        with self._lock:
            return list(self._watched.values())

    def _sent(self, service: str, *, event_name: str, **_: Any) -> None:
        self.book(f"{service}:{event_name.rsplit('.', 1)[-1]}")
        # None: botocore goes on and sends the request (a value here would replace the answer).

    def _answered(self, service: str, *, parsed: Any, model: Any, **_: Any) -> None:
        code = (parsed or {}).get("Error", {}).get("Code") if isinstance(parsed, dict) else None
        if code in REFUSED:
            with self._lock:
                self._refused[(self.caller, f"{service}:{model.name}")] += 1

    def refusals(self) -> Counter[tuple[str, str]]:
        """Writes refused by their condition so far, by (caller, operation): see REFUSED."""
        with self._lock:
            return Counter(self._refused)

    def book(self, operation: str) -> None:
        """Count one request (`service:Operation`) sent now by the caller on this thread."""
        caller = self.caller
        with self._lock:
            self._requests[(caller, operation)] += 1
            self._first_request.setdefault(caller, len(self._first_request))
            self._senders.append(caller)

    def missed(self, operation: str) -> None:
        """A request sent through a client this ledger does not watch (so not counted above)."""
        with self._lock:
            self._missed[(self.caller, operation)] += 1

    def missed_requests(self) -> Counter[tuple[str, str]]:
        with self._lock:
            return Counter(self._missed)

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

    def position(self) -> int:
        """How many requests were sent so far (for `in_order_since`)."""
        with self._lock:
            return len(self._senders)

    def in_order_since(self, position: int, callers: dict[str, Any]) -> dict[str, Any]:
        """`callers` reordered by when each first sent a request after `position`."""
        with self._lock:
            rank = {caller: i for i, caller in reversed(list(enumerate(self._senders[position:])))}
        return dict(sorted(callers.items(), key=lambda item: rank.get(item[0], len(rank))))

    def in_order_of_first_request(self, callers: dict[str, Any]) -> dict[str, Any]:
        """`callers` (keyed by caller) reordered by when each first sent a request."""
        with self._lock:
            rank = dict(self._first_request)
        return dict(sorted(callers.items(), key=lambda item: rank.get(item[0], len(rank))))

    def totals(self) -> tuple[Counter[tuple[str, str]], Counter[str], Counter[str]]:
        """Requests, invocations and records of the whole run."""
        with self._lock:
            return Counter(self._requests), Counter(self._invocations), Counter(self._records)


def wait_until_quiet(ledger: RequestLedger, quiet_s: float = QUIET_S, timeout_s: float = TIMEOUT_S) -> None:
    """Wait until no function has sent a request for `quiet_s` (the relay, consumers and workflow
    tasks are done with what came before)."""
    settled(ledger.snapshot, quiet_s=quiet_s, timeout_s=timeout_s, what="the platform was still busy")


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


@dataclass
class UseCase:
    """One request and what it cost: the requests of the function that served it, and of the
    authorizer when API Gateway ran one first (None: it did not run). `operations` may hold
    Stripe API calls (`stripe:…`): `requests` counts AWS requests only, `stripe_calls` those."""

    name: str
    route: str
    status: int
    operations: Counter[str] = field(default_factory=Counter)
    authorizer: Counter[str] | None = None
    note: str = ""
    refused: Counter[str] = field(default_factory=Counter)  # the function's writes refused by their condition

    @property
    def requests(self) -> int:
        return sum(aws_only(self.operations).values())

    @property
    def stripe_calls(self) -> int:
        return sum(stripe_only(self.operations).values())

    @property
    def authorizer_requests(self) -> int:
        return sum(aws_only(self.authorizer or Counter()).values())

    def as_dict(self) -> dict[str, Any]:
        answer: dict[str, Any] = {
            "use_case": self.name,
            "route": self.route,
            "status": self.status,
            "requests": self.requests,
            "operations": dict(sorted(aws_only(self.operations).items())),
        }
        if self.stripe_calls:
            answer["stripe_calls"] = self.stripe_calls
            answer["stripe_operations"] = dict(sorted(stripe_only(self.operations).items()))
        if self.authorizer is not None:
            answer["authorizer_requests"] = self.authorizer_requests
            answer["authorizer_operations"] = dict(sorted(self.authorizer.items()))
            answer["requests_with_authorizer"] = self.requests + self.authorizer_requests
        if self.refused:
            answer["refused_writes"] = dict(sorted(self.refused.items()))
        if self.note:
            answer["note"] = self.note
        return answer
