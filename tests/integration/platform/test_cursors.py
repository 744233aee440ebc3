"""Cursors are opaque and continue only the list they came from: on every list route of the API, a
cursor round-trips, and one tampered with, from another tenant, another member, another list or
other filters is a 400 problem naming `cursor` (finance's order list once took another tenant's,
and every cursor was the table's key in plain base64)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from panacea.logistics import following as logistics_following
from panacea.orders import LineFact, OrderPaid
from panacea.platform import clock, isolation
from panacea.platform.events import EventMetadata
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from tests.integration.distribution.network import orders_paid_by, withdrawals_asked
from tests.integration.engagement.intake_life import notified_twice
from tests.integration.engagement.preference_life import AUDIENCE, tag_two
from tests.integration.platform import contract
from tests.integration.platform.probe_tenants import example_point
from tests.integration.platform.tenant_life import Life
from tests.support import PLATFORM_ADMIN, builders, staff
from tests.support.documents import pdf, post_form
from tests.support.in_process import HANDLERS, onboard
from tests.support.transport import Answer


@dataclass(frozen=True)
class World:
    """One tenant's ids and people, enough to name each of its lists."""

    tenant_id: str
    member: str  # an ID token
    member_id: str
    store: str
    sku: str
    coupon_promotion: str
    codes_promotion: str
    point: str  # a collection point with two of the member's appointments
    request: str  # a notification request of two messages (the member has two of their own)

    @property
    def owner(self) -> dict[str, str]:
        return staff(self.tenant_id, "owner")


def lists(w: World) -> list[tuple[str, Any, str | None]]:
    """Every list of the tenant: its path, who reads it, and a filter that makes it another query."""
    today = clock.now().date().isoformat()
    return [
        (f"/v1/catalog/stores/{w.store}/stock", w.owner, None),
        (f"/v1/catalog/skus/{w.sku}/stock/{w.store}/movements", w.owner, None),
        ("/v1/catalog/stores", w.owner, "status=active"),
        ("/v1/catalog/categories", w.owner, "dimension=series"),
        ("/v1/catalog/tags", w.owner, None),
        ("/v1/catalog/products", w.owner, "q=gene"),
        (f"/v1/finance/orders?since={today}&until={today}", w.owner, f"member_id={w.member_id}"),
        ("/v1/me/addresses", w.member, None),
        ("/v1/users", w.owner, "role=member"),
        ("/v1/audit", w.owner, f"user_id={w.member_id}"),
        ("/v1/orders", w.owner, "state=cancelled"),
        ("/v1/me/orders", w.member, "state=cancelled"),
        ("/v1/payments", w.owner, "status=succeeded"),
        (f"/v1/promotions/{w.coupon_promotion}/redemptions", w.owner, None),
        (f"/v1/promotions/{w.codes_promotion}/codes", w.owner, None),
        ("/v1/promotions", w.owner, "status=active"),
        (f"/v1/tenants/{w.tenant_id}/api-keys", PLATFORM_ADMIN, None),
        ("/v1/tenants", PLATFORM_ADMIN, "kind=gene_testing"),
        ("/v1/distributors", w.owner, "status=active"),
        ("/v1/me/team", w.member, "level=2"),
        (f"/v1/distributors/{w.member_id}/team", w.owner, "level=2"),
        (f"/v1/distribution/commissions?distributor_id={w.member_id}", w.owner, "state=pending"),
        ("/v1/me/wallet/entries", w.member, None),
        ("/v1/me/withdrawals", w.member, None),
        (f"/v1/withdrawals?member_id={w.member_id}", w.owner, "state=requested"),
        ("/v1/collection-points", w.owner, None),
        (f"/v1/collection-points/{w.point}/appointments", w.owner, None),
        ("/v1/me/appointments", w.member, None),
        ("/v1/reports", w.owner, "q=cursor"),
        ("/v1/me/reports", w.member, None),
        ("/v1/me/records", w.member, "category=blood_test"),
        ("/v1/notification-templates", w.owner, None),
        ("/v1/notification-templates/order.paid/sms/en-GB/versions", w.owner, None),
        (f"/v1/audiences/{AUDIENCE}/members", w.owner, None),
        ("/v1/me/notifications", w.member, None),
        (f"/v1/notification-requests/{w.request}/messages", w.owner, None),
    ]


def _with(path: str, query: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}{query}"


def _get(path: str, caller: Any) -> Answer:
    return HANDLERS.request("GET", path, as_=caller)


def _refused(answer: Answer) -> bool:
    return answer.status == 400 and answer.problem_fields == ["cursor"]


@pytest.fixture(scope="module")
def world(life: Life) -> World:
    assert life.shop is not None
    assert life.member is not None
    assert life.shop.coupon_id is not None
    return World(
        tenant_id=life.tenant["id"],
        member=life.member.token,
        member_id=life.member.user_id,
        store=life.shop.store_id,
        sku=life.shop.skus["gene_test"],
        coupon_promotion=life.shop.coupon_id,
        codes_promotion=life.ids["codes_promotion"],
        point=booked_and_filed(life.tenant["id"], life.owner, life.member.user_id, life.member.token),
        request=notified_twice(
            HANDLERS, life.owner, life.member.user_id, builders.member(HANDLERS, life.tenant["slug"]).user_id
        ),
    )


@pytest.fixture(scope="module")
def cursors(world: World, other_tenant: World) -> dict[str, str]:
    """The cursor of each list's first page of one (each list holds two or more; the platform's
    list of tenants holds the other tenant too)."""
    found: dict[str, str] = {}
    for path, caller, _ in lists(world):
        first = _get(_with(path, "limit=1"), caller)
        assert first.status == 200, (path, first.body)
        assert first.body["next_cursor"], (path, first.body)
        found[path] = first.body["next_cursor"]
    return found


@pytest.fixture(scope="module")
def other_tenant() -> World:
    """Another tenant with a shop, a member and single-use codes: the same lists, its own."""
    tenant = onboard()
    owner = staff(tenant["id"], "owner")
    shop = builders.shop(HANDLERS, tenant, owner)
    member = builders.member(HANDLERS, tenant["slug"])
    start = (clock.now() - timedelta(minutes=1)).isoformat()
    body = {"name": "Codes", "currency": "GBP", "method": "single_use_codes", "starts_at": start,
            "offer": {"kind": "amount_off", "amount_off": 500, "scope": "order"}}  # fmt: skip
    codes = builders.ok(HANDLERS.request("POST", "/v1/promotions", as_=owner, body=body), 201)
    _network(tenant["slug"], owner, member.user_id)
    assert shop.coupon_id is not None
    point = booked_and_filed(tenant["id"], owner, member.user_id, member.token)
    tag_two(HANDLERS, owner, tenant["slug"], member.user_id)
    request = notified_twice(HANDLERS, owner, member.user_id, builders.member(HANDLERS, tenant["slug"]).user_id)
    return World(
        tenant["id"], member.token, member.user_id, shop.store_id, shop.skus["gene_test"], shop.coupon_id, codes["id"],
        point, request,
    )  # fmt: skip


def _network(slug: str, owner: dict[str, str], member_id: str) -> None:
    """The member a distributor with two members bound to them, one of whom distributes too, who
    each paid an order; the member withdrew twice (as the tenant's life leaves its own)."""
    code = builders.distributor(HANDLERS, owner, member_id)["referral_code"]
    bound = [builders.member(HANDLERS, slug, referral_code=code) for _ in range(2)]
    for friend in bound:
        _bound(owner, friend.user_id)
    builders.distributor(HANDLERS, owner, bound[0].user_id)
    orders_paid_by(owner["tenant_id"], [friend.user_id for friend in bound])
    withdrawals_asked(owner["tenant_id"], member_id, [1_000, 2_000])


def booked_and_filed(tenant_id: str, owner: dict[str, str], member_id: str, member: str) -> str:
    """Two collection points; the member told of two paid gene tests (as logistics' consumer is of
    `order.paid`) and booked at the first point for each; two released reports of the member's and
    two checkup records they keep; two notification templates, one of them in two versions. The first
    point's id."""
    every_day = [
        {"day": day, "opens": "00:00", "closes": "23:30"} for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    ]
    spec = {**example_point(), "time_zone": "UTC", "opening_hours": every_day, "slot_minutes": 30}
    points = [
        builders.ok(HANDLERS.request("POST", "/v1/collection-points", as_=owner, body=spec), 201)["id"]
        for _ in range(2)
    ]
    day = (clock.now() + timedelta(days=2)).replace(hour=10, minute=0, second=0, microsecond=0)
    for n in range(2):
        order_id = new_id()
        line = LineFact(
            line_no=1,
            sku_id="S1",
            store_id="ST1",
            product_id="P1",
            kind="gene_test",
            quantity=1,
            amount=Money(amount=1_000, currency="GBP"),
        )
        paid = OrderPaid(
            order_id=order_id,
            member_id=member_id,
            total=line.amount,
            payment_id="cursor",
            payment_method="card",
            lines=[line],
            referral_code=None,
        )
        metadata = EventMetadata(
            event_id=new_id(), event_version=1, tenant_id=tenant_id, correlation_id="cursor", occurred_at=clock.now()
        )
        with isolation.acting_for(tenant_id):
            logistics_following.follow(metadata, paid)
        slot = (day + timedelta(minutes=30 * n)).isoformat()
        body = {"point_id": points[0], "starts_at": slot, "order_id": order_id, "line_no": 1}
        builders.ok(HANDLERS.request("POST", "/v1/me/appointments", as_=member, body=body), 201)
    for n in range(2):
        form = builders.ok(
            HANDLERS.request("POST", "/v1/reports/uploads", as_=owner, body={"content_type": "application/pdf"})
        )
        assert post_form(form["url"], form["fields"], pdf([f"Cursor panel {n}"])) < 300
        report = {"file_key": form["key"], "member_id": member_id, "test_name": f"Cursor panel {n}"}
        filed = builders.ok(HANDLERS.request("POST", "/v1/reports", as_=owner, body=report), 201)
        builders.ok(HANDLERS.request("POST", f"/v1/reports/{filed['id']}/release", as_=owner))
        form = builders.ok(
            HANDLERS.request("POST", "/v1/me/records/uploads", as_=member, body={"content_type": "application/pdf"})
        )
        assert post_form(form["url"], form["fields"], pdf([f"Checkup {n}"])) < 300
        record = {"file_key": form["key"], "category": "other", "title": f"Checkup {n}"}
        builders.ok(HANDLERS.request("POST", "/v1/me/records", as_=member, body=record), 201)
    for path in ("order.paid/sms/en-GB", "order.paid/sms/en-GB", "order.shipped/sms/en-GB"):
        body = {"text": f"{path} {{order_id}}"}
        builders.ok(HANDLERS.request("PUT", f"/v1/notification-templates/{path}", as_=owner, body=body))
    return str(points[0])


def _bound(owner: dict[str, str], member_id: str) -> None:
    builders.eventually(lambda: builders.referrer_of(HANDLERS, owner, member_id), what=f"{member_id} never bound")


def test_every_list_route_is_checked(world: World):
    # Given the document's list routes (those that take a cursor)
    documented = {
        path
        for (method, path), operation in contract.operations().items()
        if method == "GET" and any(p["name"] == "cursor" for p in operation.get("parameters", []))
    }
    # Then this test reads every one of them
    templates = {HANDLERS.route("GET", path)[0].path for path, _, _ in lists(world)}
    assert templates == documented


def test_a_cursor_hides_the_tables_keys_and_continues_its_list(world: World, cursors: dict[str, str]):
    for path, caller, _ in lists(world):
        # Given the first page of one, and its cursor
        cursor = cursors[path]
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        # Then the cursor names no key of the table
        assert raw[:1] != b"{", path
        assert not any(word in raw for word in (b"GSI1PK", b"GSI2PK", b'"SK"', world.tenant_id.encode())), path
        # And it gives the next page, another item
        first = _get(_with(path, "limit=1"), caller).body["items"]
        second = _get(_with(path, f"limit=1&cursor={cursor}"), caller)
        assert second.status == 200, (path, second.body)
        assert second.body["items"], path
        assert second.body["items"] != first, path


def test_a_cursor_changed_by_one_character_is_refused(world: World, cursors: dict[str, str]):
    for path, caller, _ in lists(world):
        cursor = cursors[path]
        for at in (0, len(cursor) // 2, len(cursor) - 1):
            changed = cursor[:at] + ("A" if cursor[at] != "A" else "B") + cursor[at + 1 :]
            assert _refused(_get(_with(path, f"cursor={changed}"), caller)), (path, at)


def test_a_cursor_of_another_list_or_other_filters_is_refused(world: World, cursors: dict[str, str]):
    routes = lists(world)
    for n, (path, caller, narrower) in enumerate(routes):
        # Given the cursor of the next list in the table
        elsewhere = cursors[routes[(n + 1) % len(routes)][0]]
        # Then this list refuses it, and its own cursor once its filters change
        assert _refused(_get(_with(path, f"cursor={elsewhere}"), caller)), path
        if narrower:
            assert _refused(_get(_with(path, f"{narrower}&cursor={cursors[path]}"), caller)), (path, narrower)


def test_a_cursor_of_another_tenant_is_refused(world: World, cursors: dict[str, str], other_tenant: World):
    # Given tenant B's same lists (the platform's list of tenants is one list, the platform admin's)
    for (path, _, _), (theirs, caller, _) in zip(lists(world), lists(other_tenant), strict=True):
        if caller == PLATFORM_ADMIN and theirs == path:
            continue
        # Then none of them continues tenant A's list
        answer = _get(_with(theirs, f"cursor={cursors[path]}"), caller)
        assert _refused(answer), (theirs, answer.status, answer.body)


def test_a_cursor_of_another_member_is_refused(life: Life, world: World, cursors: dict[str, str]):
    # Given another member of the same tenant
    other = builders.member(HANDLERS, life.tenant["slug"])
    # Then their own lists refuse the first member's cursors
    for path in ("/v1/me/addresses", "/v1/me/orders", "/v1/me/notifications"):
        assert _refused(_get(_with(path, f"cursor={cursors[path]}"), other.token)), path
