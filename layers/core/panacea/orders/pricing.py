"""The arithmetic of an order, written down once.

- A line's subtotal is unit price * quantity (the catalog prices it on the server).
- The promotions' discount is shared out over the lines by the promotions context's quote (in
  proportion to the lines it applies to, rounding down, remainder on its last line); the order
  takes each line's share as quoted. What the member pays for a line is subtotal - share.
- The order's subtotal, discount and total are the sums of its lines', so total = subtotal -
  discount to the penny, and the total is what the payment is for.
- Refunding n units of a line gives back `amount * (r + n) // quantity - amount * r // quantity`
  (r: units of it already refunded): units refunded one at a time or all at once add up to the
  line's amount exactly, and never more. A refund of an amount without lines is that amount.
- Wallet credit spent at checkout (at most the total) is shared out over the lines in proportion to
  their amounts (`allocate`: each part rounded down, the minor units left one each to the largest
  remainders, lowest line first on a tie; the parts add up to the credit). A line's money is its
  amount less its wallet part: that is what commission and cashback are computed on (`paid_in_money`),
  and the payment is for the order's money (`money_due`: total - wallet credit).
- A refund gives back money and wallet credit pro rata to what is left of each: of a refund of A
  when L of the order is left to refund, of which WL is wallet credit, WL * A // L goes back to the
  wallet and the rest to the payment method (`wallet_share`). Each refund's parts are rounded so
  that the money part is never short, and a refund of all that is left gives back all of both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from panacea.orders.models import Order, OrderLine
from panacea.platform.money import Money


def totals(lines: Sequence[OrderLine], currency: str) -> tuple[Money, Money, Money]:
    """(subtotal, discount, total) of the lines."""
    subtotal = sum(line.subtotal.amount for line in lines)
    discount = sum(line.discount.amount for line in lines)
    total = sum(line.amount.amount for line in lines)
    if total != subtotal - discount:
        raise ValueError("each line's amount is its subtotal less its discount")
    return (
        Money(amount=subtotal, currency=currency),
        Money(amount=discount, currency=currency),
        Money(amount=total, currency=currency),
    )


def refund_value(line: OrderLine, quantity: int) -> int:
    """What refunding `quantity` more units of `line` gives back (see the rule above)."""
    already = line.refunded_quantity
    if quantity < 0 or already + quantity > line.quantity:
        raise ValueError(f"line {line.line_no} has {line.quantity - already} units left to refund")
    amount = line.amount.amount
    return amount * (already + quantity) // line.quantity - amount * already // line.quantity


def allocate(amount: int, weights: Mapping[int, int]) -> dict[int, int]:
    """`amount` spread over lines in proportion to `weights` (see the rule above); no line gets more
    than its weight, and the parts add up to `amount` (at most the sum of the weights)."""
    total = sum(max(0, w) for w in weights.values())
    amount = min(max(0, amount), total)
    if amount == 0:
        return dict.fromkeys(weights, 0)
    parts = {line: max(0, w) * amount // total for line, w in weights.items()}
    left = amount - sum(parts.values())
    for line in sorted(weights, key=lambda no: (-(max(0, weights[no]) * amount % total), no)):
        if left == 0:
            break
        if parts[line] < weights[line]:
            parts[line] += 1
            left -= 1
    return parts


def spend_wallet(lines: Sequence[OrderLine], credit: Money) -> None:
    """Share `credit` (at most the lines' total) out over the lines (their `wallet` part)."""
    parts = allocate(credit.amount, {line.line_no: line.amount.amount for line in lines})
    for line in lines:
        line.wallet = Money(amount=parts[line.line_no], currency=credit.currency)


def paid_in_money(line: OrderLine) -> Money:
    """What was (or is to be) paid for the line in money: its amount less its wallet part."""
    return line.amount - line.wallet if line.wallet is not None else line.amount


def money_due(order: Order) -> Money:
    """What the payment is for: the total less the wallet credit spent."""
    return order.total - order.wallet_paid if order.wallet_paid is not None else order.total


def wallet_share(order: Order, amount: Money) -> Money:
    """Of a refund of `amount` (at most what is left), the part that goes back to the wallet."""
    spent = order.wallet_paid.amount if order.wallet_paid is not None else 0
    returned = order.wallet_returned.amount if order.wallet_returned is not None else 0
    left = order.total.amount - order.refunded.amount
    if spent <= returned or left <= 0:
        return Money.zero(amount.currency)
    return Money(amount=min((spent - returned) * amount.amount // left, spent - returned), currency=amount.currency)
