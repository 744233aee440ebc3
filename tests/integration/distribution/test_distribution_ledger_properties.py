"""The ledger under random lives of orders: paid, partly or wholly refunded (by line or by amount),
completed, thawed, in any order orders allows, its lines' products overriding a level's rate by
another rate or a fixed amount, or not. After each: every balance is the sum of its entries (bucket
by bucket, and total = pending + frozen + available); available goes below zero only by a clawback;
no share is negative; each level's share is its lines' rules of what is left paid, rounded down;
and the levels together never earn more than is left paid, so the platform never pays out more
than it took."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from panacea.distribution.commission import line_rules
from panacea.orders import LineCommission
from panacea.platform.money import Money
from tests.integration.distribution.network import Network, network

RATES = (800, 400)

line_amounts = st.lists(st.sampled_from([0, 1, 99, 333, 1000, 4999, 10000, 123457]), min_size=1, max_size=4)
override = st.one_of(  # a line's product: no override, a level at another rate, a level at a fixed amount
    st.none(),
    st.builds(lambda level, rate: LineCommission(level=level, rate_bps=rate), st.integers(1, 2), st.integers(0, 3000)),
    st.builds(
        lambda level, fixed: LineCommission(level=level, fixed=Money(amount=fixed, currency="GBP")),
        st.integers(1, 2),
        st.sampled_from([0, 1, 250, 5000, 200000]),
    ),
)
step = st.one_of(
    st.tuples(st.just("refund_line"), st.integers(1, 4), st.integers(1, 100)),  # line, percent of what is left
    st.tuples(st.just("refund_amount"), st.integers(1, 100), st.just(0)),  # percent of what is left paid
    st.tuples(st.just("complete"), st.just(0), st.just(0)),
    st.tuples(st.just("thaw"), st.integers(0, 30), st.just(0)),  # days from now
)


@pytest.fixture(scope="module")
def net() -> Network:
    return network()


@pytest.fixture(scope="module")
def people(net: Network) -> tuple[str, str, str]:
    a, b, c = net.appoint(), net.appoint(), net.new_member()
    net.bound(b, a)
    net.bound(c, b)
    return a, b, c


@settings(max_examples=20)
@given(lines=line_amounts, overrides=st.lists(override, min_size=4, max_size=4), steps=st.lists(step, max_size=6))
def test_balances_are_their_entries_and_commission_never_exceeds_what_is_left_paid(
    net: Network,
    people: tuple[str, str, str],
    lines: list[int],
    overrides: list[LineCommission | None],
    steps: list[tuple[str, int, int]],
):
    a, b, c = people
    # Given C's paid order of random lines, of products with random overrides
    by_line = {no: [o] for no, o in enumerate(overrides, start=1) if o is not None and no <= len(lines)}
    order = net.order(c, lines, overrides=by_line)
    left = dict(order.lines)
    rules = {
        no: line_rules(dict(enumerate(RATES, start=1)), by_line.get(no, []), quantity=1, paid=paid, currency="GBP")
        for no, paid in order.lines.items()
    }
    completed = False
    # When random refunds, a completion and thaw runs happen
    for kind, x, y in steps:
        if kind == "refund_line" and x in left and left[x] > 0:
            value = max(1, left[x] * y // 100)
            order.refund(value, {x: value})
            left[x] -= value
        elif kind == "refund_amount" and sum(left.values()) > 0:
            value = max(1, sum(left.values()) * x // 100)
            order.refund(value)
            left = _spread(left, value)
        elif kind == "complete" and not completed:
            order.completed()
            completed = True
        elif kind == "thaw":
            net.thaw(days=x)
        # Then every balance is the sum of its entries (checked by net.balance), never negative but by a clawback
        for distributor in (a, b):
            held = net.balance(distributor)
            assert held["pending"] >= 0
            assert held["frozen"] >= 0
            assert held["available"] >= 0 or "clawback" in net.entry_kinds(distributor)
        # And each level's share is its lines' rules of what is left paid, never negative, never more
        # than is left paid with the other levels
        shares = net.shares(order.order_id)
        for level, (_, amount, _) in shares.items():
            assert amount >= 0
            assert amount == sum(rules[no][level].on(left[no], order.lines[no]) for no in left)
        assert sum(amount for _, amount, _ in shares.values()) <= sum(left.values())


def _spread(left: dict[int, int], value: int) -> dict[int, int]:
    from panacea.distribution.commission import allocate  # noqa: PLC0415

    parts = allocate(value, left)
    return {line: left[line] - parts[line] for line in left}
