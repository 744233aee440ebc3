"""Product cashback through distribution's consumer, as orders' events reach it: credited to the
buyer's wallet when the order completes, on what was kept of each line (the commission evidence's
lines, not the event's total), rounded down per line; taken back by refunds after that, to the
penny; once per event however often it is delivered; a refund that arrives before the completion
is counted by it, not taken twice. The wallet's balance is always the sum of its entries."""

from __future__ import annotations

from panacea.distribution import wallet
from panacea.orders import LineFact, OrderCancelled, OrderCompleted, OrderPaid, OrderRefunded
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from tests.integration.distribution.network import CONSUMER, Network, gbp, network
from tests.support.in_process import deliver


def cashback_line(line_no: int, amount: int, bps: int) -> LineFact:
    return LineFact(
        line_no=line_no, sku_id=f"SKU{line_no}", store_id="S1", product_id=f"P{line_no}", kind="goods",
        quantity=1, amount=gbp(amount), cashback_bps=bps,
    )  # fmt: skip


class Bought:
    """A member's paid order of `lines` (line no → (amount, cashback bps)), and its later events."""

    def __init__(self, net: Network, lines: dict[int, tuple[int, int]]) -> None:
        self.net, self.order_id, self.member_id = net, new_id(), net.new_member()
        self.lines = [cashback_line(no, amount, bps) for no, (amount, bps) in lines.items()]
        self.total = sum(amount for amount, _ in lines.values())
        self.refunded = 0
        net.accrue(
            OrderPaid(
                order_id=self.order_id, member_id=self.member_id, total=gbp(self.total), payment_id=new_id(),
                payment_method="card", lines=self.lines, referral_code=None,
            )
        )  # fmt: skip

    def completed(self) -> None:
        self.net.deliver(
            OrderCompleted(
                order_id=self.order_id, member_id=self.member_id, total=gbp(self.total),
                refunded=gbp(self.refunded), lines=self.lines, referral_code=None,
            )
        )  # fmt: skip

    def refund(self, amount: int, lines: dict[int, int] | None = None, *, refund_id: str = "") -> str:
        if not refund_id:  # a new refund (an id given: the same refund's event again)
            refund_id, self.refunded = new_id(), self.refunded + amount
        refunded = [line.model_copy(update={"amount": gbp(lines[line.line_no])}) for line in self.lines
                    if lines and line.line_no in lines]  # fmt: skip
        self.net.deliver(
            OrderRefunded(
                order_id=self.order_id, member_id=self.member_id, refund_id=refund_id, amount=gbp(amount),
                refunded_total=gbp(self.refunded), full=self.refunded >= self.total, state="completed",
                lines=refunded, referral_code=None,
            )
        )  # fmt: skip
        return refund_id

    def wallet(self) -> int:
        """The buyer's GBP balance, checked against the sum of their wallet's entries."""
        with acting_for(self.net.tenant_id):
            held = wallet.balance(self.net.tenant_id, self.member_id, "GBP")
            entries = wallet.all_entries(self.net.tenant_id, self.member_id)
        assert held == sum((e.amount for e in entries), Money.zero("GBP"))
        return held.amount

    def kinds(self) -> list[str]:
        with acting_for(self.net.tenant_id):
            return sorted(e.kind for e in wallet.all_entries(self.net.tenant_id, self.member_id))


def test_completion_credits_each_lines_ratio_rounded_down_once():
    # Given a paid order: £99.99 at 5 %, £20.00 without cashback, £33.33 at 2.5 %
    net = network()
    order = Bought(net, {1: (9999, 500), 2: (2000, 0), 3: (3333, 250)})
    assert order.wallet() == 0  # nothing before the order completes
    # When it completes, and the event is delivered again
    order.completed()
    order.completed()
    # Then the buyer holds £4.99 + £0.83 (each line's share rounded down), credited once
    assert order.wallet() == 499 + 83
    assert order.kinds() == ["cashback"]


def test_refunds_after_completion_take_back_what_was_given_back_to_the_penny_once_each():
    # Given a completed order of £99.99 at 5 % and £50.00 at 10 %: £4.99 + £5.00 credited
    net = network()
    order = Bought(net, {1: (9999, 500), 2: (5000, 1000)})
    order.completed()
    assert order.wallet() == 999
    # When £10.00 of the first line is refunded (the event delivered twice)
    first = order.refund(1000, {1: 1000})
    order.refund(1000, {1: 1000}, refund_id=first)
    # Then the buyer keeps 5 % of £89.99 rounded down: £4.49, and the second line's £5.00
    assert order.wallet() == 449 + 500
    # When £30.00 is refunded without naming lines (spread as the commission's reversal spreads it:
    # £17.99 of the first line's £89.99 and £12.01 of the second's £50.00, pro rata, rounded as it rounds)
    order.refund(3000)
    # Then what is left is each line's ratio of what is left paid on it
    with acting_for(net.tenant_id):
        from panacea.distribution import ledger_items as ledger  # noqa: PLC0415

        evidence, _ = ledger.order_commission(net.tenant_id, order.order_id)
    assert evidence is not None
    left = evidence.paid_by_line()
    assert sum(left.values()) == 9999 + 5000 - 4000
    assert order.wallet() == left[1] * 500 // 10000 + left[2] * 1000 // 10000
    # When the rest is refunded
    order.refund(sum(left.values()))
    # Then the buyer keeps no cashback, and each refund took its part in one entry
    assert order.wallet() == 0
    assert order.kinds() == ["cashback", "cashback_reversed", "cashback_reversed", "cashback_reversed"]


def test_a_refund_delivered_before_the_completion_is_counted_by_it_and_not_taken_twice():
    # Given a paid order of £80.00 at 5 % whose £30.00 refund reaches distribution before its completion
    net = network()
    order = Bought(net, {1: (8000, 500)})
    refund = order.refund(3000, {1: 3000})
    assert order.wallet() == 0  # nothing credited, nothing taken
    # When the completion arrives
    order.completed()
    # Then the cashback is 5 % of the £50.00 kept
    assert order.wallet() == 250
    # And the refund delivered again afterwards takes nothing
    order.refund(3000, {1: 3000}, refund_id=refund)
    assert order.wallet() == 250
    assert order.kinds() == ["cashback"]


def test_a_cancellation_after_payment_gives_no_cashback_and_takes_none():
    # Given a paid order of £40.00 at 10 %, cancelled (refunded in full) before it was fulfilled
    net = network()
    order = Bought(net, {1: (4000, 1000)})
    net.deliver(
        OrderCancelled(
            order_id=order.order_id, member_id=order.member_id, by="member", reason="changed my mind",
            refunded=gbp(4000), lines=order.lines, referral_code=None,
        )
    )  # fmt: skip
    # Then the buyer's wallet holds nothing, and has no entry
    assert order.wallet() == 0
    assert order.kinds() == []


def test_an_order_without_cashback_credits_nothing_and_writes_nothing():
    # Given a paid order whose products pay no cashback
    net = network()
    order = Bought(net, {1: (5000, 0)})
    # When it completes, and is refunded in part
    order.completed()
    order.refund(1000, {1: 1000})
    # Then the buyer's wallet has no entry, and the order's evidence records no cashback
    assert order.kinds() == []
    with acting_for(net.tenant_id):
        from panacea.distribution import ledger_items as ledger  # noqa: PLC0415

        evidence, _ = ledger.order_commission(net.tenant_id, order.order_id)
    assert evidence is not None
    assert evidence.cashback is None


def test_a_completion_before_the_payment_was_handled_goes_back_to_the_queue():
    # Given an order whose payment distribution has not handled yet
    net = network()
    order_id, member = new_id(), net.new_member()
    completed = OrderCompleted(
        order_id=order_id, member_id=member, total=gbp(1000), refunded=gbp(0),
        lines=[cashback_line(1, 1000, 500)], referral_code=None,
    )  # fmt: skip
    # When its completion is delivered
    answer = deliver(CONSUMER, completed, tenant_id=net.tenant_id)
    # Then the record is failed back to the queue, and nothing is credited
    assert len(answer["batchItemFailures"]) == 1
    with acting_for(net.tenant_id):
        assert wallet.balance(net.tenant_id, member, "GBP") == gbp(0)
