"""Starting a payment (once per key), calling one off, and offline payments confirmed by finance."""

from __future__ import annotations

import pytest

from infra.local.runtime import LocalPlatform
from infra.local.stripe_rules import StripeProblem
from panacea.payments import logic, refunds, starting
from panacea.platform import payments as stripe_port
from panacea.platform.access import Actor, Role
from panacea.platform.errors import DomainError, Forbidden
from panacea.platform.ids import new_id
from tests.integration.stripe_support import as_tenant, events_of, gbp, paid, payment, sandbox, shop, start, until
from tests.support import PLATFORM_ADMIN, call


def _staff(tenant: str, *roles: Role) -> Actor:
    return Actor(user_id="finance-1", tenant_id=tenant, roles=frozenset(roles))


def _offline(tenant: str, order_id: str, amount: int, reference: str, *roles: Role, method: str = "bank_transfer"):
    actor = _staff(tenant, *(roles or (Role.FINANCE,)))
    return as_tenant(
        tenant, lambda: starting.record_offline_payment(actor, tenant, order_id, gbp(amount), reference, method=method)
    )


# --- starting ---------------------------------------------------------------------------------


def test_starting_again_with_the_same_key_answers_the_same_payment_and_intent(platform: LocalPlatform):
    # Given a payment started for an order with an idempotency key
    tenant, order_id = shop(), new_id()
    first = start(tenant, gbp(4_200), key="checkout-1", order_id=order_id)
    intents = len(sandbox(platform).intents)
    # When the same call is made again (a retried request)
    again = start(tenant, gbp(4_200), key="checkout-1", order_id=order_id)
    # Then it is the same payment, intent and client secret, and Stripe made no other intent
    assert (again.id, again.intent_id, again.client_secret) == (first.id, first.intent_id, first.client_secret)
    assert len(sandbox(platform).intents) == intents
    # And the key cannot start a payment of another amount or order
    with pytest.raises(logic.IdempotencyKeyReused):
        start(tenant, gbp(4_300), key="checkout-1", order_id=order_id)
    with pytest.raises(logic.IdempotencyKeyReused):
        start(tenant, gbp(4_200), key="checkout-1")


@pytest.mark.parametrize(
    ("amount", "methods", "field"),
    [(0, None, "amount.amount"), (1_000, ["alipay"], "methods"), (1_000, ["bank_transfer"], "methods")],
)
def test_a_payment_the_tenant_cannot_take_is_a_422(platform: LocalPlatform, amount, methods, field):
    # Given a GBP tenant that takes cards only
    tenant = shop()
    # When a payment of nothing, or by a method it does not take online, is started
    with pytest.raises(DomainError) as refused:
        start(tenant, gbp(amount), methods=methods)
    # Then it is refused on that field, before Stripe is asked
    assert (refused.value.status, refused.value.errors[0].field) == (422, field)


def test_stripe_refusing_an_intent_is_a_422_with_its_reason(platform: LocalPlatform):
    # Given a tenant, When a payment is started for more than Stripe takes in one payment
    tenant = shop()
    with pytest.raises(stripe_port.ProviderRefused) as refused:
        start(tenant, gbp(100_000_000))
    # Then Stripe's refusal is a 422 with its code, on the field it names
    assert (refused.value.status, refused.value.code, refused.value.errors[0].field) == (
        422,
        "amount_too_large",
        "amount",
    )


def test_an_unpaid_payment_is_called_off_and_can_no_longer_be_paid(platform: LocalPlatform):
    # Given a started payment nobody paid
    tenant = shop()
    view = start(tenant, gbp(2_000))
    assert view.intent_id
    # When the order expires and the payment is cancelled
    canceled = as_tenant(tenant, lambda: starting.cancel_payment(tenant, view.id))
    # Then it is cancelled here and at Stripe, and payment.canceled was announced once
    assert canceled.status == "canceled"
    assert sandbox(platform).intents[view.intent_id]["status"] == "canceled"
    until(tenant, view.id, lambda p: p.status == "canceled")
    assert len(events_of(tenant, "payment.canceled")) == 1
    with pytest.raises(StripeProblem):
        sandbox(platform).succeed(view.intent_id)


def test_a_paid_payment_is_refunded_not_cancelled(platform: LocalPlatform):
    tenant = shop()
    done = paid(platform, tenant, gbp(2_000))
    with pytest.raises(logic.PaymentNotCancelable):
        as_tenant(tenant, lambda: starting.cancel_payment(tenant, done.id))


# --- offline ----------------------------------------------------------------------------------


def test_finance_confirms_a_bank_transfer_and_the_order_hears_payment_succeeded(platform: LocalPlatform):
    # Given a gene-testing tenant that takes offline payments, and an order waiting for a transfer
    tenant, order_id = shop(), new_id()
    # When finance confirms the transfer with its reference
    made = _offline(tenant, order_id, 12_900, "BACS HG-2026-1042")
    # Then the payment is paid offline, and payment.succeeded was announced as for an online payment
    assert (made.status, made.provider, made.method, made.reference) == (
        "succeeded",
        "offline",
        "bank_transfer",
        "BACS HG-2026-1042",
    )
    (announced,) = events_of(tenant, "payment.succeeded")
    assert (announced["order_id"], announced["provider"], announced["reference"]) == (
        order_id,
        "offline",
        "BACS HG-2026-1042",
    )
    assert as_tenant(tenant, lambda: logic.payments_of_order(tenant, order_id)) == [made]


def test_a_reference_is_recorded_once(platform: LocalPlatform):
    # Given a transfer recorded for an order
    tenant, order_id = shop(), new_id()
    made = _offline(tenant, order_id, 5_000, "BACS HG-2026-2001")
    # When finance records it again (a double click), and then against another order
    again = _offline(tenant, order_id, 5_000, "BACS HG-2026-2001")
    with pytest.raises(logic.ReferenceAlreadyRecorded) as refused:
        _offline(tenant, new_id(), 5_000, "BACS HG-2026-2001")
    # Then the repeat is the same payment, and the other order is refused on the reference
    assert again == made
    assert (refused.value.status, refused.value.errors[0].field) == (409, "reference")
    assert len(events_of(tenant, "payment.succeeded")) == 1


def test_only_finance_and_owners_confirm_offline_payments_of_their_own_tenant(platform: LocalPlatform):
    tenant, other = shop(), shop()
    with pytest.raises(Forbidden):
        _offline(tenant, new_id(), 1_000, "CASH 0001", Role.ORDER_MANAGER)
    with pytest.raises(Forbidden):
        _offline(tenant, new_id(), 1_000, "CASH 0002", Role.MEMBER)
    actor = _staff(other, Role.FINANCE)
    with pytest.raises(Forbidden):
        as_tenant(tenant, lambda: starting.record_offline_payment(actor, tenant, new_id(), gbp(1_000), "CASH 0003"))
    assert _offline(tenant, new_id(), 1_000, "CASH 0004", Role.OWNER, method="cash").method == "cash"


def test_a_tenant_that_takes_no_offline_payments_refuses_them(platform: LocalPlatform):
    # Given a GP practice (no offline payments by default)
    tenant = shop(kind="gp_practice")
    with pytest.raises(logic.PaymentsNotSetUp):
        _offline(tenant, new_id(), 1_000, "BACS GP-0001")
    # When its admin allows them, Then finance can confirm one
    patch = {"orders": {"offline_payment": True}}
    assert call("PATCH", f"/v1/tenants/{tenant}/settings", caller=PLATFORM_ADMIN, body=patch).status == 200
    assert _offline(tenant, new_id(), 1_000, "BACS GP-0001").status == "succeeded"


def test_an_offline_refund_is_recorded_and_announced_at_once(platform: LocalPlatform):
    # Given a bank transfer of 100.00 confirmed by finance
    tenant = shop()
    made = _offline(tenant, new_id(), 10_000, "BACS HG-2026-3001")
    # When 40.00 is handed back, then 70.00 more is asked for
    refund = as_tenant(
        tenant, lambda: refunds.refund(tenant, made.id, gbp(4_000), "returned kit", idempotency_key="offline-refund-1")
    )
    with pytest.raises(logic.RefundExceedsPayment):
        as_tenant(tenant, lambda: refunds.refund(tenant, made.id, gbp(7_000), "returned kit", idempotency_key="k-2"))
    # Then the 40.00 is refunded at once and announced; the rest stays refundable
    assert refund.status == "succeeded"
    after = payment(tenant, made.id)
    assert (after.status, after.refunded, after.refundable) == ("partially_refunded", gbp(4_000), gbp(6_000))
    (announced,) = events_of(tenant, "payment.refunded")
    assert (announced["amount"]["amount"], announced["remaining"]["amount"]) == (4_000, 6_000)
