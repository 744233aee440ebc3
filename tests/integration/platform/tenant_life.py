"""A tenant's whole life driven through the API, as clients meet it: onboarding and its settings,
members who register, sign in every way and keep an address book, staff invited and managed, a
catalog, promotions and codes, orders placed from a cart, paid online and offline, shipped,
received, refunded and cancelled, payments and finance's reports, distributors and their network, a
wallet's withdrawals reviewed and paid, and Stripe's signed deliveries to
its webhook. Every answer is recorded (`contract.Recorder`) for the contract test, and what it made
is kept for the cursor test.
"""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from infra.local.runtime import STRIPE_WEBHOOK_PATH, LocalPlatform
from infra.local.seed import create_platform_admin
from panacea.distribution import wallet as panacea_wallet
from panacea.distribution import withdrawals
from panacea.distribution.wallet_models import Credit, EntryKind
from panacea.platform import clock
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from tests.integration import stripe_support
from tests.integration.billing.billing_life import subscribed
from tests.integration.distribution.network import orders_paid_by
from tests.integration.engagement.intake_life import notifications_sent
from tests.integration.engagement.preference_life import notification_preferences
from tests.integration.platform import contract
from tests.support import PLATFORM_ADMIN, builders, staff
from tests.support.builders import eventually
from tests.support.documents import pdf, post_form
from tests.support.in_process import GATEWAY, HANDLERS


@dataclass
class Life:
    """One tenant's life, as the scenario drives it, and what each step left for the next."""

    api: contract.Recorder
    platform: LocalPlatform
    tenant: dict[str, Any] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    member: builders.Member | None = None
    shop: builders.Shop | None = None

    @property
    def owner(self) -> dict[str, str]:
        return staff(self.tenant["id"], "owner")

    def call(self, method: str, path: str, *, as_: Any, body: Any = None, **kwargs: Any) -> Any:
        """The body of a successful answer (any 2xx)."""
        answer = self.api.request(method, path, as_=as_, body=body, **kwargs)
        assert 200 <= answer.status < 300, (method, path, answer.status, answer.body)
        return answer.body


ADMIN_PASSWORD = "Life-Admin-2026!"


def tenancy(life: Life) -> None:
    admin, api = PLATFORM_ADMIN, life.api
    # The platform admin signs in through the API, as an operator does after a deploy
    username = f"life-admin-{uuid.uuid4().hex[:6]}"
    create_platform_admin(life.platform, username, f"{username}@panacea.local", ADMIN_PASSWORD)
    life.call("POST", "/v1/auth/platform/sign-in", as_=None, body={"username": username, "password": ADMIN_PASSWORD})
    life.tenant = builders.tenant(api, as_=admin, tier="enterprise")
    tid = life.tenant["id"]
    life.call("GET", "/v1/tenants?limit=5", as_=admin)
    life.call("PATCH", f"/v1/tenants/{tid}/settings", as_=admin, body={"branding": {"primary_colour": "#1D3557"}})
    life.call("POST", f"/v1/tenants/{tid}/suspend", as_=admin, body={"reason": "invoice 2026-11 unpaid"})
    life.call("POST", f"/v1/tenants/{tid}/reactivate", as_=admin, body={"reason": "invoice 2026-11 paid"})
    key = life.call("POST", f"/v1/tenants/{tid}/api-keys", as_=admin, body={"name": "LIMS", "roles": ["lab_operator"]})
    life.call("GET", f"/v1/tenants/{tid}/api-keys", as_=admin)
    life.call("DELETE", f"/v1/tenants/{tid}/api-keys/{key['id']}", as_=admin)
    life.call("POST", f"/v1/tenants/{tid}/api-keys", as_=admin, body={"name": "ERP", "roles": ["finance"]})
    life.call("GET", "/v1/tenant", as_=life.owner)
    patch = {"orders": {"offline_payment": True, "payment_methods": ["card"]}}
    life.call("PATCH", "/v1/tenant/settings", as_=life.owner, body=patch)


def member_account(life: Life) -> builders.Member:
    """A member who registers, confirms, signs in (password and SMS), refreshes, resets a password,
    edits a profile, an email, a phone and an address book."""
    api, slug = life.api, life.tenant["slug"]
    me = builders.member(api, slug)
    session = builders.signed_in(api, slug, me.email, me.password)
    life.call("POST", "/v1/auth/refresh", as_=None, body={"refresh_token": session["refresh_token"]})
    life.call("GET", "/v1/me", as_=me.token)
    life.call("PATCH", "/v1/me", as_=me.token, body={"individual": {"occupation": "nurse"}})
    email = f"moved-{uuid.uuid4().hex[:8]}@example.com"
    life.call("POST", "/v1/me/email", as_=me.token, body={"email": email})
    life.call("POST", "/v1/me/email/confirm", as_=me.token, body={"code": builders.code_sent_to(GATEWAY, email)})
    mobile = f"+447400{random.randrange(10**6):06d}"
    life.call("POST", "/v1/me/phone", as_=me.token, body={"phone": mobile})
    life.call("POST", "/v1/me/phone/confirm", as_=me.token, body={"code": builders.code_sent_to(GATEWAY, mobile)})
    home = builders.address(api, me.token)
    spare = builders.address(api, me.token, label="Work", line1="1 Quay")
    life.call("GET", "/v1/me/addresses", as_=me.token)
    life.call("PATCH", f"/v1/me/addresses/{spare}", as_=me.token, body={"label": "Office"})
    life.call("POST", f"/v1/me/addresses/{spare}/default", as_=me.token)
    life.call("POST", f"/v1/me/addresses/{home}/default", as_=me.token)
    life.call("DELETE", f"/v1/me/addresses/{spare}", as_=me.token)
    builders.address(api, me.token, label="Parents", line1="3 Dock Road")
    life.ids["address"] = home
    _password_reset(life)
    _sms_sign_in(life)
    return builders.Member(
        me.user_id, email, me.password, builders.signed_in(api, slug, email, me.password)["id_token"]
    )


def _sms_sign_in(life: Life) -> None:
    """A member registered by phone signs in with a texted code."""
    slug, mobile = life.tenant["slug"], f"+447400{random.randrange(10**6):06d}"
    life.call("POST", "/v1/auth/register", as_=None, body={"tenant": slug, "kind": "individual", "phone": mobile})
    confirm = {"tenant": slug, "phone": mobile, "code": builders.code_sent_to(GATEWAY, mobile)}
    life.call("POST", "/v1/auth/register/confirm", as_=None, body=confirm)
    life.call("POST", "/v1/auth/sign-in/sms", as_=None, body={"tenant": slug, "phone": mobile})
    sms = {"tenant": slug, "phone": mobile, "code": builders.code_sent_to(GATEWAY, mobile)}
    life.call("POST", "/v1/auth/sign-in/sms/verify", as_=None, body=sms)


def _password_reset(life: Life) -> None:
    """Another member forgets their password and resets it (which signs them out everywhere)."""
    slug = life.tenant["slug"]
    other = builders.member(life.api, slug)
    life.call("POST", "/v1/auth/password/forgot", as_=None, body={"tenant": slug, "email": other.email})
    code = builders.code_sent_to(GATEWAY, other.email)
    reset = {"tenant": slug, "email": other.email, "code": code, "password": other.password + "x"}
    life.call("POST", "/v1/auth/password/reset", as_=None, body=reset)


def people(life: Life) -> None:
    """Staff are invited, accept, change roles, are disabled and enabled; the audit trail shows it."""
    owner, slug = life.owner, life.tenant["slug"]
    email = f"lab-{uuid.uuid4().hex[:8]}@example.com"
    invited = life.call(
        "POST", "/v1/users/invitations", as_=owner, body={"email": email, "name": "Sam Lab", "roles": ["lab_operator"]}
    )
    user_id = invited["id"]
    life.call("POST", f"/v1/users/{user_id}/invitation", as_=owner)
    code = builders.code_sent_to(GATEWAY, email)
    accept = {"tenant": slug, "email": email, "code": code, "password": "Lab-Operator-2026!"}
    life.call("POST", "/v1/auth/invitations/accept", as_=None, body=accept)
    session = builders.signed_in(life.api, slug, email, "Lab-Operator-2026!")
    life.call("POST", "/v1/auth/sign-out", as_=session["id_token"])
    life.call("GET", "/v1/users?limit=5", as_=owner)
    life.call("GET", f"/v1/users/{user_id}", as_=owner)
    life.call("PUT", f"/v1/users/{user_id}/roles", as_=owner, body={"roles": ["lab_operator", "expert"]})
    life.call("POST", f"/v1/users/{user_id}/disable", as_=owner, body={"reason": "left the company"})
    life.call("POST", f"/v1/users/{user_id}/enable", as_=owner)
    life.call("GET", "/v1/audit?limit=5", as_=owner)


def catalog(life: Life) -> builders.Shop:
    """A store, categories, tags, products and SKUs with stock; the shop the orders are placed in."""
    owner, api = life.owner, life.api
    shop = builders.shop(api, life.tenant, owner, stock=20)
    contact = {
        "name": "Priya Shah",
        "phone": "+441632960123",
        "email": "orders@quayside.example",
        "address": "4 Quay St",
    }
    store = life.call(
        "POST",
        "/v1/catalog/stores",
        as_=owner,
        body={"name": "Quayside", "kind": "pharmacy", "licence_number": "GPhC-9011234", "contact": contact},
    )
    life.call("GET", f"/v1/catalog/stores/{store['id']}", as_=owner)
    life.call("PATCH", f"/v1/catalog/stores/{store['id']}", as_=owner, body={"contact": {"phone": "+441632960124"}})
    life.call("GET", "/v1/catalog/stores", as_=owner)
    life.call("GET", f"/v1/catalog/stores/{shop.store_id}/stock", as_=owner)
    made = builders.category(api, owner, "Hereditary cancer")
    life.call("GET", f"/v1/catalog/categories/{made['id']}", as_=owner)
    life.call("PATCH", f"/v1/catalog/categories/{made['id']}", as_=owner, body={"name": "Inherited cancer"})
    life.call("GET", "/v1/catalog/categories", as_=owner)
    builders.category(api, owner, "Screening", dimension="use")
    tag = life.call("POST", "/v1/catalog/tags", as_=owner, body={"name": "bestseller"})
    life.call("GET", f"/v1/catalog/tags/{tag['id']}", as_=owner)
    life.call("PATCH", f"/v1/catalog/tags/{tag['id']}", as_=owner, body={"name": "best seller"})
    life.call("GET", "/v1/catalog/tags", as_=owner)
    life.call("POST", "/v1/catalog/tags", as_=owner, body={"name": "new"})
    life.call("POST", "/v1/catalog/images", as_=owner, body={"content_type": "image/jpeg", "size": 482113})
    product, sku_id = shop.products["gene_test"], shop.skus["gene_test"]
    life.call("GET", f"/v1/catalog/products/{product}", as_=owner)
    life.call(
        "PATCH",
        f"/v1/catalog/products/{product}",
        as_=owner,
        body={"tag_ids": [tag["id"]], "category_ids": [made["id"]]},
    )
    life.call("GET", "/v1/catalog/products?limit=5", as_=owner)
    life.call("GET", f"/v1/catalog/skus/{sku_id}", as_=owner)
    life.call("GET", f"/v1/catalog/skus/{sku_id}/stock", as_=owner)
    life.call("PATCH", f"/v1/catalog/skus/{sku_id}", as_=owner, body={"prices": [{"amount": 29900, "currency": "GBP"}]})
    life.call(
        "POST",
        f"/v1/catalog/skus/{sku_id}/stock/{shop.store_id}/adjustments",
        as_=owner,
        body={"delta": 5, "reason": "delivery from the lab"},
    )
    life.call("GET", f"/v1/catalog/skus/{sku_id}/stock/{shop.store_id}/movements", as_=owner)
    retired = builders.product(api, owner, name="Retired panel")
    builders.sku(api, owner, retired["id"])
    builders.publish(api, owner, retired["id"])
    life.call("POST", f"/v1/catalog/products/{retired['id']}/archive", as_=owner)
    return shop


def promotions(life: Life, shop: builders.Shop, member: builders.Member) -> None:
    owner = life.owner
    start = (clock.now() - timedelta(minutes=1)).isoformat()
    codes = {"name": "New members", "currency": "GBP", "method": "single_use_codes", "starts_at": start,
             "offer": {"kind": "amount_off", "amount_off": 500, "scope": "order"}}  # fmt: skip
    made = life.call("POST", "/v1/promotions", as_=owner, body=codes)
    pid = life.ids["codes_promotion"] = made["id"]
    life.call("PATCH", f"/v1/promotions/{pid}", as_=owner, body={"usage_limit": 2000})
    life.call("POST", f"/v1/promotions/{pid}/activate", as_=owner)
    life.call("POST", f"/v1/promotions/{pid}/codes", as_=owner, body={"count": 2, "prefix": "NEW"})
    csv = life.call("POST", f"/v1/promotions/{pid}/codes", as_=owner, body={"count": 2}, headers={"Accept": "text/csv"})
    assert csv.startswith("code\r\n")
    life.call("GET", f"/v1/promotions/{pid}/codes", as_=owner)
    life.call("GET", f"/v1/promotions/{shop.coupon_id}", as_=owner)
    life.call("GET", f"/v1/promotions/{shop.coupon_id}/redemptions", as_=owner)
    life.call("GET", "/v1/promotions?limit=5", as_=owner)
    automatic = {"name": "Winter wellness", "currency": "GBP", "method": "automatic", "starts_at": start,
                 "per_member_limit": 1, "offer": {"kind": "percentage_off", "percentage_bps": 500}}  # fmt: skip
    winter = life.call("POST", "/v1/promotions", as_=owner, body=automatic)["id"]
    life.call("POST", f"/v1/promotions/{winter}/activate", as_=owner)
    life.call("GET", "/v1/promotions/available", as_=member.token)
    line = {"line_ref": "1", "product_id": shop.products["device"], "amount": {"amount": 8900, "currency": "GBP"}}
    life.call("POST", "/v1/promotions/quote", as_=member.token, body={"lines": [line], "coupon_code": shop.coupon})
    life.call("POST", f"/v1/promotions/{pid}/pause", as_=owner)
    life.call("POST", f"/v1/promotions/{pid}/end", as_=owner)
    life.call("POST", f"/v1/promotions/{winter}/end", as_=owner)  # the orders below are priced without it


def orders(life: Life, shop: builders.Shop, member: builders.Member) -> None:
    """Orders placed from a cart, paid online and offline, shipped, received, cancelled, refunded."""
    me, owner, address = member.token, life.owner, life.ids["address"]
    life.call("PUT", "/v1/me/cart", as_=me, body={"lines": [shop.line("device")]})
    life.call("GET", "/v1/me/cart", as_=me)
    life.call("DELETE", "/v1/me/cart", as_=me)
    body = {
        "payment_method": "card",
        "lines": [shop.line("device", 2)],
        "address_id": address,
        "coupon_code": shop.coupon,
    }
    life.call("POST", "/v1/orders/quote", as_=me, body=body)
    placed = life.call("POST", "/v1/orders", as_=me, body=body)
    order_id = placed["order"]["id"]
    life.call("PUT", f"/v1/orders/{order_id}/address", as_=me, body={"address_id": address})
    life.call("POST", f"/v1/orders/{order_id}/payment", as_=me)
    builders.pay(life.api, owner, placed, stripe_support.sandbox(life.platform))
    builders.reaches(life.api, owner, order_id, "fulfilling")
    eventually(lambda: _token_stored(shop, order_id, "S1.shipment"))
    life.call(
        "POST", f"/v1/orders/{order_id}/shipments", as_=owner, body={"carrier": "DPD", "tracking_number": "DPD-1"}
    )
    eventually(lambda: _token_stored(shop, order_id, "S1.receipt"))
    life.call("POST", f"/v1/orders/{order_id}/receipt", as_=me, body={"group_id": "S1"})
    ask = {"reason": "arrived damaged", "lines": [{"line_no": 1, "quantity": 1}]}
    life.call("POST", f"/v1/orders/{order_id}/refund-request", as_=me, body=ask)
    life.call("POST", f"/v1/orders/{order_id}/refund-request/decline", as_=owner, body={"note": "past the window"})
    life.call("POST", f"/v1/orders/{order_id}/refund-request", as_=me, body=ask)
    life.call("POST", f"/v1/orders/{order_id}/refund-request/approve", as_=owner, body={"note": "returned"})
    life.call("POST", f"/v1/orders/{order_id}/refunds", as_=owner, body={"reason": "goodwill", "amount": 100})
    life.ids["paid_order"], life.ids["payment"] = order_id, placed["order"]["payment"]["payment_id"]
    life.call("GET", f"/v1/promotions/{shop.coupon_id}/redemptions", as_=owner)  # the coupon, now redeemed
    _offline_and_cancelled(life, shop, member)
    life.call("GET", f"/v1/orders/{order_id}", as_=me)
    life.call("GET", "/v1/orders?limit=5", as_=owner)
    life.call("GET", "/v1/me/orders", as_=me)


def _token_stored(shop: builders.Shop, order_id: str, wait: str) -> bool:
    from panacea.orders import dal  # noqa: PLC0415
    from panacea.platform.isolation import acting_for  # noqa: PLC0415

    with acting_for(shop.tenant_id):
        item = dal.order(shop.tenant_id, order_id, consistent=True)
    return bool(item and item.token(wait))


def _offline_and_cancelled(life: Life, shop: builders.Shop, member: builders.Member) -> None:
    me, finance = member.token, staff(life.tenant["id"], "finance", user_id="finance-1")
    transfer = {"payment_method": "bank_transfer", "lines": [shop.line("service")], "coupon_code": shop.coupon}
    placed = life.call("POST", "/v1/orders", as_=me, body=transfer)
    eventually(lambda: _token_stored(shop, placed["order"]["id"], "payment"))
    life.call(
        "POST", f"/v1/orders/{placed['order']['id']}/offline-payment", as_=finance, body={"reference": "BACS 1042"}
    )
    unpaid = life.call("POST", "/v1/orders", as_=me, body={"payment_method": "card", "lines": [shop.line("service")]})
    eventually(lambda: _token_stored(shop, unpaid["order"]["id"], "payment"))
    life.call("POST", f"/v1/orders/{unpaid['order']['id']}/cancel", as_=me, body={"reason": "ordered twice"})


def payments_and_finance(life: Life) -> None:
    owner, payment = life.owner, life.ids["payment"]
    life.call("GET", f"/v1/payments/{payment}", as_=owner)
    life.call("GET", f"/v1/payments/{payment}/refunds", as_=owner)
    life.call("GET", "/v1/payments?limit=5", as_=owner)
    today = clock.now().date().isoformat()
    period = f"since={today}&until={today}"
    eventually(lambda: life.call("GET", f"/v1/finance/orders?{period}", as_=owner)["items"], what="no sales ledger")
    life.call("GET", f"/v1/finance/sales?{period}", as_=owner)
    life.call("GET", f"/v1/finance/export?{period}", as_=owner)


def distribution(life: Life, member: builders.Member) -> None:
    """Staff appoint the member a distributor; three friends register with their code and are bound
    to them, two pay an order (the member's commission accrues); staff read the network, rebind one
    friend to another distributor, unbind them, suspend and remove that distributor."""
    owner, me, slug = life.owner, member.token, life.tenant["slug"]
    code = builders.distributor(life.api, owner, member.user_id)["referral_code"]
    friends = [builders.member(life.api, slug, referral_code=code) for _ in range(3)]
    for each in friends:
        _bound(owner, each.user_id)
    orders_paid_by(life.tenant["id"], [each.user_id for each in friends[:2]])  # their commission accrues
    friend = friends[-1]
    life.call("GET", "/v1/me/distributor", as_=me)
    life.call("POST", "/v1/me/distributor", as_=me)
    life.call("GET", "/v1/me/team?level=1", as_=me)
    life.call("GET", "/v1/me/referrer", as_=friend.token)
    life.call("GET", "/v1/distributors?limit=5", as_=owner)
    life.call("GET", f"/v1/distributors/{member.user_id}", as_=owner)
    life.call("GET", f"/v1/distributors/{member.user_id}/team?level=1", as_=owner)
    life.call("GET", f"/v1/distribution/bindings/{friend.user_id}", as_=owner)
    partner = builders.member(life.api, slug)
    other = builders.distributor(life.api, owner, partner.user_id, kind="institution")["member_id"]
    moved = {"referrer_id": other, "reason": "registered with the wrong code"}
    life.call("PUT", f"/v1/distribution/bindings/{friend.user_id}", as_=owner, body=moved)
    life.call("POST", f"/v1/distribution/bindings/{friend.user_id}/unbind", as_=owner, body={"reason": "asked to"})
    life.call("POST", f"/v1/distributors/{other}/suspend", as_=owner, body={"reason": "contract paused"})
    life.call("POST", f"/v1/distributors/{other}/remove", as_=owner, body={"reason": "contract ended"})


def _bound(owner: dict[str, str], member_id: str) -> None:
    eventually(lambda: builders.referrer_of(HANDLERS, owner, member_id), what=f"{member_id} was never bound")


def wallet(life: Life, member: builders.Member) -> None:
    """The member's wallet holds ¥100.00 of commission (credited as the thaw credits it); they set a
    bank account and withdraw three times: finance rejects the first, pays the second by bank
    transfer and records the third's transfer as failed; then they move their payouts to Stripe."""
    owner, me, tenant_id = life.owner, member.token, life.tenant["id"]
    with acting_for(tenant_id):
        earned = Money(amount=10_000, currency="CNY")
        credit = Credit(member_id=member.user_id, kind=EntryKind.COMMISSION, amount=earned, reference="life-commission")
        panacea_wallet.credit(tenant_id, credit)
    life.call("GET", "/v1/me/wallet", as_=me)
    life.call("GET", "/v1/me/wallet/entries?limit=5", as_=me)
    bank = {"kind": "bank", "holder_name": "Li Wei", "account_number": "6222020200001234567", "bank_name": "ICBC"}
    life.call("PUT", "/v1/me/wallet/payout-account", as_=me, body=bank)
    life.call("GET", "/v1/me/wallet/payout-account", as_=me)
    asked = [
        life.call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 1_000 * n, "currency": "CNY"}})
        for n in (1, 2, 3)
    ]
    life.call("GET", "/v1/me/withdrawals", as_=me)
    life.call("GET", "/v1/withdrawals?state=requested", as_=owner)
    rejected, paid, failed = (w["id"] for w in asked)
    life.call("GET", f"/v1/withdrawals/{rejected}", as_=owner)
    life.call("POST", f"/v1/withdrawals/{rejected}/reject", as_=owner, body={"reason": "account name mismatch"})
    for each in (paid, failed):
        _awaited(tenant_id, each)
        life.call("POST", f"/v1/withdrawals/{each}/approve", as_=owner)
        _awaited(tenant_id, each)
    life.call("POST", f"/v1/withdrawals/{paid}/transfer", as_=owner, body={"reference": "ICBC-778"})
    life.call("POST", f"/v1/withdrawals/{failed}/transfer-failed", as_=owner, body={"reason": "account closed"})
    setup = {"country": "CN", "email": "mei@example.com", "return_url": "https://x.example/d",
             "refresh_url": "https://x.example/r"}  # fmt: skip
    life.call("POST", "/v1/me/wallet/payout-account/stripe", as_=me, body=setup)


def _awaited(tenant_id: str, withdrawal_id: str) -> None:
    """Wait until the withdrawal-payout workflow waits on the withdrawal (its task token is stored)."""

    def waiting() -> bool:
        with acting_for(tenant_id):
            return bool(withdrawals.load(tenant_id, withdrawal_id).task_token)

    eventually(waiting, what=f"the workflow never waited on {withdrawal_id}")


def stripe_deliveries(life: Life) -> None:
    """Stripe calls the webhook: the member's bank disputes the paid order, and the sandbox's own
    delivery of `charge.dispute.created` (signed by stripe.WebhookSignature with the endpoint's
    secret) is sent through the recorded API, then again (a duplicate), changed after signing (400)
    and unsigned (422). The sandbox's sender is held meanwhile; its late copy is one more duplicate."""
    stripe = stripe_support.sandbox(life.platform)
    intent = life.call("GET", f"/v1/payments/{life.ids['payment']}", as_=life.owner)["intent_id"]
    with stripe.held():
        dispute = stripe.dispute(intent, reason="product_not_received")
        (event,) = [e for e in stripe.events.values() if e["data"]["object"].get("id") == dispute["id"]]
        payload, signature = stripe.signed(event)
        applied = _deliver(life, payload, signature)
        duplicate = _deliver(life, payload, signature)
        tampered = life.api.request("POST", STRIPE_WEBHOOK_PATH, raw_body=payload + b" ", headers=_signed(signature))
        unsigned = life.api.request("POST", STRIPE_WEBHOOK_PATH, raw_body=payload)
    assert (applied["outcome"], duplicate["outcome"]) == ("applied", "duplicate"), (applied, duplicate)
    assert (tampered.status, tampered.body["type"]) == (400, "/errors/invalid-signature"), tampered.body
    assert unsigned.status == 422, unsigned.body


def _signed(signature: str) -> dict[str, str]:
    return {"Stripe-Signature": signature, "Content-Type": "application/json; charset=utf-8"}


def _deliver(life: Life, payload: bytes, signature: str) -> Any:
    return life.call("POST", STRIPE_WEBHOOK_PATH, as_=None, raw_body=payload, headers=_signed(signature))


def lived(platform: LocalPlatform) -> Life:
    """A tenant's life, every answer recorded."""
    life = Life(contract.Recorder(HANDLERS), platform)
    tenancy(life)
    life.member = member_account(life)
    people(life)
    life.shop = catalog(life)
    promotions(life, life.shop, life.member)
    orders(life, life.shop, life.member)
    payments_and_finance(life)
    distribution(life, life.member)
    wallet(life, life.member)
    stripe_deliveries(life)
    share_links(life, life.member)
    statements_and_exports(life, life.member)
    records(life, life.member)
    collection_points_and_appointments(life, life.shop, life.member)
    kits_and_labs(life, life.shop, life.member)
    notifications(life)
    subscribed(life)
    messaging_callbacks(life)
    notification_preferences(life, life.member)
    notifications_sent(life, life.member)
    return life


def notifications(life: Life) -> None:
    """The owner reads the notification rules and moves one to SMS then email; publishes its own Urdu
    email of order.paid twice, lists its templates and that one's versions, and previews it."""
    owner = life.owner
    life.call("GET", "/v1/notification-rules", as_=owner)
    rule = {"channels": ["sms", "email"], "enabled": True, "receipt_window_s": 1800}
    life.call("PUT", "/v1/notification-rules/order.shipped", as_=owner, body=rule)
    email = {"subject": "ادائیگی {order_id}", "text": "{total} موصول، شکریہ"}
    for text in ("{total} موصول، شکریہ", "آرڈر {order_id} کے لیے {total} موصول"):
        life.call("PUT", "/v1/notification-templates/order.paid/email/ur", as_=owner, body={**email, "text": text})
    life.call("GET", "/v1/notification-templates?limit=5", as_=owner)
    life.call("GET", "/v1/notification-templates/order.paid/email/ur/versions?limit=5", as_=owner)
    preview = {"event_type": "order.paid", "channel": "email", "locale": "ur"}
    life.call("POST", "/v1/notification-templates/preview", as_=owner, body=preview)


def messaging_callbacks(life: Life) -> None:
    """A messaging provider calls the tenant's status callback URL (SES's carries nothing to apply here)."""
    raw = json.dumps({"Type": "Notification", "Message": "{}"}).encode()
    headers = {"Content-Type": "application/json"}
    life.call("POST", f"/v1/messaging/callbacks/ses/{life.tenant['id']}", as_=None, raw_body=raw, headers=headers)


def share_links(life: Life, member: builders.Member | None) -> None:
    """The shop lists its web origin; the member (a distributor) takes their share link to it and to
    a product, and the product link's QR code as a PNG and as an SVG."""
    assert member is not None
    assert life.shop is not None
    me, product = member.token, next(iter(life.shop.products.values()))
    origin = f"https://{life.tenant['slug']}.shop.example"
    life.call("PATCH", "/v1/tenant/settings", as_=life.owner, body={"allowed_origins": [origin]})
    life.call("GET", "/v1/me/distributor/share-link", as_=me)
    life.call("GET", f"/v1/me/distributor/share-link?{urlencode({'product_id': product, 'origin': origin})}", as_=me)
    png = {"Accept": "image/png"}
    life.call("GET", f"/v1/me/distributor/qr-code?product_id={product}&size=256", as_=me, headers=png)
    svg = {"Accept": "image/svg+xml"}
    life.call("GET", "/v1/me/distributor/qr-code?format=svg&dark=%23000000&error_correction=Q", as_=me, headers=svg)


def statements_and_exports(life: Life, member: builders.Member) -> None:
    """The distributor (the member) reads their team added up by level and their statement of this
    month (and its workbook); staff read theirs, list commissions and withdrawals with filters, and
    export each list."""
    owner, me, distributor = life.owner, member.token, member.user_id
    month = clock.now().strftime("%Y-%m")
    life.call("GET", "/v1/me/team/summary", as_=me)
    life.call("GET", f"/v1/me/statement?month={month}", as_=me)
    life.call("GET", "/v1/me/statement/export", as_=me)
    life.call("GET", f"/v1/distributors/{distributor}/team/summary", as_=owner)
    life.call("GET", f"/v1/distributors/{distributor}/statement", as_=owner)
    life.call("GET", f"/v1/distributors/{distributor}/statement/export?month={month}", as_=owner)
    life.call("GET", f"/v1/distribution/commissions?distributor_id={distributor}&limit=5", as_=owner)
    life.call("GET", f"/v1/distribution/commissions/export?distributor_id={distributor}", as_=owner)
    life.call("GET", f"/v1/withdrawals?member_id={distributor}&state=requested", as_=owner)
    life.call("GET", "/v1/withdrawals/export?state=paid", as_=owner)


def records(life: Life, member: builders.Member) -> None:
    """The service desk uploads a gene report's PDF, files it for the member's paid order, releases
    it and finds it by a word of the PDF, reads and downloads it; the member lists, reads and
    downloads it, and keeps a checkup record of their own (uploaded, described, listed, read and
    downloaded)."""
    desk, me = staff(life.tenant["id"], "service_desk"), member.token
    form = life.call("POST", "/v1/reports/uploads", as_=desk, body={"content_type": "application/pdf", "size": 2048})
    assert post_form(form["url"], form["fields"], pdf(["Carrier screening", "No variant detected"])) < 300
    report = {"file_key": form["key"], "member_id": member.user_id, "order_id": life.ids["paid_order"],
              "line_id": "G1", "test_name": "Carrier screening", "markers_summary": "No variant detected.",
              "findings": [{"marker": "CFTR", "result": "not detected"}]}  # fmt: skip
    filed = life.call("POST", "/v1/reports", as_=desk, body=report)
    life.call("POST", f"/v1/reports/{filed['id']}/release", as_=desk)
    life.call("GET", "/v1/reports?q=carrier", as_=desk)
    life.call("GET", "/v1/reports?limit=5", as_=desk)
    life.call("GET", f"/v1/reports/{filed['id']}", as_=desk)
    life.call("GET", f"/v1/reports/{filed['id']}/download", as_=desk)
    life.call("GET", "/v1/me/reports", as_=me)
    life.call("GET", f"/v1/me/reports/{filed['id']}", as_=me)
    life.call("GET", f"/v1/me/reports/{filed['id']}/download", as_=me)
    upload = life.call("POST", "/v1/me/records/uploads", as_=me, body={"content_type": "image/jpeg", "size": 1024})
    assert post_form(upload["url"], upload["fields"], b"\xff\xd8\xff a checkup photo", filename="x.jpg") < 300
    checkup = {"file_key": upload["key"], "category": "blood_test", "title": "Annual blood panel",
               "taken_on": "2026-11-20", "note": "Fasting"}  # fmt: skip
    made = life.call("POST", "/v1/me/records", as_=me, body=checkup)
    life.call("GET", "/v1/me/records?category=blood_test", as_=me)
    life.call("GET", f"/v1/me/records/{made['id']}", as_=me)
    life.call("GET", f"/v1/me/records/{made['id']}/download", as_=me)


def collection_points_and_appointments(life: Life, shop: builders.Shop, member: builders.Member) -> None:
    """Staff open a collection point, change it and list theirs; the member buys a gene test and pays
    (logistics learns it from `order.paid`), finds the point nearest to them and its slots, and books
    for the test: declined by the service desk, booked again and cancelled by the member, again and
    cancelled by staff, again and a no-show once it started, again and collected; then the point closes."""
    owner, me = life.owner, member.token
    desk = staff(life.tenant["id"], "service_desk", user_id="desk-1")
    every_day = [
        {"day": d, "opens": "00:00", "closes": "23:30"} for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    ]
    spec = {
        "name": "Life collection point",
        "address": {"line1": "1 Harbour Street", "city": "London", "postcode": "E1 1AA", "country": "GB"},
        "latitude": 51.5072, "longitude": -0.1276, "time_zone": "UTC", "opening_hours": every_day,
        "contact": {"phone": "+442000000000"}, "services": ["saliva_sample"], "slot_minutes": 30, "capacity": 2,
    }  # fmt: skip
    point = life.call("POST", "/v1/collection-points", as_=owner, body=spec)
    life.call("PUT", f"/v1/collection-points/{point['id']}", as_=owner, body={**spec, "capacity": 3})
    life.call("GET", "/v1/collection-points?limit=5", as_=owner)
    body = {"payment_method": "card", "lines": [shop.line("gene_test")], "address_id": life.ids["address"]}
    placed = life.call("POST", "/v1/orders", as_=me, body=body)
    builders.pay(life.api, owner, placed, stripe_support.sandbox(life.platform))
    test = eventually(lambda: life.call("GET", "/v1/me/gene-tests", as_=me), what="logistics never heard order.paid")[0]
    life.call("GET", "/v1/collection-points/nearby?latitude=51.5&longitude=-0.12&limit=3", as_=me)
    life.call("GET", f"/v1/collection-points/{point['id']}", as_=me)
    day = (clock.now() + timedelta(days=2)).date().isoformat()
    slot = life.call("GET", f"/v1/collection-points/{point['id']}/slots?date={day}", as_=me)["slots"][0]["starts_at"]
    booking = {"point_id": point["id"], "starts_at": slot, "order_id": test["order_id"], "line_no": test["line_no"]}

    def book(**fields: Any) -> str:
        return str(life.call("POST", "/v1/me/appointments", as_=me, body={**booking, **fields})["id"])

    life.call("POST", f"/v1/appointments/{book(note='first visit')}/decline", as_=desk, body={"reason": "nurse away"})
    life.call("POST", f"/v1/me/appointments/{book()}/cancel", as_=me, body={"reason": "I am travelling"})
    life.call("POST", f"/v1/appointments/{book()}/cancel", as_=desk, body={"reason": "point closing"})
    soon = (clock.now() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    missed = book(starts_at=soon.isoformat().replace("+00:00", "Z"))
    life.call("POST", f"/v1/appointments/{missed}/confirm", as_=desk)
    with clock.use_clock(clock.FixedClock(soon + timedelta(minutes=5))):
        life.call("POST", f"/v1/appointments/{missed}/no-show", as_=desk)
    kept = book()
    life.call("GET", "/v1/me/appointments?limit=5", as_=me)
    life.call("GET", f"/v1/me/appointments/{kept}", as_=me)
    life.call("GET", f"/v1/collection-points/{point['id']}/appointments", as_=desk)
    life.call("GET", f"/v1/appointments/{kept}", as_=desk)
    life.call("POST", f"/v1/appointments/{kept}/confirm", as_=desk)
    life.call("POST", f"/v1/appointments/{kept}/check-in", as_=desk)
    life.call("POST", f"/v1/appointments/{kept}/collected", as_=desk)
    life.call("POST", f"/v1/collection-points/{point['id']}/deactivate", as_=owner)


def kits_and_labs(life: Life, shop: builders.Shop, member: builders.Member) -> None:
    """The member buys and pays a gene test (logistics keeps its line from `order.paid`); the owner
        registers a lab with its API key and imports kits; staff dispatch one for the line (of two tests),
    and register a clinic's stock kit for the other; the member
        registers it, collects the sample, fixes their details and sends it back (the lab's endpoint,
        a loopback LIMS here, gets the signed manifest); the lab reports on it with its key; staff read
        the kit and the lab's manifest; the clinic's kit, damaged, is replaced by hand for a fee the
        service desk records."""
    from panacea.logistics.kit_items import GeneTestLineItem  # noqa: PLC0415
    from panacea.platform.access import Actor, Role  # noqa: PLC0415
    from tests.integration.logistics.kit_support import lims  # noqa: PLC0415

    me, owner, tenant_id = member.token, life.owner, life.tenant["id"]
    body = {"payment_method": "card", "lines": [shop.line("gene_test", 2)], "address_id": life.ids["address"]}
    placed = life.call("POST", "/v1/orders", as_=me, body=body)
    order_id = placed["order"]["id"]
    builders.pay(life.api, owner, placed, stripe_support.sandbox(life.platform))
    with acting_for(tenant_id):
        eventually(lambda: GeneTestLineItem.read(tenant_id, order_id, 1), what="the gene-test line kept")
    key = life.call("POST", f"/v1/tenants/{tenant_id}/api-keys", as_=PLATFORM_ADMIN,
                    body={"name": "LIMS", "roles": ["lab_operator"]})  # fmt: skip
    lab_key = Actor(f"apikey:{key['id']}", tenant_id, frozenset({Role.LAB_OPERATOR}), via="api_key").as_context()
    with lims() as (url, received):
        lab = life.call("POST", "/v1/labs", as_=owner, body={"name": "Harbour Lab", "api_key_id": key["id"],
                                                              "webhook_url": url})  # fmt: skip
        life.call("GET", "/v1/labs", as_=owner)
        stock = "barcode\nGT-LIFE-0001\nGT-LIFE-0002\nGT-LIFE-0003\n"
        life.call("POST", "/v1/kits/batches", as_=owner, body={"csv": stock})
        dispatch = {"order_id": order_id, "line_no": 1, "barcode": "GT-LIFE-0001", "lab_id": lab["id"],
                    "carrier": "Royal Mail", "tracking_number": "RM123456785GB"}  # fmt: skip
        life.call("POST", "/v1/kits/dispatches", as_=owner, body=dispatch)
        life.call("POST", "/v1/me/kits", as_=me, body={"barcode": "GT-LIFE-0001"})
        life.call("POST", "/v1/kits/GT-LIFE-0001/collection", as_=me, body={})
        life.call("PUT", "/v1/kits/GT-LIFE-0001/demographics", as_=me,
                  body={"full_name": "Li Wei", "birth_date": "1985-04-12", "sex": "female"})  # fmt: skip
        life.call("POST", "/v1/kits/GT-LIFE-0001/return", as_=me,
                  body={"carrier": "Royal Mail", "tracking_number": "RM987654321GB"})  # fmt: skip
        eventually(lambda: received, what="the lab's manifest webhook")
    life.call("GET", f"/v1/labs/{lab['id']}/manifest", as_=owner)
    raw = json.dumps({"event_id": "life-1", "type": "received", "barcode": "GT-LIFE-0001"}).encode()
    signed = {"X-Content-SHA256": hashlib.sha256(raw).hexdigest(), "Content-Type": "application/json"}
    life.call("POST", "/v1/lab/events", as_=lab_key, raw_body=raw, headers=signed)  # as the authorizer verified it
    life.call("GET", "/v1/me/kits", as_=me)
    life.call("GET", "/v1/kits/GT-LIFE-0001", as_=owner)
    clinic = {"member_id": member.user_id, "order_id": order_id, "line_no": 1, "lab_id": lab["id"]}
    life.call("POST", "/v1/kits/GT-LIFE-0002/registration", as_=owner, body=clinic)  # the line's second test
    # the clinic's kit was damaged: replaced by hand, for a fee under the tenant's policy, which the desk takes
    life.call("PATCH", "/v1/tenant/settings", as_=owner, body={"logistics": {"replacements": {"free": False}}})
    life.call("POST", "/v1/kits/GT-LIFE-0002/replacement", as_=owner, body={"reason": "damaged"})
    life.call("POST", "/v1/kits/GT-LIFE-0003/replacement-fee", as_=owner, body={"reference": "DESK-LIFE-1"})
    life.ids["kit"], life.ids["lab"] = "GT-LIFE-0001", lab["id"]
