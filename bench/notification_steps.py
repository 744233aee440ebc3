"""Notifications' bench (bench/notifications.py): what one step spent, booked by caller; the running
platform watched while a step runs; members written straight to the table (the bench's own setup).

`Spent` keeps DynamoDB units per caller (bench/costs.py's `UnitsLedger`), so that a notification's cost
can be split between its fan-out and its sending, and a broadcast's counted for its own functions only.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import boto3

from bench.costs import UNITS, UnitsLedger, cost
from bench.ledger import OUTSIDE, aws_only, by_caller, wait_until_quiet
from infra import wiring
from infra.local.invoke import REGION, invoke
from infra.local.runtime import LocalPlatform
from panacea.platform import clock
from panacea.platform.events import envelope
from tests.support import builders, resources

SENDERS = "EngagementSenders"


@dataclass
class Spent:
    """What the platform did from a step's start until quiet, by caller (the bench's own apart)."""

    name: str
    by_caller: dict[str, Counter[str]]
    units: dict[str, Counter[str]]  # caller → unit → amount
    invocations: Counter[str]
    messages: Counter[str]  # queue consumer → SQS messages it was handed
    api_requests: int
    seconds: float
    transactions: list[tuple[str, int]] = field(default_factory=list)  # (caller, items) of each TransactWriteItems
    note: str = ""

    def operations(self, *callers: str) -> Counter[str]:
        wanted = set(callers) or set(self.by_caller)
        return sum((aws_only(ops) for c, ops in self.by_caller.items() if c in wanted), Counter())

    def unit(self, unit: str, *callers: str) -> float:
        wanted = set(callers) or set(self.units)
        return sum(u[unit] for c, u in self.units.items() if c in wanted)

    def requests(self, *callers: str) -> int:
        return sum(self.operations(*callers).values())

    def of(self, service: str, *callers: str) -> int:
        return sum(n for op, n in self.operations(*callers).items() if op.startswith(f"{service}:"))

    def items_written(self, *callers: str) -> int:
        """DynamoDB items written: WRU less the second unit each transaction's item bills."""
        wanted = set(callers) or {c for c, _ in self.transactions}
        twice = sum(n for c, n in self.transactions if c in wanted)
        return int(self.unit("dynamodb:WRU", *callers) - twice)

    def cost(self, *callers: str) -> dict[str, float]:
        wanted = set(callers) or set(self.by_caller) | set(self.invocations)
        units = Counter({u: self.unit(u, *wanted) for u in UNITS})
        return cost(
            self.operations(*wanted), units,
            invocations=sum(n for c, n in self.invocations.items() if c in wanted), transitions=0,
            sqs_messages=sum(n for c, n in self.messages.items() if c in wanted),
            api_requests=self.api_requests if not callers or "EngagementWebhooks" in wanted else 0,
        )  # fmt: skip

    def as_dict(self) -> dict[str, Any]:
        return {
            "step": self.name,
            "requests": self.requests(),
            "operations": dict(sorted(self.operations().items())),
            "by_caller": {c: dict(sorted(aws_only(ops).items())) for c, ops in self.by_caller.items()},
            "dynamodb_items_written": self.items_written(),
            "units": {u: round(self.unit(u), 1) for u in UNITS},
            "lambda_invocations": dict(sorted(self.invocations.items())),
            "sqs_messages_to_consumers": dict(sorted(self.messages.items())),
            "api_gateway_requests": self.api_requests,
            "seconds": round(self.seconds, 1),
            "cost_usd": {k: round(v, 9) for k, v in self.cost().items()},
            **({"note": self.note} if self.note else {}),
        }


class Watched:
    """The running platform and its ledger; `measure` books one step from its start until quiet."""

    def __init__(self, ledger: UnitsLedger, platform: LocalPlatform) -> None:
        assert platform.gateway
        assert platform.messaging
        self.ledger, self.platform, self.sandbox = ledger, platform, platform.messaging
        self.served = 0
        self.warnings: list[str] = []
        handle = platform.gateway.handle

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.served += 1
            return handle(*args, **kwargs)

        platform.gateway.handle = counted  # type: ignore[method-assign]

    def quiet(self) -> None:
        deadline = time.monotonic() + 60
        while not self.sandbox.settled() and time.monotonic() < deadline:
            time.sleep(0.05)
        wait_until_quiet(self.ledger)

    def measure(
        self,
        name: str,
        act: Callable[[], Any],
        *,
        done: Callable[[], bool] | None = None,
        only: Callable[[str], bool] = lambda caller: True,
    ) -> Spent:
        ledger = self.ledger
        before, units, (_, called, records) = ledger.snapshot(), ledger.units(), ledger.totals()
        served, marked = self.served, len(ledger.transactions)
        started = time.perf_counter()
        act()
        if done is not None:
            builders.eventually(done, timeout_s=1_800, what=f"{name}: done")
        seconds = time.perf_counter() - started
        self.quiet()
        kept = lambda caller: caller != OUTSIDE and only(caller)  # noqa: E731
        spent = {c: ops for c, ops in by_caller(ledger.since(before)).items() if kept(c)}
        spent_units: dict[str, Counter[str]] = {}
        for (caller, unit), n in (ledger.units() - units).items():
            if kept(caller):
                spent_units.setdefault(caller, Counter())[unit] += n
        _, called_now, records_now = ledger.totals()
        consumers = {queue.consumer for queue in wiring.QUEUES}
        messages = Counter({c: n for c, n in (records_now - records).items() if c in consumers and kept(c)})
        invocations = Counter({c: n for c, n in (called_now - called).items() if kept(c)})
        transactions = [t for t in ledger.transactions[marked:] if kept(t[0])]
        return Spent(name, spent, spent_units, invocations, messages, self.served - served, seconds, transactions)

    def publish(self, tenant_id: str, event: Any) -> None:
        """`event` put on the platform's bus, as its context's outbox relay puts it (the bench's, uncounted)."""
        detail = envelope(event, tenant_id=tenant_id).model_dump_json()
        entry = {"Source": event.event_source, "DetailType": event.event_type, "Detail": detail,
                 "EventBusName": resources(self.platform).bus}  # fmt: skip
        events = boto3.client("events", endpoint_url=self.platform.aws_url, region_name=REGION)
        assert events.put_events(Entries=[entry])["FailedEntryCount"] == 0

    def stop_pollers(self, queues: dict[str, str]) -> None:
        """Stop the pollers of `queues` (name → consumer), and wait for a receive under way to be handed over."""
        names = {f"queue {q}→{consumer}" for q, consumer in queues.items()}
        stopping = [pump for pump in self.platform.pumps if pump.name in names]
        for pump in stopping:
            pump.stop()
        for pump in stopping:
            pump.join(timeout=30)

    def deliver(self, queue: str, consumer: str, *, until: Callable[[], bool], timeout_s: float = 3_600) -> int:
        """Hand `queue`'s messages to its consumer one at a time, as its poller does (ReceiveMessage, the
        invocation, DeleteMessageBatch: the bench's, uncounted), with a visibility timeout no slow moto
        outlasts (SQS would deliver a page again after the wiring's 360 s); the messages handed over."""
        sqs = boto3.client("sqs", endpoint_url=self.platform.aws_url, region_name=REGION)
        refs, function = resources(self.platform).queues[queue], wiring.function(consumer)
        handed, deadline = 0, time.monotonic() + timeout_s
        while not until() and time.monotonic() < deadline:
            got = sqs.receive_message(QueueUrl=refs.url, MaxNumberOfMessages=1, WaitTimeSeconds=1,
                                      VisibilityTimeout=43_200, AttributeNames=["All"]).get("Messages", [])  # fmt: skip
            for m in got:
                record = {"messageId": m["MessageId"], "receiptHandle": m["ReceiptHandle"], "body": m["Body"],
                          "attributes": m.get("Attributes", {}), "messageAttributes": {}, "eventSource": "aws:sqs",
                          "eventSourceARN": refs.arn, "awsRegion": REGION}  # fmt: skip
                invoke(function.handler, {"Records": [record]}, function_name=function.name)
                sqs.delete_message(QueueUrl=refs.url, ReceiptHandle=m["ReceiptHandle"])
                handed += 1
        return handed


# --- members, written straight to the table (not counted) -------------------------------------------


Row = tuple[str, str | None, str | None, dict[str, Any]]  # member id, email, phone, notification settings


def seed_members(tenant_id: str, members: list[Row],
                 tag: str | None = None) -> None:  # fmt: skip
    """Members (id, email, phone, settings) as identity and the preferences slice write them:
    active, with marketing consent; in audience `tag` when one is given."""
    from panacea.engagement import preference_items as prefs  # noqa: PLC0415 - the bench writes them as their slices do
    from panacea.identity.dal import UserItem  # noqa: PLC0415
    from panacea.identity.vocabulary import UserKind, UserStatus  # noqa: PLC0415
    from panacea.platform.access import Role  # noqa: PLC0415
    from panacea.platform.isolation import acting_for  # noqa: PLC0415

    at = clock.now()
    consent = {"given": True, "history": [{"given": True, "at": at.isoformat(), "source": "bench", "by": "bench"}]}
    with acting_for(tenant_id), UserItem.batch_write() as batch:
        if tag:
            batch.save(prefs.AudienceHeadItem.new(tenant_id, tag, "Bench audience", at))
        for member_id, email, phone, settings in members:
            user = UserItem.new(
                tenant_id=tenant_id, user_id=member_id, email=email, phone=phone, name="Bench", roles=[Role.MEMBER],
                status=UserStatus.ACTIVE, at=at, kind=UserKind.INDIVIDUAL,
            )  # fmt: skip
            user.version = 1
            batch.save(user)
            profile = prefs.SubscriberItem.new(tenant_id, member_id)
            profile.settings, profile.consent, profile.version = settings, consent, 1
            batch.save(profile)
            if tag:
                batch.save(prefs.AudienceItem.new(tenant_id, tag, member_id, at))


def merged(name: str, steps: list[Spent]) -> Spent:
    total = Spent(name, {}, {}, Counter(), Counter(), 0, 0.0)
    for step in steps:
        for caller, ops in step.by_caller.items():
            total.by_caller[caller] = total.by_caller.get(caller, Counter()) + ops
        for caller, units in step.units.items():
            total.units[caller] = total.units.get(caller, Counter()) + units
        total.invocations += step.invocations
        total.messages += step.messages
        total.api_requests += step.api_requests
        total.seconds += step.seconds
        total.transactions += step.transactions
    return total


def by_service(step: Spent) -> dict[str, Any]:
    return {
        "by_service": {
            "dynamodb_requests": step.of("dynamodb"),
            "dynamodb_items_written": step.items_written(),
            "dynamodb_wru": round(step.unit("dynamodb:WRU"), 1),
            "dynamodb_rru": round(step.unit("dynamodb:RRU"), 1),
            "sqs_requests_by_functions": step.of("sqs"),
            "sqs_messages_to_consumers": sum(step.messages.values()),
            "eventbridge_entries": int(step.unit("events:entry")),
            "lambda_invocations": sum(step.invocations.values()),
            "api_gateway_requests": step.api_requests,
            "other": {op: n for op, n in step.operations().items() if not op.startswith(("dynamodb:", "sqs:"))},
        }
    }
