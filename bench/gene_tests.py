"""A gene-test order's figures: AWS requests per step and in total, by service, and the list-price
cost per 1,000 orders, from checkout to the member's download of the report; and the kit import of
10,000 barcodes by CSV (a batch use case).

The whole platform runs in this process on moto (`LocalPlatform`, as bench/distribution.py runs it,
in a fresh process) with a `bench.costs.UnitsLedger`, every client watched and the safety nets of
bench/requests.py (a request through an unwatched client is a warning; Stripe API calls are counted
apart from AWS requests). Set up, not counted: a tenant onboarded, its owner signed in, a shop
selling a gene test, a member with an address, kits in stock, a lab with its API key (role
lab_operator) whose manifest endpoint is an HTTP server on loopback.

Then one order, each step sent as its client sends it, through the local gateway's own code path
(route, authorizer, function), counted from its start until the platform is quiet (everything any
function or workflow task sent meanwhile, the relay and consumers included):

place (member) · pay (the Stripe sandbox's signed webhooks; the order-fulfilment workflow to its
gene-test wait; logistics learning the paid test) · dispatch a kit (staff) · register it (member) ·
the sample collected (member) · sent back (member; the lab's manifest webhook) · the lab's signed
calls: received, processing, report_ready · the report's upload (staff ask for a presigned POST; the
browser POSTs the PDF to S3) · filing it (staff) · releasing it (staff) · the member's download (a
presigned GET link, then the GET of the PDF).

The journey is run twice: the first order pays what a new container pays once (Stripe's keys from
Secrets Manager, the user pool's keys, tenant sessions), the second is the figure per order.

What is counted beyond bench/distribution.py: Lambda invocations (every function and task, the
authorizer on each request: API Gateway caches its Allow for 60 s per token, and an order's steps
are hours or days apart), SQS messages handed to the queue consumers (`records` of each batch the
local pollers deliver; priced as EventBridge's send, the poller's receive and its delete), API
Gateway requests (each request the gateway handled), the client's own S3 requests to presigned
URLs, and Step Functions state transitions of every execution of every state machine moto holds
(`StateEntered` events of their histories, by state machine). Nothing names a workflow: a workflow
added to the wiring (sample logistics) is counted the day it runs.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import boto3

from bench import requests as bench_requests
from bench.commerce import settle
from bench.costs import UnitsLedger
from bench.gene_figures import CLIENT, GeneTestFigures, KitImport, Step
from bench.ledger import OUTSIDE, by_caller, wait_until_quiet
from infra import wiring
from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from infra.local.seed import cognito, owner_username
from panacea.logistics.kit_models import MAX_BATCH
from tests.integration.logistics.kit_support import lims
from tests.support import PLATFORM_ADMIN, builders, in_process
from tests.support.documents import fetched, pdf, post_form
from tests.support.transport import Answer, signed_headers

OWNER_PASSWORD = "Bench-Owner-2026!"  # noqa: S105 - a throwaway account on the local platform
GENE_TEST = builders.Goods("gene_test", "Cardio Gene Panel", 29900, code="GT-CARDIO")
BULK_BARCODES = 10_000
DEMOGRAPHICS = {"full_name": "Li Wei", "birth_date": "1985-04-12", "sex": "female"}
LAB_EVENTS = ("received", "processing", "report_ready")

PLACE, PAY = "place the order (member)", "pay: Stripe's webhooks, the workflow, logistics"
DISPATCH, REGISTER = "dispatch a kit (staff)", "register the kit (member)"
COLLECT, RETURN = "sample collected (member)", "sent back: return + the lab's manifest"
UPLOAD, FILE = "report upload: presigned POST + the PDF", "file the report (staff)"
RELEASE, DOWNLOAD = "release the report (staff)", "member download: link + the PDF"


@dataclass
class Setup:
    tenant_id: str
    slug: str
    owner: str  # ID tokens
    member: builders.Member
    address_id: str
    sku_id: str
    lab_id: str
    key: dict[str, Any]  # the lab's API key (role lab_operator)
    manifests: list[tuple[dict[str, str], bytes]]  # what the lab's endpoint received


class Watched:
    """The running platform, its ledger and what API Gateway and the client sent; `measure` books
    one step from its start until the platform is quiet."""

    def __init__(self, ledger: UnitsLedger, platform: LocalPlatform) -> None:
        assert platform.gateway
        assert platform.stripe
        self.ledger, self.platform, self.sandbox = ledger, platform, platform.stripe
        self.api = in_process.ThroughGateway(platform.gateway)
        self.handlers = in_process.Handlers(self.api)
        self.sfn = boto3.client("stepfunctions", endpoint_url=platform.aws_url, region_name=REGION)
        self.served, self.client_s3 = 0, Counter[str]()
        self.steps: list[Step] = []
        self.warnings: list[str] = []
        handle = platform.gateway.handle

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.served += 1
            return handle(*args, **kwargs)

        platform.gateway.handle = counted  # type: ignore[method-assign]

    def transitions(self) -> Counter[str]:
        """State transitions so far of every execution of every state machine (StateEntered events)."""
        counted: Counter[str] = Counter()
        for page in self.sfn.get_paginator("list_state_machines").paginate():
            for machine in page["stateMachines"]:
                arn = machine["stateMachineArn"]
                for listed in self.sfn.get_paginator("list_executions").paginate(stateMachineArn=arn):
                    for execution in listed["executions"]:
                        counted[machine["name"]] += self._entered(execution["executionArn"])
        return counted

    def _entered(self, execution_arn: str) -> int:
        pages = self.sfn.get_paginator("get_execution_history").paginate(executionArn=execution_arn)
        return sum(1 for page in pages for e in page["events"] if e["type"].endswith("StateEntered"))

    def measure(self, name: str, act: Callable[[], Any]) -> Any:
        ledger = self.ledger
        before, units, (_, called, records) = ledger.snapshot(), ledger.units(), ledger.totals()
        moved, served, s3 = self.transitions(), self.served, Counter(self.client_s3)
        answer = act()
        settle(ledger, self.sandbox)
        spent = {c: ops for c, ops in by_caller(ledger.since(before)).items() if c != OUTSIDE}
        if self.client_s3 - s3:
            spent[CLIENT] = self.client_s3 - s3
        spent_units: Counter[str] = Counter()
        for (caller, unit), n in (ledger.units() - units).items():
            if caller != OUTSIDE:
                spent_units[unit] += n
        _, called_now, records_now = ledger.totals()
        consumers = {queue.consumer for queue in wiring.QUEUES}
        messages = Counter({c: n for c, n in (records_now - records).items() if c in consumers})
        invocations = Counter({c: n for c, n in (called_now - called).items() if c != OUTSIDE})
        status = answer.status if isinstance(answer, Answer) else None
        step = Step(name, status, spent, spent_units, invocations, self.transitions() - moved, messages,
                    self.served - served)  # fmt: skip
        self.steps.append(step)
        if status is not None and status >= 300:
            self.warnings.append(f"{name}: answered {status}: {answer.body}")
        return answer

    def call(self, method: str, path: str, as_: str, body: Any = None, *, key: str = "") -> Answer:
        """A client's request through the gateway (`key`: its Idempotency-Key)."""
        return self.api.request(method, path, as_=as_, body=body, headers={"Idempotency-Key": key} if key else None)

    def lab_says(self, key: dict[str, Any], event_id: str, kind: str, barcode: str) -> Answer:
        raw = json.dumps({"event_id": event_id, "type": kind, "barcode": barcode}).encode()
        headers = signed_headers(key, "POST", "/v1/lab/events", body=raw)
        return self.api.request("POST", "/v1/lab/events", headers=headers, raw_body=raw)

    def upload(self, owner: str, content: bytes) -> Answer:
        """Staff ask for a presigned POST; the browser POSTs the PDF to the bucket."""
        wanted = {"content_type": "application/pdf", "size": len(content)}
        asked = self.call("POST", "/v1/reports/uploads", owner, wanted)
        if asked.status == 200:
            self.client_s3["s3:PostObject"] += 1
            stored = post_form(asked.body["url"], asked.body["fields"], content)
            if stored not in (200, 201, 204):
                self.warnings.append(f"{UPLOAD}: the bucket answered {stored}")
        return asked

    def download(self, member: str, report_id: str, content: bytes) -> Answer:
        """The member asks for the link, then GETs the PDF."""
        link = self.call("GET", f"/v1/me/reports/{report_id}/download", member)
        if link.status == 200:
            self.client_s3["s3:GetObject"] += 1
            if fetched(link.body["url"]) != content:
                self.warnings.append(f"{DOWNLOAD}: the PDF fetched is not the one uploaded")
        return link


# --- set up (not counted) --------------------------------------------------------------------------


def set_up(watched: Watched, lab_url: str, manifests: list[tuple[dict[str, str], bytes]]) -> Setup:
    api, handlers, platform = watched.api, watched.handlers, watched.platform
    assert platform.resources
    email = f"owner-{time.time_ns() % 10**9}@bench.example"
    tenant = builders.tenant(handlers, as_=PLATFORM_ADMIN, first_admin={"email": email, "name": "Bench Owner"})
    tenant_id, slug = str(tenant["id"]), str(tenant["slug"])
    username, pool = owner_username(platform, tenant_id, email), platform.resources.user_pool_id
    password = {"Password": OWNER_PASSWORD, "Permanent": True}
    cognito(platform).admin_set_user_password(UserPoolId=pool, Username=username, **password)
    owner = str(builders.signed_in(api, slug, email, OWNER_PASSWORD)["id_token"])
    shop = builders.shop(api, tenant, owner, goods=(GENE_TEST,), stock=10)
    member = builders.member(api, slug, individual={"real_name": "Li Wei"})
    address_id = builders.address(api, member.token, recipient="Li Wei")
    key = builders.ok(handlers.request("POST", f"/v1/tenants/{tenant_id}/api-keys", as_=PLATFORM_ADMIN,
                                       body={"name": "LIMS", "roles": ["lab_operator"]}), 201)  # fmt: skip
    lab = builders.ok(api.request("POST", "/v1/labs", as_=owner, body={"name": "Harbour Lab", "api_key_id": key["id"],
                                                                       "webhook_url": lab_url}), 201)  # fmt: skip
    stock = {"barcodes": [f"GT-BENCH-{n:04d}" for n in (1, 2)]}
    builders.ok(api.request("POST", "/v1/kits/batches", as_=owner, body=stock), 201)
    settle(watched.ledger, watched.sandbox)
    return Setup(tenant_id, slug, owner, member, address_id, shop.skus["gene_test"], lab["id"], key, manifests)


# --- one order ---------------------------------------------------------------------------------------


def one_order(watched: Watched, s: Setup, barcode: str, tag: str) -> tuple[list[Step], str]:
    """The journey of one order; its steps, and the order's state at the end."""
    first = len(watched.steps)
    me, staff = s.member.token, s.owner
    checkout = {"lines": [{"sku_id": s.sku_id, "store_id": s.tenant_id, "quantity": 1}], "address_id": s.address_id,
                "payment_method": "card"}  # fmt: skip
    placed = watched.measure(PLACE, lambda: watched.call("POST", "/v1/orders", me, checkout, key=tag))
    order = dict(placed.body.get("order") or {}) if placed.status == 201 else {}
    payment_id = (order.get("payment") or {}).get("payment_id")
    intent = next((i for i in watched.sandbox.intents.values() if i["metadata"].get("payment_id") == payment_id), None)
    if intent is None:
        watched.warnings.append(f"{tag}: the checkout started no PaymentIntent ({placed.status}: {placed.body})")
        return watched.steps[first:], "not placed"
    watched.measure(PAY, lambda: watched.sandbox.succeed(intent["id"]))
    dispatch = {"order_id": order["id"], "line_no": 1, "barcode": barcode, "lab_id": s.lab_id, "carrier": "Royal Mail",
                "tracking_number": "RM123456785GB"}  # fmt: skip
    watched.measure(DISPATCH, lambda: watched.call("POST", "/v1/kits/dispatches", staff, dispatch))
    registration = {"barcode": barcode, "demographics": DEMOGRAPHICS}
    watched.measure(REGISTER, lambda: watched.call("POST", "/v1/me/kits", me, registration))
    watched.measure(COLLECT, lambda: watched.call("POST", f"/v1/kits/{barcode}/collection", me, {}))
    back = {"carrier": "Royal Mail", "tracking_number": "RM987654321GB"}
    watched.measure(RETURN, lambda: watched.call("POST", f"/v1/kits/{barcode}/return", me, back))
    for n, kind in enumerate(LAB_EVENTS, start=1):
        event_id = f"{tag}-{n}"
        watched.measure(f"lab: {kind} (signed call)", lambda k=kind, e=event_id: watched.lab_says(s.key, e, k, barcode))  # type: ignore[misc]
    content = pdf(["Cardio Gene Panel", "APOE e3/e3", "No actionable variant found."])
    form = watched.measure(UPLOAD, lambda: watched.upload(staff, content))
    report = {"file_key": form.body.get("key") if form.status == 200 else "", "member_id": s.member.user_id,
              "order_id": order["id"], "line_id": "G1", "test_name": GENE_TEST.name,
              "markers_summary": "No actionable variant found."}  # fmt: skip
    filed = watched.measure(FILE, lambda: watched.call("POST", "/v1/reports", staff, report, key=tag))
    report_id = filed.body.get("id") if filed.status == 201 else "none"
    watched.measure(RELEASE, lambda: watched.call("POST", f"/v1/reports/{report_id}/release", staff))
    watched.measure(DOWNLOAD, lambda: watched.download(me, str(report_id), content))
    state = watched.call("GET", f"/v1/orders/{order['id']}", me).body.get("state", "?")
    return watched.steps[first:], str(state)


# --- the batch: 10,000 barcodes by CSV -------------------------------------------------------------


def kit_import(watched: Watched, s: Setup, log: Callable[[str], None]) -> KitImport:
    """Staff import BULK_BARCODES barcodes by CSV, MAX_BATCH a call (all or nothing each)."""
    codes = [f"BULK-{n:06d}" for n in range(1, BULK_BARCODES + 1)]
    chunks = [codes[i : i + MAX_BATCH] for i in range(0, len(codes), MAX_BATCH)]
    log(f"  kit import: {len(codes):,} barcodes by CSV in {len(chunks)} calls of up to {MAX_BATCH}")
    statuses: Counter[int] = Counter()
    spent = [0.0]

    def calls() -> None:
        started = time.perf_counter()
        for n, chunk in enumerate(chunks):
            body = {"csv": "barcode\n" + "\n".join(chunk) + "\n"}
            statuses[watched.call("POST", "/v1/kits/batches", s.owner, body, key=f"bulk-{n}").status] += 1
        spent[0] = time.perf_counter() - started

    watched.measure(f"kit import of {len(codes):,} by CSV", calls)
    step = watched.steps.pop()
    if set(statuses) != {201}:
        watched.warnings.append(f"kit import: answers {dict(statuses)}")
    return KitImport(len(codes), len(chunks), MAX_BATCH, statuses, step, spent[0])


# --- the run ---------------------------------------------------------------------------------------


def measure(log: Callable[[str], None], *, batch: bool = True) -> GeneTestFigures:
    ledger = UnitsLedger()
    bench_requests.book_invocations(ledger)
    bench_requests.watch_new_clients(ledger)  # before the platform makes any client
    platform_log: list[str] = []
    platform = LocalPlatform(port=0, aws_port=0, stripe_port=0, time_scale=0, log=platform_log.append)
    with bench_requests.safety_nets(ledger), lims() as (lab_url, manifests):
        platform.start()
        try:
            bench_requests.watch_shared_connection(ledger)
            watched = Watched(ledger, platform)
            setup = set_up(watched, lab_url, manifests)
            log("  gene tests: the process's first order (cold), then the measured one")
            first, _ = one_order(watched, setup, "GT-BENCH-0001", f"gt-{time.time_ns()}-1")
            received = len(manifests)
            steps, state = one_order(watched, setup, "GT-BENCH-0002", f"gt-{time.time_ns()}-2")
            sent = len(manifests) - received
            bulk = kit_import(watched, setup, log) if batch else None
            wait_until_quiet(ledger)
        finally:
            platform.stop()
        warnings = watched.warnings + bench_requests.unwatched_clients(ledger)
    warnings += [f"failure: {f}" for f in ledger.failures]
    warnings += [f"platform log: {line}" for line in platform_log if not bench_requests.ROUTINE.match(line)]
    return GeneTestFigures(steps, first, bulk, state, sent, warnings)
