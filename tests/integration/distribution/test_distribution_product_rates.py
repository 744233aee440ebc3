"""Commission by each product's override (carried on the order's lines): a level overridden by a
rate earns that rate of what the buyer paid for the line, by a fixed amount that amount per unit;
the rule applied is kept per line on the order's evidence; refunds, partial or full, bring each
share down to the rule applied to what is left paid, rounded down (a fixed amount scaled with what
is left paid of its line), clawed back once available. Every balance is the sum of its entries."""

from __future__ import annotations

import pytest

from panacea.distribution import ledger_items as ledger
from panacea.distribution.commission import LineRule
from panacea.orders import LineCommission
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from tests.integration.distribution.network import Network, network

# Line 1: a product at 12% on level 1 (level 2 at the tenant's 4%); line 2: two units of a
# product at £5.00 a unit on level 2 (level 1 at the tenant's 8%), paid £60.00.
OVERRIDES = {
    1: [LineCommission(level=1, rate_bps=1200)],
    2: [LineCommission(level=2, fixed=Money(amount=500, currency="GBP"))],
}


@pytest.fixture(scope="module")
def net() -> Network:
    return network()  # 2 levels, 8% + 4%


def chain(net: Network) -> tuple[str, str, str]:
    """A ← B ← C: C bound to B, B bound to A, A and B distributors."""
    a, b, c = net.appoint(), net.appoint(), net.new_member()
    net.bound(b, a)
    net.bound(c, b)
    return a, b, c


def test_overridden_products_earn_their_rate_or_fixed_amount_and_refunds_bring_it_down_pro_rata(net: Network):
    # Given a chain A ← B ← C
    a, b, c = chain(net)
    # When C pays £100.00 for the 12% product and £60.00 for two of the £5.00-a-unit product
    order = net.order(c, [10000, 6000], overrides=OVERRIDES, quantities={2: 2})
    # Then B (level 1) earns 12% of line 1 and 8% of line 2; A (level 2) 4% of line 1 and £10.00 on line 2
    assert net.shares(order.order_id) == {1: (b, 1200 + 480, "pending"), 2: (a, 400 + 1000, "pending")}
    # And the order's evidence keeps the rule each level earned by on each line
    with acting_for(net.tenant_id):
        evidence, _ = ledger.order_commission(net.tenant_id, order.order_id)
    assert evidence is not None
    assert {no: line["rules"] for no, line in evidence.lines.items()} == {
        "1": {"1": {"rate_bps": 1200}, "2": {"rate_bps": 400}},
        "2": {"1": {"rate_bps": 800}, "2": {"fixed": 1000}},
    }
    # When £25.00 of line 1 and £15.01 of line 2 are refunded
    order.refund(2500, {1: 2500})
    order.refund(1501, {2: 1501})
    # Then each share is its rules of what is left paid: the fixed £10.00 scaled to £44.99 of £60.00
    assert net.shares(order.order_id) == {
        1: (b, 7500 * 1200 // 10000 + 4499 * 800 // 10000, "pending"),
        2: (a, 7500 * 400 // 10000 + 1000 * 4499 // 6000, "pending"),
    }
    assert net.balance(a)["pending"] == 300 + 749
    # When the rest is refunded in full
    order.refund(7500 + 4499)
    # Then nothing is left to anyone, and each balance is the sum of its entries
    assert net.shares(order.order_id) == {1: (b, 0, "pending"), 2: (a, 0, "pending")}
    assert net.balance(a) == net.balance(b) == {"pending": 0, "frozen": 0, "available": 0, "total": 0}


def test_a_refund_after_an_overridden_commission_is_available_is_clawed_back_by_its_rule(net: Network):
    # Given C's order of the two products completed, and its commission available
    a, b, c = chain(net)
    order = net.order(c, [10000, 6000], overrides=OVERRIDES, quantities={2: 2})
    order.completed()
    net.thaw(days=15)
    assert net.balance(a)["available"] == 1400
    # When one of the two units of line 2 is refunded (£30.00)
    order.refund(3000, {2: 3000})
    # Then half of A's £10.00 on it is clawed back, and 8% of £30.00 of B's
    assert net.balance(a) == {"pending": 0, "frozen": 0, "available": 900, "total": 900}
    assert net.balance(b)["available"] == 1680 - 240
    assert net.entry_kinds(a)[-1] == "clawback"


def test_fixed_amounts_never_earn_more_than_the_line_paid_after_its_discount(net: Network):
    # Given a product at £30.00 a unit on level 1 and £30.00 on level 2, bought for £40.00 after a discount
    a, b, c = chain(net)
    greedy = [
        LineCommission(level=1, fixed=Money(amount=3000, currency="GBP")),
        LineCommission(level=2, fixed=Money(amount=3000, currency="GBP")),
    ]
    order = net.order(c, [4000], overrides={1: greedy})
    # Then B earns £30.00 and A the £10.00 left of what was paid, no more
    assert net.shares(order.order_id) == {1: (b, 3000, "pending"), 2: (a, 1000, "pending")}


def test_evidence_kept_before_lines_had_rules_reads_as_the_levels_rate():
    # Given an order's evidence written before lines kept their rules
    evidence = ledger.EvidenceItem("pk", "EVIDENCE", lines={"1": {"paid": 1000, "refunded": 0}})
    # Then each line earns the level's rate
    assert evidence.rules_of(1, 800) == {1: LineRule(rate_bps=800)}
