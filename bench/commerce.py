"""Commerce's use cases, each sent as a client sends it: through the local gateway's own code path
(route, authorizer, function, as bench/identity.py does), on the tenant the bench onboarded.

Set up first and not counted, by the builders the tests use (`tests.support.builders`): the
tenant's owner signs in and builds a shop (a category, a gene test and a blood pressure monitor in
it, each with a SKU priced in GBP, published, 10 in stock, and a 10% coupon), and a member
registers, confirms, signs in and adds an address.

Then, counted: the member browses the catalog (by category, and by words of the name), asks
promotions for a quote and orders for one, and checks out a cart of the 2 products with the
coupon, twice: the first checkout is the process's first use of Stripe (it reads Stripe's keys
from Secrets Manager, as each Lambda container does once), the second is the figure per checkout.
What each checkout sets off in the background (the relay publishing `order.placed`, the
order-fulfilment workflow reaching its payment wait) is counted until the platform is quiet.

The member then pays the second order in the Stripe sandbox, which sends Stripe's signed
webhooks (`charge.succeeded`, `payment_intent.succeeded`) to the gateway as Stripe would; each
delivery is counted on its own, and so is everything that follows until the platform is quiet:
the relay, the orders-payments consumer marking the order paid and answering the workflow's
task token, and the workflow's tasks up to the start of fulfilment (and the waits it parks on).
The member reads the order; the owner refunds the monitor's line, and its webhooks
(`refund.created`, `charge.refunded`) and their consequences are counted the same way. Last, the
owner reads the day's sales and orders from the ledger, and exports the day to Excel.

Stripe API calls are counted apart from AWS requests (`stripe:<METHOD> <path>`, one per HTTP
attempt of the stripe client, see requests.count_stripe_calls).
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from bench.identity import OWNER_PASSWORD, PASSWORD, Tenant, ThroughGateway, bearer
from bench.ledger import (
    TIMEOUT_S,
    RequestLedger,
    UseCase,
    aws_only,
    by_caller,
    by_operation,
    stripe_only,
    wait_until_quiet,
)
from infra import wiring
from infra.local.runtime import STRIPE_WEBHOOK_PATH
from infra.local.stripe_sandbox import StripeSandbox
from tests.support import builders
from tests.support.transport import Api

KEYS_READ = "secretsmanager:GetSecretValue"  # Stripe's keys, read once per process (container)
STOCK = 10
GOODS = {  # kind → (name, price in pence)
    "gene_test": ("Cardio Gene Panel", 29900),
    "device": ("Home Blood Pressure Monitor", 8900),
}
TEXT_QUERY = "blood pres"  # finds the monitor by the start of words of its name

BY_CATEGORY = "browse catalog by category (member)"
BY_TEXT = "browse catalog by text (member)"
PROMOTIONS_QUOTE = "promotions quote (member)"
ORDERS_QUOTE = "orders quote (member)"
FIRST_CHECKOUT = "check out, first Stripe use of the process"
CHECKOUT = "check out: 2 lines + coupon"
READ_ORDER = "read the paid order (member)"
REFUND = "refund a line (owner)"
DAY_SALES = "sales of the day (owner)"
DAY_ORDERS = "the day's orders (owner)"
DAY_EXPORT = "the day as an Excel workbook (owner)"
ORDER = (
    BY_CATEGORY,
    BY_TEXT,
    PROMOTIONS_QUOTE,
    ORDERS_QUOTE,
    FIRST_CHECKOUT,
    CHECKOUT,
    READ_ORDER,
    REFUND,
    DAY_SALES,
    DAY_ORDERS,
    DAY_EXPORT,
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What each step below sets off in the background.
AFTER_CHECKOUT = "after the checkout"
PAYMENT = "payment: the member pays in the sandbox"
AFTER_REFUND = "after the refund"
PAYMENT_SUCCEEDED = "payment_intent.succeeded"


@dataclass
class Delivery:
    """One webhook the sandbox sent: its Stripe event type, the answer's status, and what the
    webhook function sent while serving it."""

    event_type: str
    status: int
    operations: Counter[str] = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return sum(aws_only(self.operations).values())

    @property
    def stripe_calls(self) -> int:
        return sum(stripe_only(self.operations).values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "status": self.status,
            "requests": self.requests,
            "stripe_calls": self.stripe_calls,
            "operations": dict(sorted(self.operations.items())),
        }


@dataclass
class Background:
    """What one step set off, from the step until the platform went quiet: requests by caller
    (function, or function/task), in the order each first sent one, and the webhooks delivered."""

    step: str
    by_caller: dict[str, Counter[str]]
    deliveries: list[Delivery] = field(default_factory=list)
    refused: dict[str, Counter[str]] = field(default_factory=dict)  # caller → writes refused by their condition

    @property
    def requests(self) -> int:
        return sum(sum(aws_only(ops).values()) for ops in self.by_caller.values())

    @property
    def stripe_calls(self) -> int:
        return sum(sum(stripe_only(ops).values()) for ops in self.by_caller.values())

    def caller_requests(self, caller: str) -> int:
        return sum(aws_only(self.by_caller.get(caller, Counter())).values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "requests": self.requests,
            "stripe_calls": self.stripe_calls,
            "by_caller": {c: dict(sorted(ops.items())) for c, ops in self.by_caller.items()},
            "webhook_deliveries": [d.as_dict() for d in self.deliveries],
            "refused_writes": {c: dict(sorted(ops.items())) for c, ops in self.refused.items()},
        }


@dataclass
class CommerceFigures:
    use_cases: list[UseCase]
    background: dict[str, Background]  # AFTER_CHECKOUT, PAYMENT, AFTER_REFUND
    secret_reads: dict[str, int]  # caller → reads of Stripe's keys over the whole run
    webhook_function: str
    warnings: list[str] = field(default_factory=list)

    def use_case(self, name: str) -> UseCase:
        return next(u for u in self.use_cases if u.name == name)

    @property
    def per_checkout(self) -> dict[str, Any]:
        checkout, after = self.use_case(CHECKOUT), self.background[AFTER_CHECKOUT]
        return {
            "orders_api_requests": checkout.requests,
            "orders_api_operations": dict(sorted(aws_only(checkout.operations).items())),
            "stripe_calls": checkout.stripe_calls,
            "stripe_operations": dict(sorted(stripe_only(checkout.operations).items())),
            "authorizer_requests": checkout.authorizer_requests,
            "background_requests": after.requests,
            "background_by_caller": {c: sum(aws_only(ops).values()) for c, ops in after.by_caller.items()},
            "total_requests": checkout.requests + checkout.authorizer_requests + after.requests,
        }

    @property
    def per_payment_webhook(self) -> dict[str, Any]:
        payment = self.background[PAYMENT]
        succeeded = [d for d in payment.deliveries if d.event_type == PAYMENT_SUCCEEDED]
        webhook = succeeded[0] if succeeded else Delivery(PAYMENT_SUCCEEDED, 0)
        others = [d for d in payment.deliveries if d.event_type != PAYMENT_SUCCEEDED]
        following = {
            c: sum(aws_only(ops).values()) for c, ops in payment.by_caller.items() if c != self.webhook_function
        }
        return {
            "webhook_requests": webhook.requests,
            "webhook_operations": dict(sorted(webhook.operations.items())),
            "webhook_status": webhook.status,
            "other_deliveries": [d.as_dict() for d in others],
            "following_requests": sum(following.values()),
            "following_by_caller": following,
            "stripe_calls": payment.stripe_calls,
            "total_requests": payment.requests,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "use_cases": [u.as_dict() for u in self.use_cases],
            "background": {name: b.as_dict() for name, b in self.background.items()},
            "per_checkout": self.per_checkout,
            "per_payment_webhook": self.per_payment_webhook,
            "stripe_keys_reads": self.secret_reads,
            "warnings": self.warnings,
        }


class Webhooks:
    """Watches the sandbox's webhook deliveries (its sender thread POSTs each to the gateway and
    waits for the answer): what each one cost the webhook function."""

    def __init__(self, ledger: RequestLedger, sandbox: StripeSandbox, function: str) -> None:
        self.deliveries: list[Delivery] = []
        self._lock = threading.Lock()
        post = sandbox.post

        def watched(payload: bytes, signature: str | None, *, url: str | None = None) -> int:
            try:
                kind = str(json.loads(payload).get("type", "?"))
            except ValueError:
                kind = "?"
            before = ledger.snapshot()
            status = post(payload, signature, url=url)
            delivery = Delivery(kind, status, by_operation(ledger.since(before), function))
            with self._lock:
                self.deliveries.append(delivery)
            return status

        sandbox.post = watched  # type: ignore[method-assign]

    def since(self, mark: int) -> list[Delivery]:
        with self._lock:
            return list(self.deliveries[mark:])

    @property
    def mark(self) -> int:
        with self._lock:
            return len(self.deliveries)


def settle(ledger: RequestLedger, sandbox: StripeSandbox) -> None:
    """Wait until the sandbox has sent every webhook and the platform is quiet."""
    deadline = time.monotonic() + TIMEOUT_S
    while not sandbox.settled():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the Stripe sandbox still had webhooks to send after {TIMEOUT_S:.0f}s")
        time.sleep(0.05)
    wait_until_quiet(ledger)


@dataclass
class Shop(builders.Shop):
    category_id: str = ""


def build_shop(api: Api, tenant: Tenant, owner: str, stamp: str) -> Shop:
    """A category, and GOODS in it on sale (STOCK of each), and a 10% coupon: built by the builders."""
    category = builders.category(api, owner, "Heart health")
    goods = tuple(
        builders.Goods(
            kind,
            name,
            price,
            code=f"{kind.upper().replace('_', '-')}-{stamp}",
            product={"category_ids": [category["id"]], "cashback_bps": 500},
        )
        for kind, (name, price) in GOODS.items()
    )
    record = {"id": tenant.id, "slug": tenant.slug}
    shop = builders.shop(api, record, owner, goods=goods, stock=STOCK, coupon_code=f"BENCH{stamp}", shop_type=Shop)
    assert isinstance(shop, Shop)
    shop.category_id = category["id"]
    return shop


def sign_up_member(api: Api, tenant: Tenant, email: str) -> tuple[str, str]:
    """A member registered, confirmed and signed in, with an address: (ID token, address id)."""
    member = builders.member(
        api, tenant.slug, email=email, password=PASSWORD, individual={"real_name": "Bench Shopper"}
    )
    return member.token, builders.address(api, member.token, recipient="Bench Shopper")


class Journey:
    """The member's (and the owner's) requests through the gateway, and what each step set off."""

    def __init__(self, gateway: ThroughGateway, ledger: RequestLedger, sandbox: StripeSandbox, tenant: Tenant) -> None:
        self.gateway, self.ledger, self.sandbox, self.tenant = gateway, ledger, sandbox, tenant
        self.webhook_function = gateway.route("POST", STRIPE_WEBHOOK_PATH).function
        self.webhooks = Webhooks(ledger, sandbox, self.webhook_function)
        self.measured: dict[str, UseCase] = {}
        self.background: dict[str, Background] = {}
        self.warnings: list[str] = []

    def measure(
        self,
        use_case: str,
        method: str,
        target: str,
        *,
        token: str,
        expect: int = 200,
        body: Any = None,
        key: str = "",
        accept: str = "",
    ) -> dict[str, Any]:
        headers = bearer(token) | ({"Idempotency-Key": key} if key else {}) | ({"Accept": accept} if accept else {})
        self.measured[use_case], answer = self.gateway.measure(use_case, method, target, body=body, headers=headers)
        if self.measured[use_case].status != expect:
            self.warnings.append(f"{use_case}: answered {self.measured[use_case].status}, expected {expect}: {answer}")
        return answer if isinstance(answer, dict) else {}

    def in_background(self, step: str, act: Callable[[], Any], *counted_apart: str) -> Any:
        """Do `act`, wait until the platform is quiet, and keep what else was sent meanwhile
        (`counted_apart`: the callers `act` itself measured)."""
        before, position, mark = self.ledger.snapshot(), self.ledger.position(), self.webhooks.mark
        refused = self.ledger.refusals()
        answer = act()
        settle(self.ledger, self.sandbox)
        spent = {c: ops for c, ops in by_caller(self.ledger.since(before)).items() if c not in counted_apart}
        conflicts = {c: ops for c, ops in by_caller(self.ledger.refusals() - refused).items() if c not in counted_apart}
        deliveries = self.webhooks.since(mark)
        self.background[step] = Background(step, self.ledger.in_order_since(position, spent), deliveries, conflicts)
        self.warnings += [
            f"webhook {d.event_type} answered {d.status}" for d in deliveries if not 200 <= d.status < 300
        ]
        return answer

    def browse_and_quote(self, shop: Shop, member: str, checkout: dict[str, Any]) -> None:
        by_category = "/v1/catalog/products?" + urlencode({"category": shop.category_id})
        found = self.measure(BY_CATEGORY, "GET", by_category, token=member).get("items", [])
        if len(found) != len(GOODS):
            self.warnings.append(f"{BY_CATEGORY}: found {len(found)} products, expected {len(GOODS)}")
        found = self.measure(BY_TEXT, "GET", "/v1/catalog/products?" + urlencode({"q": TEXT_QUERY}), token=member)
        if [p.get("id") for p in found.get("items", [])] != [shop.products["device"]]:
            self.warnings.append(f"{BY_TEXT}: {TEXT_QUERY!r} found {found.get('items')}, expected the monitor only")
        lines = [
            {
                "line_ref": str(i),
                "product_id": shop.products[kind],
                "category_ids": [shop.category_id],
                "amount": {"amount": price, "currency": "GBP"},
            }
            for i, (kind, (_, price)) in enumerate(GOODS.items(), start=1)
        ]
        preview = {"lines": lines, "coupon_code": shop.coupon}
        quoted = self.measure(PROMOTIONS_QUOTE, "POST", "/v1/promotions/quote", token=member, body=preview)
        if not quoted.get("coupon_applied"):
            self.warnings.append(f"{PROMOTIONS_QUOTE}: the coupon was not applied: {quoted}")
        self.measure(ORDERS_QUOTE, "POST", "/v1/orders/quote", token=member, body=checkout)

    def check_out(self, member: str, checkout: dict[str, Any], stamp: str) -> dict[str, Any]:
        """Two checkouts: the first is the process's first use of Stripe (it reads the keys); the
        second is the figure per checkout. Their answers are counted apart from their background."""
        apart = (self.gateway.route("POST", "/v1/orders").function, wiring.AUTHORIZER)

        def first() -> Any:
            return self.measure(
                FIRST_CHECKOUT,
                "POST",
                "/v1/orders",
                token=member,
                expect=201,
                body=checkout,
                key=f"bench-first-{stamp}",
            )

        def second() -> Any:
            return self.measure(
                CHECKOUT, "POST", "/v1/orders", token=member, expect=201, body=checkout, key=f"bench-{stamp}"
            )

        self.in_background("first checkout", first, *apart)
        del self.background["first checkout"]
        placed = self.in_background(AFTER_CHECKOUT, second, *apart)
        if not any(caller.endswith("/await_payment") for caller in self.background[AFTER_CHECKOUT].by_caller):
            self.warnings.append("the order-fulfilment workflow did not reach its payment wait after the checkout")
        return dict(placed.get("order") or {})

    def pay(self, order: dict[str, Any], member: str) -> bool:
        """The member pays the order's PaymentIntent in the sandbox; its webhooks and what follows."""
        payment_id = (order.get("payment") or {}).get("payment_id")
        intent = next((i for i in self.sandbox.intents.values() if i["metadata"].get("payment_id") == payment_id), None)
        if intent is None:
            self.warnings.append(f"the checkout started no PaymentIntent in the sandbox (payment {payment_id})")
            return False
        self.in_background(PAYMENT, lambda: self.sandbox.succeed(intent["id"]))
        paid = self.measure(READ_ORDER, "GET", f"/v1/orders/{order.get('id')}", token=member)
        if paid.get("state") != "fulfilling":
            self.warnings.append(f"after the payment the order is {paid.get('state')}, expected fulfilling")
        return True

    def refund(self, order: dict[str, Any], shop: Shop, owner: str, stamp: str) -> None:
        """The owner refunds the monitor's line (returned: back to stock)."""
        device = next(line["line_no"] for line in order.get("lines", []) if line["sku_id"] == shop.skus["device"])
        refund = {"reason": "the monitor arrived damaged", "lines": [{"line_no": device, "quantity": 1}]}
        target = f"/v1/orders/{order.get('id')}/refunds"
        apart = (self.gateway.route("POST", target).function, wiring.AUTHORIZER)

        def ask() -> Any:
            return self.measure(REFUND, "POST", target, token=owner, body=refund, key=f"bench-refund-{stamp}")

        self.in_background(AFTER_REFUND, ask, *apart)

    def books(self, owner: str) -> None:
        """The owner reads the day's sales and orders from the ledger, and exports them."""
        day = time.strftime("%Y-%m-%d", time.gmtime())
        period = urlencode({"since": day, "until": day})
        sales = self.measure(DAY_SALES, "GET", f"/v1/finance/sales?{period}", token=owner)
        if sales.get("entries") != 2:  # the second checkout's sale, and its refund
            self.warnings.append(f"{DAY_SALES}: {sales.get('entries')} ledger entries, expected 2")
        self.measure(DAY_ORDERS, "GET", f"/v1/finance/orders?{period}", token=owner)
        self.measure(DAY_EXPORT, "GET", f"/v1/finance/export?{period}", token=owner, accept=XLSX)

    def figures(self) -> CommerceFigures:
        requests, _, _ = self.ledger.totals()
        reads = {caller: ops[KEYS_READ] for caller, ops in by_caller(requests).items() if ops[KEYS_READ]}
        use_cases = [self.measured[name] for name in ORDER if name in self.measured]
        return CommerceFigures(use_cases, self.background, reads, self.webhook_function, self.warnings)


def run(gateway: ThroughGateway, ledger: RequestLedger, sandbox: StripeSandbox, tenant: Tenant) -> CommerceFigures:
    """Every commerce use case once (the checkout twice), and what each step set off."""
    stamp = time.strftime("%H%M%S")
    journey = Journey(gateway, ledger, sandbox, tenant)
    owner = str(builders.signed_in(gateway.api, tenant.slug, tenant.owner_email, OWNER_PASSWORD)["id_token"])
    shop = build_shop(gateway.api, tenant, owner, stamp)
    member, address_id = sign_up_member(gateway.api, tenant, f"shopper-{stamp}@bench.example")
    settle(ledger, sandbox)  # the shop's events are relayed before anything is counted

    cart = [{"sku_id": shop.skus[kind], "store_id": tenant.id, "quantity": 1} for kind in GOODS]
    checkout = {"lines": cart, "address_id": address_id, "coupon_code": shop.coupon, "payment_method": "card"}
    journey.browse_and_quote(shop, member, checkout)
    order = journey.check_out(member, checkout, stamp)
    if journey.pay(order, member):
        journey.refund(order, shop, owner, stamp)
        journey.books(owner)
    return journey.figures()
