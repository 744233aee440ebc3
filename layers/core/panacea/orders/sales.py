"""What orders tells finance when an order's money moves, in finance's own input types
(`finance.Sale`, `finance.SaleRefund`); finance hands back its ledger entry, which orders adds to
the transaction that moves the money (DESIGN rule 11)."""

from __future__ import annotations

from collections.abc import Sequence

from panacea import finance
from panacea.orders.models import Order, OrderLine, OrderRefund


def sale_line(line: OrderLine) -> finance.SaleLine:
    return finance.SaleLine(
        line_no=line.line_no,
        product_id=line.product_id,
        product_name=line.product_name,
        product_kind=line.kind.value,
        sku_id=line.sku_id,
        store_id=line.store_id,
        quantity=line.quantity,
        gross=line.subtotal,
        discount=line.discount,
        amount=line.amount,
        refunded_quantity=line.refunded_quantity,
    )


def sale_of(order: Order) -> finance.Sale:
    """The order as finance records its money: its lines as sold, its state now."""
    return finance.Sale(
        order_id=order.id,
        member_id=order.member_id,
        payment_method=order.payment_method.value,
        payment_id=order.payment.payment_id,
        ordered_at=order.created_at,
        paid_at=order.payment.paid_at,
        state=order.state.value,
        currency=order.currency,
        total=order.total,
        lines=[sale_line(line) for line in order.lines],
    )


def refund_of(refund: OrderRefund, refunded: Sequence[OrderLine]) -> finance.SaleRefund:
    """A refund as finance records it: `refunded` are the lines it names, each with the units
    refunded and what they give back (`amount`); none for a refund of an amount."""
    return finance.SaleRefund(refund_id=refund.id, amount=refund.amount, lines=[sale_line(line) for line in refunded])
