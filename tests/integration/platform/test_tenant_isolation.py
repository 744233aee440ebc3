"""The cross-tenant probe: tenant B calls every route of the API with tenant A's ids, and nothing
of A is read, listed or changed.

It is written against the route table (`infra.wiring.routes()`) and the OpenAPI document, never
against a list of routes, so every context's routes are probed as soon as they exist:

1. Tenants A and B are onboarded, each with a partner API key.
2. A creates what it can: every POST route whose request body has an example in the OpenAPI
   document is called by a user of A holding every tenant role. A's ids are collected from the
   answers (Location headers matched against the route templates; fields named like a path
   parameter; the `id` of what a route creates or lists under `<path>/{param}`), round after
   round, with A's lists read in between, until nothing new turns up.
3. A's items are snapshotted: every item keyed under `T#<A>#`, and every platform item about A.
4. Every route that needs credentials is called by B's owner, by a user of B holding every
   tenant role, and by B's partner key (signed, through the local gateway and its authorizer):
   - with A's ids in its path, and again with ids nobody has. The two answers must be the same
     (existence does not leak) and 404, or 403 when the caller may not use the route at all
     (platform-only routes, or roles the caller lacks);
   - with the document's example body, fields named like a path parameter set to A's ids (and,
     for the comparison, to ids nobody has);
   - with its query's id filters (`product_id`, `member_id`, …) set to A's ids (and, for the
     comparison, to ids nobody has), its dates to today and its other required parameters to
     their examples, so a report or search over A's activity is really asked for;
   - no answer may carry one of A's ids (other than those B sent), A's slug, name or owner.
5. A's items are the same afterwards, and every DynamoDB request signed by A's or B's tenant
   session stayed inside that session's keys: moto does not enforce IAM, so the probe reads each
   request at the moto server and checks it against the session policy STS was given.

A route with path parameters that could not be given an id of A fails the probe (all of them are
listed), unless every caller of B is refused it whatever the ids (a platform-only route).
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import boto3
import pytest
from moto.dynamodb.responses import DynamoHandler
from moto.sts.models import sts_backends
from openpyxl import load_workbook

from functions.platform import docs
from infra import wiring
from infra.local.invoke import ACCOUNT, REGION
from infra.local.provision import TENANT_ROLE_ARN
from panacea import payments
from panacea.platform import isolation
from panacea.platform.access import STAFF_ROLES, TENANT_ROLES, Actor, Role
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from tests.support import PLATFORM_ADMIN, Answer, call, gateway_request, onboard, signed_headers
from tests.support.builders import settled

PARAM = re.compile(r"\{(\w+)\}")
ULID = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{26}\b")
INDEXES = wiring.TABLE.index_names
KEY_ATTRIBUTES = wiring.TABLE.key_attributes
CREATION_ROUNDS = 4


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
            TableName=_table_name(),
            FilterExpression=" OR ".join(
                [*(f"contains({a}, :t)" for a in ("PK", "GSI1PK", "GSI2PK")), "tenant_id = :t", "#owner = :t"]
            ),
            ExpressionAttributeNames={"#owner": "owner"},
            ExpressionAttributeValues={":t": {"S": tenant_id}},
        )
    )
    for page in pages:
        yield from (item for item in page["Items"] if _about(item, tenant_id))


def _table_name() -> str:
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


def settled_snapshot(tenant_id: str, *, quiet_s: float = 0.6, timeout_s: float = 20) -> dict[Any, Any]:
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


def _tenant() -> Tenant:
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
def _param_names() -> frozenset[str]:
    """Names of ids: the routes' path parameters, and query parameters named `…_id` (filters)."""
    queried = (
        parameter["name"]
        for operations in _document()["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter.get("in") == "query" and parameter["name"].endswith("_id")
    )
    return frozenset({*(p for route in wiring.routes() for p in params(route)), *queried})


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
        if name in _param_names():
            if value := ids(name):
                parts[name] = value
        elif _is_date(schema):
            parts[name] = today
        elif parameter.get("required"):
            parts[name] = str((schema.get("examples") or [schema.get("example", "x")])[0])
    set_ids = any(name in _param_names() for name in parts)
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
                if isinstance(inner, str) and key in _param_names():
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


# --- B's calls ----------------------------------------------------------------------------------


@dataclass
class Caller:
    name: str
    send: Callable[[str, str, Any], Answer]


def callers(b: Tenant) -> list[Caller]:
    counter = iter(range(10**9))

    def as_context(context: dict[str, str]) -> Callable[[str, str, Any], Answer]:
        return lambda method, path, body: call(method, path, caller=context, body=body)

    def as_partner(method: str, path: str, body: Any) -> Answer:
        raw = b"" if body is None else json.dumps(body).encode()
        at = int(time.time()) - next(counter) % 240  # every signature different, all inside the window
        headers = signed_headers(b.key, method, path, body=raw, at=at)
        return gateway_request(method, path, headers=headers, body=raw)

    return [
        Caller("owner", as_context(b.as_user(Role.OWNER))),
        Caller("every tenant role", as_context(b.as_user(*TENANT_ROLES))),
        Caller("partner key", as_partner),
    ]


def _substituted(body: Any, ids: Callable[[str], str | None]) -> tuple[Any, bool]:
    """The body with each field named like a path parameter set to `ids(name)`."""
    if isinstance(body, dict):
        out, changed = {}, False
        for key, value in body.items():
            if key in _param_names() and isinstance(value, str) and (replacement := ids(key)):
                out[key], changed = replacement, True
            else:
                out[key], inner = _substituted(value, ids)
                changed = changed or inner
        return out, changed
    if isinstance(body, list):
        parts = [_substituted(v, ids) for v in body]
        return [p for p, _ in parts], any(c for _, c in parts)
    return body, False


def _readable(body: Any) -> str:
    """An answer as text to search: JSON as JSON, a workbook (bytes) as its cells' values."""
    if isinstance(body, str):
        return body
    if isinstance(body, bytes):
        book = load_workbook(io.BytesIO(body), read_only=True)
        return "\n".join(
            str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row if value
        )
    return json.dumps(body)


def _kind(answer: Answer) -> tuple[int, str | None]:
    return answer.status, answer.body.get("type") if isinstance(answer.body, dict) else None


@dataclass
class Probe:
    a: Tenant
    fingerprints: set[str]
    findings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    coverage: list[str] = field(default_factory=list)

    def leaks(self, who: str, sent: str, answer: Answer) -> None:
        text = _readable(answer.body)
        leaked = sorted(f for f in self.fingerprints if f in text and f not in sent)
        if leaked:
            self.findings.append(f"{who}: the answer carries A's {', '.join(leaked)}: {text[:300]}")

    def route(self, route: wiring.Route, b_callers: list[Caller]) -> None:
        names = params(route)
        unknown = {name: new_id() for name in names}
        a_ids = {name: self.a.ids.get(name, [unknown[name]])[0] for name in names}
        lacking = [name for name in names if name not in self.a.ids]
        a_query, queried = query(route, self.a.first_id)
        u_query, _ = query(route, lambda n: new_id() if self.a.first_id(n) else None)
        a_path = PARAM.sub(lambda m: a_ids[m.group(1)], route.path) + a_query
        u_path = PARAM.sub(lambda m: unknown[m.group(1)], route.path) + u_query
        body = example(route) if takes_body(route) else None
        if takes_body(route) and body is None:
            body = {}
        a_body, swapped = _substituted(body, self.a.first_id)
        u_body, _ = _substituted(body, lambda n: new_id())
        refused_everywhere = True
        outcomes = []
        for caller in b_callers:
            who = f"{caller.name}: {route.method} {route.path}"
            with_a = caller.send(route.method, a_path, a_body)
            self.leaks(who, a_path + json.dumps(a_body), with_a)
            outcomes.append(f"{caller.name} {with_a.status}")
            if not names and not swapped and not queried:
                continue
            with_unknown = caller.send(route.method, u_path, u_body)
            self.leaks(who, u_path + json.dumps(u_body), with_unknown)
            refused_everywhere = refused_everywhere and with_unknown.status == 403
            if _kind(with_a) != _kind(with_unknown):
                self.findings.append(
                    f"{who}: A's ids answer {_kind(with_a)}, ids nobody has {_kind(with_unknown)}: existence leaks"
                )
            elif names and with_a.status not in (403, 404):
                self.findings.append(f"{who}: A's ids answer {with_a.status}, not 404: {str(with_a.body)[:300]}")
        if lacking and not refused_everywhere:
            self.missing.append(f"{route.method} {route.path} (no id of A for {', '.join(lacking)})")
        bound = "no ids" if not names else ("A's ids" if not lacking else f"lacks {', '.join(lacking)}")
        bound = f"{bound}, A's in query" if queried else bound
        self.coverage.append(f"{route.method:6} {route.path:48} {bound:16} {', '.join(outcomes)}")


# --- watching the table: what each tenant session sent -----------------------------------------


@dataclass
class Sent:
    access_key: str
    operation: str
    request: dict[str, Any]


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[Sent]:
    """Every DynamoDB request the moto server receives while the test runs, with its access key."""
    seen: list[Sent] = []
    original = DynamoHandler.call_action

    def observed(handler: DynamoHandler) -> Any:
        target = handler.headers.get("X-Amz-Target") or handler.headers.get("x-amz-target") or ""
        raw = handler.body
        request = json.loads(raw) if isinstance(raw, str | bytes) and raw else {}
        seen.append(Sent(handler.get_access_key(), target.rsplit(".", 1)[-1], request))
        return original(handler)

    monkeypatch.setattr(DynamoHandler, "call_action", observed)
    return seen


def _sessions() -> dict[str, Any]:
    """Access key → the assumed tenant data role session it belongs to (moto's STS keeps them)."""
    backend = sts_backends[ACCOUNT]["aws"]
    return {r.access_key_id: r for r in backend.assumed_roles if r.role_arn == TENANT_ROLE_ARN}


Operation = tuple[str, str | None, list[str]]  # IAM action, index (None: the table), leading keys
INDEX_PARTITIONS = {name: pk for name, pk, _ in wiring.TABLE.indexes}


def _item_operations(operation: str, request: dict[str, Any]) -> Iterator[Operation]:
    """Each item operation a request makes, as IAM sees it."""

    def pk(item: dict[str, Any]) -> str:
        return str(item[wiring.TABLE.partition_key]["S"])

    if operation in ("GetItem", "UpdateItem", "DeleteItem"):
        yield f"dynamodb:{operation}", None, [pk(request["Key"])]
    elif operation == "PutItem":
        yield "dynamodb:PutItem", None, [pk(request["Item"])]
    elif operation == "Query":
        names, values = request.get("ExpressionAttributeNames", {}), request.get("ExpressionAttributeValues", {})
        index = request.get("IndexName")
        partition = INDEX_PARTITIONS.get(index, "") if index else wiring.TABLE.partition_key
        keys = [
            values[v]["S"]
            for n, v in re.findall(r"([#\w]+)\s*=\s*(:\w+)", request.get("KeyConditionExpression", ""))
            if names.get(n, n) == partition
        ]
        yield "dynamodb:Query", index, keys
    elif operation == "TransactWriteItems":
        for entry in request["TransactItems"]:
            ((kind, op),) = entry.items()
            action = {"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem"}.get(kind, "ConditionCheckItem")
            yield f"dynamodb:{action}", None, [pk(op.get("Item") or op["Key"])]
    elif operation == "TransactGetItems":
        for entry in request["TransactItems"]:
            yield "dynamodb:GetItem", None, [pk(entry["Get"]["Key"])]
    elif operation == "BatchGetItem":
        for table in request["RequestItems"].values():
            yield "dynamodb:BatchGetItem", None, [pk(key) for key in table["Keys"]]
    elif operation == "BatchWriteItem":
        for writes in request["RequestItems"].values():
            keys = [pk(w["PutRequest"]["Item"]) if "PutRequest" in w else pk(w["DeleteRequest"]["Key"]) for w in writes]
            yield "dynamodb:BatchWriteItem", None, keys
    else:
        yield f"dynamodb:{operation}", None, []  # anything else is outside a tenant session


def by_session(sent: list[Sent], tenants: list[str]) -> dict[str, list[Operation]]:
    """The item operations each tenant's sessions sent (requests signed with its assumed role).

    Tests read them once their tenants are onboarded: locally every function runs in one
    process with one environment, so the onboarding workflow's platform tasks (TenancySteps,
    which moves the tenant's registry entry) act with the tenant's session too, where in the
    cloud they keep their own role (infra/stacks/tenant_data.py, PLATFORM_FUNCTIONS).
    """
    sessions = _sessions()
    found: dict[str, list[Operation]] = {tenant_id: [] for tenant_id in tenants}
    for request in sent:
        session = sessions.get(request.access_key)
        tenant_id = session.session_name.removeprefix("tenant-") if session else None
        if tenant_id in found:
            found[tenant_id] += _item_operations(request.operation, request.request)
    return found


def refused(tenant_id: str, operations: list[Operation]) -> list[str]:
    """The operations the tenant's session policy would refuse."""
    out = []
    for action, index, keys in operations:
        if action in isolation.TABLE_READ_ACTIONS and index in (None, *INDEX_PARTITIONS):
            patterns = isolation.readable_keys(tenant_id)
        elif action in isolation.TABLE_WRITE_ACTIONS and index is None:
            patterns = isolation.writable_keys(tenant_id)
        else:
            patterns = []
        if not keys or not all(any(_like(k, p) for p in patterns) for k in keys):
            out.append(f"tenant {tenant_id}'s session: {action} on {index or 'the table'} for keys {keys}")
    return out


def _like(value: str, pattern: str) -> bool:
    """IAM's StringLike: `*` any run of characters, `?` one, everything else itself."""
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.fullmatch(regex, value) is not None


# --- the tests ------------------------------------------------------------------------------------


def test_a_tenants_request_reaches_the_table_with_a_session_confined_to_that_tenant(sent):
    # Given an onboarded tenant
    tenant = onboard()
    owner = Actor(user_id="staff-1", tenant_id=tenant["id"], roles=frozenset({Role.OWNER})).as_context()
    since = len(sent)  # from here on (see by_session)
    # When its owner reads their tenant
    answer = call("GET", "/v1/tenant", caller=owner)
    assert answer.status == 200
    # Then the tenant data role was assumed for it, with the session policy the unit tests read
    (session,) = [s for s in _sessions().values() if s.session_name == f"tenant-{tenant['id']}"]
    table_arn, index_arns = isolation.table_arns(
        role_arn=TENANT_ROLE_ARN, region=REGION, table=_table_name(), indexes=INDEXES
    )
    expected = isolation.session_policy(tenant["id"], table_arn=table_arn, index_arns=index_arns)
    assert json.loads(session.policy) == expected
    # And the request read the tenant and its settings with that session's credentials, inside its keys
    (operations,) = by_session(sent[since:], [tenant["id"]]).values()
    read = {key for action, _, keys in operations if action == "dynamodb:GetItem" for key in keys}
    assert {f"P#TENANT#{tenant['id']}", f"T#{tenant['id']}#SETTINGS"} <= read
    assert refused(tenant["id"], operations) == []


def test_no_route_lets_one_tenant_read_list_or_change_anothers_data(sent):
    # Given tenants A and B (onboarded side by side), and everything A could create through the API
    _param_names()  # from the API document, made once, before threads need it (Powertools' is not thread-safe)
    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(lambda _: _tenant(), "AB")
    since = len(sent)
    pay_for_something(a)
    order_something(a)
    created = create_everything(a)
    before = settled_snapshot(a.id)
    fingerprints = {
        *(v for item in before.values() for v in ULID.findall(json.dumps(item))),
        a.id,
        a.record["slug"],
        a.record["name"],
        *([a.owner_email] if a.owner_email else []),
    }
    # When B's owner, a B user with every tenant role and B's partner key call every route with A's ids
    probe = Probe(a, fingerprints)
    b_callers = callers(b)
    for route in wiring.routes():
        # A public route has no caller of B to be: it takes no credentials. Stripe's webhook is one (Stripe
        # signs instead), and tests/integration/payments prove it: a body Stripe did not sign changes
        # nothing, and a signed event's tenant is the platform's record of the intent, never the event's say
        if not route.public:
            probe.route(route, b_callers)
    after = settled_snapshot(a.id)
    print("\n".join(["A created:", *created, "B probed:", *probe.coverage]))  # shown with -rP
    # Then every route either refused B or found nothing, the same as for ids nobody has
    assert probe.findings == []
    # And every route with ids in its path was probed with A's ids (or refuses B outright)
    assert probe.missing == [], "give the probe an id of A for these routes (a POST with an example creates one)"
    # And nothing of A changed
    changed = sorted(str(k) for k in before.keys() ^ after.keys()) + sorted(
        str(k) for k in before.keys() & after.keys() if before[k] != after[k]
    )
    assert changed == []
    # And every request A's and B's sessions sent stayed inside their own keys
    sessions = by_session(sent[since:], [a.id, b.id])
    assert [r for tenant_id, operations in sessions.items() for r in refused(tenant_id, operations)] == []
    assert sessions[b.id], "B's requests never reached the table with B's session"
