"""A tenant's owner subscribes through Checkout, changes plan and cancels, over the API; staff read
what the tenant may do. Refusals name the field and never reach Stripe."""

from __future__ import annotations

from typing import Any

import pytest

from infra.local.runtime import LocalPlatform
from tests.support import call, onboard, staff
from tests.support.builders import eventually

RETURN = "https://clinic.example/billing"


def _checkout(tenant_id: str, plan_key: str, **extra: Any) -> Any:
    body = {"plan_key": plan_key, "currency": "GBP", "billing_email": "accounts@clinic.example",
            "success_url": f"{RETURN}/done", "cancel_url": RETURN} | extra  # fmt: skip
    return call("POST", "/v1/billing/checkout", caller=staff(tenant_id, "owner"), body=body)


def test_an_owner_subscribes_moves_up_and_cancels_at_the_periods_end(platform: LocalPlatform, prices: dict[str, str]):
    # Given a clinic with no plan yet
    tenant_id = str(onboard()["id"])
    finance = staff(tenant_id, "finance")
    assert call("GET", "/v1/billing/entitlements", caller=finance).body["access"] == "none"
    # When its owner checks out Professional and pays on Stripe's page
    started = _checkout(tenant_id, "tenant.professional")
    assert started.status == 201, started.body
    assert platform.stripe is not None
    platform.stripe.complete_checkout(started.body["checkout_id"])

    # Then Stripe's webhooks give it Professional, in trial (the plan's 14 days)
    def professional() -> Any:
        answer = call("GET", "/v1/billing/entitlements", caller=finance).body
        return answer if answer["plan_key"] == "tenant.professional" else None

    record = eventually(professional, what="Professional's entitlements")
    assert (record["status"], record["access"], record["limits"]["members"]) == ("trialing", "full", 100)
    # And a second checkout is refused: it has a live subscription
    again = _checkout(tenant_id, "tenant.enterprise")
    assert (again.status, again.problem_fields) == (409, ["plan_key"])
    # When the owner moves to Enterprise, the answer already says so
    moved = call("POST", "/v1/billing/plan", caller=staff(tenant_id, "owner"), body={"plan_key": "tenant.enterprise"})
    assert (moved.status, moved.body["plan_key"], moved.body["limits"]["members"]) == (200, "tenant.enterprise", 1000)
    # And cancelling at the period's end keeps full access until then
    cancelled = call("POST", "/v1/billing/cancellation", caller=staff(tenant_id, "owner"), body={"at_period_end": True})
    assert (cancelled.status, cancelled.body["access"]) == (200, "full")


@pytest.mark.parametrize(
    ("plan_key", "status", "field"),
    [("tenant.platinum", 422, "plan_key"), ("member.premium", 422, "plan_key"), ("partner.gold", 201, None)],
)
def test_only_a_tenants_or_partners_plan_can_be_checked_out(
    prices: dict[str, str], plan_key: str, status: int, field: str | None
):
    # Given a tenant's owner
    tenant_id = str(onboard()["id"])
    # When they ask to check out a plan
    answer = _checkout(tenant_id, plan_key)
    # Then a plan that does not exist, or is a member's, is refused naming the field
    assert answer.status == status, answer.body
    assert answer.problem_fields == ([field] if field else [])


def test_only_the_owner_manages_the_subscription_and_nothing_changes_without_one(prices: dict[str, str]):
    # Given a tenant with no subscription
    tenant_id = str(onboard()["id"])
    # When finance tries to check out, or the owner to change or cancel a plan it does not have
    by_finance = call("POST", "/v1/billing/checkout", caller=staff(tenant_id, "finance"),
                      body={"plan_key": "tenant.professional", "billing_email": "a@b.example",
                            "success_url": RETURN, "cancel_url": RETURN})  # fmt: skip
    change = call("POST", "/v1/billing/plan", caller=staff(tenant_id, "owner"), body={"plan_key": "tenant.flagship"})
    portal = call("POST", "/v1/billing/portal", caller=staff(tenant_id, "owner"), body={"return_url": RETURN})
    # Then finance is forbidden, and the owner is told there is no subscription
    assert by_finance.status == 403
    assert (change.status, change.body["type"]) == (409, "/errors/not-subscribed")
    assert (portal.status, portal.body["type"]) == (409, "/errors/not-subscribed")
