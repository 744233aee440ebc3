"""The demo: a platform admin, and a gene-testing tenant onboarded through the real API and
workflow, with its owner's password set so a newcomer can sign in as either; its shop (a gene
test, a device and a TCM consultation on sale, in stock, and a welcome coupon) and a member who
registered through the API, so a newcomer can browse, check out and pay at once."""

from __future__ import annotations

import json
import re
import time
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path
from typing import Any

import boto3

from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from panacea.platform import clock

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
DEMO_PRODUCTS: tuple[dict[str, Any], ...] = (  # each with one SKU priced in pence
    {"name": "Cardio Gene Panel", "kind": "gene_test", "code": "GENE-CARDIO", "price": 29900,
     "specs": {"panel": "cardio", "sample": "saliva"}},
    {"name": "Home Blood Pressure Monitor", "kind": "device", "code": "DEV-BPM", "price": 8900,
     "specs": {"cuff": "22-42 cm"}},
    {"name": "TCM Constitution Consultation", "kind": "service", "code": "SVC-TCM", "price": 4500,
     "specs": {"minutes": "30"}},
)  # fmt: skip


def cognito(platform: LocalPlatform) -> Any:
    return boto3.session.Session().client("cognito-idp", endpoint_url=platform.aws_url, region_name=REGION)


def sign_in(platform: LocalPlatform, username: str, password: str) -> str:
    """An ID token for the user, as the app gets one from Cognito (USER_PASSWORD_AUTH)."""
    assert platform.resources
    answer = cognito(platform).initiate_auth(
        ClientId=platform.resources.user_pool_client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password},
    )
    return str(answer["AuthenticationResult"]["IdToken"])


def create_platform_admin(platform: LocalPlatform, username: str, email: str, password: str) -> None:
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


def call(platform: LocalPlatform, method: str, path: str, token: str | None, body: Any = None, **headers: str) -> Any:
    """The local gateway's answer (JSON) to a request; `token` None: an unauthenticated call."""
    request = urllib.request.Request(  # noqa: S310 - the local gateway
        platform.api_url + path,
        data=None if body is None else json.dumps(body).encode(),
        method=method,
        headers={
            **({"Authorization": f"Bearer {token}"} if token else {}),
            "Content-Type": "application/json",
            **headers,
        },
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310
        return json.loads(response.read())


def wait_until_onboarded(platform: LocalPlatform, tenant_id: str, token: str, timeout_s: float = 60) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        tenant = call(platform, "GET", f"/v1/tenants/{tenant_id}", token)
        if tenant["status"] != "onboarding":
            return tenant
        time.sleep(0.2)
    raise TimeoutError(f"tenant {tenant_id} still onboarding after {timeout_s}s")


def owner_username(platform: LocalPlatform, tenant_id: str, email: str) -> str:
    assert platform.resources
    users = cognito(platform).list_users(UserPoolId=platform.resources.user_pool_id, Filter=f'email = "{email}"')
    for user in users["Users"]:
        attributes = {a["Name"]: a["Value"] for a in user["Attributes"]}
        if attributes.get("custom:tenant_id") == tenant_id:
            return str(user["Username"])
    raise LookupError(f"no user {email} at tenant {tenant_id}")


def seed(platform: LocalPlatform, state_dir: Path) -> dict[str, Any]:
    assert platform.resources
    create_platform_admin(platform, **PLATFORM_ADMIN)
    token = sign_in(platform, PLATFORM_ADMIN["username"], PLATFORM_ADMIN["password"])
    tenant = call(platform, "POST", "/v1/tenants", token, DEMO_TENANT, **{"Idempotency-Key": "demo-tenant"})
    tenant = wait_until_onboarded(platform, tenant["id"], token)
    owner = owner_username(platform, tenant["id"], DEMO_TENANT["first_admin"]["email"])
    cognito(platform).admin_set_user_password(
        UserPoolId=platform.resources.user_pool_id, Username=owner, Password=OWNER_PASSWORD, Permanent=True
    )
    shop = open_shop(platform, tenant["id"], sign_in(platform, owner, OWNER_PASSWORD))
    member = register_member(platform, tenant["slug"])
    demo = {
        "api": platform.api_url,
        "docs": f"{platform.api_url}/docs",
        "openapi": f"{platform.api_url}/openapi.json",
        "aws_endpoint": platform.aws_url,
        "stripe_sandbox": platform.stripe.url if platform.stripe else None,
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
            "owner": {
                "username": owner,
                "email": DEMO_TENANT["first_admin"]["email"],
                "password": OWNER_PASSWORD,
            },
            "member": member,
            "shop": shop,
        },
    }
    state_dir.mkdir(parents=True, exist_ok=True)
    (state_dir / "demo.json").write_text(json.dumps(demo, indent=2) + "\n")
    return demo


def coupon(code: str, *, percentage_bps: int, currency: str = "GBP", **terms: Any) -> dict[str, Any]:
    """The body of `POST /v1/promotions` for a coupon taking `percentage_bps` off the whole order,
    valid from a minute ago (`terms`: any other field, e.g. usage_limit or per_member_limit)."""
    return {
        "name": f"{percentage_bps / 100:g}% off",
        "currency": currency,
        "method": "code",
        "code": code,
        "offer": {"kind": "percentage_off", "percentage_bps": percentage_bps, "scope": "order"},
        "starts_at": (clock.now() - timedelta(minutes=1)).isoformat(),
        **terms,
    }


def open_shop(platform: LocalPlatform, tenant_id: str, owner_token: str) -> dict[str, Any]:
    """The demo tenant's products on sale from its own store, in stock, and a 10% welcome coupon."""
    products = []
    for spec in DEMO_PRODUCTS:
        product = call(
            platform, "POST", "/v1/catalog/products", owner_token, {"name": spec["name"], "kind": spec["kind"]}
        )
        sku = call(
            platform,
            "POST",
            f"/v1/catalog/products/{product['id']}/skus",
            owner_token,
            {"code": spec["code"], "specs": spec["specs"], "prices": [{"amount": spec["price"], "currency": "GBP"}]},
        )
        call(platform, "POST", f"/v1/catalog/products/{product['id']}/publish", owner_token)
        count = {"available": DEMO_STOCK, "reason": "opening stock"}
        call(platform, "PUT", f"/v1/catalog/skus/{sku['id']}/stock/{tenant_id}", owner_token, count)
        products.append({"name": spec["name"], "kind": spec["kind"], "product_id": product["id"], "sku_id": sku["id"]})
    welcome = coupon(DEMO_COUPON, percentage_bps=1000, name="Welcome: 10% off", per_member_limit=1)
    promotion = call(platform, "POST", "/v1/promotions", owner_token, welcome)
    call(platform, "POST", f"/v1/promotions/{promotion['id']}/activate", owner_token)
    return {"products": products, "coupon": DEMO_COUPON}


def register_member(platform: LocalPlatform, slug: str) -> dict[str, str]:
    """A member who registered by email in the tenant's app and confirmed the emailed code."""
    email, password = DEMO_MEMBER["email"], DEMO_MEMBER["password"]
    registration = {
        "tenant": slug,
        "kind": "individual",
        "email": email,
        "password": password,
        "individual": {"real_name": DEMO_MEMBER["name"]},
    }
    call(platform, "POST", "/v1/auth/register", None, registration)
    sent = call(platform, "GET", f"/_local/outbox?to={urllib.parse.quote(email)}", None)["messages"]
    code = re.search(r"\b(\d{6})\b", sent[-1]["text"]) if sent else None
    if code is None:
        raise RuntimeError(f"no confirmation code was sent to {email}")
    call(platform, "POST", "/v1/auth/register/confirm", None, {"tenant": slug, "email": email, "code": code.group(1)})
    return {"email": email, "password": password}
