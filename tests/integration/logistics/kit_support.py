"""What the kit and lab tests share: a tenant with a paid gene-test line (fed to logistics as
`order.paid`, the way the bus delivers it), kits in stock, a lab with its API key, the lab's signed
calls through the local gateway, and a sandbox endpoint that plays the lab's LIMS."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from panacea.orders import LineFact, OrderPaid
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from tests.support import PLATFORM_ADMIN, call, gateway_request, signed_headers, staff
from tests.support.in_process import deliver

KITS = "LogisticsKitConsumers"


def owner(tenant_id: str) -> dict[str, str]:
    return staff(tenant_id, "owner", user_id="owner-1")


def member(tenant_id: str, user_id: str = "member-1") -> dict[str, str]:
    return staff(tenant_id, "member", user_id=user_id)


def paid_gene_test(tenant_id: str, member_id: str = "member-1", *, quantity: int = 1, sku_id: str = "sku-gt") -> str:
    """An order of `member_id` with one gene-test line (line 1) and a device (line 2), paid: its id."""
    order_id = new_id()
    lines = [
        LineFact(line_no=1, sku_id=sku_id, store_id="store-1", product_id="prod-gt", kind="gene_test",
                 quantity=quantity, amount=Money(amount=19900, currency="GBP")),
        LineFact(line_no=2, sku_id="sku-dev", store_id="store-1", product_id="prod-dev", kind="device",
                 quantity=1, amount=Money(amount=4900, currency="GBP")),
    ]  # fmt: skip
    paid = OrderPaid(
        order_id=order_id, member_id=member_id, total=Money(amount=24800, currency="GBP"), payment_id="pay-1",
        payment_method="card", lines=lines, referral_code=None,
    )  # fmt: skip
    assert not deliver(KITS, paid, tenant_id=tenant_id)["batchItemFailures"]
    return order_id


def in_stock(tenant_id: str, *barcodes: str) -> None:
    answer = call("POST", "/v1/kits/batches", caller=owner(tenant_id), body={"barcodes": list(barcodes)})
    assert answer.status == 201, answer.body


def lab(tenant_id: str, url: str = "http://127.0.0.1:9/manifests") -> tuple[dict[str, Any], dict[str, Any]]:
    """A lab of the tenant and the API key it signs with (role lab_operator)."""
    key = call(
        "POST", f"/v1/tenants/{tenant_id}/api-keys", caller=PLATFORM_ADMIN,
        body={"name": "LIMS", "roles": ["lab_operator"]},
    ).body  # fmt: skip
    made = call("POST", "/v1/labs", caller=owner(tenant_id), body={"name": "Harbour Lab", "api_key_id": key["id"],
                                                                    "webhook_url": url})  # fmt: skip
    assert made.status == 201, made.body
    return made.body, key


def dispatched(tenant_id: str, barcode: str, lab_id: str, order_id: str) -> dict[str, Any]:
    body = {"order_id": order_id, "line_no": 1, "barcode": barcode, "lab_id": lab_id, "carrier": "Royal Mail",
            "tracking_number": "RM123456785GB"}  # fmt: skip
    answer = call("POST", "/v1/kits/dispatches", caller=owner(tenant_id), body=body)
    assert answer.status == 200, answer.body
    return dict(answer.body)


def lab_says(key: dict[str, Any], event_id: str, kind: str, barcode: str, reason: str | None = None) -> Any:
    """The lab's signed call, through the gateway (the authorizer checks the signature)."""
    body: dict[str, Any] = {"event_id": event_id, "type": kind, "barcode": barcode}
    if reason:
        body["reason_code"] = reason
    raw = json.dumps(body).encode()
    return gateway_request("POST", "/v1/lab/events", headers=signed_headers(key, "POST", "/v1/lab/events", body=raw),
                           body=raw)  # fmt: skip


class _Lims(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]]

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.received.append((dict(self.headers), self.rfile.read(length)))
        self.send_response(202)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def lims() -> Iterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    """A lab's endpoint on loopback: its URL and what it received (headers, raw body)."""
    received: list[tuple[dict[str, str], bytes]] = []
    handler = type("Lims", (_Lims,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/manifests", received
    finally:
        server.shutdown()
        server.server_close()
