"""`make dev`'s platform, driven over HTTP as a client would."""

from __future__ import annotations

import uuid

import pytest

from tests.e2e.conftest import Client, add_address, code_in, member_token, pay, product_on_sale, until
from tests.support.builders import eventually, onboarded

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def admin_token(client: Client) -> str:
    return client.token(client.demo["platform_admin"]["username"], client.demo["platform_admin"]["password"])


def _tenant(**overrides):
    stamp = uuid.uuid4().hex[:10]
    body = {
        "name": f"Elm Surgery {stamp}",
        "slug": f"elm-{stamp}",
        "kind": "gp_practice",
        "currency": "GBP",
        "locale": "en-GB",
        "jurisdiction": "GB",
        "tier": "professional",
        "first_admin": {"email": f"practice-{stamp}@example.com", "name": "Dr Elm"},
    }
    return body | overrides


def test_the_platform_says_it_is_up_and_describes_itself(client: Client):
    assert client.request("GET", "/health")[0] == 200
    status, headers, document = client.request("GET", "/openapi.json")
    assert status == 200
    assert "/v1/tenants" in document["paths"]
    status, headers, _ = client.request("GET", "/docs")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")


def test_the_demo_tenant_is_onboarded(client: Client, admin_token: str):
    demo = client.demo["demo_tenant"]
    status, _, tenant = client.request("GET", f"/v1/tenants/{demo['id']}", token=admin_token)
    assert status == 200
    assert tenant["status"] == "active"
    assert tenant["settings"]["distribution"]["level_rates_bps"] == [800, 400]


def test_a_platform_admin_creates_lists_and_reads_a_tenant(client: Client, admin_token: str):
    # When a platform admin creates a practice
    status, headers, created = client.request("POST", "/v1/tenants", token=admin_token, body=_tenant())
    # Then it is there to read, and in the list
    assert status == 201
    status, _, read = client.request("GET", headers["Location"], token=admin_token)
    assert (status, read["id"]) == (200, created["id"])
    status, _, page = client.request("GET", "/v1/tenants?limit=100", token=admin_token)
    assert created["id"] in [t["id"] for t in page["items"]]
    # And the workflow onboards it
    read = onboarded(client.http, created["id"], as_=admin_token, timeout_s=30)
    assert read["status"] == "active"


def test_no_token_is_401_problem_json(client: Client):
    status, headers, problem = client.request("GET", "/v1/tenants")
    assert status == 401
    assert headers["Content-Type"] == "application/problem+json"
    assert problem["status"] == 401


def test_a_forged_token_is_401(client: Client, admin_token: str):
    header, payload, _ = admin_token.split(".")
    assert client.request("GET", "/v1/tenants", token=f"{header}.{payload}.forged")[0] == 401


def test_a_tenant_admin_is_403_on_platform_routes(client: Client, owner_token: str):
    status, headers, problem = client.request("GET", "/v1/tenants", token=owner_token)
    assert status == 403
    assert headers["Content-Type"] == "application/problem+json"
    assert problem["type"] == "/errors/forbidden"
    # while their own tenant is theirs to read
    status, _, mine = client.request("GET", "/v1/tenant", token=owner_token)
    assert (status, mine["id"]) == (200, client.demo["demo_tenant"]["id"])


def test_a_bad_body_is_422_problem_json_naming_the_fields(client: Client, admin_token: str):
    status, headers, problem = client.request(
        "POST", "/v1/tenants", token=admin_token, body=_tenant(slug="No Spaces", currency="XXX1")
    )
    assert status == 422
    assert headers["Content-Type"] == "application/problem+json"
    assert {e["field"] for e in problem["errors"]} == {"slug", "currency"}


def test_an_idempotency_key_retry_creates_nothing_twice(client: Client, admin_token: str):
    body, key = _tenant(), {"Idempotency-Key": f"e2e-{uuid.uuid4()}"}
    first = client.request("POST", "/v1/tenants", token=admin_token, body=body, headers=key)
    retry = client.request("POST", "/v1/tenants", token=admin_token, body=body, headers=key)
    assert (first[0], retry[0]) == (201, 201)
    assert retry[2]["id"] == first[2]["id"]
    _, _, page = client.request("GET", "/v1/tenants?limit=100", token=admin_token)
    assert [t["slug"] for t in page["items"]].count(body["slug"]) == 1


def test_a_member_registers_signs_in_and_looks_after_their_account(client: Client, runtime):
    # Given a visitor of the demo tenant's app
    slug, email = client.demo["demo_tenant"]["slug"], f"mei-{uuid.uuid4().hex[:8]}@example.com"
    password = "Harbour-Gene-2026!"
    # When they register by email
    status, _, sent = client.request(
        "POST",
        "/v1/auth/register",
        body={"tenant": slug, "kind": "individual", "email": email, "password": password},
    )
    assert (status, sent["channel"]) == (202, "email")
    # Then the code is in the local outbox (and on a line of the dev log)
    _, _, outbox = client.request("GET", f"/_local/outbox?to={email}")
    code = code_in(outbox["messages"][-1]["text"])
    # When they confirm it and sign in
    status, _, _ = client.request(
        "POST", "/v1/auth/register/confirm", body={"tenant": slug, "email": email, "code": code}
    )
    assert status == 200
    status, _, session = client.request(
        "POST", "/v1/auth/sign-in", body={"tenant": slug, "email": email, "password": password}
    )
    assert status == 200
    token = session["id_token"]
    # Then they read and edit their profile
    status, _, me = client.request("GET", "/v1/me", token=token)
    assert (status, me["email"], me["tenant_id"]) == (200, email, client.demo["demo_tenant"]["id"])
    status, _, me = client.request(
        "PATCH", "/v1/me", token=token, body={"individual": {"real_name": "Mei Chen", "occupation": "teacher"}}
    )
    assert (status, me["individual"]["real_name"]) == (200, "Mei Chen")
    # And add an address, which becomes their default
    status, headers, address = client.request(
        "POST",
        "/v1/me/addresses",
        token=token,
        body={
            "recipient": "Mei Chen",
            "phone": "07400 123456",
            "line1": "12 Harbour Street",
            "city": "Bristol",
            "postcode": "BS1 4RN",
            "country": "GB",
        },
    )
    assert (status, address["default"], address["phone"]) == (201, True, "+447400123456")
    assert headers["Location"] == f"/v1/me/addresses/{address['id']}"
    status, _, page = client.request("GET", "/v1/me/addresses", token=token)
    assert [a["id"] for a in page["items"]] == [address["id"]]
    # And the dev log printed the code's email (the outbox printer looks every half second)
    eventually(lambda: f"email to {email}" in runtime.log_path.read_text(), timeout_s=15, what="no email in the log")


def test_a_member_buys_a_device_pays_with_stripe_and_receives_it(client: Client, owner_token: str):
    # Given a device on sale in the demo tenant's shop
    sku = product_on_sale(client, owner_token, "device", "BP monitor", price=8900, stock=3)
    # And a member with an address
    member = member_token(client)
    address = add_address(client, member)
    # When they buy it (the app retries the checkout once, with the same Idempotency-Key)
    body = {"lines": [{"sku_id": sku, "quantity": 1}], "address_id": address, "payment_method": "card"}
    key = {"Idempotency-Key": f"e2e-{uuid.uuid4()}"}
    status, headers, placed = client.request("POST", "/v1/orders", token=member, body=body, headers=key)
    retried = client.request("POST", "/v1/orders", token=member, body=body, headers=key)[2]
    assert status == 201, placed
    assert retried["order"]["id"] == placed["order"]["id"]
    assert placed["client_secret"]
    # And pay it in Stripe (the sandbox confirms the intent and sends its signed webhook)
    pay(client, owner_token, placed)
    # Then the order is paid and being fulfilled
    path = headers["Location"]
    until(client, path, member, "fulfilling")
    # When the shop ships it and the member says it arrived
    shipment = {"carrier": "Royal Mail", "tracking_number": "RM123456785GB"}
    status, _, shipped = client.request("POST", f"{path}/shipments", token=owner_token, body=shipment)
    assert (status, shipped["state"]) == (200, "shipped"), shipped
    assert client.request("POST", f"{path}/receipt", token=member, body={})[0] == 200
    # Then the order completes, and its member sees it so
    done = until(client, path, member, "completed")
    assert [t["to_state"] for t in done["history"]] == ["pending_payment", "paid", "fulfilling", "shipped", "completed"]
    status, _, mine = client.request("GET", "/v1/me/orders?state=completed", token=member)
    assert [o["id"] for o in mine["items"]] == [done["id"]]


def test_the_outbox_shows_every_channels_messages_from_the_start(client: Client):
    # Given the platform as `make dev` starts it, its demo seeded
    engagement = client.demo["demo_tenant"]["engagement"]
    # When a developer reads the local outbox
    status, _, outbox = client.request("GET", "/_local/outbox")
    # Then it holds messages on every channel, SMS by both providers
    assert status == 200
    sent = {(m["channel"], m["provider"]) for m in outbox["messages"]}
    expected = {("sms", "twilio"), ("sms", "sns_sms"), ("whatsapp", "whatsapp"), ("email", "ses"),
                ("wechat", "wechat"), ("push", "sns_push")}  # fmt: skip
    assert expected <= sent, sent
    # And demo.json names the messaging sandbox and the seeded messages, each of which went
    assert client.demo["messaging_sandbox"].startswith("http://")
    assert {(m["channel"], m["provider"]) for m in engagement["messages"]} == expected
    assert all(m["status"] not in ("queued", "waiting", "failed") for m in engagement["messages"])
