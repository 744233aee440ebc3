"""Distribution's figures: AWS requests and list-price cost per use case, and the thaw at scale.

The whole platform runs in this process on moto (`LocalPlatform`), as in bench/requests.py, with
its own request ledger (`bench.costs.UnitsLedger`: requests, DynamoDB request units, EventBridge
entries and the size of each transaction, booked to the function or workflow task that sent them).
A tenant is onboarded with distribution on (2 levels, 8% + 4%); staff appoint A, B registers with
A's code and is appointed, C registers with B's code (set up, not counted). Then, each step counted
from when it starts until the platform is quiet (everything any function or task sent meanwhile,
the bench's own calls apart):

- accrual: C's order of £100.00 is paid (`order.paid` put on the bus as orders' relay puts it): the
  commission-settlement workflow starts, binds, accrues B's 8% and A's 4%, and waits for the outcome;
- freeze: the order completes (`order.completed`): distribution's consumer hands the outcome to the
  workflow, whose freeze task freezes both shares until the tenant's freeze days have passed;
- reversal: another order of C, paid and accrued (not counted), is refunded by half (`order.refunded`);
- one thaw batch: the schedule's job runs after the freeze days: both shares of the first order
  are made available and credited to A's and B's wallets, in one transaction;
- withdrawal: B (with a bank account on file) asks to withdraw the £8.00; finance approves; finance
  records the bank transfer's reference (the external payout): each request with what it set off
  in the withdrawal-payout workflow.

Last, the thaw at scale (`thaw_at_scale`): 10,000 frozen commissions of 1,000 distributors, all
due, written straight to the table (not counted), then the schedule's job run once. Their thaw
times interleave distributors (commission i is distributor i mod 1,000's), as orders complete
across a network: the order that costs the thaw most (`seed_due(interleaved=False)` writes each
distributor's ten in a row).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import boto3

from bench import requests as bench_requests
from bench.costs import UNITS, UnitsLedger, cost
from bench.ledger import OUTSIDE, aws_only, by_caller, wait_until_quiet
from infra import wiring
from infra.local.invoke import REGION, invoke
from infra.local.runtime import LocalPlatform
from panacea.orders import OrderCompleted, OrderPaid, OrderRefunded
from panacea.platform import clock
from panacea.platform.events import envelope
from panacea.platform.ids import new_id
from tests.integration.distribution.network import Network, gbp, line, network
from tests.support import eventually, resources, staff

ORDER_AMOUNT = 10_000  # pence: B earns 800, A 400
FREEZE_DAYS_PAST = 30  # the thaw job runs this many days on (past any tenant's freeze days)
BANK = {"kind": "bank", "holder_name": "Li Wei", "account_number": "6222020200001234567", "bank_name": "ICBC"}
SCALE_SHARES, SCALE_DISTRIBUTORS = 10_000, 1_000

ACCRUAL = "accrual on order.paid (2-level chain)"
FREEZE = "freeze on order.completed"
REVERSAL = "reversal on order.refunded (half)"
THAW = "one thaw batch (schedule's job)"
WITHDRAW = "withdrawal: request (member)"
APPROVE = "withdrawal: approval (finance)"
PAYOUT = "withdrawal: payout recorded (finance)"


@dataclass
class Step:
    """What one use case set off, until the platform went quiet, by caller."""

    name: str
    by_caller: dict[str, Counter[str]]
    units: Counter[str]
    invocations: Counter[str]
    transitions: int
    answer: int | None = None  # the status of the step's own request, when it is one

    @property
    def requests(self) -> int:
        return sum(sum(aws_only(ops).values()) for ops in self.by_caller.values())

    @property
    def operations(self) -> Counter[str]:
        return sum((aws_only(ops) for ops in self.by_caller.values()), Counter())

    @property
    def cost(self) -> dict[str, float]:
        return cost(
            self.operations, self.units, invocations=sum(self.invocations.values()), transitions=self.transitions
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "use_case": self.name,
            "status": self.answer,
            "requests": self.requests,
            "operations": dict(sorted(self.operations.items())),
            "by_caller": {c: dict(sorted(ops.items())) for c, ops in self.by_caller.items()},
            "invocations": dict(self.invocations),
            "state_transitions": self.transitions,
            "units": {u: round(self.units[u], 1) for u in UNITS},
            "cost_usd": {k: round(v, 9) for k, v in self.cost.items()},
        }


@dataclass
class ThawAtScale:
    ordering: str
    shares: int
    distributors: int
    released: dict[str, int]  # the job's answer: shares, distributors, transactions
    operations: Counter[str]
    transaction_items: list[int]
    seconds: float
    units: Counter[str]
    seeded_s: float

    @property
    def dynamodb_requests(self) -> int:
        return sum(n for op, n in self.operations.items() if op.startswith("dynamodb:"))

    @property
    def cost(self) -> dict[str, float]:
        return cost(self.operations, self.units, invocations=1, transitions=0)

    def as_dict(self) -> dict[str, Any]:
        items = self.transaction_items
        return {
            "ordering": self.ordering,
            "due_shares": self.shares,
            "distributors": self.distributors,
            "released": self.released,
            "dynamodb_requests": self.dynamodb_requests,
            "within_500": self.dynamodb_requests <= 500,
            "operations": dict(sorted(self.operations.items())),
            "transactions": len(items),
            "items_per_transaction": {
                "min": min(items, default=0),
                "mean": round(sum(items) / max(len(items), 1), 1),
                "max": max(items, default=0),
            },
            "seconds": round(self.seconds, 1),
            "seeded_seconds": round(self.seeded_s, 1),
            "units": {u: round(self.units[u], 1) for u in UNITS},
            "cost_usd": {k: round(v, 6) for k, v in self.cost.items()},
        }


@dataclass
class DistributionFigures:
    steps: list[Step]
    thaws: list[ThawAtScale]
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": "as bench/requests.py (botocore before-send hooks, booked to the invoked function), with "
            "DynamoDB request units estimated from each request (bench/costs.py) and US list prices",
            "use_cases": [s.as_dict() for s in self.steps],
            "thaw_at_scale": [t.as_dict() for t in self.thaws],
            "warnings": self.warnings,
        }


# --- the platform, watched -----------------------------------------------------------------------


class Watched:
    """The running platform and its ledger: a step is measured from its start until quiet."""

    def __init__(self, ledger: UnitsLedger, platform: LocalPlatform) -> None:
        self.ledger, self.platform = ledger, platform
        self.steps: list[Step] = []
        self.warnings: list[str] = []

    def client(self, service: str) -> Any:
        return boto3.client(service, endpoint_url=self.platform.aws_url, region_name=REGION)

    def transitions(self) -> int:
        """State transitions of every execution of the workflows so far (StateEntered events)."""
        sfn, total = self.client("stepfunctions"), 0
        for arn in resources(self.platform).state_machines.values():
            for page in sfn.get_paginator("list_executions").paginate(stateMachineArn=arn):
                for execution in page["executions"]:
                    history = sfn.get_execution_history(executionArn=execution["executionArn"], maxResults=1000)
                    total += sum(1 for e in history["events"] if e["type"].endswith("StateEntered"))
        return total

    def measure(self, name: str, act: Callable[[], Any], *, timeout_s: float = 60.0) -> Any:
        before, units, transitions = self.ledger.snapshot(), self.ledger.units(), self.transitions()
        _, invocations_before, _ = self.ledger.totals()
        answer = act()
        wait_until_quiet(self.ledger, timeout_s=timeout_s)
        spent = {c: ops for c, ops in by_caller(self.ledger.since(before)).items() if c != OUTSIDE}
        spent_units: Counter[str] = Counter()
        for (caller, unit), n in (self.ledger.units() - units).items():
            if caller != OUTSIDE:
                spent_units[unit] += n
        _, invocations, _ = self.ledger.totals()
        called = Counter({c: n for c, n in (invocations - invocations_before).items() if c != OUTSIDE})
        status = answer[0] if isinstance(answer, tuple) and answer and isinstance(answer[0], int) else None
        moved = self.transitions() - transitions
        step = Step(name, spent, spent_units, called, moved, status)
        self.steps.append(step)
        if status is not None and status >= 300:
            self.warnings.append(f"{name}: answered {answer}")
        return answer

    def publish(self, net: Network, event: Any) -> None:
        """`event` put on the platform's bus, as orders' outbox relay puts it (the bench's, uncounted)."""
        detail = envelope(event, tenant_id=net.tenant_id).model_dump_json()
        entry = {"Source": event.event_source, "DetailType": event.event_type, "Detail": detail,
                 "EventBusName": resources(self.platform).bus}  # fmt: skip
        assert self.client("events").put_events(Entries=[entry])["FailedEntryCount"] == 0


# --- the use cases ------------------------------------------------------------------------------


def _chain(net: Network) -> tuple[str, str, str]:
    """A appointed; B registered with A's code and appointed; C registered with B's code."""
    a = net.appoint()
    b = net.new_member()
    net.bound(b, a)
    net.appoint(b)
    c = net.new_member()
    net.bound(c, b)
    return a, b, c


def _paid(buyer: str, amount: int) -> OrderPaid:
    return OrderPaid(
        order_id=new_id(), member_id=buyer, total=gbp(amount), payment_id=new_id(), payment_method="card",
        lines=[line(1, amount)], referral_code=None,
    )  # fmt: skip


def commission_journey(watched: Watched) -> None:
    net = network()
    a, b, c = _chain(net)
    paid = _paid(c, ORDER_AMOUNT)
    states = lambda order_id: {level: share[2] for level, share in net.shares(order_id).items()}  # noqa: E731
    watched.measure(ACCRUAL, lambda: watched.publish(net, paid))
    if net.shares(paid.order_id) != {1: (b, 800, "pending"), 2: (a, 400, "pending")}:
        watched.warnings.append(f"{ACCRUAL}: shares {net.shares(paid.order_id)}")
    completed = OrderCompleted(
        order_id=paid.order_id, member_id=c, total=gbp(ORDER_AMOUNT), refunded=gbp(0), lines=paid.lines,
        referral_code=None,
    )  # fmt: skip
    watched.measure(FREEZE, lambda: watched.publish(net, completed))
    if states(paid.order_id) != {1: "frozen", 2: "frozen"}:
        watched.warnings.append(f"{FREEZE}: shares {net.shares(paid.order_id)}")

    other = _paid(c, ORDER_AMOUNT)
    watched.publish(net, other)
    eventually(lambda: len(net.shares(other.order_id)) == 2, what="the second order accrued")
    wait_until_quiet(watched.ledger)
    half = ORDER_AMOUNT // 2
    refunded = OrderRefunded(
        order_id=other.order_id, member_id=c, refund_id=new_id(), amount=gbp(half), refunded_total=gbp(half),
        full=False, state="fulfilling", lines=[line(1, half)], referral_code=None,
    )  # fmt: skip
    watched.measure(REVERSAL, lambda: watched.publish(net, refunded))
    if net.shares(other.order_id) != {1: (b, 400, "pending"), 2: (a, 200, "pending")}:
        watched.warnings.append(f"{REVERSAL}: shares {net.shares(other.order_id)}")

    with clock.use_clock(clock.FixedClock(clock.now())) as fixed:
        fixed.advance(days=FREEZE_DAYS_PAST)
        watched.measure(THAW, run_thaw_job)
    if states(paid.order_id) != {1: "available", 2: "available"}:
        watched.warnings.append(f"{THAW}: shares {net.shares(paid.order_id)}")
    withdraw(watched, net, b)


def run_thaw_job() -> dict[str, Any]:
    job = wiring.function(next(s.function for s in wiring.SCHEDULES if s.name == "commission-thaw"))
    return dict(invoke(job.handler, {}, function_name=job.name))


def withdraw(watched: Watched, net: Network, member: str) -> None:
    """B withdraws the £8.00 the thaw credited, by bank transfer: request, approval, payout."""
    from panacea.distribution import withdrawals  # noqa: PLC0415 - the bench's own reads
    from panacea.platform.isolation import acting_for  # noqa: PLC0415
    from tests.integration.distribution.wallet_api import call  # noqa: PLC0415

    me, finance = staff(net.tenant_id, "member", user_id=member), staff(net.tenant_id, "finance")

    def waiting(withdrawal_id: str) -> bool:
        with acting_for(net.tenant_id):
            return bool(withdrawals.load(net.tenant_id, withdrawal_id).task_token)

    status, _ = call("PUT", "/v1/me/wallet/payout-account", as_=me, body=BANK)
    if status != 200:
        watched.warnings.append(f"payout account: answered {status}")
        return
    body = {"amount": {"amount": 800, "currency": "GBP"}}
    status, asked = watched.measure(WITHDRAW, lambda: call("POST", "/v1/me/withdrawals", as_=me, body=body))
    if status != 201:
        return
    eventually(lambda: waiting(asked["id"]), what="the review's token kept")
    watched.measure(APPROVE, lambda: call("POST", f"/v1/withdrawals/{asked['id']}/approve", as_=finance))
    eventually(lambda: waiting(asked["id"]), what="the transfer's token kept")
    reference = {"reference": "ICBC-778"}
    path = f"/v1/withdrawals/{asked['id']}/transfer"
    status, done = watched.measure(PAYOUT, lambda: call("POST", path, as_=finance, body=reference))
    if status == 200 and done.get("state") != "paid":
        watched.warnings.append(f"{PAYOUT}: the withdrawal is {done.get('state')}")


# --- the thaw at scale --------------------------------------------------------------------------


def seed_due(tenant_id: str, *, interleaved: bool) -> None:
    """SCALE_SHARES frozen commissions of SCALE_DISTRIBUTORS distributors, all due a day ago or
    earlier, each distributor's balance and one entry freezing them (balance = sum of entries)."""
    from panacea.distribution import ledger_items as ledger  # noqa: PLC0415 - the bench writes them as the freeze does
    from panacea.platform.isolation import acting_for  # noqa: PLC0415

    at = clock.now() - timedelta(days=2)
    each = SCALE_SHARES // SCALE_DISTRIBUTORS
    sums: Counter[str] = Counter()
    with acting_for(tenant_id), ledger.ShareItem.batch_write() as batch:
        for i in range(SCALE_SHARES):
            distributor = f"D{(i % SCALE_DISTRIBUTORS if interleaved else i // each):04d}"
            order_id, amount, thaw_at = f"O{i:05d}{new_id()}", 100 + i % 7, at + timedelta(seconds=i)
            share = ledger.ShareItem.new(tenant_id, order_id, level=1, distributor_id=distributor, rate_bps=800,
                                         currency="GBP", amount=amount, at=at)  # fmt: skip
            share.state, share.thaw_at = ledger.ShareState.FROZEN.value, thaw_at
            share.gsi2pk = ledger.frozen_partition(tenant_id)
            share.gsi2sk = f"{thaw_at.isoformat()}#{order_id}#1"
            batch.save(share)
            sums[distributor] += amount
        for distributor, total in sums.items():
            pk, sk = ledger.BalanceItem.key(tenant_id, distributor)
            batch.save(ledger.BalanceItem(pk, sk, distributor_id=distributor, currency="GBP", frozen=total,
                                          total=total, entries=1))  # fmt: skip
            batch.save(ledger.EntryItem(pk, f"ENTRY#{new_id()}", kind="frozen", order_id="seed", level=1,
                                        amount=total, frozen=total, at=at))  # fmt: skip


def thaw_at_scale(watched: Watched, log: Callable[[str], None], *, interleaved: bool) -> ThawAtScale:
    ordering = "interleaved" if interleaved else "clustered"
    net = network()
    log(f"  thaw at scale ({ordering}): {SCALE_SHARES:,} due commissions of {SCALE_DISTRIBUTORS:,} distributors")
    started = time.perf_counter()
    seed_due(net.tenant_id, interleaved=interleaved)
    seeded_s = time.perf_counter() - started
    wait_until_quiet(watched.ledger)
    ledger = watched.ledger
    before, units, marked = ledger.snapshot(), ledger.units(), len(ledger.transactions)
    log("  … the schedule's job releases them")
    started = time.perf_counter()
    released = run_thaw_job()
    seconds = time.perf_counter() - started
    job = wiring.function(next(s.function for s in wiring.SCHEDULES if s.name == "commission-thaw")).name
    operations = by_caller(ledger.since(before)).get(job, Counter())
    job_units: Counter[str] = Counter()
    for (caller, unit), n in (ledger.units() - units).items():
        if caller == job:
            job_units[unit] += n
    items = [n for caller, n in ledger.transactions[marked:] if caller == job]
    log(f"  … released {released} in {seconds:.0f}s")  # the relay and consumers' work after it is not waited for
    return ThawAtScale(ordering, SCALE_SHARES, SCALE_DISTRIBUTORS, released, aws_only(operations), items, seconds,
                       job_units, seeded_s)  # fmt: skip


# --- the run ------------------------------------------------------------------------------------


def measure(log: Callable[[str], None], *, scale: bool = True) -> DistributionFigures:
    ledger = UnitsLedger()
    bench_requests.book_invocations(ledger)
    bench_requests.watch_new_clients(ledger)  # before the platform makes any client
    platform_log: list[str] = []
    platform = LocalPlatform(port=0, aws_port=0, stripe_port=0, time_scale=0, log=platform_log.append)
    platform.start()
    try:
        bench_requests.watch_shared_connection(ledger)
        watched = Watched(ledger, platform)
        log("  distribution: accrual, freeze, reversal, a thaw batch, a withdrawal")
        commission_journey(watched)
        thaws = [thaw_at_scale(watched, log, interleaved=True)] if scale else []
    finally:
        platform.stop()
    warnings = watched.warnings + [f"failure: {f}" for f in ledger.failures]
    warnings += [f"platform log: {line}" for line in platform_log if not bench_requests.ROUTINE.match(line)]
    return DistributionFigures(watched.steps, thaws, warnings)
