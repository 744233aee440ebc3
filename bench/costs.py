"""What a business operation costs at AWS list prices: DynamoDB request units estimated from what
each request carried, Lambda invocations, EventBridge events published, Step Functions state
transitions, and the other requests the ledger counted, each at its list price.

`UnitsLedger` is the request ledger that also sees each DynamoDB request's parameters and answer
(botocore `before-parameter-build` and `after-call`), and books to the caller on the thread:

- write request units: 1 per item a PutItem / UpdateItem / DeleteItem / BatchWriteItem writes, 2 per
  item of a TransactWriteItems (transactions bill twice); items are taken to be under 1 KB;
- read request units: a GetItem 1 (strongly consistent) or 0.5; a TransactGetItems 2 per item; a
  Query or Scan 1 (0.5 eventually consistent, as every GSI read is) per started 4 KB of the items
  it answered (their JSON size, a close stand-in for DynamoDB's item size);
- the items of each TransactWriteItems (the thaw's figure: items per transaction);
- EventBridge entries put (PutEvents bills per entry, not per request).

Prices are AWS's published on-demand list prices for us-east-1 (the pricing pages of DynamoDB,
Lambda, EventBridge, Step Functions, SQS, S3, API Gateway and Secrets Manager), without free tiers; other regions
differ by a few per cent. Lambda duration (GB-seconds) is left out: it depends on memory and on
AWS's timings, which moto's do not predict. SQS requests made by Lambda's pollers and EventBridge's
deliveries to queues are not seen by the ledger: left out, unless the caller counts the messages
the queues delivered (`sqs_messages`), each priced as SQS_REQUESTS_PER_MESSAGE requests. S3 requests
are priced by their tier (PUT, POST, COPY, LIST; GET and the rest); API Gateway requests (REST API)
only when the caller counts them (`api_requests`).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

from bench.ledger import RequestLedger

# US dollars per unit, us-east-1 list prices.
PRICES: dict[str, float] = {
    "dynamodb:WRU": 0.625 / 1_000_000,  # on-demand write request unit
    "dynamodb:RRU": 0.125 / 1_000_000,  # on-demand read request unit
    "lambda:invocation": 0.20 / 1_000_000,
    "events:entry": 1.00 / 1_000_000,  # custom event put on a bus (per 64 KB chunk)
    "states:transition": 25.0 / 1_000_000,  # Standard workflow state transition
    "sqs:request": 0.40 / 1_000_000,
    "secretsmanager:request": 0.05 / 10_000,
    "s3:write": 0.005 / 1_000,  # PUT, COPY, POST, LIST requests (S3 Standard)
    "s3:read": 0.0004 / 1_000,  # GET, HEAD and all other requests
    "apigateway:request": 3.50 / 1_000_000,  # REST API, first 333 million a month
}
# An SQS message a queue consumer was handed cost EventBridge's SendMessage, the Lambda poller's
# ReceiveMessage and its DeleteMessageBatch (one message a batch, as at one order's pace).
SQS_REQUESTS_PER_MESSAGE = 3
S3_WRITES = ("s3:Put", "s3:Post", "s3:Copy", "s3:List", "s3:Create", "s3:Upload", "s3:Complete")
FREE = ("sts:", "states:SendTask", "states:StartExecution")  # STS, and Step Functions' API calls (transitions bill)

WRITE_ITEM = {"PutItem", "UpdateItem", "DeleteItem"}
UNITS = ("dynamodb:WRU", "dynamodb:RRU", "events:entry")


class UnitsLedger(RequestLedger):
    """The request ledger, also counting DynamoDB request units and EventBridge entries per caller,
    and the size of every TransactWriteItems."""

    def __init__(self) -> None:
        super().__init__()
        self._units: Counter[tuple[str, str]] = Counter()  # (caller, unit) → amount
        self.transactions: list[tuple[str, int]] = []  # (caller, items) of every TransactWriteItems

    def watch(self, client: Any) -> None:
        if self.is_watched(client):
            return
        super().watch(client)
        service = client.meta.service_model.service_name
        if service == "dynamodb":
            client.meta.events.register("before-parameter-build", self._dynamodb_sent)
            client.meta.events.register("after-call", self._dynamodb_answered)
        elif service == "events":
            client.meta.events.register("before-parameter-build", self._events_sent)

    def _add(self, unit: str, amount: float) -> None:
        with self._lock:
            self._units[(self.caller, unit)] += amount  # type: ignore[assignment]

    def _dynamodb_sent(self, *, model: Any, params: dict[str, Any], context: dict[str, Any], **_: Any) -> None:
        context["bench_params"] = params
        name = model.name
        if name in WRITE_ITEM:
            self._add("dynamodb:WRU", 1)
        elif name == "BatchWriteItem":
            self._add("dynamodb:WRU", sum(len(v) for v in params.get("RequestItems", {}).values()))
        elif name == "TransactWriteItems":
            items = len(params.get("TransactItems", []))
            self._add("dynamodb:WRU", 2 * items)
            with self._lock:
                self.transactions.append((self.caller, items))
        elif name == "TransactGetItems":
            self._add("dynamodb:RRU", 2 * len(params.get("TransactItems", [])))
        elif name == "BatchGetItem":
            self._add("dynamodb:RRU", sum(len(v.get("Keys", [])) for v in params.get("RequestItems", {}).values()))

    def _dynamodb_answered(self, *, model: Any, parsed: Any, context: dict[str, Any], **_: Any) -> None:
        params = context.get("bench_params") or {}
        strong = bool(params.get("ConsistentRead")) and not params.get("IndexName")
        if model.name == "GetItem":
            self._add("dynamodb:RRU", 1 if strong else 0.5)
        elif model.name in {"Query", "Scan"} and isinstance(parsed, dict):
            size = len(json.dumps(parsed.get("Items", []), default=str))
            self._add("dynamodb:RRU", max(1, math.ceil(size / 4096)) * (1 if strong else 0.5))

    def _events_sent(self, *, model: Any, params: dict[str, Any], **_: Any) -> None:
        if model.name == "PutEvents":
            self._add("events:entry", len(params.get("Entries", [])))

    def units(self) -> Counter[tuple[str, str]]:
        with self._lock:
            return Counter(self._units)


def cost(
    requests: Counter[str],
    units: Counter[str],
    *,
    invocations: int,
    transitions: int,
    sqs_messages: int = 0,
    api_requests: int = 0,
) -> dict[str, float]:
    """The list-price cost in US dollars of what one operation used, by what is billed."""
    billed: dict[str, float] = {
        "dynamodb": units["dynamodb:WRU"] * PRICES["dynamodb:WRU"] + units["dynamodb:RRU"] * PRICES["dynamodb:RRU"],
        "lambda": invocations * PRICES["lambda:invocation"],
        "events": units["events:entry"] * PRICES["events:entry"],
        "states": transitions * PRICES["states:transition"],
    }
    if sqs_messages:
        billed["sqs"] = sqs_messages * SQS_REQUESTS_PER_MESSAGE * PRICES["sqs:request"]
    if api_requests:
        billed["apigateway"] = api_requests * PRICES["apigateway:request"]
    for operation, n in requests.items():
        if operation.startswith("sqs:"):
            billed["sqs"] = billed.get("sqs", 0.0) + n * PRICES["sqs:request"]
        elif operation.startswith("s3:"):
            tier = "s3:write" if operation.startswith(S3_WRITES) else "s3:read"
            billed["s3"] = billed.get("s3", 0.0) + n * PRICES[tier]
        elif operation.startswith("secretsmanager:"):
            billed["secretsmanager"] = billed.get("secretsmanager", 0.0) + n * PRICES["secretsmanager:request"]
    billed["total"] = sum(billed.values())
    return billed


def per_million(dollars: float) -> str:
    """What a million of an operation costing `dollars` costs: "$1.23"."""
    return f"${dollars * 1_000_000:,.2f}"
