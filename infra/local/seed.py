"""The demo: a platform admin, and a gene-testing tenant onboarded through the real API and
workflow, whose owner accepted the invitation onboarding emailed them, so a newcomer can sign in
as either through the API; its shop (a gene test, a device and a TCM consultation on sale, in
stock, and a welcome coupon) and a member who registered through the API, so a newcomer can
browse, check out and pay at once. The member is a distributor: a friend registered with her code
and bought the monitor, so her team and her commission have something to show. Its sample
logistics and gene reports (`seed_logistics.py`): two collection points, a partner lab with its API
key, kits in stock, the member's gene test with a kit on its way to her and an earlier one whose
report was released. Its notifications (`seed_engagement.py`): the member's settings (Urdu, WhatsApp
first, quiet hours), her channels and consent, an audience, a template of the tenant's own in two
versions, and a message on every channel (SMS by both providers), in the outbox from the start.
Its subscription to Panacea (`seed_billing.py`): Professional, checked out through the local Stripe,
in its trial.

The tenant, the owner's invitation, the shop and the member are built over HTTP by the builders
the tests use (`tests.support.builders`: importable here because `make dev` runs from the
repository's root, and free of pytest), and everyone signs in over HTTP (the platform admin at
`/v1/auth/platform/sign-in`). Only what the API does not offer is done here with Cognito's admin
calls: creating the platform admin, as an operator does once after a deploy.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3

from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from infra.local.seed_billing import open_billing
from infra.local.seed_engagement import open_engagement
from infra.local.seed_logistics import open_logistics
from tests.support import builders
from tests.support.builders import Goods
from tests.support.transport import Http

PLATFORM_ADMIN = {
    "username": "platform-admin",
    "email": "admin@panacea.local",
    "password": "Panacea-Admin-2026!",
}
DEMO_TENANT: dict[str, Any] = {
    "name": "Harbour Gene Clinic",
    "slug": "harbour-gene",
    "kind": "gene_testing",
    "currency": "GBP",
    "locale": "en-GB",
    "jurisdiction": "GB",
    "tier": "professional",
    "first_admin": {"email": "owner@harbour-gene.example", "name": "Ada Owner"},
}
OWNER_PASSWORD = "Panacea-Owner-2026!"  # noqa: S105 - a local demo login, printed on purpose
DEMO_MEMBER = {"email": "mei@harbour-gene.example", "password": "Panacea-Member-2026!", "name": "Mei Chen"}
DEMO_COUPON = "WELCOME10"
DEMO_STOCK = 100
DEMO_GOODS = (  # each with one SKU priced in pence
    Goods("gene_test", "Cardio Gene Panel", 29900, code="GENE-CARDIO", specs={"panel": "cardio", "sample": "saliva"}),
    Goods("device", "Home Blood Pressure Monitor", 8900, code="DEV-BPM", specs={"cuff": "22-42 cm"}),
    Goods("service", "TCM Constitution Consultation", 4500, code="SVC-TCM", specs={"minutes": "30"}),
)


def cognito(platform: LocalPlatform) -> Any:
    return boto3.session.Session().client("cognito-idp", endpoint_url=platform.aws_url, region_name=REGION)


def create_platform_admin(platform: LocalPlatform, username: str, email: str, password: str) -> None:
    """A platform admin as an operator makes one after a deploy (the README's three Cognito calls):
    no message, a permanent password, the platform_admin group. They then sign in through the API."""
    assert platform.resources
    pool, idp = platform.resources.user_pool_id, cognito(platform)
    idp.admin_create_user(
        UserPoolId=pool,
        Username=username,
        UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
        MessageAction="SUPPRESS",
    )
    idp.admin_set_user_password(UserPoolId=pool, Username=username, Password=password, Permanent=True)
    idp.admin_add_user_to_group(UserPoolId=pool, Username=username, GroupName="platform_admin")


def owner_username(platform: LocalPlatform, tenant_id: str, email: str) -> str:
    """The Cognito username (the user id) of the person of `tenant_id` with this email."""
    assert platform.resources
    users = cognito(platform).list_users(UserPoolId=platform.resources.user_pool_id, Filter=f'email = "{email}"')
    for user in users["Users"]:
        attributes = {a["Name"]: a["Value"] for a in user["Attributes"]}
        if attributes.get("custom:tenant_id") == tenant_id:
            return str(user["Username"])
    raise LookupError(f"no user {email} at tenant {tenant_id}")


DEMO_ORIGIN = "https://shop.harbour-gene.example"


def seed(platform: LocalPlatform, state_dir: Path) -> dict[str, Any]:
    assert platform.resources
    api = Http(platform.api_url)
    create_platform_admin(platform, **PLATFORM_ADMIN)
    admin = builders.platform_signed_in(api, PLATFORM_ADMIN["username"], PLATFORM_ADMIN["password"])["id_token"]
    tenant = builders.tenant(api, as_=admin, key="demo-tenant", timeout_s=60, **DEMO_TENANT)
    owner_email = DEMO_TENANT["first_admin"]["email"]
    owner = builders.invitation_accepted(api, tenant["slug"], owner_email, OWNER_PASSWORD)
    owner_token = builders.signed_in(api, tenant["slug"], owner_email, OWNER_PASSWORD)["id_token"]
    # Its own web shop may call the API from the browser (CORS); its days are London's (the default of GB)
    web = {"allowed_origins": [DEMO_ORIGIN]}
    builders.ok(api.request("PATCH", "/v1/tenant/settings", as_=owner_token, body=web), 200)
    shop = open_shop(api, tenant, owner_token)
    member, member_id = register_member(api, tenant["slug"])
    sandbox = builders.SandboxOverHttp(platform.stripe.url if platform.stripe else "")
    code, friend_id = appoint_distributor(api, owner_token, tenant["slug"], member_id, shop=shop, sandbox=sandbox)
    member_token = builders.signed_in(api, tenant["slug"], member["email"], member["password"])["id_token"]
    logistics = open_logistics(
        api, admin=admin, owner=owner_token, tenant_id=tenant["id"], member=member_token, shop=shop, sandbox=sandbox
    )
    engagement = open_engagement(
        api, owner=owner_token, member=member_token, member_id=member_id, friend_id=friend_id,
        tenant_id=tenant["id"], sandbox=platform.messaging,
    )  # fmt: skip
    billing = open_billing(api, owner=owner_token, sandbox=sandbox)
    demo = {
        "api": platform.api_url,
        "docs": f"{platform.api_url}/docs",
        "openapi": f"{platform.api_url}/openapi.json",
        "aws_endpoint": platform.aws_url,
        "stripe_sandbox": platform.stripe.url if platform.stripe else None,
        "messaging_sandbox": platform.messaging.url if platform.messaging else None,
        "outbox": f"{platform.api_url}/_local/outbox",
        "region": REGION,
        "user_pool_id": platform.resources.user_pool_id,
        "user_pool_client_id": platform.resources.user_pool_client_id,
        "table": platform.resources.table,
        "event_bus": platform.resources.bus,
        "platform_admin": {"username": PLATFORM_ADMIN["username"], "password": PLATFORM_ADMIN["password"]},
        "demo_tenant": {
            "id": tenant["id"],
            "slug": tenant["slug"],
            "status": tenant["status"],
            "owner": {"username": owner, "email": owner_email, "password": OWNER_PASSWORD},
            "member": member,
            "distributor": {"member_id": member_id, "referral_code": code},
            "shop": shop,
            "web_origin": DEMO_ORIGIN,
            "logistics": logistics,
            "engagement": engagement,
            "billing": billing,
        },
    }
    state_dir.mkdir(parents=True, exist_ok=True)
    (state_dir / "demo.json").write_text(json.dumps(demo, indent=2) + "\n")
    return demo


def open_shop(api: Http, tenant: dict[str, Any], owner_token: str) -> dict[str, Any]:
    """The demo tenant's products on sale from its own store, in stock, and a 10% welcome coupon."""
    shop = builders.shop(
        api,
        tenant,
        owner_token,
        goods=DEMO_GOODS,
        stock=DEMO_STOCK,
        coupon_code=DEMO_COUPON,
        name="Welcome: 10% off",
        per_member_limit=1,
    )
    products = [
        {"name": goods.name, "kind": kind, "product_id": shop.products[kind], "sku_id": shop.skus[kind]}
        for kind, goods in shop.goods.items()
    ]
    return {"products": products, "coupon": DEMO_COUPON}


def register_member(api: Http, slug: str) -> tuple[dict[str, str], str]:
    """A member who registered by email in the tenant's app and confirmed the emailed code; their
    sign-in, and their id."""
    email, password = DEMO_MEMBER["email"], DEMO_MEMBER["password"]
    user_id = builders.registered_member(api, slug, email, password, individual={"real_name": DEMO_MEMBER["name"]})
    return {"email": email, "password": password}, user_id


def appoint_distributor(
    api: Http, owner_token: str, slug: str, member_id: str, *, shop: dict[str, Any], sandbox: builders.Sandbox
) -> tuple[str, str]:
    """The owner appoints the demo member a distributor, and a friend registers with her referral
    code (bound to her, on her team), orders the monitor and pays: her pending commission (8%)
    freezes when the order completes. Her referral code, and her friend's id."""
    code = str(builders.distributor(api, owner_token, member_id)["referral_code"])
    friend = builders.member(api, slug, email="li@harbour-gene.example", referral_code=code)
    device = next(p["sku_id"] for p in shop["products"] if p["kind"] == "device")
    address = builders.address(api, friend.token)
    lines = [{"sku_id": device, "quantity": 1}]
    placed = builders.ok(builders.checkout(api, friend.token, lines, address_id=address, referral_code=code), 201)
    builders.pay(api, owner_token, placed, sandbox)
    return code, friend.user_id
