"""The sales ledger: one entry per money movement of an order, added to the unit of work of the
change that moves the money, so that an order is paid (or refunded) together with its entry, or
not at all; entries are never changed or deleted (dal.py).

Finance does not know orders: orders hands it what finance needs in finance's own input types,
and finance hands back the item to add to orders' unit of work (DESIGN rule 11):

    paid      sale_entry(tenant, Sale, at=)                one entry: a line per order line
                                                           (gross, discount, amount = what was paid)
    refunded  refund_entry(tenant, Sale, SaleRefund, at=)  one entry: the refund shared out over lines, negative

A movement is recorded once because its entry is part of the transaction that makes it: that
transaction is conditional on the order's version, and afterwards the order is no longer in a
state the same movement can happen from again (a redelivered payment event finds it paid; a
retried refund finds it recorded). Each entry is ONE item of the transaction, whatever its
lines: paying a 20-line order from 20 stores already writes 42 order items and 40 stock items.
Nothing else joins these transactions: later contexts (distribution, logistics, records …)
follow `order.paid`, `order.completed` and `order.refunded` by their events.

How a refund is shared out over lines (the rule):
- a refund of lines gives each line what orders' pricing gives back for its units (orders says
  it: the refunded line's `amount`); when staff refund another amount than the lines are worth,
  that amount is shared over the same lines in proportion to their worth;
- a refund of an amount without lines (goodwill, or made at Stripe) is shared over the order's
  lines in proportion to what is left of each by its unrefunded units;
- a share rounds down, and the remainder goes on the last line that has room left (then on the
  last line), so the shares add up to the refund exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from panacea.finance import dal
from panacea.finance.models import EntryKind, LedgerEntry, LedgerLine
from panacea.platform import ids
from panacea.platform.money import Money
from panacea.platform.transaction import UnitOfWork


@dataclass(frozen=True)
class SaleLine:
    """An order line as it was sold (orders builds it from its line)."""

    line_no: int
    product_id: str
    product_name: str
    product_kind: str
    sku_id: str
    store_id: str
    quantity: int  # units sold; on a refund's line, units refunded
    gross: Money  # unit price * quantity
    discount: Money  # the line's share of the order's discounts
    amount: Money  # what was paid for it; on a refund's line, what its units give back
    refunded_quantity: int = 0  # units refunded before this movement


@dataclass(frozen=True)
class Sale:
    """An order whose money moves, as finance records it (orders builds it from its order)."""

    order_id: str
    member_id: str
    payment_method: str
    payment_id: str | None
    ordered_at: datetime
    paid_at: datetime | None
    state: str  # the order's state after this movement
    currency: str
    total: Money
    lines: Sequence[SaleLine]


@dataclass(frozen=True)
class SaleRefund:
    """A refund of a sale: the lines it names (units refunded, what they give back), or none for a
    refund of an amount."""

    refund_id: str
    amount: Money
    lines: Sequence[SaleLine] = ()


def entry_id(at: datetime) -> str:
    """A ULID whose time is `at` (so an entry sorts by when its money moved)."""
    return ids.id_at(at)


def sale_of(sale: Sale, *, at: datetime) -> LedgerEntry:
    """The entry of an order's payment: each line as it was sold."""
    lines = [
        _ledger_line(line, quantity=line.quantity, gross=line.gross, discount=line.discount, amount=line.amount)
        for line in sale.lines
    ]
    amount = sum(line.amount.amount for line in lines)
    if amount != sale.total.amount:
        raise ValueError(f"order {sale.order_id}'s lines add up to {amount}, not its total {sale.total.amount}")
    return _entry(sale, EntryKind.SALE, Money(amount=amount, currency=sale.currency), lines, at=at)


def refund_of(sale: Sale, refund: SaleRefund, *, at: datetime) -> LedgerEntry:
    """The entry of a refund: the lines it names, each with the units refunded and what they give
    back (`amount`); none for a refund of an amount (see the rule above)."""
    currency = sale.currency
    if refund.lines:
        basis = list(refund.lines)
        weights = [line.amount.amount for line in basis]
        units = [line.quantity for line in basis]
    else:
        basis = list(sale.lines)
        weights = [_left(line) for line in basis]
        units = [0] * len(basis)
    shares = allocate(refund.amount.amount, weights)
    zero = Money.zero(currency)
    lines = [
        _ledger_line(
            line, quantity=-quantity, gross=zero, discount=zero, amount=Money(amount=-share, currency=currency)
        )
        for line, quantity, share in zip(basis, units, shares, strict=True)
        if share or quantity
    ]
    amount = Money(amount=-refund.amount.amount, currency=currency)
    return _entry(sale, EntryKind.REFUND, amount, lines, at=at, refund_id=refund.refund_id)


def _ledger_line(line: SaleLine, *, quantity: int, gross: Money, discount: Money, amount: Money) -> LedgerLine:
    """What an order line contributed to a movement: the line as sold, and these figures."""
    return LedgerLine.model_validate(
        {
            "line_no": line.line_no,
            "product_id": line.product_id,
            "product_name": line.product_name,
            "product_kind": line.product_kind,
            "sku_id": line.sku_id,
            "store_id": line.store_id,
            "quantity": quantity,
            "gross": gross,
            "discount": discount,
            "amount": amount,
        }
    )


def _left(line: SaleLine) -> int:
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
    sale: Sale,
    kind: EntryKind,
    amount: Money,
    lines: list[LedgerLine],
    *,
    at: datetime,
    refund_id: str | None = None,
) -> LedgerEntry:
    return LedgerEntry.model_validate(
        {
            "id": entry_id(at),
            "kind": kind,
            "at": at,
            "order_id": sale.order_id,
            "member_id": sale.member_id,
            "payment_method": sale.payment_method,
            "payment_id": sale.payment_id,
            "refund_id": refund_id,
            "ordered_at": sale.ordered_at,
            "paid_at": sale.paid_at,
            "state": sale.state,
            "currency": sale.currency,
            "amount": amount,
            "lines": lines,
        }
    )


# --- what finance hands to the unit of work that moves the money ------------------------------------


def sale_entry(tenant_id: str, sale: Sale, *, at: datetime) -> UnitOfWork:
    """The entry of an order's payment, for the unit of work that marks it paid (one item)."""
    part = UnitOfWork(tenant_id)
    dal.append(part, tenant_id, sale_of(sale, at=at))
    return part


def refund_entry(tenant_id: str, sale: Sale, refund: SaleRefund, *, at: datetime) -> UnitOfWork:
    """The entry of a refund, for the unit of work that records it on the order (one item)."""
    part = UnitOfWork(tenant_id)
    dal.append(part, tenant_id, refund_of(sale, refund, at=at))
    return part
