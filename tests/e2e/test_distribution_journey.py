"""Distribution on `make dev`'s platform, over HTTP as clients would: member A shares a product's
link; B registers through it and buys; C, invited by B, buys; the orders complete; after the freeze
(none, here: the tenant's freeze is 0 days and the hourly thaw runs every few seconds) A holds 8% of
B's order and 4% of C's, B 8% of C's; B withdraws, finance approves and records the bank transfer;
a refund of C's order claws back B's and A's commission, B's from a wallet already paid out."""

from __future__ import annotations

import urllib.parse
import uuid
from typing import Any

import pytest

from tests.e2e.conftest import Client, add_address, ok, pay, until
from tests.support import builders
from tests.support.builders import eventually

pytestmark = pytest.mark.slow

PRICE = 12_500  # pence: 8% is £10.00, 4% £5.00
BANK = {"kind": "bank", "holder_name": "Bo Li", "account_number": "GB29NWBK60161331926819", "bank_name": "NatWest"}


def wallet_of(client: Client, token: str) -> dict[str, Any]:
    """The member's GBP balance and withdrawable amount (zero when they never held money)."""
    wallet = ok(client.request("GET", "/v1/me/wallet", token=token))
    gbp = next((b for b in wallet["balances"] if b["balance"]["currency"] == "GBP"), None)
    return {"balance": gbp["balance"]["amount"], "withdrawable": gbp["withdrawable"]["amount"]} if gbp else {}


def holds(client: Client, token: str, balance: int) -> dict[str, Any]:
    """The wallet once it holds `balance` (the thaw, the consumers and workflows run on their own)."""
    return eventually(  # type: ignore[no-any-return]
        lambda: (w := wallet_of(client, token)) and w["balance"] == balance and w,
        timeout_s=60,
        every_s=0.5,
        what=f"the wallet never held {balance}",
    )


def buys(client: Client, owner: str, member: builders.Member, sku: str, code: str) -> str:
    """The member buys one unit with `code`, pays in the sandbox, and the shop ships it and they
    receive it: the order completes. Its path."""
    address = add_address(client, member.token)
    body = {"lines": [{"sku_id": sku, "quantity": 1}], "address_id": address, "payment_method": "card",
            "referral_code": code}  # fmt: skip
    key = {"Idempotency-Key": f"e2e-{uuid.uuid4()}"}
    status, headers, placed = client.request("POST", "/v1/orders", token=member.token, body=body, headers=key)
    assert status == 201, placed
    pay(client, owner, placed)
    path = headers["Location"]
    until(client, path, member.token, "fulfilling")
    shipment = {"carrier": "Royal Mail", "tracking_number": "RM123456785GB"}
    ok(client.request("POST", f"{path}/shipments", token=owner, body=shipment))
    ok(client.request("POST", f"{path}/receipt", token=member.token, body={}))
    until(client, path, member.token, "completed")
    return str(path)


def test_a_network_earns_withdraws_and_is_clawed_back(client: Client, owner_token: str):
    # Given the demo tenant lets every member distribute, with no freeze after completion
    slug = client.demo["demo_tenant"]["slug"]
    builders.distribution_rules(client.http, owner_token, who_may_distribute="everyone", freeze_days=0)
    goods = builders.Goods("device", "Pulse Oximeter", PRICE)
    listing = builders.product_on_sale(client.http, owner_token, client.store_id, goods, stock=5)
    sku = listing.sku_id
    # And member A, a distributor, who shares the product's link and its QR code
    a = builders.member(client.http, slug)
    a_code = ok(client.request("POST", "/v1/me/distributor", token=a.token))["referral_code"]
    shared = ok(client.request("GET", f"/v1/me/distributor/share-link?product_id={listing.product_id}", token=a.token))
    link = urllib.parse.urlsplit(shared["link"])
    assert link.path.endswith(f"/products/{listing.product_id}")
    status, got, png = client.request("GET", f"/v1/me/distributor/qr-code?product_id={listing.product_id}",
                                      token=a.token, headers={"Accept": "image/png"})  # fmt: skip
    assert (status, got["Content-Type"], png[:8]) == (200, "image/png", b"\x89PNG\r\n\x1a\n")
    # When B registers through A's link (the app reads its `ref`) and becomes a distributor, and C
    # registers with B's code
    (ref,) = urllib.parse.parse_qs(link.query)["ref"]
    b = builders.member(client.http, slug, referral_code=ref)
    b_code = ok(client.request("POST", "/v1/me/distributor", token=b.token))["referral_code"]
    c = builders.member(client.http, slug, referral_code=b_code)
    # Then each is bound to who invited them
    assert ok(client.request("GET", "/v1/me/referrer", token=b.token))["referrer_id"] == a.user_id
    eventually(lambda: ok(client.request("GET", "/v1/me/referrer", token=c.token)).get("referrer_id") == b.user_id,
               what="C was never bound to B")  # fmt: skip
    # When B and C each buy the product and their orders complete
    buys(client, owner_token, b, sku, a_code)
    c_order = buys(client, owner_token, c, sku, b_code)
    # Then, after the thaw, A holds 8% of B's order and 4% of C's, B 8% of C's
    holds(client, a.token, 1_000 + 500)
    assert holds(client, b.token, 1_000)["withdrawable"] == 1_000
    team = ok(client.request("GET", "/v1/me/team?level=2", token=a.token))
    assert [m["member_id"] for m in team["items"]] == [c.user_id]
    # When B withdraws the £10.00 to their bank, and finance approves it and records the transfer
    ok(client.request("PUT", "/v1/me/wallet/payout-account", token=b.token, body=BANK))
    asked = ok(client.request("POST", "/v1/me/withdrawals", token=b.token,
                              body={"amount": {"amount": 1_000, "currency": "GBP"}},
                              headers={"Idempotency-Key": f"e2e-{uuid.uuid4()}"}))  # fmt: skip
    assert asked["state"] == "requested"
    withdrawal = f"/v1/withdrawals/{asked['id']}"
    assert ok(client.request("POST", f"{withdrawal}/approve", token=owner_token))["state"] == "approved"
    transfer = {"reference": "NWBK-20261203-1"}
    paid = ok(client.request("POST", f"{withdrawal}/transfer", token=owner_token, body=transfer))
    # Then the withdrawal is paid with the bank's reference, and B's wallet is empty
    assert (paid["state"], paid["transfer_id"]) == ("paid", "NWBK-20261203-1")
    assert wallet_of(client, b.token) == {"balance": 0, "withdrawable": 0}
    mine = ok(client.request("GET", "/v1/me/withdrawals", token=b.token))
    assert [(w["id"], w["state"]) for w in mine["items"]] == [(asked["id"], "paid")]
    # When the shop refunds C's order in full
    order = ok(client.request("GET", c_order, token=owner_token))
    refund = {"reason": "returned unopened", "lines": [{"line_no": order["lines"][0]["line_no"], "quantity": 1}]}
    ok(client.request("POST", f"{c_order}/refunds", token=owner_token, body=refund,
                      headers={"Idempotency-Key": f"e2e-{uuid.uuid4()}"}))  # fmt: skip
    # Then B's £10.00 is clawed back though it was paid out (B owes it: later earnings offset it),
    # and A keeps only the 8% of B's order
    assert holds(client, b.token, -1_000)["withdrawable"] == 0
    holds(client, a.token, 1_000)
    entries = ok(client.request("GET", "/v1/me/wallet/entries", token=b.token))["items"]
    assert [(e["kind"], e["amount"]["amount"]) for e in entries] == [
        ("clawback", -1_000),
        ("withdrawal_held", -1_000),
        ("commission", 1_000),
    ]
