"""A product's commission override through the catalog's routes: staff set it per level (a rate or
a fixed amount per unit) when creating or updating a product, within its SKUs' prices; orders
placed for it carry it on their lines, as it was when placed, for the distribution context."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.catalog_support import catalog_staff, ok, product, sku, stock
from tests.support import builders, call, onboard, staff
from tests.support.in_process import HANDLERS

RATE_AND_FIXED = [{"level": 1, "rate_bps": 1200}, {"level": 2, "fixed": {"amount": 500, "currency": "GBP"}}]


@pytest.fixture(scope="module")
def tenant() -> dict[str, Any]:
    return onboard()  # GBP


def patch(tenant_id: str, product_id: str, body: dict[str, Any]) -> Any:
    return call("PATCH", f"/v1/catalog/products/{product_id}", caller=catalog_staff(tenant_id), body=body)


def test_staff_set_a_products_commission_per_level_within_its_prices(tenant):
    t = tenant["id"]
    # Given a draft product made with 12% on level 1 and £5.00 a unit on level 2
    draft = product(t, "BRCA panel", commission=RATE_AND_FIXED)
    assert draft["commission"] == [
        {"level": 1, "rate_bps": 1200, "fixed": None},
        {"level": 2, "rate_bps": None, "fixed": {"amount": 500, "currency": "GBP"}},
    ]
    # When a SKU is priced below the fixed amount, Then it is refused, naming the price
    path = f"/v1/catalog/products/{draft['id']}/skus"
    cheap = call(
        "POST", path, caller=catalog_staff(t), body={"code": "BRCA-1", "prices": [{"amount": 499, "currency": "GBP"}]}
    )
    assert (cheap.status, cheap.problem_fields) == (422, ["prices[0]"])
    # And a SKU at £29.90 is taken, but not lowered to £4.00 later
    priced = sku(t, draft["id"], price=2990)
    lowered = call(
        "PATCH",
        f"/v1/catalog/skus/{priced['id']}",
        caller=catalog_staff(t),
        body={"prices": [{"amount": 400, "currency": "GBP"}]},
    )
    assert (lowered.status, lowered.problem_fields) == (422, ["prices[0]"])
    # When staff raise the fixed amounts past the price, or name another currency, or a level twice
    too_much = [
        {"level": 1, "fixed": {"amount": 2000, "currency": "GBP"}},
        {"level": 2, "fixed": {"amount": 1000, "currency": "GBP"}},
    ]
    assert (patch(t, draft["id"], {"commission": too_much}).problem_fields) == ["commission"]
    euros = [{"level": 1, "fixed": {"amount": 100, "currency": "EUR"}}]
    assert patch(t, draft["id"], {"commission": euros}).problem_fields == ["commission[0].fixed.currency"]
    twice = patch(t, draft["id"], {"commission": [{"level": 1, "rate_bps": 1}, {"level": 1, "rate_bps": 2}]})
    assert (twice.status, twice.problem_fields) == (422, ["commission"])
    # Then nothing changed
    seen = ok(call("GET", f"/v1/catalog/products/{draft['id']}", caller=catalog_staff(t)))
    assert seen["commission"] == draft["commission"]
    # When they set 10% on level 2 alone, Then that is the override; and [] removes it
    assert ok(patch(t, draft["id"], {"commission": [{"level": 2, "rate_bps": 1000}]}))["commission"] == [
        {"level": 2, "rate_bps": 1000, "fixed": None}
    ]
    assert ok(patch(t, draft["id"], {"commission": []}))["commission"] == []
    # And a product made without one has none
    assert product(t, "Plain panel")["commission"] == []


def test_an_order_line_carries_the_override_as_it_was_when_placed(tenant):
    t = tenant["id"]
    # Given a published product with 12% on level 1 and £5.00 a unit on level 2, in stock
    made = product(t, "Carrier screen", kind="service", commission=RATE_AND_FIXED)
    priced = sku(t, made["id"], price=4500)
    ok(call("POST", f"/v1/catalog/products/{made['id']}/publish", caller=catalog_staff(t)))
    stock(t, priced["id"], 10)
    # When a member orders two, and staff change the override afterwards
    member = staff(t, "member", user_id="member-commission")
    placed = builders.checkout(HANDLERS, member, [{"sku_id": priced["id"], "quantity": 2}])
    assert placed.status == 201, placed.body
    ok(patch(t, made["id"], {"commission": []}))
    # Then the order's line keeps the override it was placed with
    order = ok(call("GET", f"/v1/orders/{placed.body['order']['id']}", caller=staff(t, "owner")))
    assert order["lines"][0]["commission"] == made["commission"]
    # And the events' lines carry it too (order.paid's, for the distribution context)
    from panacea.orders.changes import facts  # noqa: PLC0415
    from panacea.orders.models import OrderLine  # noqa: PLC0415

    (fact,) = facts([OrderLine.model_validate(order["lines"][0])])
    assert [c.model_dump(mode="json") for c in fact.commission] == made["commission"]
