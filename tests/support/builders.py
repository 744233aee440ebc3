"""The one set of builders that sets the platform up through its API, whatever carries the requests
(`api`: any `tests.support.transport.Api`): a tenant onboarded, a member registered, an address,
a shop (products on sale with stock, and a coupon), an order placed, paid, and waited for.

Each builder says who acts (`as_`/`owner`/`member`: an ID token over HTTP and through the gateway,
or the authorizer's claims in process), asserts every answer it relies on, and returns what the
next step needs. `eventually` is the one way to wait for the platform's asynchronous work.
"""

from __future__ import annotations

import itertools
import json
import re
import time
import urllib.request
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

from panacea.platform import clock
from tests.support.transport import Answer, Api, Caller

T = TypeVar("T")

# --- waiting ----------------------------------------------------------------------------------


# How long a test waits for the platform's asynchronous work (a consumer, a workflow's step) before
# it fails: `make test` runs a worker per core, each with its own platform, so a machine is never idle.
PATIENCE_S = 60


def eventually(check: Callable[[], Any], *, timeout_s: float = PATIENCE_S, every_s: float = 0.1, what: str = "") -> Any:
    """What `check` returns once it is truthy (the platform's asynchronous work has landed),
    asking every `every_s`; after `timeout_s`, an AssertionError naming `what` and the last value."""
    deadline = time.monotonic() + timeout_s
    while True:
        last = check()
        if last:
            return last
        if time.monotonic() >= deadline:
            raise AssertionError(f"{what or 'still not true'} after {timeout_s:g}s (last: {last!r})")
        time.sleep(every_s)


def settled(read: Callable[[], T], *, quiet_s: float, timeout_s: float = PATIENCE_S, what: str = "") -> T:
    """What `read` returns once two reads `quiet_s` apart agree (the platform has gone quiet)."""
    last = read()

    def unchanged() -> tuple[T] | None:
        nonlocal last
        time.sleep(quiet_s)
        before, last = last, read()
        return (last,) if last == before else None  # a tuple: truthy even when what was read is empty

    settled_value: tuple[T] = eventually(unchanged, timeout_s=timeout_s, every_s=0, what=what or "still changing")
    return settled_value[0]


def ok(answer: Answer, *statuses: int) -> Any:
    """The body of an answer whose status is one of `statuses` (default 200 or 201)."""
    assert answer.status in (statuses or (200, 201)), (answer.status, answer.body)
    return answer.body


# --- tenants and people -----------------------------------------------------------------------

_counter = itertools.count(1)


def new_tenant_body(**overrides: Any) -> dict[str, Any]:
    """The body of `POST /v1/tenants` for a new gene-testing clinic in GBP (unique slug and owner)."""
    stamp = f"{time.time_ns() % 10**9}-{next(_counter)}"
    body = {
        "name": f"Clinic {stamp}",
        "slug": f"clinic-{stamp}",
        "kind": "gene_testing",
        "currency": "GBP",
        "locale": "en-GB",
        "jurisdiction": "GB",
        "tier": "professional",
        "first_admin": {"email": f"owner-{stamp}@example.com", "name": "Ada Owner"},
    }
    body.update(overrides)
    return body


def tenant(
    api: Api, *, as_: Caller, key: str | None = None, timeout_s: float = PATIENCE_S, **body: Any
) -> dict[str, Any]:
    """A tenant created by a platform admin (`as_`) and onboarded by its workflow: the tenant
    once its status is no longer `onboarding` (`body`: the fields of `new_tenant_body` to change)."""
    headers = {"Idempotency-Key": key} if key else None
    created = ok(api.request("POST", "/v1/tenants", as_=as_, body=new_tenant_body(**body), headers=headers), 201)
    return onboarded(api, created["id"], as_=as_, timeout_s=timeout_s)


def onboarded(api: Api, tenant_id: str, *, as_: Caller, timeout_s: float = PATIENCE_S) -> dict[str, Any]:
    """The tenant once its onboarding workflow is over (its status, active or not, is the caller's to check)."""

    def done() -> dict[str, Any] | None:
        found = ok(api.request("GET", f"/v1/tenants/{tenant_id}", as_=as_), 200)
        return dict(found) if found["status"] != "onboarding" else None

    found: dict[str, Any] = eventually(done, timeout_s=timeout_s, what=f"tenant {tenant_id} still onboarding")
    return found


def outbox(api: Api, to: str) -> list[dict[str, Any]]:
    """The messages the local platform sent to an email address or phone number, oldest first
    (`GET /_local/outbox`, served by the local gateway only)."""
    return list(ok(api.request("GET", f"/_local/outbox?to={quote(to, safe='')}"), 200)["messages"])


def code_in(text: str) -> str:
    """The 6-digit code in a message the platform sent."""
    found = re.search(r"\b(\d{6})\b", text)
    assert found, f"no code in {text!r}"
    return found.group(1)


def code_sent_to(api: Api, to: str) -> str:
    """The 6-digit code in the latest message the platform sent to `to`."""
    messages = outbox(api, to)
    assert messages, f"nothing was sent to {to}"
    return code_in(str(messages[-1]["text"]))


def registered_member(api: Api, slug: str, email: str, password: str, **details: Any) -> str:
    """A member registered by email in the tenant's app and confirmed with the emailed code; their id."""
    registration = {"tenant": slug, "kind": "individual", "email": email, "password": password, **details}
    ok(api.request("POST", "/v1/auth/register", body=registration), 202)
    confirmation = {"tenant": slug, "email": email, "code": code_sent_to(api, email)}
    return str(ok(api.request("POST", "/v1/auth/register/confirm", body=confirmation), 200)["user_id"])


def signed_in(api: Api, slug: str, email: str, password: str) -> dict[str, Any]:
    """A person's session at the tenant (its `id_token` is what they send)."""
    credentials = {"tenant": slug, "email": email, "password": password}
    return dict(ok(api.request("POST", "/v1/auth/sign-in", body=credentials), 200))


def invitation_accepted(api: Api, slug: str, email: str, password: str) -> str:
    """Someone invited to the tenant (staff, or its first owner, invited by onboarding) sets their
    password with the code their invitation emailed them; their id."""
    acceptance = {"tenant": slug, "email": email, "code": code_sent_to(api, email), "password": password}
    return str(ok(api.request("POST", "/v1/auth/invitations/accept", body=acceptance), 200)["user_id"])


def platform_signed_in(api: Api, username: str, password: str) -> dict[str, Any]:
    """A platform admin's session (they have no tenant: they sign in by username)."""
    credentials = {"username": username, "password": password}
    return dict(ok(api.request("POST", "/v1/auth/platform/sign-in", body=credentials), 200))


@dataclass(frozen=True)
class Member:
    user_id: str
    email: str
    password: str
    token: str  # an ID token


MEMBER_PASSWORD = "Harbour-Gene-2026!"


def member(api: Api, slug: str, *, email: str = "", password: str = MEMBER_PASSWORD, **details: Any) -> Member:
    """A member registered, confirmed and signed in (a fresh email unless one is given)."""
    email = email or f"buyer-{uuid.uuid4().hex[:8]}@example.com"
    user_id = registered_member(api, slug, email, password, **details)
    return Member(user_id, email, password, str(signed_in(api, slug, email, password)["id_token"]))


ADDRESS: dict[str, Any] = {  # an address book entry, as a member adds it
    "label": "Home",
    "recipient": "Mei Chen",
    "phone": "+447400123456",
    "line1": "12 Harbour Street",
    "city": "Bristol",
    "postcode": "BS1 4RN",
    "country": "GB",
    "uses": ["kits", "goods", "reports"],
}


def address(api: Api, member: Caller, **fields: Any) -> str:
    """An address in the member's own address book (`fields`: any of ADDRESS to change); its id."""
    return str(ok(api.request("POST", "/v1/me/addresses", as_=member, body={**ADDRESS, **fields}), 201)["id"])


# --- the shop ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Goods:
    """A product to put on sale with one SKU (`price` in minor units of GBP)."""

    kind: str  # gene_test, device, service
    name: str
    price: int
    code: str = ""  # the SKU's code; empty: a fresh one
    specs: Mapping[str, str] = field(default_factory=dict)  # the SKU's
    product: Mapping[str, Any] = field(default_factory=dict)  # more fields of the product (cashback_bps, category_ids)


GOODS = (  # what a test shop sells, one of each kind
    Goods("gene_test", "A gene test", 29900, code="GENE-TEST-1", product={"cashback_bps": 500}),
    Goods("device", "A device", 8900, code="DEVICE-1", product={"cashback_bps": 500}),
    Goods("service", "A service", 4500, code="SERVICE-1", product={"cashback_bps": 500}),
)


@dataclass(frozen=True)
class Listing:
    product_id: str
    sku_id: str


def category(api: Api, owner: Caller, name: str, dimension: str = "series") -> dict[str, Any]:
    """A catalog category (`dimension`: series, crowd, use, …)."""
    body = {"dimension": dimension, "name": name}
    return dict(ok(api.request("POST", "/v1/catalog/categories", as_=owner, body=body), 201))


def product(api: Api, owner: Caller, *, name: str, kind: str = "gene_test", **fields: Any) -> dict[str, Any]:
    """A draft product (`fields`: more of its fields, e.g. cashback_bps, category_ids)."""
    body = {"name": name, "kind": kind, **fields}
    return dict(ok(api.request("POST", "/v1/catalog/products", as_=owner, body=body), 201))


def sku(
    api: Api,
    owner: Caller,
    product_id: str,
    *,
    code: str = "",
    price: int = 29900,
    currency: str = "GBP",
    **fields: Any,
) -> dict[str, Any]:
    """A SKU of the product with one price (a fresh code unless given; `fields`: e.g. specs)."""
    code = code or f"SKU-{uuid.uuid4().hex[:8].upper()}"
    body = {"code": code, "prices": [{"amount": price, "currency": currency}], **fields}
    return dict(ok(api.request("POST", f"/v1/catalog/products/{product_id}/skus", as_=owner, body=body), 201))


def publish(api: Api, owner: Caller, product_id: str) -> dict[str, Any]:
    return dict(ok(api.request("POST", f"/v1/catalog/products/{product_id}/publish", as_=owner), 200))


def on_sale(api: Api, owner: Caller, goods: Goods) -> tuple[dict[str, Any], dict[str, Any]]:
    """`goods` drafted, given its SKU and published: (the published product, its SKU)."""
    made = product(api, owner, name=goods.name, kind=goods.kind, **goods.product)
    specs: dict[str, Any] = {"specs": dict(goods.specs)} if goods.specs else {}
    added = sku(api, owner, made["id"], code=goods.code, price=goods.price, **specs)
    return publish(api, owner, made["id"]), added


def product_on_sale(api: Api, owner: Caller, store_id: str, goods: Goods, *, stock: int) -> Listing:
    """`goods` on sale, with `stock` of it counted in the store."""
    made, added = on_sale(api, owner, goods)
    set_stock(api, owner, added["id"], store_id, stock)
    return Listing(made["id"], added["id"])


def set_stock(
    api: Api, owner: Caller, sku_id: str, store_id: str, available: int, *, reason: str = "stock count"
) -> Any:
    body = {"available": available, "reason": reason}
    return ok(api.request("PUT", f"/v1/catalog/skus/{sku_id}/stock/{store_id}", as_=owner, body=body), 200)


def stock_of(api: Api, owner: Caller, sku_id: str, store_id: str) -> dict[str, Any]:
    """The SKU's stock level in the store (available, reserved, sold)."""
    levels = ok(api.request("GET", f"/v1/catalog/skus/{sku_id}/stock", as_=owner), 200)["items"]
    (level,) = [s for s in levels if s["store_id"] == store_id]
    return dict(level)


def coupon_body(code: str, *, percentage_bps: int, currency: str = "GBP", **terms: Any) -> dict[str, Any]:
    """The body of `POST /v1/promotions` for a coupon taking `percentage_bps` off the whole order,
    valid from a minute ago (`terms`: any other field, e.g. usage_limit or per_member_limit)."""
    return {
        "name": f"{percentage_bps / 100:g}% off",
        "currency": currency,
        "method": "code",
        "code": code,
        "offer": {"kind": "percentage_off", "percentage_bps": percentage_bps, "scope": "order"},
        "starts_at": (clock.now() - timedelta(minutes=1)).isoformat(),
        **terms,
    }


@dataclass(frozen=True)
class Coupon:
    code: str
    promotion_id: str


def coupon(api: Api, owner: Caller, code: str = "", *, percentage_bps: int = 1000, **terms: Any) -> Coupon:
    """An active coupon (10% off the order unless told otherwise; a fresh code unless given)."""
    code = code or f"TEN{uuid.uuid4().hex[:8].upper()}"
    body = coupon_body(code, percentage_bps=percentage_bps, **terms)
    promotion = ok(api.request("POST", "/v1/promotions", as_=owner, body=body), 201)
    ok(api.request("POST", f"/v1/promotions/{promotion['id']}/activate", as_=owner), 200)
    return Coupon(code, promotion["id"])


@dataclass
class Shop:
    """A tenant's shop: what it sells from its own store, by kind, and its coupon."""

    api: Api
    tenant_id: str
    slug: str
    owner: Caller
    goods: dict[str, Goods] = field(default_factory=dict)  # kind → what is on sale
    products: dict[str, str] = field(default_factory=dict)  # kind → product id
    skus: dict[str, str] = field(default_factory=dict)  # kind → SKU id
    coupon: str | None = None
    coupon_id: str | None = None

    @property
    def store_id(self) -> str:
        return self.tenant_id  # the tenant's own store

    def line(self, kind: str, quantity: int = 1) -> dict[str, Any]:
        return {"sku_id": self.skus[kind], "store_id": self.store_id, "quantity": quantity}

    def stock(self, kind: str) -> dict[str, Any]:
        return stock_of(self.api, self.owner, self.skus[kind], self.store_id)

    def set_stock(self, kind: str, available: int) -> None:
        set_stock(self.api, self.owner, self.skus[kind], self.store_id, available, reason="stock count for the test")

    def promotion(self) -> dict[str, Any]:
        return dict(ok(self.api.request("GET", f"/v1/promotions/{self.coupon_id}", as_=self.owner), 200))


def shop(
    api: Api,
    tenant: Mapping[str, Any],
    owner: Caller,
    *,
    goods: tuple[Goods, ...] = GOODS,
    stock: int = 10,
    coupon_code: str = "",
    shop_type: type[Shop] = Shop,
    **coupon_terms: Any,
) -> Shop:
    """The tenant's shop opened by its `owner`: each of `goods` on sale from the tenant's own store
    with `stock` of it, and an active 10% coupon (`coupon_terms`: e.g. usage_limit, name)."""
    made = shop_type(api, str(tenant["id"]), str(tenant["slug"]), owner)
    for each in goods:
        listed = product_on_sale(api, owner, made.store_id, each, stock=stock)
        made.goods[each.kind], made.products[each.kind], made.skus[each.kind] = each, listed.product_id, listed.sku_id
    offer = coupon(api, owner, coupon_code, **coupon_terms)
    made.coupon, made.coupon_id = offer.code, offer.promotion_id
    return made


# --- orders -----------------------------------------------------------------------------------


def checkout(api: Api, member: Caller, lines: list[dict[str, Any]], *, key: str = "", **fields: Any) -> Answer:
    """The member checks out `lines` (by card unless `fields` says otherwise; `key`: an Idempotency-Key)."""
    headers = {"Idempotency-Key": key} if key else None
    body = {"payment_method": "card", "lines": lines, **fields}
    return api.request("POST", "/v1/orders", as_=member, body=body, headers=headers)


def order(api: Api, as_: Caller, order_id: str) -> dict[str, Any]:
    return dict(ok(api.request("GET", f"/v1/orders/{order_id}", as_=as_), 200))


def reaches(api: Api, as_: Caller, order_id: str, *states: str, timeout_s: float = PATIENCE_S) -> dict[str, Any]:
    """The order once it is in one of `states` (the workflow and consumers run on their own)."""

    def now() -> dict[str, Any] | None:
        found = order(api, as_, order_id)
        return found if found["state"] in states else None

    found: dict[str, Any] = eventually(
        now, timeout_s=timeout_s, every_s=0.2, what=f"order {order_id} never became {'/'.join(states)}"
    )
    return found


class Sandbox(Protocol):
    """The Stripe sandbox, as a paying member's browser reaches it."""

    def succeed(self, intent_id: str) -> Any: ...


class SandboxOverHttp:
    """The local Stripe sandbox's controls at its URL (`make dev` prints it; demo.json holds it)."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def succeed(self, intent_id: str) -> None:
        self.control(f"/_sandbox/payment_intents/{intent_id}/succeed")

    def control(self, path: str) -> Any:
        """POST one of the sandbox's controls (`/_sandbox/…`, its query included); its JSON answer."""
        request = urllib.request.Request(f"{self.url}{path}", method="POST")
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read() or b"null")


def pay(api: Api, as_: Caller, placed: Mapping[str, Any], sandbox: Sandbox) -> None:
    """The member pays the order's PaymentIntent in the Stripe sandbox, which then sends its signed
    webhooks (`as_`: someone who may read the payment, e.g. the owner)."""
    payment_id = placed["order"]["payment"]["payment_id"]
    intent = ok(api.request("GET", f"/v1/payments/{payment_id}", as_=as_), 200)["intent_id"]
    assert intent, f"payment {payment_id} has no PaymentIntent"
    sandbox.succeed(intent)


# --- distribution -----------------------------------------------------------------------------


def distribution_rules(api: Api, owner: Caller, **rules: Any) -> dict[str, Any]:
    """The tenant's owner changes its distribution settings (`rules`: fields of the section)."""
    tenant = ok(api.request("PATCH", "/v1/tenant/settings", as_=owner, body={"distribution": rules}), 200)
    return dict(tenant["settings"]["distribution"])


def distributor(api: Api, owner: Caller, member_id: str, *, kind: str = "member", **fields: Any) -> dict[str, Any]:
    """A member appointed distributor by staff (`owner`); their profile, with their referral code."""
    body = {"member_id": member_id, "kind": kind, **fields}
    return dict(ok(api.request("POST", "/v1/distributors", as_=owner, body=body), 201))


def referrer_of(api: Api, owner: Caller, member_id: str) -> dict[str, Any] | None:
    """A member's binding record as staff read it (None: never bound)."""
    answer = api.request("GET", f"/v1/distribution/bindings/{member_id}", as_=owner)
    return None if answer.status == 404 else dict(ok(answer, 200))
