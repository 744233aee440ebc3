"""Checkout: the cart, prices from the server, the tenant's payment methods, addresses snapshotted,
Idempotency-Key retries, the last unit sold once under fifty concurrent checkouts, and the
payment started again when it could not start with the order."""

from __future__ import annotations

import contextvars
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from infra.local.runtime import LocalPlatform
from panacea.orders.checkout import place
from panacea.orders.models import Checkout
from panacea.platform import payments as stripe_port
from panacea.platform.access import Actor, Role
from panacea.platform.errors import DomainError
from panacea.platform.isolation import acting_for
from tests.integration.commerce import Shop, add_address, checkout, shop
from tests.integration.stripe_support import sandbox
from tests.support import call


@pytest.fixture(scope="module")
def store() -> Shop:
    return shop(stock=20)


def test_a_member_fills_a_cart_and_checks_it_out(store: Shop):
    # Given a member who puts a device and two services in their cart
    member = store.member()
    address = add_address(store, member)
    cart = call("PUT", "/v1/me/cart", caller=member, body={"lines": [store.line("device"), store.line("service", 2)]})
    assert cart.status == 200, cart.body
    assert [line["quantity"] for line in call("GET", "/v1/me/cart", caller=member).body["lines"]] == [1, 2]
    # When they ask what checking out would cost, then check out the cart
    quoted = call("POST", "/v1/orders/quote", caller=member, body={"payment_method": "card"})
    placed = checkout(store, member, None, address_id=address)  # type: ignore[arg-type]
    # Then the quote and the order agree, priced by the server
    assert quoted.status == 200, quoted.body
    assert placed.status == 201, placed.body
    order = placed.body["order"]
    assert order["total"] == quoted.body["total"] == {"amount": 8900 + 2 * 4500, "currency": "GBP"}
    assert placed.headers["Location"] == f"/v1/orders/{order['id']}"
    # And the address is a snapshot of the address book's, the groups are a parcel and vouchers
    assert order["address"]["line1"] == "12 Harbour Street"
    assert [(g["id"], g["kind"]) for g in order["groups"]] == [("S1", "shipment"), ("V2", "service")]
    # And the cart is empty, and the order is the member's newest
    assert call("GET", "/v1/me/cart", caller=member).body["lines"] == []
    mine = call("GET", "/v1/me/orders?state=pending_payment", caller=member).body
    assert [o["id"] for o in mine["items"]] == [order["id"]]


def test_checkout_refuses_what_the_tenant_does_not_sell_or_take(store: Shop):
    member = store.member()
    # An unknown SKU is named, with its line
    unknown = checkout(
        store, member, [store.line("service"), {**store.line("device"), "sku_id": "01JD7PX3M5Q7S9V1X3Z5B7D9F1"}]
    )
    assert unknown.status == 422, unknown.body
    assert unknown.problem_fields == ["lines[1].sku_id"]
    # A payment method the tenant does not take
    alipay = checkout(store, member, [store.line("service")], payment_method="alipay")
    assert (alipay.status, alipay.problem_fields) == (422, ["payment_method"])
    # A device is posted: it needs an address, one of the member's own
    nowhere = checkout(store, member, [store.line("device")])
    assert (nowhere.status, nowhere.problem_fields) == (422, ["address_id"])
    someone_elses = checkout(store, member, [store.line("device")], address_id=add_address(store, store.member()))
    assert (someone_elses.status, someone_elses.problem_fields) == (422, ["address_id"])
    # An empty cart, a bad quantity, a coupon that does not exist
    assert checkout(store, member, None).problem_fields == ["lines"]  # type: ignore[arg-type]
    assert checkout(store, member, [store.line("service", 0)]).problem_fields == ["lines[0].quantity"]
    assert checkout(store, member, [store.line("service")], coupon_code="NOSUCHCODE").problem_fields == ["coupon_code"]
    # And staff do not buy
    assert checkout(store, store.manager, [store.line("service")]).status == 403


def test_an_idempotency_key_retry_creates_nothing_twice(store: Shop):
    # Given a member's checkout with an Idempotency-Key
    member = store.member()
    before = store.stock("service")["reserved"]
    first = checkout(store, member, [store.line("service")], key="checkout-1")
    # When the app retries it (the answer was lost), with the same key and body
    retry = checkout(store, member, [store.line("service")], key="checkout-1")
    # Then the same order answers, with a client secret again, and only one unit is held
    assert (first.status, retry.status) == (201, 201), retry.body
    assert retry.body["order"]["id"] == first.body["order"]["id"]
    assert retry.body["client_secret"] == first.body["client_secret"]
    assert store.stock("service")["reserved"] == before + 1
    assert len(call("GET", "/v1/me/orders", caller=member).body["items"]) == 1
    # And the same key with another body is refused
    other = checkout(store, member, [store.line("service", 2)], key="checkout-1")
    assert (other.status, other.problem_fields) == (422, ["header.Idempotency-Key"])


def test_fifty_concurrent_checkouts_of_the_last_unit_sell_it_once(platform: LocalPlatform):
    # Given one unit of a service in stock
    store = shop(stock=1)
    members = [
        Actor(user_id=f"member-{i}", tenant_id=store.tenant_id, roles=frozenset({Role.MEMBER})) for i in range(50)
    ]
    cmd = Checkout.model_validate({"lines": [store.line("service")], "payment_method": "card"})

    def buy(actor: Actor) -> int:
        with acting_for(store.tenant_id):
            try:
                place(actor, cmd, idempotency_key=None)
                return 201
            except DomainError as exc:
                return exc.status

    # When fifty members check it out at the same moment (threads against the moto server)
    with ThreadPoolExecutor(50) as pool:
        outcomes = list(pool.map(lambda a: contextvars.copy_context().run(buy, a), members))
    # Then exactly one order is placed and the rest are told it is out of stock
    assert sorted(outcomes) == [201] + [409] * 49
    level = store.stock("service")
    assert (level["available"], level["reserved"]) == (0, 1)
    # And each checkout opened its payment at Stripe first, but those not placed left none open: called off
    intents = [i for i in sandbox(platform).intents.values() if i["metadata"].get("tenant_id") == store.tenant_id]
    assert sorted(i["status"] == "canceled" for i in intents) == [False] + [True] * 49


def test_a_payment_that_could_not_start_is_started_again(store: Shop, monkeypatch: pytest.MonkeyPatch):
    # Given Stripe is out of reach when a member checks out
    member = store.member()

    def unreachable(*args: Any, **kwargs: Any) -> Any:
        raise DomainError("Stripe could not be reached; retry")

    with monkeypatch.context() as patched:
        patched.setattr(stripe_port, "create_intent", unreachable)
        placed = checkout(store, member, [store.line("service")])
    # Then the order is placed anyway, pending, and says why there is no client secret
    assert placed.status == 201, placed.body
    assert placed.body["client_secret"] is None
    assert placed.body["payment_error"] == "Stripe could not be reached; retry"
    order_id = placed.body["order"]["id"]
    # When the member's app starts the payment again
    started = call("POST", f"/v1/orders/{order_id}/payment", caller=member)
    again = call("POST", f"/v1/orders/{order_id}/payment", caller=member)
    # Then it gets a client secret, the same payment both times
    assert started.status == 200, started.body
    assert started.body["client_secret"]
    assert again.body["payment_id"] == started.body["payment_id"]
    # And nobody else can start it
    assert call("POST", f"/v1/orders/{order_id}/payment", caller=store.member()).status == 404
