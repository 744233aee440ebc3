"""The sales ledger: one entry per money movement of an order, written by orders in the unit of
work that moves the money, so that an order is paid (or refunded) together with its entry, or
not at all; entries are never changed or deleted (dal.py).

    paid      record_sale     one entry: a line per order line (gross, discount, amount = what was paid)
    refunded  record_refund   one entry: the refund shared out over lines, negative

A movement is recorded once because its entry is part of the transaction that makes it: that
transaction is conditional on the order's version, and afterwards the order is no longer in a
state the same movement can happen from again (a redelivered payment event finds it paid; a
retried refund finds it recorded). Each entry is ONE item of the transaction, whatever its
lines: paying a 20-line order from 20 stores already writes 42 order items and 40 stock items.

How a refund is shared out over lines (the rule):
- a refund of lines gives each line what orders' pricing gives back for its units
  (`pricing.refund_value`); when staff refund another amount than the lines are worth, that
  amount is shared over the same lines in proportion to their worth;
- a refund of an amount without lines (goodwill, or made at Stripe) is shared over the order's
  lines in proportion to what is left of each by its unrefunded units;
- a share rounds down, and the remainder goes on the last line that has room left (then on the
  last line), so the shares add up to the refund exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ulid import ULID

from panacea.finance import dal
from panacea.finance.models import EntryKind, LedgerEntry, LedgerLine
from panacea.orders.models import Order, OrderLine, Refund
from panacea.platform.money import Money
from panacea.platform.transaction import UnitOfWork


def entry_id(at: datetime) -> str:
    """A ULID whose time is `at` (so an entry sorts by when its money moved)."""
    return str(ULID.from_timestamp(at.timestamp()))


def sale_of(order: Order, *, at: datetime) -> LedgerEntry:
    """The entry of an order's payment: each line as it was sold."""
    currency = order.currency
    lines = [
        _ledger_line(line, quantity=line.quantity, gross=line.subtotal, discount=line.discount, amount=line.amount)
        for line in order.lines
    ]
    amount = sum(line.amount.amount for line in lines)
    if amount != order.total.amount:
        raise ValueError(f"order {order.id}'s lines add up to {amount}, not its total {order.total.amount}")
    return _entry(order, EntryKind.SALE, Money(amount=amount, currency=currency), lines, at=at)


def refund_of(order: Order, refund: Refund, refunded: Sequence[OrderLine], *, at: datetime) -> LedgerEntry:
    """The entry of a refund: `refunded` are the lines it names, each with the units refunded and
    what they give back (`amount`); none for a refund of an amount (see the rule above)."""
    currency = order.currency
    if refunded:
        basis = list(refunded)
        weights = [line.amount.amount for line in basis]
        units = [line.quantity for line in basis]
    else:
        basis = list(order.lines)
        weights = [_left(line) for line in basis]
        units = [0] * len(basis)
    shares = allocate(refund.amount.amount, weights)
    zero = Money.zero(currency)
    lines = [
        _ledger_line(
            line,
            quantity=-quantity,
            gross=zero,
            discount=zero,
            amount=Money(amount=-share, currency=currency),
        )
        for line, quantity, share in zip(basis, units, shares, strict=True)
        if share or quantity
    ]
    amount = Money(amount=-refund.amount.amount, currency=currency)
    return _entry(order, EntryKind.REFUND, amount, lines, at=at, refund_id=refund.id)


def _ledger_line(line: OrderLine, *, quantity: int, gross: Money, discount: Money, amount: Money) -> LedgerLine:
    """What an order line contributed to a movement: the line as sold, and these figures."""
    return LedgerLine(
        line_no=line.line_no,
        product_id=line.product_id,
        product_name=line.product_name,
        product_kind=line.kind,
        sku_id=line.sku_id,
        store_id=line.store_id,
        quantity=quantity,
        gross=gross,
        discount=discount,
        amount=amount,
    )


def _left(line: OrderLine) -> int:
    """What is left of a line by its unrefunded units (orders' rule for a unit's value)."""
    return line.amount.amount - line.amount.amount * line.refunded_quantity // line.quantity


def allocate(total: int, weights: Sequence[int]) -> list[int]:
    """`total` over `weights` in proportion, each share rounded down; the remainder goes on the last
    weight with room left, then on the last. The shares add up to `total`."""
    if total < 0:
        raise ValueError("a refund is shared out as a positive amount")
    if not weights:
        raise ValueError(f"{total} cannot be shared over no lines")
    whole = sum(weights)
    if whole <= 0:
        weights, whole = [1] * len(weights), len(weights)
    shares = [total * weight // whole for weight in weights]
    remainder = total - sum(shares)
    for i in reversed(range(len(weights))):
        extra = min(remainder, max(0, weights[i] - shares[i]))
        shares[i] += extra
        remainder -= extra
    shares[-1] += remainder
    return shares


def _entry(
    order: Order,
    kind: EntryKind,
    amount: Money,
    lines: list[LedgerLine],
    *,
    at: datetime,
    refund_id: str | None = None,
) -> LedgerEntry:
    return LedgerEntry(
        id=entry_id(at),
        kind=kind,
        at=at,
        order_id=order.id,
        member_id=order.member_id,
        payment_method=order.payment_method,
        payment_id=order.payment.payment_id,
        refund_id=refund_id,
        ordered_at=order.created_at,
        paid_at=order.payment.paid_at,
        state=order.state,
        currency=order.currency,
        amount=amount,
        lines=lines,
    )


# --- what orders call, inside their unit of work ----------------------------------------------------


def record_sale(uow: UnitOfWork, tenant_id: str, order: Order, *, at: datetime) -> LedgerEntry:
    """Add the entry of the order's payment to the unit of work that marks it paid (one item)."""
    entry = sale_of(order, at=at)
    dal.append(uow, tenant_id, entry)
    return entry


def record_refund(
    uow: UnitOfWork, tenant_id: str, order: Order, refund: Refund, refunded: Sequence[OrderLine], *, at: datetime
) -> LedgerEntry:
    """Add the entry of a refund to the unit of work that records it on the order (one item)."""
    entry = refund_of(order, refund, refunded, at=at)
    dal.append(uow, tenant_id, entry)
    return entry
