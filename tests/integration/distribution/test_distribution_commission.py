"""The commission ledger: pending commission per level on what the buyer paid for each line,
rounded down, none on zero lines; frozen on completion until the freeze days pass; available when
the thaw batch runs; reversed pro-rata to what each refund gave back, partial refunds included; a
refund after it is available clawed back as a negative balance that later earnings offset. Each
order keeps its evidence, so a later change of the rules never rewrites it. Every balance is the
sum of its entries."""

from __future__ import annotations

import pytest

from panacea.distribution import ledger_items as ledger
from panacea.distribution import wallet
from panacea.platform.isolation import acting_for
from tests.integration.distribution.network import Network, network


@pytest.fixture(scope="module")
def net() -> Network:
    return network()  # 2 levels, 8% + 4%, 14 freeze days


def chain(net: Network) -> tuple[str, str, str]:
    """A ← B ← C: C bound to B, B bound to A, A and B distributors."""
    a, b, c = net.appoint(), net.appoint(), net.new_member()
    net.bound(b, a)
    net.bound(c, b)
    return a, b, c


def test_each_level_earns_its_rate_of_each_line_rounded_down_and_nothing_on_zero_lines(net: Network):
    # Given a chain A ← B ← C
    a, b, c = chain(net)
    # When C pays £100.00, £33.33 and a free line
    order = net.order(c, [10000, 3333, 0])
    # Then B (level 1) has 8% of each line rounded down pending, A (level 2) 4%
    assert net.shares(order.order_id) == {1: (b, 800 + 266, "pending"), 2: (a, 400 + 133, "pending")}
    assert net.balance(b) == {"pending": 1066, "frozen": 0, "available": 0, "total": 1066}
    assert net.balance(a)["pending"] == 533
    # And the same order delivered again accrues nothing more
    from panacea.orders import OrderPaid  # noqa: PLC0415
    from tests.integration.distribution.network import gbp  # noqa: PLC0415

    net.accrue(
        OrderPaid(
            order_id=order.order_id, member_id=c, total=gbp(13333), payment_id="P", payment_method="card",
            lines=order.facts(), referral_code=None,
        )
    )  # fmt: skip
    assert net.balance(b)["pending"] == 1066


def test_a_suspended_distributor_earns_nothing_and_the_level_is_not_passed_up(net: Network):
    # Given a chain A ← B ← C whose B is suspended
    a, b, c = chain(net)
    net.suspend(b)
    # When C pays £100
    order = net.order(c, [10000])
    # Then B earns nothing and A earns their level-2 rate only
    assert net.shares(order.order_id) == {2: (a, 400, "pending")}


def test_completion_freezes_and_the_thaw_batch_makes_it_available_after_the_freeze_days(net: Network):
    # Given C's paid order
    a, b, c = chain(net)
    order = net.order(c, [10000])
    # When it completes
    order.completed()
    # Then the commission is frozen
    assert net.shares(order.order_id) == {1: (b, 800, "frozen"), 2: (a, 400, "frozen")}
    assert net.balance(b) == {"pending": 0, "frozen": 800, "available": 0, "total": 800}
    # When the thaw batch runs before the 14 days are over, nothing moves
    net.thaw(days=13.9)
    assert net.balance(b)["frozen"] == 800
    # When it runs after them, the commission is available
    released = net.thaw(days=14.1)
    assert released.shares >= 2
    assert net.balance(b) == {"pending": 0, "frozen": 0, "available": 800, "total": 800}
    assert net.shares(order.order_id)[2] == (a, 400, "available")


def test_partial_refunds_reverse_commission_pro_rata(net: Network):
    # Given C's paid order of two lines, £100 and £50
    a, b, c = chain(net)
    order = net.order(c, [10000, 5000])
    # When a quarter of the first line is refunded
    order.refund(2500, {1: 2500})
    # Then each level keeps its rate of what is left paid: 8% of £75 + £50, 4% of the same
    assert net.shares(order.order_id) == {1: (b, 600 + 400, "pending"), 2: (a, 300 + 200, "pending")}
    # When £30 more is refunded without naming lines (spread over what is left, £75 and £50)
    order.refund(3000)
    # Then £18 comes off the first line and £12 off the second
    assert net.shares(order.order_id)[1] == (b, (7500 - 1800) * 8 // 100 + (5000 - 1200) * 8 // 100, "pending")
    # And the same refund delivered again takes nothing more
    before = net.balance(b)
    refund_id = order.refund(100, {2: 100})
    order.refund(100, {2: 100}, refund_id=refund_id)
    assert net.balance(b)["pending"] == before["pending"] - 8


def test_a_refund_after_commission_is_available_is_clawed_back(net: Network):
    # Given C's £100 order completed and thawed: B holds £8 available
    a, b, c = chain(net)
    order = net.order(c, [10000])
    order.completed()
    net.thaw(days=15)
    assert net.balance(b)["available"] == 800
    # When half the order is refunded
    order.refund(5000, {1: 5000})
    # Then £4 of B's available commission is clawed back (an entry of its own), and £2 of A's
    assert net.balance(b) == {"pending": 0, "frozen": 0, "available": 400, "total": 400}
    assert net.balance(a)["available"] == 200
    assert net.entry_kinds(b) == ["accrued", "frozen", "available", "clawback"]
    assert net.shares(order.order_id)[1] == (b, 400, "available")
    # And C's next order earns B more, available after its freeze
    later = net.order(c, [5000])
    later.completed()
    net.thaw(days=15)
    assert net.balance(b)["available"] == 800


def test_the_order_keeps_its_evidence_when_the_rules_change_later():
    # Given a tenant at 8% + 4%, and C's paid order
    net = network()
    a, b, c = chain(net)
    order = net.order(c, [10000])
    # When the rates change to 10% + 5%, and half the order is refunded
    net.rules(level_rates_bps=[1000, 500])
    order.refund(5000, {1: 5000})
    # Then the commission left is the old rate of what is left paid
    assert net.shares(order.order_id) == {1: (b, 400, "pending"), 2: (a, 200, "pending")}
    # And a new order earns the new rates
    assert net.shares(net.order(c, [10000]).order_id) == {1: (b, 1000, "pending"), 2: (a, 500, "pending")}


def test_self_purchase_earns_the_buyer_level_one_where_the_tenant_allows_it():
    # Given a tenant that lets a distributor's own purchase earn, and B (a distributor) bound to A
    net = network()
    net.rules(self_purchase_commission=True)
    a, b, _ = chain(net)
    # When B buys £100
    order = net.order(b, [10000])
    # Then B earns level 1 on it and A level 2
    assert net.shares(order.order_id) == {1: (b, 800, "pending"), 2: (a, 400, "pending")}


def wallet_of(net: Network, member_id: str) -> tuple[int, int]:
    """The member's wallet balance (pence) and the sum of its entries."""
    with acting_for(net.tenant_id):
        balance = wallet.balance(net.tenant_id, member_id, "GBP").amount
        entries = sum(e.amount.amount for e in wallet.all_entries(net.tenant_id, member_id))
    return balance, entries


def test_commission_made_available_is_in_the_distributors_wallet_and_a_clawback_takes_it_back(net: Network):
    # Given C's £100 order completed
    a, b, c = chain(net)
    order = net.order(c, [10000])
    order.completed()
    assert wallet_of(net, b) == (0, 0)
    # When the thaw batch makes its commission available
    net.thaw(days=15)
    # Then B's £8 and A's £4 are in their wallets, in the same transaction as the ledger's move
    assert (wallet_of(net, b), wallet_of(net, a)) == ((800, 800), (400, 400))
    # When the batch runs again, nothing is credited twice
    net.thaw(days=16)
    assert wallet_of(net, b) == (800, 800)
    # When half the order is refunded after that, Then the clawback leaves each wallet as it leaves the ledger
    order.refund(5000, {1: 5000})
    assert (wallet_of(net, b), wallet_of(net, a)) == ((400, 400), (200, 200))
    assert net.balance(b)["available"] == wallet_of(net, b)[0]


def test_two_refunds_applied_at_once_both_count_on_an_order_nobody_earns_on(net: Network, monkeypatch):
    # Given an order of two lines, £60 and £40, by a member bound to no one (no shares: the evidence alone)
    order = net.order(net.new_member(), [6000, 4000])
    with acting_for(net.tenant_id):
        read_before = ledger.order_commission(net.tenant_id, order.order_id)
    # When £10 of the first line is refunded while a refund of £20 of the second reads the evidence as it was
    order.refund(1000, {1: 1000})
    reads = iter([read_before])
    fresh = ledger.order_commission
    monkeypatch.setattr(ledger, "order_commission", lambda *a: next(reads, None) or fresh(*a))
    order.refund(2000, {2: 2000})
    # Then the evidence counts both refunds, each on its line
    with acting_for(net.tenant_id):
        evidence, _ = fresh(net.tenant_id, order.order_id)
    assert evidence is not None
    assert {no: int(line["refunded"]) for no, line in evidence.lines.items()} == {"1": 1000, "2": 2000}
    assert len(evidence.refunds or ()) == 2
