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

Steps 1 and 2 (the tenants, the document, what A makes) are `probe_tenants.py`; B's calls and the
watch on the table are here.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pytest
from moto.dynamodb.responses import DynamoHandler
from moto.sts.models import sts_backends
from openpyxl import load_workbook

from infra import wiring
from infra.local.invoke import ACCOUNT, REGION
from infra.local.provision import TENANT_ROLE_ARN
from panacea.platform import isolation
from panacea.platform.access import TENANT_ROLES, Actor, Role
from panacea.platform.ids import new_id
from tests.integration.platform.probe_tenants import (
    INDEXES,
    PARAM,
    ULID,
    VOCABULARY,
    Tenant,
    book_something,
    create_everything,
    example,
    file_something,
    kit_something,
    notify_something,
    onboarded_tenant,
    order_something,
    param_names,
    params,
    pay_for_something,
    query,
    settled_snapshot,
    table_name,
    tag_something,
    takes_body,
    template_something,
    withdraw_something,
)
from tests.support import Answer, call, gateway_request, onboard, signed_headers

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
            if key in param_names() and isinstance(value, str) and (replacement := ids(key)):
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
        unknown |= {name: a_ids[name] for name in names if name in VOCABULARY}  # words, not ids: A's own
        ids_in_path = [name for name in names if name not in VOCABULARY]
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
            if not ids_in_path and not swapped and not queried:
                continue
            with_unknown = caller.send(route.method, u_path, u_body)
            self.leaks(who, u_path + json.dumps(u_body), with_unknown)
            refused_everywhere = refused_everywhere and with_unknown.status == 403
            if _kind(with_a) != _kind(with_unknown):
                self.findings.append(
                    f"{who}: A's ids answer {_kind(with_a)}, ids nobody has {_kind(with_unknown)}: existence leaks"
                )
            elif ids_in_path and with_a.status not in (403, 404):
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
        role_arn=TENANT_ROLE_ARN, region=REGION, table=table_name(), indexes=INDEXES
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
    param_names()  # from the API document, made once, before threads need it (Powertools' is not thread-safe)
    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(lambda _: onboarded_tenant(), "AB")
    since = len(sent)
    pay_for_something(a)
    order_something(a)
    withdraw_something(a)
    file_something(a)
    book_something(a)
    kit_something(a)
    template_something(a)
    tag_something(a)
    notify_something(a)
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
