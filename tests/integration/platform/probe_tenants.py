"""The cross-tenant probe's tenants (tests/integration/platform/test_tenant_isolation.py): A and B
onboarded, what the API document says about each route, and everything A makes through the API
(and, where no route makes it, through the use cases that do), its ids learnt for B to try."""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import boto3

from functions.platform import docs
from infra import wiring
from infra.local.invoke import REGION
from panacea import payments
from panacea.distribution import payout_accounts, wallet, withdrawals
from panacea.distribution.wallet_models import Credit, EntryKind, ExternalAccount, WithdrawalRequest
from panacea.logistics import following as logistics_following
from panacea.logistics.point_models import PointSpec
from panacea.orders import LineFact, OrderPaid
from panacea.platform import isolation
from panacea.platform.access import STAFF_ROLES, TENANT_ROLES, Actor, Role
from panacea.platform.events import EventMetadata
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from tests.support import PLATFORM_ADMIN, Answer, call, onboard
from tests.support.builders import PATIENCE_S, settled
from tests.support.documents import pdf, post_form

PARAM = re.compile(r"\{(\w+)\}")
ULID = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{26}\b")
INDEXES = wiring.TABLE.index_names
KEY_ATTRIBUTES = wiring.TABLE.key_attributes
CREATION_ROUNDS = 4
VOCABULARY = frozenset({"event_type", "channel", "locale"})
"""Path parameters whose values are the platform's words, the same in every tenant (an event's type, a
channel, a language), not ids: B naming them acts on its own data (its own template of order.paid), so
the probe sends B the words A used, and checks that nothing of A is read, carried or changed."""


# --- the two tenants ----------------------------------------------------------------------------


@dataclass
class Tenant:
    record: dict[str, Any]
    owner_id: str
    owner_email: str | None
    key: dict[str, Any]  # a partner API key with every staff role but owner (secret included)
    ids: dict[str, list[str]] = field(default_factory=dict)  # path parameter → this tenant's ids

    @property
    def id(self) -> str:
        return str(self.record["id"])

    def as_user(self, *roles: Role) -> dict[str, str]:
        """What the authorizer hands to functions for this tenant's owner holding `roles`."""
        return Actor(user_id=self.owner_id, tenant_id=self.id, roles=frozenset(roles)).as_context()

    def learn(self, param: str, value: str) -> None:
        known = self.ids.setdefault(param, [])
        if value not in known:
            known.append(value)

    def first_id(self, param: str) -> str | None:
        """The first id learnt for a path parameter (None: none was learnt)."""
        known = self.ids.get(param)
        return known[0] if known else None


def _table() -> Any:
    return boto3.client("dynamodb", region_name=REGION)


def _items(tenant_id: str) -> Iterator[dict[str, Any]]:
    """Every item that mentions the tenant in a key, or as its tenant or owner (a test may scan;
    no request path does). The filter runs in moto, so only those items cross the wire."""
    pages = (
        _table()
        .get_paginator("scan")
        .paginate(
            TableName=table_name(),
            FilterExpression=" OR ".join(
                [*(f"contains({a}, :t)" for a in ("PK", "GSI1PK", "GSI2PK")), "tenant_id = :t", "#owner = :t"]
            ),
            ExpressionAttributeNames={"#owner": "owner"},
            ExpressionAttributeValues={":t": {"S": tenant_id}},
        )
    )
    for page in pages:
        yield from (item for item in page["Items"] if _about(item, tenant_id))


def table_name() -> str:
    return os.environ["PANACEA_TABLE"]  # set by the local platform, as for every function


def _text(item: dict[str, Any], name: str) -> str | None:
    value = item.get(name)
    return value.get("S") if isinstance(value, dict) else None


def _about(item: dict[str, Any], tenant_id: str) -> bool:
    """An item of the tenant's, or a platform item about it (its registry entry, its keys…)."""
    keys = [_text(item, a) or "" for a in KEY_ATTRIBUTES]
    return any(k.startswith(f"T#{tenant_id}#") or tenant_id in k.split("#") for k in keys) or tenant_id in (
        _text(item, "tenant_id"),
        _text(item, "owner"),
    )


def snapshot(tenant_id: str) -> dict[tuple[str, str], dict[str, Any]]:
    return {(_text(i, "PK") or "", _text(i, "SK") or ""): i for i in _items(tenant_id)}


def settled_snapshot(tenant_id: str, *, quiet_s: float = 0.6, timeout_s: float = PATIENCE_S) -> dict[Any, Any]:
    """A's items once the platform's asynchronous work for them (relay, consumers) is done."""
    what = f"tenant {tenant_id}'s items kept changing"
    return settled(lambda: snapshot(tenant_id), quiet_s=quiet_s, timeout_s=timeout_s, what=what)


def _owner(tenant_id: str) -> tuple[str, str | None]:
    """The first owner onboarding enrolled: (user id, email)."""
    for item in _items(tenant_id):
        user_id = _text(item, "user_id")
        if _text(item, "type") == "user" and user_id and Role.OWNER.value in item.get("roles", {}).get("SS", []):
            return user_id, _text(item, "email")
    raise AssertionError(f"tenant {tenant_id} has no owner")


def onboarded_tenant() -> Tenant:
    record = onboard(tier="enterprise")  # its partner key's burst of requests stays under the tier's limits
    owner_id, owner_email = _owner(record["id"])
    roles = sorted(r.value for r in STAFF_ROLES - {Role.OWNER})
    issued = call(
        "POST", f"/v1/tenants/{record['id']}/api-keys", caller=PLATFORM_ADMIN, body={"name": "probe", "roles": roles}
    )
    assert issued.status == 201, issued.body
    tenant = Tenant(record=record, owner_id=owner_id, owner_email=owner_email, key=issued.body)
    tenant.learn("tenant_id", tenant.id)
    harvest(tenant, "/v1/tenants/{tenant_id}/api-keys", issued)  # its key is one of its resources too
    return tenant


# --- what the document says about each route --------------------------------------------------


@functools.cache
@functools.cache
def _document() -> dict[str, Any]:
    return dict(json.loads(docs.document()))


def _operation(route: wiring.Route) -> dict[str, Any]:
    return dict(_document()["paths"].get(route.path, {}).get(route.method.lower(), {}))


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    return _resolve(_document()["components"]["schemas"][ref.rsplit("/", 1)[-1]]) if ref else schema


def takes_body(route: wiring.Route) -> bool:
    return "requestBody" in _operation(route)


def example(route: wiring.Route) -> Any:
    """The example request body the document gives for the route (None if it gives none)."""
    content = _operation(route).get("requestBody", {}).get("content", {}).get("application/json", {})
    if "example" in content:
        return content["example"]
    if content.get("examples"):
        return next(iter(content["examples"].values())).get("value")
    schema = _resolve(content.get("schema", {}))
    if schema.get("examples"):
        return schema["examples"][0]
    return schema.get("example")


def params(route: wiring.Route) -> list[str]:
    return PARAM.findall(route.path)


@functools.cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    compiled = []
    for route in wiring.routes():
        if params(route):
            pattern = re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(route.path))
            compiled.append((re.compile(f"^{pattern}$"), route.path))
    return compiled


@functools.cache
def param_names() -> frozenset[str]:
    """Names of ids: the routes' path parameters, and query parameters named `…_id` (filters)."""
    queried = (
        parameter["name"]
        for operations in _document()["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter.get("in") == "query" and parameter["name"].endswith("_id")
    )
    return frozenset({*(p for route in wiring.routes() for p in params(route)), *queried}) - VOCABULARY


def _is_date(schema: dict[str, Any]) -> bool:
    return schema.get("format") == "date" or any(_is_date(s) for s in schema.get("anyOf", []))


def query(route: wiring.Route, ids: Callable[[str], str | None]) -> tuple[str, bool]:
    """The route's query string: each id filter set to `ids(name)` (left out when None), each date
    to today (a period of today covers what A just did), each other required parameter to its
    example. And whether an id was set."""
    today = datetime.now(UTC).date().isoformat()
    parts: dict[str, str] = {}
    for parameter in _operation(route).get("parameters", []):
        if parameter.get("in") != "query":
            continue
        name, schema = parameter["name"], _resolve(parameter.get("schema", {}))
        if name in param_names():
            if value := ids(name):
                parts[name] = value
        elif _is_date(schema):
            parts[name] = today
        elif parameter.get("required"):
            parts[name] = str((schema.get("examples") or [schema.get("example", "x")])[0])
    set_ids = any(name in param_names() for name in parts)
    return (f"?{urlencode(parts)}" if parts else ""), set_ids


# --- learning A's ids -------------------------------------------------------------------------


def harvest(tenant: Tenant, route_path: str, answer: Answer) -> None:
    """Learn the ids in an answer to the tenant: its Location, id-named fields, created or listed ids."""
    if not 200 <= answer.status < 300:
        return
    location = next((v for k, v in answer.headers.items() if k.lower() == "location"), None)
    if location:
        for pattern, _ in _templates():
            if match := pattern.match(location.partition("?")[0]):
                for name, value in match.groupdict().items():
                    tenant.learn(name, value)
    item_params = [p for pattern, template in _templates() if (p := _child_param(route_path, template))]

    def walk(value: Any, *, top: bool) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, str) and key in param_names():
                    tenant.learn(key, inner)
                elif isinstance(inner, str) and key == "id" and top:
                    for param in item_params:
                        tenant.learn(param, inner)
                else:
                    walk(inner, top=top and key == "items")
        elif isinstance(value, list):
            for inner in value:
                walk(inner, top=top)

    walk(answer.body, top=True)


def _child_param(path: str, template: str) -> str | None:
    """`/v1/me/addresses` and `/v1/me/addresses/{address_id}…` → `address_id`."""
    if template.startswith(path + "/{"):
        return template[len(path) + 2 :].split("}", 1)[0]
    return None


def fill(path: str, ids: dict[str, list[str]]) -> str | None:
    """The path with each parameter set to a known id (None if one is unknown)."""
    try:
        return PARAM.sub(lambda m: ids[m.group(1)][0], path)
    except (KeyError, IndexError):
        return None


def create_everything(tenant: Tenant) -> list[str]:
    """A creates through every POST route with an example body; returns what it called."""
    everyone = tenant.as_user(*TENANT_ROLES)
    routes = [r for r in wiring.routes() if not r.public]
    created: list[str] = []
    called: set[tuple[str, str]] = set()
    for _ in range(CREATION_ROUNDS):
        progressed = False
        for route in (r for r in routes if r.method == "POST" and example(r) is not None):
            path = fill(route.path, tenant.ids)
            if path is None or (route.method, path) in called:
                continue
            called.add((route.method, path))
            answer = call("POST", path, caller=everyone, body=example(route))
            created.append(f"POST {path} → {answer.status}")
            harvest(tenant, route.path, answer)
            progressed = True
        for route in (r for r in routes if r.method == "GET"):
            path = fill(route.path, tenant.ids)
            if path is not None and ("GET", path) not in called:
                called.add(("GET", path))
                harvest(tenant, route.path, call("GET", path, caller=everyone))
                progressed = True
        if not progressed:
            break
    return created


def pay_for_something(tenant: Tenant) -> None:
    """Payments are made by other contexts' use cases (orders), not by a route of payments' own:
    A gets one of each kind (online, and offline with a refund) as those use cases make them."""
    owner = tenant.as_user(Role.OWNER)
    with isolation.acting_for(tenant.id):
        payments.start_payment(
            tenant.id, new_id(), Money(amount=1_000, currency="GBP"), None, customer_ref=None, idempotency_key="probe"
        )
        offline = payments.record_offline_payment(
            Actor.from_context(owner), tenant.id, new_id(), Money(amount=2_000, currency="GBP"), "PROBE-1"
        )
        payments.refund(tenant.id, offline.id, Money(amount=500, currency="GBP"), "probe", idempotency_key="probe")


def order_something(tenant: Tenant) -> None:
    """An order needs what no single example makes: a published product in stock. A's staff put one
    on sale and A's member buys it, through the API, as they would; A's order ids are learnt."""
    owner = tenant.as_user(Role.OWNER)
    product = call("POST", "/v1/catalog/products", caller=owner, body={"name": "Probe voucher", "kind": "service"})
    sku = call(
        "POST",
        f"/v1/catalog/products/{product.body['id']}/skus",
        caller=owner,
        body={"code": "PROBE-1", "prices": [{"amount": 1_000, "currency": "GBP"}]},
    )
    call("POST", f"/v1/catalog/products/{product.body['id']}/publish", caller=owner)
    stock = {"available": 5, "reason": "probe stock"}
    call("PUT", f"/v1/catalog/skus/{sku.body['id']}/stock/{tenant.id}", caller=owner, body=stock)
    member = tenant.as_user(Role.MEMBER)
    placed = call(
        "POST",
        "/v1/orders",
        caller=member,
        body={"lines": [{"sku_id": sku.body["id"], "quantity": 1}], "payment_method": "card"},
    )
    assert placed.status == 201, placed.body
    harvest(tenant, "/v1/orders", placed)


def withdraw_something(tenant: Tenant) -> None:
    """A withdrawal needs money in a wallet, which only the thaw of commission (or cashback) puts
    there: A's owner is credited as the thaw credits, sets a bank account and withdraws, through the
    use cases; A's withdrawal id is learnt."""
    member = Actor.from_context(tenant.as_user(Role.MEMBER))
    with isolation.acting_for(tenant.id):
        earned = Money(amount=10_000, currency="CNY")
        wallet.credit(tenant.id, Credit(member_id=member.user_id, kind=EntryKind.COMMISSION, amount=earned,
                                        reference="probe"))  # fmt: skip
        bank = ExternalAccount.model_validate(
            {"kind": "bank", "holder_name": "Probe", "account_number": "62220202000012", "bank_name": "ICBC"}
        )
        payout_accounts.set_external(member, bank)
        asked = withdrawals.request(member, WithdrawalRequest(amount=Money(amount=5_000, currency="CNY")))
    tenant.learn("withdrawal_id", asked.id)


def file_something(tenant: Tenant) -> None:
    """A report and a checkup record name a file uploaded first (no example body can): A's staff
    upload a PDF and file a released report for A's owner, and the owner, as a member, keeps a
    checkup record; their ids are learnt."""
    owner, member = tenant.as_user(Role.OWNER), tenant.as_user(Role.MEMBER)
    form = call("POST", "/v1/reports/uploads", caller=owner, body={"content_type": "application/pdf"}).body
    assert post_form(form["url"], form["fields"], pdf(["Probe report"])) < 300
    body = {"file_key": form["key"], "member_id": tenant.owner_id, "test_name": "Probe panel"}
    filed = call("POST", "/v1/reports", caller=owner, body=body)
    assert filed.status == 201, filed.body
    call("POST", f"/v1/reports/{filed.body['id']}/release", caller=owner)
    tenant.learn("report_id", filed.body["id"])
    form = call("POST", "/v1/me/records/uploads", caller=member, body={"content_type": "application/pdf"}).body
    assert post_form(form["url"], form["fields"], pdf(["Probe checkup"])) < 300
    record = {"file_key": form["key"], "category": "other", "title": "Probe"}
    kept = call("POST", "/v1/me/records", caller=member, body=record)
    assert kept.status == 201, kept.body
    tenant.learn("record_id", kept.body["id"])


def book_something(tenant: Tenant) -> None:
    """An appointment needs a paid gene test, which logistics learns from orders' `order.paid`: A's
    member is told of one as logistics' consumer is, A's owner opens a point open every day, and the
    member books its next slot through the API; A's point and appointment ids are learnt."""
    owner, member = tenant.as_user(Role.OWNER), tenant.as_user(Role.MEMBER)
    every_day = [
        {"day": day, "opens": "00:00", "closes": "23:30"} for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    ]
    spec = {**example_point(), "time_zone": "UTC", "opening_hours": every_day, "slot_minutes": 30}
    point = call("POST", "/v1/collection-points", caller=owner, body=spec)
    assert point.status == 201, point.body
    harvest(tenant, "/v1/collection-points", point)
    order_id, line = new_id(), LineFact(
        line_no=1, sku_id="S1", store_id="ST1", product_id="P1", kind="gene_test", quantity=1,
        amount=Money(amount=1_000, currency="GBP"),
    )  # fmt: skip
    paid = OrderPaid(order_id=order_id, member_id=tenant.owner_id, total=line.amount, payment_id="probe",
                     payment_method="card", lines=[line], referral_code=None)  # fmt: skip
    metadata = EventMetadata(event_id=new_id(), event_version=1, tenant_id=tenant.id, correlation_id="probe",
                             occurred_at=datetime.now(UTC))  # fmt: skip
    with isolation.acting_for(tenant.id):
        logistics_following.follow(metadata, paid)
    slot = (datetime.now(UTC) + timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
    if slot.hour == 23:
        slot += timedelta(hours=1)
    body = {"point_id": point.body["id"], "starts_at": slot.isoformat(), "order_id": order_id, "line_no": 1}
    booked = call("POST", "/v1/me/appointments", caller=member, body=body)
    assert booked.status == 201, booked.body
    harvest(tenant, "/v1/me/appointments", booked)


def template_something(tenant: Tenant) -> None:
    """A's owner publishes its own SMS of order.paid; the words that name it are learnt (VOCABULARY)."""
    path = "/v1/notification-templates/order.paid/sms/en-GB"
    made = call("PUT", path, caller=tenant.as_user(Role.OWNER), body={"text": "Probe {order_id}"})
    assert made.status == 200, made.body
    for name in VOCABULARY:
        tenant.learn(name, made.body[name])


def example_point() -> dict[str, Any]:
    return dict(PointSpec.model_json_schema()["examples"][0])


def kit_something(tenant: Tenant) -> None:
    """A kit's id is its barcode, unique within a tenant only: B, probing POST /v1/kits/batches with
    its example, makes a kit of the example's barcode of its own. A's staff import a kit whose
    barcode only A has, learnt first, so that B is probed with a barcode that is A's alone."""
    barcode = f"PROBE-{tenant.id[-12:]}"
    made = call("POST", "/v1/kits/batches", caller=tenant.as_user(Role.OWNER), body={"barcodes": [barcode]})
    assert made.status == 201, made.body
    tenant.learn("barcode", barcode)


def tag_something(tenant: Tenant) -> None:
    """An audience's id is its tag, unique within a tenant only: B, probing POST /v1/audiences with
    its example, makes an audience of the example's tag of its own (`audience` in paths). A's owner
    makes an audience whose tag only A has, learnt first, and puts A's owner in it."""
    owner, tag = tenant.as_user(Role.OWNER), f"probe-{tenant.id[-12:].lower()}"
    made = call("POST", "/v1/audiences", caller=owner, body={"tag": tag})
    assert made.status == 201, made.body
    tagged = call("PUT", f"/v1/audiences/{tag}/members", caller=owner, body={"add": [tenant.owner_id]})
    assert tagged.status == 200, tagged.body
    tenant.learn("audience", tag)


def notify_something(tenant: Tenant) -> None:
    """A's owner tells themself something by email: its message and its request are learnt first (the
    document's example names a member nobody has, whose request holds no message)."""
    body = {"member_id": tenant.owner_id, "event_type": "custom", "channels": ["email"], "text": "Probe"}
    made = call("POST", "/v1/notifications", caller=tenant.as_user(Role.OWNER), body=body)
    assert made.status == 202, made.body
    assert made.body["message_ids"], made.body
    tenant.learn("message_id", made.body["message_ids"][0])
    tenant.learn("request_id", made.body["request_id"])
