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
"""

from __future__ import annotations

from collections.abc import Sequence

from panacea.orders.models import OrderLine
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
