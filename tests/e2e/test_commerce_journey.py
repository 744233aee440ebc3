"""Commerce on `make dev`'s platform, over HTTP as a client would, with payments made in the Stripe
sandbox and its webhooks arriving signed as Stripe signs them: a member buys a gene test and a
device with a coupon and pays; the device ships and is received; part of the order is refunded;
an unpaid order expires and its stock returns; finance exports the day to Excel."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.e2e.conftest import (
    TOKEN_TIMEOUT_SCALE,
    Client,
    add_address,
    coupon_code,
    member_token,
    ok,
    pay,
    product_on_sale,
    stock_of,
    until,
)
from tests.support.builders import eventually

pytestmark = pytest.mark.slow

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GENE_TEST, DEVICE = 29900, 8900  # pence


def _refunded(client: Client, path: str, token: str, amount: int) -> dict[str, Any]:
    def now() -> dict[str, Any] | None:
        order = ok(client.request("GET", path, token=token))
        return dict(order) if order["refunded"]["amount"] == amount else None

    return eventually(now, timeout_s=30, every_s=0.2, what=f"{path} never had {amount} refunded")  # type: ignore[no-any-return]


def test_a_member_buys_a_gene_test_and_a_device_with_a_coupon_and_finance_exports_the_day(
    client: Client, owner_token: str
):
    # Given the demo shop sells a gene test and a device, and has a 10% coupon
    gene_test = product_on_sale(client, owner_token, "gene_test", "Cardio Gene Panel", price=GENE_TEST, stock=5)
    device = product_on_sale(client, owner_token, "device", "Home Blood Pressure Monitor", price=DEVICE, stock=5)
    coupon = coupon_code(client, owner_token)
    day = datetime.now(UTC).date().isoformat()
    before = ok(client.request("GET", f"/v1/finance/sales?since={day}&until={day}", token=owner_token))
    # And a member with an address
    member = member_token(client)
    address = add_address(client, member)
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
    retried = ok(client.request("POST", "/v1/orders", token=member, body=body, headers=key))
    # Then one order is placed, priced by the server with 10% off, and the device's unit is held
    assert status == 201, placed
    assert retried["order"]["id"] == placed["order"]["id"]
    order = placed["order"]
    assert (order["subtotal"]["amount"], order["discount"]["amount"]) == (GENE_TEST + DEVICE, 3880)
    assert order["total"]["amount"] == GENE_TEST + DEVICE - 3880
    assert stock_of(client, owner_token, device)["reserved"] == 1
    # When they pay in Stripe
    pay(client, owner_token, placed)
    # Then the order is paid and being fulfilled, the device's unit sold
    path = headers["Location"]
    paid = until(client, path, member, "fulfilling")
    assert paid["payment"]["status"] == "succeeded"
    assert stock_of(client, owner_token, device)["sold"] == 1
    # When the shop ships the device and the member says it arrived
    shipment = {"carrier": "Royal Mail", "tracking_number": "RM123456785GB"}
    shipped = ok(client.request("POST", f"{path}/shipments", token=owner_token, body=shipment))
    assert shipped["state"] == "shipped"
    received = ok(client.request("POST", f"{path}/receipt", token=member, body={}))
    # Then the device's parcel is delivered, and the gene test waits for its report
    groups = {g["kind"]: g for g in received["groups"]}
    assert groups["shipment"]["status"] == "delivered", groups
    assert groups["gene_test"]["status"] == "waiting", groups
    # When the shop refunds the gene test (the member withdrew before the kit was sent)
    gene_line = next(line["line_no"] for line in order["lines"] if line["sku_id"] == gene_test)
    refund = {"reason": "withdrew before the kit was sent", "lines": [{"line_no": gene_line, "quantity": 1}]}
    refund_key = {"Idempotency-Key": f"e2e-{uuid.uuid4()}"}
    ok(client.request("POST", f"{path}/refunds", token=owner_token, body=refund, headers=refund_key))
    # Then the gene test's price after its share of the discount is back with the member, through Stripe,
    # and the order, with nothing left to fulfil, completes
    gene_paid = GENE_TEST - GENE_TEST * 1000 // 10000
    refunded = _refunded(client, path, member, gene_paid)
    assert [r["amount"]["amount"] for r in refunded["refunds"]] == [gene_paid]
    payment = ok(client.request("GET", f"/v1/payments/{order['payment']['payment_id']}", token=owner_token))
    assert payment["refunded"]["amount"] == gene_paid, payment
    done = until(client, path, member, "completed")
    assert {g["kind"]: g["status"] for g in done["groups"]} == {"shipment": "delivered", "gene_test": "refunded"}
    # When finance exports the day
    status, got, content = client.request(
        "GET", f"/v1/finance/export?since={day}&until={day}", token=owner_token, headers={"Accept": XLSX}
    )
    report = ok(client.request("GET", f"/v1/finance/sales?since={day}&until={day}", token=owner_token))
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
    device = product_on_sale(client, owner_token, "device", "Pulse Oximeter", price=3900, stock=1)
    settings = {"orders": {"payment_timeout_minutes": 5}}
    ok(client.request("PATCH", "/v1/tenant/settings", token=owner_token, body=settings))
    try:
        # When a member checks it out and never pays
        member = member_token(client)
        body = {
            "lines": [{"sku_id": device, "quantity": 1}],
            "address_id": add_address(client, member),
            "payment_method": "card",
        }
        status, headers, placed = client.request("POST", "/v1/orders", token=member, body=body)
        assert status == 201, placed
        assert stock_of(client, owner_token, device)["available"] == 0
        # Then the order expires once the time to pay has passed
        expired = until(client, headers["Location"], member, "expired", timeout_s=5 * 60 * TOKEN_TIMEOUT_SCALE + 60)
        assert expired["history"][-1]["by"] == "workflow"
    finally:
        restore = {"orders": {"payment_timeout_minutes": 30}}
        ok(client.request("PATCH", "/v1/tenant/settings", token=owner_token, body=restore))
    # And the unit is on sale again
    level = stock_of(client, owner_token, device)
    assert (level["available"], level["reserved"]) == (1, 0)


def test_the_demo_member_finds_the_demo_shop_and_its_welcome_coupon(client: Client):
    # Given the demo member, signed in to the demo tenant's app
    demo = client.demo["demo_tenant"]
    credentials = {"tenant": demo["slug"], **demo["member"]}
    member = ok(client.request("POST", "/v1/auth/sign-in", body=credentials))["id_token"]
    # When they browse the shop
    page = ok(client.request("GET", "/v1/catalog/products?limit=100", token=member))
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
    quote = ok(client.request("POST", "/v1/orders/quote", token=member, body=body))
    assert (quote["subtotal"]["amount"], quote["discount"]["amount"]) == (GENE_TEST, GENE_TEST // 10)
