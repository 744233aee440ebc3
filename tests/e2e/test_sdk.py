"""The SDKs against `make dev`'s platform: a member's journey through the Python SDK (register,
confirm with the emailed code, sign in, add an address, check out, pay in the Stripe sandbox, see
the order paid), and a partner's signed call through each SDK (the
TypeScript one compiled by tsc and run by node)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from panacea_api_client.api.catalog import create_tag
from panacea_api_client.api.identity import add_address, confirm_registration, register
from panacea_api_client.api.orders import get_order, my_orders, place
from panacea_api_client.api.tenancy import issue_api_key, own_tenant
from panacea_api_client.models import Checkout, Confirmation, NewAddress, NewApiKey, NewTag, Registration
from panacea_sdk import Conflict, Panacea, PartnerKey, Tokens, ValidationFailed
from tests.e2e.conftest import Client
from tests.support.builders import ADDRESS, SandboxOverHttp, code_sent_to, eventually

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
TYPESCRIPT = ROOT / "sdk" / "typescript"
PASSWORD = "Harbour-Gene-2026!"


@pytest.fixture(scope="module")
def partner_key(client: Client) -> PartnerKey:
    """A fresh API key of the demo tenant, issued through the SDK by the platform admin."""
    admin = client.demo["platform_admin"]
    token = client.token(admin["username"], admin["password"])
    with Panacea(client.api, tokens=Tokens(token, None, expires_at=time.time() + 600)) as platform:
        body = NewApiKey.from_dict({"name": f"sdk-e2e-{uuid.uuid4().hex[:6]}", "roles": ["admin"]})
        issued = platform.call(issue_api_key.sync, tenant_id=client.demo["demo_tenant"]["id"], body=body)
    return PartnerKey(prefix=issued.prefix, secret=issued.secret)


def test_a_member_registers_signs_in_checks_out_and_pays_through_the_python_sdk(client: Client):
    demo = client.demo["demo_tenant"]
    slug, email = demo["slug"], f"sdk-{uuid.uuid4().hex[:8]}@example.com"
    gene_test = next(p for p in demo["shop"]["products"] if p["kind"] == "gene_test")
    api = Panacea(client.api)
    # Given a person who registers at the demo tenant and confirms with the code they were emailed
    registration = {"tenant": slug, "kind": "individual", "email": email, "password": PASSWORD}
    api.call(register.sync, body=Registration.from_dict(registration))
    code = code_sent_to(client.http, email)
    api.call(confirm_registration.sync, body=Confirmation.from_dict({"tenant": slug, "email": email, "code": code}))
    # When they sign in, add an address and check out the gene test with the welcome coupon
    tokens = api.sign_in(tenant=slug, email=email, password=PASSWORD)
    address = api.call(add_address.sync, body=NewAddress.from_dict(ADDRESS))
    checkout = {
        "lines": [{"sku_id": gene_test["sku_id"], "quantity": 1}],
        "address_id": address.id,
        "payment_method": "card",
        "coupon_code": demo["shop"]["coupon"],
    }
    placed = api.call(place.sync, body=Checkout.from_dict(checkout))
    # Then the order is theirs and waits for payment, with a Stripe client secret for the app to pay with
    order = placed.order
    assert (tokens.tenant_id, order.member_id, order.state.value) == (demo["id"], tokens.user_id, "pending_payment")
    assert isinstance(placed.client_secret, str)
    assert order.discount.amount > 0
    assert order.total.amount == order.subtotal.amount - order.discount.amount
    # And a bad checkout is a typed problem naming its field
    with pytest.raises(ValidationFailed) as invalid:
        api.call(place.sync, body=Checkout.from_dict({**checkout, "lines": [{"sku_id": "nope", "quantity": 0}]}))
    assert any(field.startswith("lines[0]") for field in invalid.value.fields), invalid.value.fields
    # When they pay in the Stripe sandbox (Stripe.js confirms the PaymentIntent the secret belongs to)
    SandboxOverHttp(client.demo["stripe_sandbox"]).succeed(placed.client_secret.split("_secret_")[0])

    # Then the order is paid and being fulfilled, and it heads their orders, read page by page
    def paid() -> Any:
        now = api.call(get_order.sync, order_id=order.id)
        return now if now.state.value == "fulfilling" else None

    done = eventually(paid, timeout_s=30, every_s=0.3, what=f"order {order.id} was never paid")
    assert done.payment.status == "succeeded"
    assert [o.id for o in api.pages(my_orders.sync, limit=1)] == [order.id]


def test_a_partner_call_signed_through_the_python_sdk(client: Client, partner_key: PartnerKey):
    # Given the demo tenant's partner system with its API key
    partner = Panacea(client.api, key=partner_key)
    # When it reads its tenant and adds a tag (a signed body)
    tenant = partner.call(own_tenant.sync)
    name = f"sdk-{uuid.uuid4().hex[:6]}"
    tag = partner.call(create_tag.sync, body=NewTag(name=name))
    # Then both were accepted as the tenant's, and a second tag of that name is a typed conflict
    assert (tenant.id, tag.name) == (client.demo["demo_tenant"]["id"], name)
    with pytest.raises(Conflict):
        partner.call(create_tag.sync, body=NewTag(name=name))


def test_a_partner_call_signed_through_the_typescript_sdk(
    client: Client, partner_key: PartnerKey, tmp_path_factory: pytest.TempPathFactory
):
    # Given the TypeScript SDK and its partner example, compiled by tsc
    out = tmp_path_factory.mktemp("typescript")
    tsc = TYPESCRIPT / "node_modules" / ".bin" / "tsc"
    compiled = subprocess.run(
        [str(tsc), "-p", str(TYPESCRIPT), "--outDir", str(out)], capture_output=True, text=True, check=False
    )
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    (out / "package.json").write_text('{"type": "module"}')  # ES modules, as sdk/typescript/package.json says
    (out / "node_modules").symlink_to(TYPESCRIPT / "node_modules")  # where node finds openapi-fetch
    # When node runs it with the demo tenant's key
    environment = os.environ | {
        "PANACEA_API": client.api,
        "PANACEA_KEY_PREFIX": partner_key.prefix,
        "PANACEA_KEY_SECRET": partner_key.secret,
    }
    ran = subprocess.run(
        [str(shutil.which("node")), str(out / "examples" / "partner.js")],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    # Then its signed request was accepted as the tenant's
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["id"] == client.demo["demo_tenant"]["id"]
