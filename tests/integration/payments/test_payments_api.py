"""Payments' routes for a tenant's staff, run by their handler as API Gateway would call them."""

from __future__ import annotations

from infra.local.runtime import LocalPlatform
from panacea.payments.refunds import refund
from panacea.platform.ids import new_id
from tests.integration.stripe_support import as_tenant, gbp, paid, shop, until
from tests.support import call, staff


def test_finance_lists_reads_and_follows_a_payments_refunds(platform: LocalPlatform):
    # Given a paid payment of an order with one refund
    tenant = shop()
    done = paid(platform, tenant, gbp(9_900))
    as_tenant(tenant, lambda: refund(tenant, done.id, gbp(900), "late delivery", idempotency_key="api-refund"))
    until(tenant, done.id, lambda p: p.refunded == gbp(900))
    finance = staff(tenant, "finance")
    # When finance lists the order's payments, reads the payment and its refunds
    listed = call("GET", f"/v1/payments?order_id={done.order_id}", caller=finance)
    read = call("GET", f"/v1/payments/{done.id}", caller=finance)
    refunds = call("GET", f"/v1/payments/{done.id}/refunds", caller=finance)
    # Then each answers what was made
    assert listed.status == 200
    assert [p["id"] for p in listed.body["items"]] == [done.id]
    assert (read.status, read.body["amount"], read.body["status"]) == (
        200,
        {"amount": 9_900, "currency": "GBP"},
        "partially_refunded",
    )
    assert [(r["amount"]["amount"], r["reason"]) for r in refunds.body] == [(900, "late delivery")]


def test_payments_list_newest_first_and_by_status(platform: LocalPlatform):
    tenant = shop()
    first, second = paid(platform, tenant, gbp(1_000)), paid(platform, tenant, gbp(2_000))
    owner = staff(tenant, "owner")
    page = call("GET", "/v1/payments?limit=1", caller=owner)
    after = call("GET", f"/v1/payments?limit=1&cursor={page.body['next_cursor']}", caller=owner)
    assert [p["id"] for p in page.body["items"] + after.body["items"]] == [second.id, first.id]
    assert call("GET", "/v1/payments?status=failed", caller=owner).body["items"] == []
    assert call("GET", f"/v1/payments?order_id={new_id()}", caller=owner).body["items"] == []


def test_members_and_the_service_desk_may_not_read_payments(platform: LocalPlatform):
    tenant = shop()
    done = paid(platform, tenant, gbp(1_000))
    for role in ("member", "service_desk", "catalog_manager"):
        answer = call("GET", f"/v1/payments/{done.id}", caller=staff(tenant, role))
        assert (answer.status, answer.body["type"]) == (403, "/errors/forbidden")


def test_an_unknown_payment_is_not_found(platform: LocalPlatform):
    tenant = shop()
    finance = staff(tenant, "finance")
    for path in (f"/v1/payments/{new_id()}", "/v1/payments/not-an-id", f"/v1/payments/{new_id()}/refunds"):
        answer = call("GET", path, caller=finance)
        assert (answer.status, answer.body["type"]) == (404, "/errors/payment-not-found")
    assert call("GET", "/v1/payments?status=bogus", caller=finance).status == 422
