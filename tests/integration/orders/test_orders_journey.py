"""A member buys a gene test and a device with a coupon and pays; the device ships and is received;
the gene test's report is released; the order completes. Through the API, the Stripe sandbox's
signed webhooks, the bus, the payments queue and the order-fulfilment workflow (its ASL file)."""

from __future__ import annotations

from infra.local.runtime import LocalPlatform
from panacea import orders
from panacea.platform.isolation import acting_for
from tests.integration.commerce import add_address, checkout, finished, pay, reaches, shop, waiting_on
from tests.support import call


def test_a_member_buys_a_gene_test_and_a_device_with_a_coupon_and_it_completes(platform: LocalPlatform):
    # Given a shop, and a member with an address
    store = shop()
    member = store.member()
    address = add_address(store, member)
    # When the member checks out a gene test and a device with the shop's coupon
    placed = checkout(
        store,
        member,
        [store.line("gene_test"), store.line("device")],
        address_id=address,
        coupon_code=store.coupon,
        referral_code="MEI8K2",
    )
    # Then the order is placed, pending payment, priced by the server with 10% off
    assert placed.status == 201, placed.body
    order = placed.body["order"]
    assert order["state"] == "pending_payment"
    assert order["subtotal"]["amount"] == 29900 + 8900
    assert order["discount"]["amount"] == 3880
    assert order["total"]["amount"] == 38800 - 3880
    assert placed.body["client_secret"]
    # And the stock is held
    assert store.stock("device")["reserved"] == 1
    # When the member pays through Stripe
    waiting_on(store, order["id"], "payment")
    pay(platform, store, placed.body)
    # Then the order is paid, and being fulfilled
    paid = reaches(store, order["id"], "fulfilling")
    assert paid["payment"]["status"] == "succeeded"
    assert store.stock("device")["sold"] == 1
    # When staff ship the device's parcel
    waiting_on(store, order["id"], "S1.shipment")
    shipped = call(
        "POST",
        f"/v1/orders/{order['id']}/shipments",
        caller=store.manager,
        body={"carrier": "Royal Mail", "tracking_number": "RM123456785GB"},
    )
    assert shipped.status == 200, shipped.body
    assert shipped.body["state"] == "shipped"
    # And the member confirms receipt, and the gene test's report is released
    waiting_on(store, order["id"], "S1.receipt")
    received = call("POST", f"/v1/orders/{order['id']}/receipt", caller=member, body={})
    assert received.status == 200, received.body
    waiting_on(store, order["id"], "G1.report")
    with acting_for(store.tenant_id):
        orders.report_released(store.tenant_id, order["id"], "G1")
    # Then the order completes, and its workflow succeeds
    done = reaches(store, order["id"], "completed")
    assert [t["to_state"] for t in done["history"]] == [
        "pending_payment",
        "paid",
        "fulfilling",
        "shipped",
        "completed",
    ]
    assert finished(platform, order["id"])["status"] == "SUCCEEDED"
