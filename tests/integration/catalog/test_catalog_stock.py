"""Stock per SKU per store: staff count and adjust it (never below zero, each change in the
ledger); orders reserve, sell, release and put it back inside their own transactions, and the
last unit is sold once however many buy it at the same moment. Lines are priced by the server."""

from __future__ import annotations

import json
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from panacea.catalog import stock
from panacea.catalog.stock import NotForSale, OutOfStock, StockNotHeld
from panacea.catalog.stock_models import (
    LineRequest,
)
from panacea.platform import isolation
from panacea.platform.ids import new_id
from panacea.platform.transaction import unit_of_work
from tests.integration.catalog_support import catalog_staff, member, ok, on_sale, product, sku
from tests.integration.catalog_support import stock as count
from tests.support import call, onboard, staff

CONTENDERS = 50


@pytest.fixture(scope="module")
def tenant():
    return onboard()


def level(tenant_id: str, sku_id: str, store_id: str | None = None) -> dict[str, Any]:
    levels = ok(call("GET", f"/v1/catalog/skus/{sku_id}/stock", caller=catalog_staff(tenant_id)))["items"]
    (found,) = [line for line in levels if line["store_id"] == (store_id or tenant_id)]
    return found  # type: ignore[no-any-return]


def ledger(tenant_id: str, sku_id: str, store_id: str | None = None) -> list[dict[str, Any]]:
    path = f"/v1/catalog/skus/{sku_id}/stock/{store_id or tenant_id}/movements?limit=100"
    return ok(call("GET", path, caller=catalog_staff(tenant_id)))["items"]  # type: ignore[no-any-return]


def adjust(tenant_id: str, sku_id: str, delta: int, reason: str = "delivery", caller: Any = None) -> Any:
    return call(
        "POST",
        f"/v1/catalog/skus/{sku_id}/stock/{tenant_id}/adjustments",
        caller=caller or catalog_staff(tenant_id),
        body={"delta": delta, "reason": reason},
    )


def as_tenant(tenant_id: str, work: Any) -> Any:
    """Run order-side work as the orders function would: acting for the tenant, in one unit of work."""
    with isolation.acting_for(tenant_id), unit_of_work(tenant_id) as uow:
        return work(uow)


def test_staff_count_and_adjust_stock_and_every_change_is_in_the_ledger(tenant):
    t = tenant["id"]
    _, kit = on_sale(t, "Gut microbiome kit")
    # When staff count 10, take 3 away and receive 5
    assert count(t, kit["id"], 10)["available"] == 10
    assert ok(adjust(t, kit["id"], -3, "damaged in transit"))["available"] == 7
    order_manager = staff(t, "order_manager", user_id="orders-1")
    assert ok(adjust(t, kit["id"], 5, "delivery from the lab", caller=order_manager))["available"] == 12
    # Then the line says so, and the ledger has each change, newest first, with who and why
    assert {k: level(t, kit["id"])[k] for k in ("available", "reserved", "sold")} == {
        "available": 12,
        "reserved": 0,
        "sold": 0,
    }
    entries = ledger(t, kit["id"])
    assert [(e["movement"], e["available_delta"], e["reason"], e["actor_id"]) for e in entries] == [
        ("adjustment", 5, "delivery from the lab", "orders-1"),
        ("adjustment", -3, "damaged in transit", "catalog-1"),
        ("set", 10, "stock count", "catalog-1"),
    ]


def test_an_adjustment_never_takes_stock_below_zero(tenant):
    t = tenant["id"]
    _, kit = on_sale(t, "Allergy panel")
    count(t, kit["id"], 2)
    refused = adjust(t, kit["id"], -3, "lost")
    assert (refused.status, refused.body["type"], refused.problem_fields) == (
        409,
        "/errors/not-enough-stock",
        ["delta"],
    )
    assert level(t, kit["id"])["available"] == 2
    assert len(ledger(t, kit["id"])) == 1


def test_members_see_no_stock_and_a_closed_store_keeps_its_count(tenant):
    t = tenant["id"]
    _, kit = on_sale(t, "Thyroid test")
    assert call("GET", f"/v1/catalog/skus/{kit['id']}/stock", caller=member(t)).status == 403
    body = {"name": "Riverside Clinic", "kind": "institution", "licence_number": f"CQC-{new_id()[-8:]}"}
    clinic = ok(call("POST", "/v1/catalog/stores", caller=catalog_staff(t), body=body), 201)
    assert count(t, kit["id"], 4, store_id=clinic["id"])["available"] == 4
    call("PATCH", f"/v1/catalog/stores/{clinic['id']}", caller=catalog_staff(t), body={"status": "closed"})
    closed = call(
        "PUT",
        f"/v1/catalog/skus/{kit['id']}/stock/{clinic['id']}",
        caller=catalog_staff(t),
        body={"available": 9, "reason": "recount"},
    )
    assert (closed.status, closed.body["type"]) == (409, "/errors/store-state")
    in_store = ok(call("GET", f"/v1/catalog/stores/{clinic['id']}/stock", caller=catalog_staff(t)))["items"]
    assert [(line["sku_id"], line["available"]) for line in in_store] == [(kit["id"], 4)]


def test_an_order_reserves_sells_releases_and_restocks_inside_its_own_transaction(tenant):
    t = tenant["id"]
    _, kit = on_sale(t, "Cholesterol kit")
    count(t, kit["id"], 5)
    paid, cancelled = new_id(), new_id()
    # When one order reserves 2 and is paid, another reserves 1 and is cancelled, and the paid one is refunded 1
    as_tenant(t, lambda uow: stock.reserve(uow, t, t, kit["id"], 2, paid))
    as_tenant(t, lambda uow: stock.reserve(uow, t, t, kit["id"], 1, cancelled))
    assert {k: level(t, kit["id"])[k] for k in ("available", "reserved", "sold")} == {
        "available": 2,
        "reserved": 3,
        "sold": 0,
    }
    as_tenant(t, lambda uow: stock.commit(uow, t, t, kit["id"], 2, paid))
    as_tenant(t, lambda uow: stock.release(uow, t, t, kit["id"], 1, cancelled))
    as_tenant(t, lambda uow: stock.restock(uow, t, t, kit["id"], 1, paid))
    # Then the balances moved, and each movement is in the ledger with its order
    assert {k: level(t, kit["id"])[k] for k in ("available", "reserved", "sold")} == {
        "available": 4,
        "reserved": 0,
        "sold": 1,
    }
    moves = [
        (e["movement"], e["order_id"], e["available_delta"], e["reserved_delta"], e["sold_delta"])
        for e in ledger(t, kit["id"])
    ]
    assert moves[:5] == [
        ("restock", paid, 1, 0, -1),
        ("release", cancelled, 1, -1, 0),
        ("sale", paid, 0, -2, 2),
        ("reservation", cancelled, -1, 1, 0),
        ("reservation", paid, -2, 2, 0),
    ]
    # And moving more than is held is refused, with nothing written
    with pytest.raises(StockNotHeld):
        as_tenant(t, lambda uow: stock.commit(uow, t, t, kit["id"], 1, cancelled))
    assert len(ledger(t, kit["id"])) == 6


def test_out_of_stock_says_what_was_available_and_names_the_line(tenant):
    t = tenant["id"]
    _, kit = on_sale(t, "Vitamin panel")
    count(t, kit["id"], 2)
    with pytest.raises(OutOfStock) as refused:
        as_tenant(t, lambda uow: stock.reserve(uow, t, t, kit["id"], 3, new_id(), field="lines[1].quantity"))
    problem = refused.value.problem()
    assert (problem["type"], problem["status"]) == ("/errors/out-of-stock", 409)
    assert problem["detail"] == f"SKU {kit['code']} has 2 available in store {t}, 3 requested"
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("lines[1].quantity", "out_of_stock")]
    # A SKU never stocked in that store has none available
    with pytest.raises(OutOfStock) as never:
        as_tenant(t, lambda uow: stock.reserve(uow, t, new_id(), kit["id"], 1, new_id()))
    assert never.value.available == 0
    assert level(t, kit["id"])["available"] == 2


def test_fifty_buyers_of_the_last_unit_buy_it_once(tenant):
    t = tenant["id"]
    # Given one unit left of a gene test
    _, kit = on_sale(t, "Last BRCA kit")
    count(t, kit["id"], 1)
    start = threading.Barrier(CONTENDERS)

    def checkout(_: int) -> str:
        # Each buyer's own transaction, sent to the moto server over HTTP from its own thread
        order_id = new_id()
        start.wait()
        try:
            as_tenant(t, lambda uow: stock.reserve(uow, t, t, kit["id"], 1, order_id, field="lines[0].quantity"))
        except OutOfStock as exc:
            return f"out_of_stock: {exc.available} available"
        return order_id

    # When fifty of them reserve it at the same moment
    with ThreadPoolExecutor(CONTENDERS) as pool:
        outcomes = list(pool.map(checkout, range(CONTENDERS)))
    # Then exactly one has it and the other 49 are told it is out of stock
    assert Counter(outcomes) - Counter(set(outcomes) - {"out_of_stock: 0 available"}) == {
        "out_of_stock: 0 available": CONTENDERS - 1
    }
    (winner,) = [o for o in outcomes if not o.startswith("out_of_stock")]
    assert {k: level(t, kit["id"])[k] for k in ("available", "reserved", "sold")} == {
        "available": 0,
        "reserved": 1,
        "sold": 0,
    }
    # And the ledger has the count and the one reservation, for the winning order
    assert [(e["movement"], e["order_id"]) for e in ledger(t, kit["id"])] == [("reservation", winner), ("set", None)]


def test_lines_are_priced_by_the_server_in_one_request(tenant, dynamodb_requests):
    t = tenant["id"]
    kit_product, kit = on_sale(t, "Food intolerance kit", price=8900, cashback_bps=300)
    _, monitor = on_sale(t, "Glucose monitor", price=4550)
    lines = [LineRequest(sku_id=kit["id"], quantity=2), LineRequest(sku_id=monitor["id"], quantity=1, store_id=t)]
    # When the orders context prices two lines
    since = len(dynamodb_requests)
    with isolation.acting_for(t):
        priced = stock.price_lines(t, lines, "GBP")
    # Then each has its unit price, total, product and cashback, read with one BatchGetItem
    assert dynamodb_requests[since:] == ["BatchGetItem"]
    assert [(p.sku_code, p.unit_price.amount, p.quantity, p.line_total.amount) for p in priced] == [
        (kit["code"], 8900, 2, 17800),
        (monitor["code"], 4550, 1, 4550),
    ]
    assert (priced[0].product_id, priced[0].product_name, priced[0].product_kind) == (
        kit_product["id"],
        "Food intolerance kit",
        "gene_test",
    )
    assert (priced[0].store_id, priced[0].cashback_bps, priced[0].category_ids) == (t, 300, [])


def test_lines_that_cannot_be_sold_are_named(tenant):
    t = tenant["id"]
    draft = product(t, "Unreleased panel")
    unpublished = sku(t, draft["id"])
    _, kit = on_sale(t, "Iron panel")
    lines = [
        LineRequest(sku_id=new_id(), quantity=1),
        LineRequest(sku_id=unpublished["id"], quantity=1),
        LineRequest(sku_id=kit["id"], quantity=1),
        LineRequest(sku_id=kit["id"], quantity=2),
        LineRequest(sku_id=kit["id"], quantity=1, store_id=new_id()),
    ]
    with isolation.acting_for(t), pytest.raises(NotForSale) as refused:
        stock.price_lines(t, lines, "GBP")
    problem = refused.value.problem()
    assert problem["status"] == 422
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [
        ("lines[0].sku_id", "unknown_sku"),
        ("lines[1].sku_id", "not_on_sale"),
        ("lines[3].sku_id", "duplicate_line"),
        ("lines[4].store_id", "store_not_selling"),
    ]
    with isolation.acting_for(t), pytest.raises(NotForSale) as no_price:
        stock.price_lines(t, [LineRequest(sku_id=kit["id"], quantity=1)], "USD")
    assert [(e.field, e.code) for e in no_price.value.errors] == [("lines[0].sku_id", "no_price")]
    assert json.dumps(no_price.value.problem()).count("USD") >= 1
