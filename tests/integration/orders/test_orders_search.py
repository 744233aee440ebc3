"""Finding orders: members see their own by state; staff search by state, member, product, store
and date range, one Query per page, newest first, with cursors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.commerce import Shop, add_address, checkout, shop
from tests.support import call


@pytest.fixture(scope="module")
def orders() -> tuple[Shop, dict[str, str], dict[str, str], dict[str, str]]:
    """A shop where Ann bought a device, then a service, and Bo a gene test (newest last)."""
    store = shop(stock=5)
    ann, bo = store.member("ann"), store.member("bo")
    made = {}
    made["ann-device"] = checkout(store, ann, [store.line("device")], address_id=add_address(store, ann))
    made["ann-service"] = checkout(store, ann, [store.line("service")])
    made["bo-gene"] = checkout(store, bo, [store.line("gene_test")], address_id=add_address(store, bo))
    ids = {name: answer.body["order"]["id"] for name, answer in made.items()}
    cancelled = call("POST", f"/v1/orders/{ids['ann-service']}/cancel", caller=ann, body={"reason": "not needed"})
    assert cancelled.status == 200, cancelled.body
    return store, ids, ann, bo


def _ids(store: Shop, query: str, caller: dict[str, str] | None = None) -> list[str]:
    answer = call("GET", f"/v1/orders?{query}", caller=caller or store.manager)
    assert answer.status == 200, answer.body
    return [o["id"] for o in answer.body["items"]]


def test_staff_search_by_each_criterion_newest_first(orders):
    store, ids, _, _ = orders
    everything = [ids["bo-gene"], ids["ann-service"], ids["ann-device"]]
    assert _ids(store, "") == everything
    assert _ids(store, f"store_id={store.store_id}") == everything
    assert _ids(store, f"product_id={store.products['device']}") == [ids["ann-device"]]
    assert _ids(store, "member_id=ann") == [ids["ann-service"], ids["ann-device"]]
    assert _ids(store, "state=cancelled") == [ids["ann-service"]]
    assert _ids(store, "member_id=ann&state=pending_payment") == [ids["ann-device"]]
    assert _ids(store, f"product_id={store.products['gene_test']}&state=pending_payment") == [ids["bo-gene"]]
    assert _ids(store, f"store_id={store.store_id}&member_id=bo") == [ids["bo-gene"]]
    # finance reads them too
    assert _ids(store, "member_id=bo", caller=store.finance) == [ids["bo-gene"]]


def test_a_date_range_bounds_the_search(orders):
    store, _, _, _ = orders
    now = datetime.now(UTC)
    since, until, future = (
        (now + delta).strftime("%Y-%m-%dT%H:%M:%SZ")
        for delta in (timedelta(hours=-1), timedelta(minutes=-90), timedelta(hours=1))
    )
    assert len(_ids(store, f"since={since}")) == 3
    assert _ids(store, f"until={until}") == []
    assert _ids(store, f"since={future}") == []
    backwards = call("GET", f"/v1/orders?since={future}&until={since}", caller=store.manager)
    assert (backwards.status, backwards.problem_fields) == (400, ["until"])


def test_pages_follow_their_cursor(orders):
    store, ids, _, _ = orders
    first = call("GET", "/v1/orders?limit=2", caller=store.manager).body
    second = call("GET", f"/v1/orders?limit=2&cursor={first['next_cursor']}", caller=store.manager).body
    assert [o["id"] for o in first["items"] + second["items"]] == [
        ids["bo-gene"],
        ids["ann-service"],
        ids["ann-device"],
    ]
    bent = call("GET", f"/v1/orders?state=paid&cursor={first['next_cursor']}", caller=store.manager)
    assert (bent.status, bent.problem_fields) == (400, ["cursor"])


def test_members_see_their_own_orders_only(orders):
    _, ids, ann, bo = orders
    mine = call("GET", "/v1/me/orders", caller=ann).body["items"]
    assert [o["id"] for o in mine] == [ids["ann-service"], ids["ann-device"]]
    assert [o["id"] for o in call("GET", "/v1/me/orders?state=cancelled", caller=ann).body["items"]] == [
        ids["ann-service"]
    ]
    assert call("GET", f"/v1/orders/{ids['bo-gene']}", caller=ann).status == 404
    assert call("GET", f"/v1/orders/{ids['bo-gene']}", caller=bo).status == 200
    assert call("GET", "/v1/orders", caller=ann).status == 403
