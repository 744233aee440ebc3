"""The ledger under random lives of orders: paid, partly or wholly refunded (by line or by amount),
completed, thawed, in any order orders allows. After each: every balance is the sum of its entries
(bucket by bucket, and total = pending + frozen + available); available goes below zero only by a
clawback; no share is negative; and no order's commission exceeds the rates of what is left paid,
so the platform never pays out more than it took."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.integration.distribution.network import Network, network

RATES = (800, 400)

line_amounts = st.lists(st.sampled_from([0, 1, 99, 333, 1000, 4999, 10000, 123457]), min_size=1, max_size=4)
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
@given(lines=line_amounts, steps=st.lists(step, max_size=6))
def test_balances_are_their_entries_and_commission_never_exceeds_what_is_left_paid(
    net: Network, people: tuple[str, str, str], lines: list[int], steps: list[tuple[str, int, int]]
):
    a, b, c = people
    # Given C's paid order of random lines
    order = net.order(c, lines)
    left = dict(order.lines)
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
        # And each level's share is at most its rate of what is left paid, and never negative
        shares = net.shares(order.order_id)
        for level, (_, amount, _) in shares.items():
            assert amount >= 0
            assert amount * 10_000 <= sum(left.values()) * RATES[level - 1]


def _spread(left: dict[int, int], value: int) -> dict[int, int]:
    from panacea.distribution.commission import allocate  # noqa: PLC0415

    parts = allocate(value, left)
    return {line: left[line] - parts[line] for line in left}
