"""The sample events in events/ are what each trigger really sends: each one, handed to its
function, is handled (they double as `sam local invoke -e` inputs and as documentation)."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pynamodb.exceptions import PutError

from infra import wiring
from infra.local.invoke import invoke
from infra.local.provision import STRIPE_BILLING_WEBHOOK_SECRET
from panacea.orders import dal as orders_dal
from panacea.orders.models import (
    FulfilmentGroup,
    GroupKind,
    GroupStatus,
    Order,
    OrderLine,
    OrderPlaced,
    OrderState,
    PaymentInfo,
)
from panacea.platform.events import parse
from panacea.platform.money import Money
from panacea.tenancy import dal
from panacea.tenancy.defaults import default_settings
from panacea.tenancy.models import TenantCreated, TenantKind, TenantStatus, Tier
from tests.support import PLATFORM_ADMIN, call

EVENTS = Path(__file__).resolve().parents[3] / "events"


def _sample(path: str) -> dict[str, Any]:
    sample: dict[str, Any] = json.loads((EVENTS / path).read_text())
    return sample


def _run(function: str, sample: str) -> dict[str, Any]:
    fn = wiring.function(function)
    answer: dict[str, Any] = invoke(fn.handler, _sample(f"{function}/{sample}"), function_name=fn.name)
    return answer


def test_every_function_of_the_wiring_has_a_sample_event():
    assert {p.parent.name for p in EVENTS.glob("*/*.json")} >= {f.name for f in wiring.FUNCTIONS}


def test_the_onboarding_samples_replay_in_order():
    # Given the tenant the samples were recorded for, as the API wrote it
    created = _sample("tenant-onboarding/tenant-created.json")
    _, event = parse(created["detail-type"], created["detail"])
    assert isinstance(event, TenantCreated)
    dal.TenantRecord.new(
        tenant_id=event.tenant_id,
        name=event.name,
        slug=f"sample-{event.slug}",
        kind=TenantKind(event.kind),
        parent_partner_id=None,
        jurisdiction="GB",
        tier=Tier(event.tier),
        at=datetime.now(UTC),
    ).save()
    # When each task sample is handed to its function, in the workflow's order
    for function, sample in [
        ("TenancySteps", "apply-defaults.json"),
        ("IdentitySteps", "enrol-owner.json"),
        ("TenancySteps", "complete-onboarding.json"),
    ]:
        _run(function, sample)
    # Then the tenant is onboarded, and its owner's request sample reads it
    assert call("GET", f"/v1/tenants/{event.tenant_id}", caller=PLATFORM_ADMIN).body["status"] == "active"
    own = _run("TenancyApi", "own-tenant.json")
    assert own["statusCode"] == 200
    assert json.loads(own["body"])["id"] == event.tenant_id


def test_the_api_samples_are_answered():
    assert _run("TenancyApi", "create-tenant.json")["statusCode"] == 201
    assert _run("PlatformDocs", "health.json")["statusCode"] == 200
    # A browser's preflight from an origin no tenant lists: refused, without CORS headers
    preflight = _run("TenancyPreflight", "unregistered-origin.json")
    assert preflight["statusCode"] == 403
    assert "Access-Control-Allow-Origin" not in (preflight.get("headers") or {})
    sales = _run("FinanceApi", "sales.json")
    assert sales["statusCode"] == 200, sales
    assert json.loads(sales["body"])["since"] == "2026-11-01"


def test_the_stream_and_queue_samples_are_handled_without_failures():
    assert _run("OutboxRelay", "tenant-created-insert.json") == {"batchItemFailures": []}
    assert _run("AnalyticsConsumers", "tenant-created.json") == {"batchItemFailures": []}


def test_the_authorizer_sample_is_judged():
    # A signed partner request from the past (its five minutes are long gone) is refused with 401
    with pytest.raises(Exception, match=r"^Unauthorized$"):
        _run("IdentityAuthorizer", "signed-partner-request.json")


def test_the_schedule_sample_is_handled():
    assert "failed" in _run("TenancyJobs", "stalled-onboardings.json")


def test_the_stripe_webhook_sample_is_judged_on_its_signature(platform):
    # A webhook Stripe signed long ago is refused (its five minutes are gone) with a 400 problem
    refused = _run("PaymentsWebhooks", "payment-intent-succeeded.json")
    assert (refused["statusCode"], json.loads(refused["body"])["type"]) == (400, "/errors/invalid-signature")
    # The same body signed now is acknowledged: the intent is not one this platform made
    sample = _sample("PaymentsWebhooks/payment-intent-succeeded.json")
    _, signature = platform.stripe.signed(json.loads(sample["body"]))
    sample["headers"]["Stripe-Signature"] = signature
    sample["multiValueHeaders"]["Stripe-Signature"] = [signature]  # API Gateway sends both, alike
    fn = wiring.function("PaymentsWebhooks")
    answer = invoke(fn.handler, sample, function_name=fn.name)
    assert (answer["statusCode"], json.loads(answer["body"])["outcome"]) == (200, "ignored")


def test_the_billing_webhook_sample_is_judged_on_its_signature(platform):
    # A webhook signed long ago is refused with a 400 problem
    refused = _run("BillingWebhooks", "subscription-updated.json")
    assert (refused["statusCode"], json.loads(refused["body"])["type"]) == (400, "/errors/invalid-signature")
    # The same body signed now with the billing endpoint's secret is acknowledged: no tenant is that customer
    sample = _sample("BillingWebhooks/subscription-updated.json")
    _, signature = platform.stripe.signed(json.loads(sample["body"]), secret=STRIPE_BILLING_WEBHOOK_SECRET)
    sample["headers"]["Stripe-Signature"] = signature
    sample["multiValueHeaders"]["Stripe-Signature"] = [signature]
    fn = wiring.function("BillingWebhooks")
    answer = invoke(fn.handler, sample, function_name=fn.name)
    assert (answer["statusCode"], json.loads(answer["body"])["outcome"]) == (200, "ignored")


def test_the_billing_reconcile_sample_is_handled():
    assert set(_run("BillingJobs", "reconcile.json")) == {"accounts", "changed", "failed"}


def test_the_billing_api_sample_is_answered():
    answer = _run("BillingApi", "price-list.json")
    assert answer["statusCode"] == 200, answer["body"]
    assert "tenant.professional" in {p["key"] for p in json.loads(answer["body"])}


def test_the_payments_api_sample_is_answered():
    answer = _run("PaymentsApi", "list-payments.json")
    assert (answer["statusCode"], json.loads(answer["body"])["items"]) == (200, [])


def test_the_catalog_samples_are_answered():
    # A catalog manager creates a draft (the tenant's own store comes with it); members browse
    created = _run("CatalogApi", "create-product.json")
    assert created["statusCode"] == 201, created["body"]
    assert json.loads(created["body"])["status"] == "draft"
    browsed = _run("CatalogApi", "browse-products.json")
    assert browsed["statusCode"] == 200
    assert json.loads(browsed["body"])["items"] == []  # a draft is no member's to see


def test_the_orders_samples_replay():
    # Given the shop and the order the samples were recorded for, its parcel received
    placed = _sample("order-fulfilment/order-placed.json")
    metadata, event = parse(placed["detail-type"], placed["detail"])
    assert isinstance(event, OrderPlaced)
    assert metadata.tenant_id
    tenant_id, at = metadata.tenant_id, datetime.now(UTC)
    settings = default_settings(kind=TenantKind.GENE_TESTING, name="Sample shop", currency="GBP", locale="en-GB",
                                parent_branding=None)  # fmt: skip
    dal.TenantSettingsItem.of(tenant_id, settings, at=at).save()
    orders_dal.OrderItem.of(tenant_id, _received(event, at)).save()
    # When the workflow's task samples run (the payment wait sees the order paid already, and
    # answers its own token), the order completes
    assert _run("OrdersSteps", "await-payment.json") == {}
    assert _run("OrdersSteps", "complete-order.json") == {"completed": True, "state": "completed"}
    # And the member's request samples are answered: their orders, and a checkout of a SKU this
    # table does not hold, refused naming it
    mine = _run("OrdersApi", "my-orders.json")
    assert [o["id"] for o in json.loads(mine["body"])["items"]] == [event.order_id]
    refused = _run("OrdersApi", "checkout.json")
    assert (refused["statusCode"], json.loads(refused["body"])["errors"][0]["field"]) == (422, "lines[0].sku_id")
    # And payments' event sample is handled without failures (the order is past paying)
    assert _run("OrdersConsumers", "payment-succeeded.json") == {"batchItemFailures": []}


def _received(event: OrderPlaced, at: datetime) -> Order:
    """The order of `order.placed`, paid, its one parcel received: all the workflow has left to do is complete it."""
    lines = [
        OrderLine(
            line_no=fact.line_no,
            sku_id=fact.sku_id,
            store_id=fact.store_id,
            product_id=fact.product_id,
            product_name="Home blood pressure monitor",
            kind=fact.kind,
            unit_price=fact.amount,
            quantity=fact.quantity,
            subtotal=fact.amount,
            discount=Money.zero(fact.amount.currency),
            amount=fact.amount,
        )
        for fact in event.lines
    ]
    return Order(
        id=event.order_id,
        member_id=event.member_id,
        state=OrderState.FULFILLING,
        lines=lines,
        currency=event.total.currency,
        subtotal=event.total,
        discount=Money.zero(event.total.currency),
        total=event.total,
        refunded=Money.zero(event.total.currency),
        payment_method=event.payment_method,
        payment=PaymentInfo(payment_id="01M8A2C4E6G8J0K2M4P6R8T1DA", status="succeeded", paid_at=at),
        groups=[FulfilmentGroup(id="S1", kind=GroupKind.SHIPMENT, line_nos=[1], status=GroupStatus.DELIVERED)],
        cancel_until=at,
        payment_due_at=at,
        receipt_days=10,
        created_at=at,
        updated_at=at,
    )


def test_the_distribution_samples_are_handled():
    # Staff list the active distributors of the sample tenant: none
    listed = _run("DistributionApi", "list-distributors.json")
    assert (listed["statusCode"], json.loads(listed["body"])["items"]) == (200, [])
    # A member of the sample tenant reads their wallet: it has held nothing yet
    wallet = _run("DistributionWalletApi", "my-wallet.json")
    assert (wallet["statusCode"], json.loads(wallet["body"])["balances"]) == (200, [])
    # A member registered with a code no distributor holds: handled, bound to no one
    assert _run("DistributionConsumers", "member-registered.json") == {"batchItemFailures": []}
    # commission-settlement's first task on the sample order.paid: no one earns on it
    settlement = _sample("commission-settlement/order-paid.json")
    assert _sample("DistributionSteps/accrue.json")["event"] == settlement["detail"]
    assert _run("DistributionSteps", "accrue.json") == {"earns": False}
    # The thaw schedule's run: whatever is due in the table is released
    assert set(_run("DistributionJobs", "commission-thaw.json")) == {"shares", "distributors", "transactions"}


def test_the_logistics_samples_are_handled():
    # Staff list the sample tenant's collection points: none yet
    points = _run("LogisticsApi", "list-collection-points.json")
    assert (points["statusCode"], json.loads(points["body"])["items"]) == (200, [])
    # order.paid of a device only: no gene test for logistics to keep, nor for the workflow to follow
    assert _run("LogisticsConsumers", "order-paid.json") == {"batchItemFailures": []}
    assert _run("LogisticsKitConsumers", "order-paid.json") == {"batchItemFailures": []}
    assert _sample("LogisticsSteps/begin.json")["event"] == _sample("sample-logistics/order-paid.json")["detail"]
    assert _run("LogisticsSteps", "begin.json") == {"samples": []}
    # A kit dispatched for an order whose samples no workflow follows: handled, nothing to move
    assert _run("LogisticsJourneys", "kit-dispatched.json") == {"batchItemFailures": []}
    # The hourly reminders' run: whatever appointments are due tomorrow are reminded
    assert set(_run("LogisticsJobs", "appointment-reminders.json")) == {"sent", "skipped"}


def test_the_engagement_preferences_sample_is_answered():
    # The owner makes an audience for broadcasts
    made = _run("EngagementPreferencesApi", "create-audience.json")
    assert (made["statusCode"], json.loads(made["body"])["tag"]) == (201, "diabetes"), made


def test_the_engagement_sending_samples_are_handled():
    # Given the samples' tenant, as onboarding records it (its plan sets the month's message limit)
    tenant_id = _sample("EngagementApi/notify-member.json")["requestContext"]["authorizer"]["tenant_id"]
    record = dal.TenantRecord.new(tenant_id=tenant_id, name="Sample clinic", slug=f"sample-{tenant_id.lower()}",
                                  kind=TenantKind.GP_PRACTICE, parent_partner_id=None, jurisdiction="GB",
                                  tier=Tier.PROFESSIONAL, at=datetime.now(UTC))  # fmt: skip
    record.move_to(TenantStatus.ACTIVE, at=datetime.now(UTC))
    with contextlib.suppress(PutError):  # made by an earlier run of this test in the same table
        record.save()
    # The owner tells a member of the sample tenant their order is paid: accepted, the member unknown here skipped
    notified = _run("EngagementApi", "notify-member.json")
    assert notified["statusCode"] == 202, notified
    answer = json.loads(notified["body"])
    assert (answer["message_ids"], answer["skipped"]) == ([], [{"member_id": "01M8A2C4E6G8J0K2M4P6R8T0X4",
                                                                "reason": "unknown_member"}])  # fmt: skip
    # A broadcast nobody started has no progress to read: a 404 naming it
    progress = _run("EngagementApi", "broadcast-progress.json")
    assert (progress["statusCode"], json.loads(progress["body"])["errors"]) == (
        404, [{"field": "path.broadcast_id", "code": "not_found"}],
    )  # fmt: skip
    # order.paid (the sample logistics takes too) fanned out: its member is nobody the engine knows, no failure
    assert _run("EngagementFanout", "order-paid.json") == {"batchItemFailures": []}
    # A page of that broadcast: nothing to send, no failure (a page of a broadcast gone is dropped)
    assert _run("EngagementBroadcasts", "page.json") == {"batchItemFailures": []}
