"""Commerce on `make dev`'s platform, over HTTP as a client would, with payments made in the Stripe
sandbox and its webhooks arriving signed as Stripe signs them: a member buys a gene test and a
device with a coupon and pays; the device ships and is received; part of the order is refunded;
an unpaid order expires and its stock returns; finance exports the day to Excel."""

from __future__ import annotations

import io
import time
import urllib.request
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook

from infra.local.seed import coupon
from tests.e2e.conftest import TOKEN_TIMEOUT_SCALE, Client, member_token, until

pytestmark = pytest.mark.slow

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GENE_TEST, DEVICE = 29900, 8900  # pence


def _ok(answer: tuple[int, dict[str, str], Any], *statuses: int) -> Any:
    status, _, body = answer
    assert status in (statuses or (200, 201)), body
    return body


def _product(client: Client, owner: str, kind: str, name: str, *, price: int, stock: int) -> str:
    """A published product of `kind` with one SKU priced in GBP and `stock` in the tenant's store; the SKU."""
    product = _ok(client.request("POST", "/v1/catalog/products", token=owner, body={"name": name, "kind": kind}))
    code = f"{kind.upper().replace('_', '-')}-{uuid.uuid4().hex[:6]}"
    sku = _ok(
        client.request(
            "POST",
            f"/v1/catalog/products/{product['id']}/skus",
            token=owner,
            body={"code": code, "prices": [{"amount": price, "currency": "GBP"}]},
        )
    )
    _ok(client.request("POST", f"/v1/catalog/products/{product['id']}/publish", token=owner))
    store = client.demo["demo_tenant"]["id"]
    count = {"available": stock, "reason": "delivery"}
    _ok(client.request("PUT", f"/v1/catalog/skus/{sku['id']}/stock/{store}", token=owner, body=count))
    return str(sku["id"])


def _stock(client: Client, owner: str, sku: str) -> dict[str, Any]:
    levels = _ok(client.request("GET", f"/v1/catalog/skus/{sku}/stock", token=owner))["items"]
    (level,) = [s for s in levels if s["store_id"] == client.demo["demo_tenant"]["id"]]
    return dict(level)


def _coupon(client: Client, owner: str) -> str:
    """An active 10%-off coupon of the demo tenant; its code."""
    code = f"TEN{uuid.uuid4().hex[:8].upper()}"
    promotion = _ok(client.request("POST", "/v1/promotions", token=owner, body=coupon(code, percentage_bps=1000)))
    _ok(client.request("POST", f"/v1/promotions/{promotion['id']}/activate", token=owner))
    return code


def _address(client: Client, member: str) -> str:
    body = {"recipient": "Mei Chen", "phone": "07400 123456", "line1": "1 Quay", "city": "Bristol", "country": "GB"}
    return str(_ok(client.request("POST", "/v1/me/addresses", token=member, body=body))["id"])


def _pay(client: Client, owner: str, placed: dict[str, Any]) -> None:
    """The member pays the order's PaymentIntent in the Stripe sandbox, which then sends its webhooks."""
    payment = _ok(client.request("GET", f"/v1/payments/{placed['order']['payment']['payment_id']}", token=owner))
    sandbox = client.demo["stripe_sandbox"]
    url = f"{sandbox}/_sandbox/payment_intents/{payment['intent_id']}/succeed"
    urllib.request.urlopen(urllib.request.Request(url, method="POST"), timeout=30).close()


def _refunded(client: Client, path: str, token: str, amount: int) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        order = _ok(client.request("GET", path, token=token))
        if order["refunded"]["amount"] == amount:
            return dict(order)
        time.sleep(0.2)
    raise AssertionError(f"{path} never had {amount} refunded (last: {order['refunded']})")


def test_a_member_buys_a_gene_test_and_a_device_with_a_coupon_and_finance_exports_the_day(
    client: Client, owner_token: str
):
    # Given the demo shop sells a gene test and a device, and has a 10% coupon
    gene_test = _product(client, owner_token, "gene_test", "Cardio Gene Panel", price=GENE_TEST, stock=5)
    device = _product(client, owner_token, "device", "Home Blood Pressure Monitor", price=DEVICE, stock=5)
    coupon = _coupon(client, owner_token)
    day = datetime.now(UTC).date().isoformat()
    before = _ok(client.request("GET", f"/v1/finance/sales?since={day}&until={day}", token=owner_token))
    # And a member with an address
    member = member_token(client)
    address = _address(client, member)
    # When they check out both with the coupon (the app retries once, with the same Idempotency-Key)
    body = {
        "lines": [{"sku_id": gene_test, "quantity": 1}, {"sku_id": device, "quantity": 1}],
        "address_id": address,
        "coupon_code": coupon,
        "referral_code": "MEI8K2",
        "payment_method": "card",
    }
    key = {"Idempotency-Key": f"e2e-{uuid.uuid4()}"}
    status, headers, placed = client.request("POST", "/v1/orders", token=member, body=body, headers=key)
    retried = _ok(client.request("POST", "/v1/orders", token=member, body=body, headers=key))
    # Then one order is placed, priced by the server with 10% off, and the device's unit is held
    assert status == 201, placed
    assert retried["order"]["id"] == placed["order"]["id"]
    order = placed["order"]
    assert (order["subtotal"]["amount"], order["discount"]["amount"]) == (GENE_TEST + DEVICE, 3880)
    assert order["total"]["amount"] == GENE_TEST + DEVICE - 3880
    assert _stock(client, owner_token, device)["reserved"] == 1
    # When they pay in Stripe
    _pay(client, owner_token, placed)
    # Then the order is paid and being fulfilled, the device's unit sold
    path = headers["Location"]
    paid = until(client, path, member, "fulfilling")
    assert paid["payment"]["status"] == "succeeded"
    assert _stock(client, owner_token, device)["sold"] == 1
    # When the shop ships the device and the member says it arrived
    shipment = {"carrier": "Royal Mail", "tracking_number": "RM123456785GB"}
    shipped = _ok(client.request("POST", f"{path}/shipments", token=owner_token, body=shipment))
    assert shipped["state"] == "shipped"
    received = _ok(client.request("POST", f"{path}/receipt", token=member, body={}))
    # Then the device's parcel is delivered, and the gene test waits for its report
    groups = {g["kind"]: g for g in received["groups"]}
    assert groups["shipment"]["status"] == "delivered", groups
    assert groups["gene_test"]["status"] == "waiting", groups
    # When the shop refunds the gene test (the member withdrew before the kit was sent)
    gene_line = next(line["line_no"] for line in order["lines"] if line["sku_id"] == gene_test)
    refund = {"reason": "withdrew before the kit was sent", "lines": [{"line_no": gene_line, "quantity": 1}]}
    refund_key = {"Idempotency-Key": f"e2e-{uuid.uuid4()}"}
    _ok(client.request("POST", f"{path}/refunds", token=owner_token, body=refund, headers=refund_key))
    # Then the gene test's price after its share of the discount is back with the member, through Stripe,
    # and the order, with nothing left to fulfil, completes
    gene_paid = GENE_TEST - GENE_TEST * 1000 // 10000
    refunded = _refunded(client, path, member, gene_paid)
    assert [r["amount"]["amount"] for r in refunded["refunds"]] == [gene_paid]
    payment = _ok(client.request("GET", f"/v1/payments/{order['payment']['payment_id']}", token=owner_token))
    assert payment["refunded"]["amount"] == gene_paid, payment
    done = until(client, path, member, "completed")
    assert {g["kind"]: g["status"] for g in done["groups"]} == {"shipment": "delivered", "gene_test": "refunded"}
    # When finance exports the day
    status, got, content = client.request(
        "GET", f"/v1/finance/export?since={day}&until={day}", token=owner_token, headers={"Accept": XLSX}
    )
    report = _ok(client.request("GET", f"/v1/finance/sales?since={day}&until={day}", token=owner_token))
    # Then the workbook's totals are the ledger's, and the order's sale and refund are in it
    assert status == 200, content
    assert got["Content-Type"] == XLSX
    assert got["Content-Disposition"].startswith("attachment;")
    gbp = next(c["totals"] for c in report["currencies"] if c["currency"] == "GBP")
    gbp_before = next((c["totals"] for c in before["currencies"] if c["currency"] == "GBP"), None)
    moved = gbp["net"]["amount"] - (gbp_before["net"]["amount"] if gbp_before else 0)
    assert moved == order["total"]["amount"] - gene_paid
    book = load_workbook(io.BytesIO(content))
    summary = {row[0]: row for row in book["Summary"].iter_rows(values_only=True) if row and row[0]}
    assert [Decimal(str(cell)) for cell in summary["GBP"][1:5]] == [  # Excel keeps numbers as floats
        Decimal(gbp[figure]["amount"]) / 100 for figure in ("gross", "discounts", "refunds", "net")
    ]
    orders = [row for row in book["Orders"].iter_rows(values_only=True) if order["id"] in row]
    assert len(orders) == 1, orders


def test_an_unpaid_order_expires_and_its_stock_returns(client: Client, owner_token: str):
    # Given the demo shop's last unit of a device, and 5 minutes to pay (6 s here: TOKEN_TIMEOUT_SCALE)
    device = _product(client, owner_token, "device", "Pulse Oximeter", price=3900, stock=1)
    settings = {"orders": {"payment_timeout_minutes": 5}}
    _ok(client.request("PATCH", "/v1/tenant/settings", token=owner_token, body=settings))
    try:
        # When a member checks it out and never pays
        member = member_token(client)
        body = {
            "lines": [{"sku_id": device, "quantity": 1}],
            "address_id": _address(client, member),
            "payment_method": "card",
        }
        status, headers, placed = client.request("POST", "/v1/orders", token=member, body=body)
        assert status == 201, placed
        assert _stock(client, owner_token, device)["available"] == 0
        # Then the order expires once the time to pay has passed
        expired = until(client, headers["Location"], member, "expired", timeout_s=5 * 60 * TOKEN_TIMEOUT_SCALE + 60)
        assert expired["history"][-1]["by"] == "workflow"
    finally:
        restore = {"orders": {"payment_timeout_minutes": 30}}
        _ok(client.request("PATCH", "/v1/tenant/settings", token=owner_token, body=restore))
    # And the unit is on sale again
    level = _stock(client, owner_token, device)
    assert (level["available"], level["reserved"]) == (1, 0)


def test_the_demo_member_finds_the_demo_shop_and_its_welcome_coupon(client: Client):
    # Given the demo member, signed in to the demo tenant's app
    demo = client.demo["demo_tenant"]
    credentials = {"tenant": demo["slug"], **demo["member"]}
    member = _ok(client.request("POST", "/v1/auth/sign-in", body=credentials))["id_token"]
    # When they browse the shop
    page = _ok(client.request("GET", "/v1/catalog/products?limit=100", token=member))
    # Then the demo products are on sale
    names = {p["name"] for p in page["items"]}
    assert {p["name"] for p in demo["shop"]["products"]} <= names
    # And the welcome coupon takes 10% off their order
    gene_test = next(p for p in demo["shop"]["products"] if p["kind"] == "gene_test")
    body = {
        "lines": [{"sku_id": gene_test["sku_id"], "quantity": 1}],
        "coupon_code": demo["shop"]["coupon"],
        "payment_method": "card",
    }
    quote = _ok(client.request("POST", "/v1/orders/quote", token=member, body=body))
    assert (quote["subtotal"]["amount"], quote["discount"]["amount"]) == (GENE_TEST, GENE_TEST // 10)
