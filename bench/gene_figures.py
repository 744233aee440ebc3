"""What one gene-test order cost, step by step and in total, and how it is printed (bench/gene_tests.py
measures it).

A `Step` is everything the platform did from a step's start until it went quiet: the AWS requests
each function or workflow task sent (`by_caller`, with the client's own presigned S3 requests under
CLIENT), DynamoDB request units and EventBridge entries (`bench.costs.UnitsLedger`), Lambda
invocations by function, Step Functions state transitions by workflow, SQS messages handed to each
queue consumer, and API Gateway requests. `cost` prices them at AWS's list prices (bench/costs.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bench.costs import UNITS, cost
from bench.ledger import aws_only
from bench.report import operations, services, table

CLIENT = "the client (presigned S3)"  # the browser's POST of the PDF, the member's GET of it
ORDERS = 1_000  # the cost is quoted per this many orders


@dataclass
class Step:
    name: str
    status: int | None
    by_caller: dict[str, Counter[str]]
    units: Counter[str]
    invocations: Counter[str]  # function (or function/task) → Lambda invocations
    transitions: Counter[str]  # state machine → state transitions
    messages: Counter[str]  # queue consumer → SQS messages it was handed
    api_requests: int  # requests API Gateway served (the client's, the lab's, Stripe's webhooks)

    @property
    def operations(self) -> Counter[str]:
        return sum((aws_only(ops) for ops in self.by_caller.values()), Counter())

    @property
    def requests(self) -> int:
        return sum(self.operations.values())

    def of(self, service: str) -> int:
        return sum(n for op, n in self.operations.items() if op.startswith(f"{service}:"))

    @property
    def cost(self) -> dict[str, float]:
        return cost(
            self.operations,
            self.units,
            invocations=sum(self.invocations.values()),
            transitions=sum(self.transitions.values()),
            sqs_messages=sum(self.messages.values()),
            api_requests=self.api_requests,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "step": self.name,
            "status": self.status,
            "requests": self.requests,
            "operations": dict(sorted(self.operations.items())),
            "by_caller": {c: dict(sorted(aws_only(ops).items())) for c, ops in self.by_caller.items()},
            "lambda_invocations": dict(sorted(self.invocations.items())),
            "state_transitions": dict(sorted(self.transitions.items())),
            "sqs_messages": dict(sorted(self.messages.items())),
            "api_gateway_requests": self.api_requests,
            "units": {u: round(self.units[u], 1) for u in UNITS},
            "cost_usd": {k: round(v, 9) for k, v in self.cost.items()},
        }


def whole(name: str, steps: Iterable[Step]) -> Step:
    """The steps added up, as one."""
    total = Step(name, None, {}, Counter(), Counter(), Counter(), Counter(), 0)
    for step in steps:
        for caller, ops in step.by_caller.items():
            total.by_caller[caller] = total.by_caller.get(caller, Counter()) + ops
        total.units += step.units
        total.invocations += step.invocations
        total.transitions += step.transitions
        total.messages += step.messages
        total.api_requests += step.api_requests
    return total


@dataclass
class KitImport:
    """Staff import BARCODES kit barcodes by CSV, in as many calls as the batch cap asks."""

    barcodes: int
    calls: int
    per_call: int
    statuses: Counter[int]
    step: Step  # the calls and what they set off until quiet
    calls_s: float  # wall time of the calls themselves

    def as_dict(self) -> dict[str, Any]:
        return {
            "barcodes": self.barcodes,
            "calls": self.calls,
            "barcodes_per_call": self.per_call,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "calls_seconds": round(self.calls_s, 1),
            **self.step.as_dict(),
        }


@dataclass
class GeneTestFigures:
    steps: list[Step]  # the measured order (the process's second: containers warm)
    first_order: list[Step]  # the process's first order (first use of Stripe's keys, the JWKS, …)
    kit_import: KitImport | None
    order_state: str  # the order's state once its report was released
    manifests: int  # manifests the lab's endpoint received for the measured order
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> Step:
        return whole("one gene-test order, checkout to download", self.steps)

    def as_dict(self) -> dict[str, Any]:
        total, first = self.total, whole("the process's first order", self.first_order)
        return {
            "method": "as bench/distribution.py (botocore hooks, booked to the function or task; DynamoDB units "
            "estimated, bench/costs.py), plus Lambda invocations, SQS messages handed to queue consumers, Step "
            "Functions transitions of every execution of every state machine, API Gateway requests and the "
            "client's presigned S3 requests; US list prices",
            "steps": [s.as_dict() for s in self.steps],
            "total": total.as_dict() | by_service(total),
            "cost_per_1000_orders_usd": {k: round(v * ORDERS, 4) for k, v in total.cost.items()},
            "first_order_total": first.as_dict() | by_service(first),
            "order_state_after_release": self.order_state,
            "lab_manifests_received": self.manifests,
            "kit_import": self.kit_import.as_dict() if self.kit_import else None,
            "warnings": self.warnings,
        }


def by_service(step: Step) -> dict[str, Any]:
    """The figures the issue names, per service."""
    return {
        "by_service": {
            "dynamodb_requests": step.of("dynamodb"),
            "dynamodb_wru": round(step.units["dynamodb:WRU"], 1),
            "dynamodb_rru": round(step.units["dynamodb:RRU"], 1),
            "lambda_invocations": sum(step.invocations.values()),
            "eventbridge_put_events": step.operations["events:PutEvents"],
            "eventbridge_entries": int(step.units["events:entry"]),
            "sqs_messages": sum(step.messages.values()),
            "s3_requests": step.of("s3"),
            "stepfunctions_transitions": sum(step.transitions.values()),
            "api_gateway_requests": step.api_requests,
        }
    }


# --- printed -------------------------------------------------------------------------------------


def _row(step: Step) -> list[Any]:
    return [
        step.name,
        "-" if step.status is None else step.status,
        step.requests,
        f"{step.units['dynamodb:WRU']:g}/{step.units['dynamodb:RRU']:g}",
        sum(step.invocations.values()),
        f"{step.units['events:entry']:g}",
        sum(step.messages.values()),
        step.of("s3"),
        sum(step.transitions.values()),
        step.api_requests,
        f"${step.cost['total'] * ORDERS:.4f}",
    ]


HEADER = ["step", "status", "requests", "WRU/RRU", "lambda", "events", "sqs msgs", "s3", "transitions", "apigw",
          f"$ per {ORDERS:,}"]  # fmt: skip


def render(figures: GeneTestFigures) -> str:
    total = figures.total
    rows = [_row(s) for s in figures.steps] + [_row(total)]
    lines = [
        "GENE TESTS: one gene-test order from checkout to the member's download, each step counted from its start",
        "  until the platform went quiet, booked to the function or workflow task that sent each request (the",
        "  bench's own calls apart). lambda: invocations (authorizer included); events: EventBridge entries put;",
        "  sqs msgs: messages handed to queue consumers; transitions: Step Functions state transitions of every",
        "  workflow execution; apigw: requests API Gateway served. Cost at us-east-1 list prices (bench/costs.py).",
        table(HEADER, rows, right=tuple(range(2, len(HEADER)))),
        "  by service, whole order: " + services(total.operations),
        "  transitions by workflow: " + operations(total.transitions),
        "  cost per 1,000 orders: "
        + ", ".join(f"{k} ${v * ORDERS:.4f}" for k, v in total.cost.items() if k != "total")
        + f"; total ${total.cost['total'] * ORDERS:.4f}",
        f"  the process's first order (cold containers): {whole('', figures.first_order).requests} requests",
        f"  the order after its report's release: {figures.order_state}; manifests the lab received: "
        f"{figures.manifests}",
        "  by caller:",
        *(
            f"    {s.name}: " + "; ".join(f"{c} {operations(aws_only(ops))}" for c, ops in s.by_caller.items())
            for s in figures.steps
        ),
    ]
    if figures.kit_import:
        k = figures.kit_import
        lines += [
            f"KIT IMPORT: {k.barcodes:,} barcodes by CSV in {k.calls} calls of up to {k.per_call} "
            f"(answers {dict(k.statuses)}): {k.step.requests} AWS requests ({services(k.step.operations)}), "
            f"WRU {k.step.units['dynamodb:WRU']:g}, RRU {k.step.units['dynamodb:RRU']:g}, "
            f"{sum(k.step.invocations.values())} Lambda invocations, {k.calls_s:.1f}s of calls, "
            f"${k.step.cost['total']:.4f} at list price",
        ]
    lines += [f"  warning: {w}" for w in figures.warnings]
    return "\n".join(lines)
