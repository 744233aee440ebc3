"""What the replacement, stability and refund tests share: a kit taken to the member and registered
for a paid gene-test line, the lab failing it, the tenant's logistics policy changed, a refund of
the line delivered to logistics' consumer as the bus would, and the kits' events read back."""

from __future__ import annotations

from typing import Any

from panacea import logistics
from panacea.logistics.kit_items import GeneTestLineItem
from panacea.orders import LineFact, OrderRefunded
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from tests.integration.logistics.kit_support import dispatched, in_stock, lab_says, member, owner
from tests.integration.logistics.points_api import events_named
from tests.support import call
from tests.support.in_process import deliver

CONSUMER = "LogisticsConsumers"  # follows order.refunded


def sent_and_registered(tenant: str, barcode: str, lab_id: str, order_id: str, member_id: str = "member-1") -> None:
    """The kit (in stock) dispatched for the order's line 1 and registered by its member."""
    dispatched(tenant, barcode, lab_id, order_id)
    registered = call("POST", "/v1/me/kits", caller=member(tenant, member_id), body={"barcode": barcode})
    assert registered.status == 200, registered.body


def fails(key: dict[str, Any], barcode: str, tag: str) -> dict[str, Any]:
    """The lab receives the sample, then reports a sample_error: the kit as it answers."""
    assert lab_says(key, f"{tag}-r", "received", barcode).status == 200
    answer = lab_says(key, f"{tag}-e", "sample_error", barcode, "insufficient_dna")
    assert answer.status == 200, answer.body
    return dict(answer.body["kit"])


def replace(tenant: str, barcode: str) -> dict[str, Any] | None:
    """The workflow's step: `logistics.replace_failed_kit` through the context's face."""
    with acting_for(tenant):
        made = logistics.replace_failed_kit(tenant, barcode)
    return None if made is None else made.model_dump(mode="json")


def policy(tenant: str, **logistics_settings: Any) -> dict[str, Any]:
    answer = call("PATCH", "/v1/tenant/settings", caller=owner(tenant), body={"logistics": logistics_settings})
    assert answer.status == 200, answer.body
    return dict(answer.body["settings"]["logistics"])


def kit(tenant: str, barcode: str) -> dict[str, Any]:
    answer = call("GET", f"/v1/kits/{barcode}", caller=owner(tenant))
    assert answer.status == 200, answer.body
    return dict(answer.body)


def line(tenant: str, order_id: str) -> GeneTestLineItem:
    with acting_for(tenant):
        found = GeneTestLineItem.read(tenant, order_id, 1)
    assert found is not None
    return found


def refund(tenant: str, order_id: str, quantity: int, *, refund_id: str = "r1", member_id: str = "member-1") -> None:
    """order.refunded for `quantity` of the order's gene-test line (line 1), delivered to logistics."""
    amount = Money(amount=19900 * quantity, currency="GBP")
    refunded = LineFact(line_no=1, sku_id="sku-gt", store_id="store-1", product_id="prod-gt", kind="gene_test",
                        quantity=quantity, amount=amount)  # fmt: skip
    event = OrderRefunded(
        order_id=order_id, member_id=member_id, refund_id=refund_id, amount=amount, refunded_total=amount,
        full=False, state="partially_refunded", lines=[refunded], referral_code=None,
    )  # fmt: skip
    assert not deliver(CONSUMER, event, tenant_id=tenant)["batchItemFailures"]


def barcodes_of(tenant: str, event: str) -> list[str]:
    return sorted(str(data.get("barcode")) for data in events_named(tenant, event))


__all__ = ["events_named", "in_stock"]
