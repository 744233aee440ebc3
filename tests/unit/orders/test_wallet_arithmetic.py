"""The wallet part of an order's arithmetic, without I/O: the credit shared over the lines to the
penny, and refunds splitting money and wallet credit pro rata so that, refunded in any pieces, each
part goes back whole and never more."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from panacea.orders import pricing
from panacea.orders.models import OrderLine, ProductKind
from panacea.platform.money import Money
from tests.unit.orders.test_orders_rules import gbp, line, order


def test_the_credit_is_shared_over_the_lines_in_proportion_to_their_amounts():
    # Given a device (£89.00) and a service (£45.00)
    lines = [line(1, ProductKind.DEVICE, price=8900), line(2, ProductKind.SERVICE, price=4500)]
    # When £30.00 of wallet credit is spent on them
    pricing.spend_wallet(lines, gbp(3000))
    # Then each line's part is rounded down, the penny left to the largest remainder
    assert [line.wallet for line in lines] == [gbp(1993), gbp(1007)]
    # And what each line was paid in money is the rest
    assert [pricing.paid_in_money(line) for line in lines] == [gbp(6907), gbp(3493)]


@given(
    amounts=st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=20),
    share=st.floats(min_value=0, max_value=1),
)
def test_allocation_adds_up_and_never_exceeds_a_line(amounts: list[int], share: float):
    weights = dict(enumerate(amounts, start=1))
    amount = int(sum(amounts) * share)
    parts = pricing.allocate(amount, weights)
    assert sum(parts.values()) == amount
    assert all(0 <= parts[no] <= weights[no] for no in weights)


@given(
    prices=st.lists(st.integers(min_value=1, max_value=100_000), min_size=1, max_size=5),
    wallet_share=st.floats(min_value=0, max_value=1),
    pieces=st.lists(st.floats(min_value=0.01, max_value=1), min_size=1, max_size=6),
)
def test_refunds_in_any_pieces_give_each_part_back_whole_and_never_more(
    prices: list[int], wallet_share: float, pieces: list[float]
):
    # Given an order paid partly from the wallet
    lines: list[OrderLine] = [line(no, ProductKind.GOODS, price=p) for no, p in enumerate(prices, start=1)]
    paid = order(lines=lines)
    credit = int(paid.total.amount * wallet_share)
    paid.wallet_paid = gbp(credit)
    money = paid.total.amount - credit
    # When it is refunded in pieces, the last one all that is left
    to_wallet = to_card = 0
    for i, piece in enumerate(pieces):
        left = paid.total.amount - paid.refunded.amount
        amount = left if i == len(pieces) - 1 else max(1, min(left, int(left * piece)))
        if left <= 0:
            break
        part = pricing.wallet_share(paid, Money(amount=amount, currency="GBP"))
        # Then no piece takes back more of either part than is left of it
        assert 0 <= part.amount <= credit - to_wallet
        assert 0 <= amount - part.amount <= money - to_card
        to_wallet, to_card = to_wallet + part.amount, to_card + amount - part.amount
        paid.refunded = paid.refunded + Money(amount=amount, currency="GBP")
        paid.wallet_returned = gbp(to_wallet)
    # And once all of it is refunded, each part went back whole
    assert (to_wallet, to_card) == (credit, money)
