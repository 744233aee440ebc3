"""The wallet at checkout, over the orders API: a payment part the tenant enables. Part of an order
paid from the wallet (the card pays the rest, the credit shared over the lines, `order.paid`
carrying the money only), an order the wallet pays whole (no Stripe payment, paid once), what
checkout refuses (naming the field, nothing written), two checkouts spending the same balance, and
the credit given back when the order is cancelled unpaid or refunded (pro rata, once per refund)."""

from __future__ import annotations

import contextvars
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from infra.local import moto_bridge
from infra.local.runtime import LocalPlatform
from panacea.distribution import wallet
from panacea.distribution.wallet_models import Credit, EntryKind, WalletEntry
from panacea.orders.checkout import place
from panacea.orders.models import Checkout
from panacea.platform.access import Actor, Role
from panacea.platform.errors import DomainError
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from tests.integration import stripe_support
from tests.integration.commerce import Shop, add_address, checkout, pay, reaches, shop, waiting_on
from tests.support import call, eventually


def gbp(amount: int) -> dict[str, Any]:
    return {"amount": amount, "currency": "GBP"}


@pytest.fixture(scope="module")
def store() -> Shop:
    made = shop(stock=40)
    taken = call("PATCH", "/v1/tenant/settings", caller=made.owner, body={"distribution": {"wallet_at_checkout": True}})
    assert taken.status == 200, taken.body
    assert taken.body["settings"]["distribution"]["wallet_at_checkout"] is True
    return made


def funded(store: Shop, amount: int) -> dict[str, str]:
    """A member whose wallet holds `amount` (commission made available to them)."""
    member = store.member()
    with acting_for(store.tenant_id):
        wallet.credit(
            store.tenant_id,
            Credit(
                member_id=member["user_id"],
                kind=EntryKind.COMMISSION,
                amount=Money(amount=amount, currency="GBP"),
                reference=new_id(),
            ),
        )
    return member


def balance(store: Shop, member: dict[str, str]) -> int:
    with acting_for(store.tenant_id):
        return wallet.balance(store.tenant_id, member["user_id"], "GBP").amount


def entries(store: Shop, member: dict[str, str], kind: EntryKind | None = None) -> list[WalletEntry]:
    """The member's entries (of `kind`); the balance is always their sum."""
    with acting_for(store.tenant_id):
        found = wallet.all_entries(store.tenant_id, member["user_id"])
    assert sum(e.amount.amount for e in found) == balance(store, member)
    return [e for e in found if kind is None or e.kind == kind]


def events(store: Shop, name: str, order_id: str) -> list[dict[str, Any]]:
    return [e for e in stripe_support.events_of(store.tenant_id, name) if e["order_id"] == order_id]


def test_part_of_an_order_is_paid_from_the_wallet_and_the_card_pays_the_rest(platform: LocalPlatform, store: Shop):
    # Given a member whose wallet holds £50.00
    member = funded(store, 5000)
    # When they check out a device (£89.00) and a service (£45.00) spending £30.00 of it
    quoted = call(
        "POST",
        "/v1/orders/quote",
        caller=member,
        body={"lines": [store.line("device"), store.line("service")], "payment_method": "card",
              "wallet_credit": gbp(3000)},
    )  # fmt: skip
    placed = checkout(
        store, member, [store.line("device"), store.line("service")], address_id=add_address(store, member),
        wallet_credit=gbp(3000),
    )  # fmt: skip
    # Then the quote and the order agree: £134.00, £30.00 from the wallet, £104.00 by card
    assert quoted.status == 200, quoted.body
    assert (quoted.body["wallet_credit"], quoted.body["to_pay"]) == (gbp(3000), gbp(10400))
    assert placed.status == 201, placed.body
    order = placed.body["order"]
    assert (order["total"], order["wallet_paid"]) == (gbp(13400), gbp(3000))
    # And the credit is shared over the lines in proportion to their amounts, to the penny
    assert [line["wallet"]["amount"] for line in order["lines"]] == [1993, 1007]
    # And the card payment is for the rest, and the wallet was debited with the order
    assert placed.body["client_secret"]
    assert stripe_support.payment(store.tenant_id, order["payment"]["payment_id"]).amount.amount == 10400
    assert balance(store, member) == 2000
    spent = entries(store, member, EntryKind.ORDER_PAYMENT)
    assert [(e.amount.amount, e.reference) for e in spent] == [(-3000, order["id"])]
    # When the card payment succeeds
    waiting_on(store, order["id"], "payment")
    pay(platform, store, placed.body)
    reaches(store, order["id"], "fulfilling", "paid")
    # Then order.paid is announced once, each line's amount what was paid for it in money
    paid = eventually(lambda: events(store, "order.paid", order["id"]))
    assert len(paid) == 1
    assert [line["amount"]["amount"] for line in paid[0]["lines"]] == [8900 - 1993, 4500 - 1007]
    assert (paid[0]["total"], paid[0]["wallet_paid"]) == (gbp(13400), gbp(3000))


def test_an_order_the_wallet_pays_whole_needs_no_card_payment(platform: LocalPlatform, store: Shop):
    # Given a member whose wallet holds £50.00
    member = funded(store, 5000)
    # When they spend £45.00 of it on a service that costs £45.00
    placed = checkout(store, member, [store.line("service")], wallet_credit=gbp(4500))
    # Then the order is paid as it is placed, with no payment at Stripe
    assert placed.status == 201, placed.body
    order = placed.body["order"]
    assert order["state"] != "pending_payment"
    assert placed.body["client_secret"] is None
    assert order["payment"]["payment_id"] == f"wallet-{order['id']}"
    assert balance(store, member) == 500
    # And order.paid is announced exactly once, with no money on its line (no commission on wallet credit)
    done = reaches(store, order["id"], "completed")
    paid = events(store, "order.paid", order["id"])
    assert len(paid) == 1
    assert [line["amount"]["amount"] for line in paid[0]["lines"]] == [0]
    # And no cashback is earned on wallet credit
    assert entries(store, member, EntryKind.CASHBACK) == []
    # When staff refund it in full
    refunded = call("POST", f"/v1/orders/{order['id']}/refunds", caller=store.manager, body={"reason": "lab closed"})
    # Then all of it goes back to the wallet, and nothing to a card
    assert refunded.status == 200, refunded.body
    assert (refunded.body["state"], refunded.body["refunded"]) == ("refunded", done["total"])
    assert refunded.body["wallet_returned"] == gbp(4500)
    assert balance(store, member) == 5000
    announced = eventually(lambda: events(store, "order.refunded", order["id"]))
    assert [(e["amount"]["amount"], e["wallet_returned"]["amount"]) for e in announced] == [(0, 4500)]


def test_checkout_refuses_wallet_credit_it_cannot_take_and_writes_nothing(store: Shop):
    # Given a member whose wallet holds £10.00
    member = funded(store, 1000)
    reserved = store.stock("service")["reserved"]
    lines = [store.line("service")]
    # Then credit in another currency, nothing, or more than the order or the wallet is refused by name
    cases = [
        ({"amount": 500, "currency": "EUR"}, 422, "wallet_credit.currency"),
        (gbp(0), 422, "wallet_credit.amount"),
        (gbp(-100), 422, "wallet_credit.amount"),
        (gbp(4501), 422, "wallet_credit.amount"),
        (gbp(1001), 409, "wallet_credit.amount"),
    ]
    for credit, status, field in cases:
        refused = checkout(store, member, lines, wallet_credit=credit)
        assert (refused.status, refused.problem_fields) == (status, [field]), (credit, refused.body)
        assert refused.headers["Content-Type"].startswith("application/problem+json")
    # And a shop that does not take the wallet refuses it too
    other = shop(stock=2)
    elsewhere = checkout(other, other.member(), [other.line("service")], wallet_credit=gbp(100))
    assert (elsewhere.status, elsewhere.problem_fields) == (422, ["wallet_credit"])
    # And nothing was written: no order, no stock held, the wallet as it was
    assert call("GET", "/v1/me/orders", caller=member).body["items"] == []
    assert store.stock("service")["reserved"] == reserved
    assert balance(store, member) == 1000
    assert entries(store, member, EntryKind.ORDER_PAYMENT) == []


def test_two_checkouts_spending_the_same_balance_cannot_both_succeed(store: Shop):
    # Given a member whose wallet holds £45.00
    member = funded(store, 4500)
    actor = Actor(user_id=member["user_id"], tenant_id=store.tenant_id, roles=frozenset({Role.MEMBER}))
    cmd = Checkout.model_validate(
        {"lines": [store.line("service")], "payment_method": "card", "wallet_credit": gbp(3000)}
    )

    def buy(_: int) -> int:
        with acting_for(store.tenant_id):
            try:
                place(actor, cmd, idempotency_key=None)
                return 201
            except DomainError as exc:
                return exc.status

    # When eight checkouts, each spending £30.00 of it, run at the same moment
    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(lambda i: contextvars.copy_context().run(buy, i), range(8)))
    # Then exactly one is placed, the others are told the balance does not cover it
    assert sorted(outcomes) == [201] + [409] * 7
    # And the wallet was debited once, never below zero
    assert balance(store, member) == 1500
    assert len(entries(store, member, EntryKind.ORDER_PAYMENT)) == 1
    assert len(call("GET", "/v1/me/orders", caller=member).body["items"]) == 1


def test_an_unpaid_order_cancelled_gives_its_wallet_credit_back_once(store: Shop):
    # Given an order paid £20.00 from the wallet, the rest not paid yet
    member = funded(store, 2000)
    placed = checkout(store, member, [store.line("service")], wallet_credit=gbp(2000))
    assert placed.status == 201, placed.body
    order_id = placed.body["order"]["id"]
    assert balance(store, member) == 0
    # When the member cancels it, and the app retries the cancellation
    cancelled = call("POST", f"/v1/orders/{order_id}/cancel", caller=member, body={"reason": "changed my mind"})
    again = call("POST", f"/v1/orders/{order_id}/cancel", caller=member, body={"reason": "changed my mind"})
    # Then the £20.00 is back in the wallet, once
    assert (cancelled.status, again.status) == (200, 200), cancelled.body
    assert cancelled.body["state"] == "cancelled"
    assert cancelled.body["wallet_returned"] == gbp(2000)
    assert balance(store, member) == 2000
    returned = entries(store, member, EntryKind.ORDER_RETURNED)
    assert [(e.amount.amount, e.reference) for e in returned] == [(2000, f"order-{order_id}-unpaid")]
    # And order.cancelled says so, with no money refunded
    announced = eventually(lambda: events(store, "order.cancelled", order_id))
    assert [(e["refunded"]["amount"], e["wallet_returned"]["amount"]) for e in announced] == [(0, 2000)]


def test_an_order_not_paid_in_time_gives_its_wallet_credit_back(store: Shop):
    # Given an order paid £15.00 from the wallet, whose card part is never paid
    member = funded(store, 1500)
    with moto_bridge.token_timeouts_scaled(0.001):
        placed = checkout(store, member, [store.line("service")], wallet_credit=gbp(1500))
        assert placed.status == 201, placed.body
        order_id = placed.body["order"]["id"]
        waiting_on(store, order_id, "payment")
        # When the tenant's payment timeout passes
        expired = reaches(store, order_id, "expired")
    # Then the £15.00 is back in the wallet, and order.expired says so
    assert expired["wallet_returned"] == gbp(1500)
    assert balance(store, member) == 1500
    announced = eventually(lambda: events(store, "order.expired", order_id))
    assert [e["wallet_returned"]["amount"] for e in announced] == [1500]


def test_refunds_give_back_money_and_wallet_credit_pro_rata_once_each(platform: LocalPlatform, store: Shop):
    # Given a paid order of two devices (£178.00), £40.00 of it from the wallet and £138.00 by card
    member = funded(store, 4000)
    placed = checkout(
        store, member, [store.line("device", 2)], address_id=add_address(store, member), wallet_credit=gbp(4000)
    )
    assert placed.status == 201, placed.body
    order_id = placed.body["order"]["id"]
    waiting_on(store, order_id, "payment")
    pay(platform, store, placed.body)
    order = reaches(store, order_id, "fulfilling")
    payment_id = order["payment"]["payment_id"]
    # When staff refund one device (£89.00), and retry with the same Idempotency-Key
    body = {"reason": "one was damaged", "lines": [{"line_no": 1, "quantity": 1}]}
    headers = {"Idempotency-Key": f"refund-{order_id}"}
    first = call("POST", f"/v1/orders/{order_id}/refunds", caller=store.manager, body=body, headers=headers)
    again = call("POST", f"/v1/orders/{order_id}/refunds", caller=store.manager, body=body, headers=headers)
    # Then half of each part goes back where it came from: £20.00 to the wallet, £69.00 to the card
    assert (first.status, again.status) == (200, 200), first.body
    assert (first.body["refunded"], first.body["wallet_returned"]) == (gbp(8900), gbp(2000))
    stripe_support.until(store.tenant_id, payment_id, lambda p: p.refunded.amount == 6900)
    assert balance(store, member) == 2000
    # When staff refund all that is left
    rest = call("POST", f"/v1/orders/{order_id}/refunds", caller=store.manager, body={"reason": "lab closed"})
    # Then everything went back, each part in full and no more: £40.00 to the wallet, £138.00 to the card
    assert rest.status == 200, rest.body
    assert (rest.body["state"], rest.body["refunded"], rest.body["wallet_returned"]) == (
        "refunded", gbp(17800), gbp(4000),
    )  # fmt: skip
    stripe_support.until(store.tenant_id, payment_id, lambda p: p.refunded.amount == 13800)
    assert balance(store, member) == 4000
    returned = entries(store, member, EntryKind.ORDER_RETURNED)
    assert sorted(e.amount.amount for e in returned) == [2000, 2000]
    # And order.refunded carried the money in its amount and lines, the wallet part beside
    announced = eventually(lambda: (found := events(store, "order.refunded", order_id)) and len(found) == 2 and found)
    assert [(e["amount"]["amount"], e["wallet_returned"]["amount"]) for e in announced] == [(6900, 2000), (6900, 2000)]
    assert [line["amount"]["amount"] for line in announced[0]["lines"]] == [6900]
