"""An unpaid order expires when the tenant's payment timeout passes: the workflow's payment wait
times out, the order expires, and its stock and coupon go back."""

from __future__ import annotations

from infra.local import moto_bridge
from infra.local.runtime import LocalPlatform
from tests.integration.commerce import checkout, finished, reaches, shop, waiting_on


def test_an_unpaid_order_expires_and_its_stock_and_coupon_return(platform: LocalPlatform):
    # Given a shop whose coupon may be used once, and a member who takes the last unit with it
    store = shop(stock=1, coupon_uses=1)
    member = store.member()
    # When they check out and never pay (the tenant's 30 minutes pass in a blink here)
    with moto_bridge.token_timeouts_scaled(0.001):
        placed = checkout(store, member, [store.line("service")], coupon_code=store.coupon)
        assert placed.status == 201, placed.body
        order_id = placed.body["order"]["id"]
        assert store.stock("service")["available"] == 0
        assert store.promotion()["usage"]["redemptions"] == 1
        waiting_on(store, order_id, "payment")
        # Then the order expires (the scaled timeout holds until then: the wait starts only after
        # the task has stored its token, so leaving the block earlier could race it)
        expired = reaches(store, order_id, "expired")
    assert expired["history"][-1]["by"] == "workflow"
    assert finished(platform, order_id)["status"] == "SUCCEEDED"
    # And the unit is available again, and the coupon can be used again
    assert store.stock("service")["available"] == 1
    assert store.stock("service")["reserved"] == 0
    assert store.promotion()["usage"]["redemptions"] == 0
    again = checkout(store, store.member(), [store.line("service")], coupon_code=store.coupon)
    assert again.status == 201, again.body
