"""Product cashback: a share of what the member paid for each line (the product's `cashback_bps`),
credited to their wallet when the order completes, taken back when the order is refunded.

- Due (`cashback_due`): per line, `cashback_bps` of the amount paid for it and not refunded, rounded
  DOWN (the house rule: the platform never pays out more than it took), then summed.
- Credited once per order (`credit_cashback`: kind cashback, reference the order's id).
- Reversed once per refund (`reverse_cashback`: kind cashback_reversed, reference
  `<order>:<refund>`): the share of what the refund gave back, rounded UP, and never more than what
  is left of the order's cashback (the earlier reversals are read with one Query), so the member keeps
  no more cashback than the share of what they kept. A reversal may take the wallet below zero (the
  cashback may have been withdrawn): later credits offset it. A refund before any cashback was
  credited reverses nothing.

The consumer that calls these on `order.completed` / `order.refunded` is the context's
(functions/distribution/consumers.py): the lead wires it.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ConfigDict

from panacea.distribution import wallet
from panacea.distribution.wallet_items import EntryItem, entries_of, entry_key
from panacea.distribution.wallet_models import Credit, Debit, EntryKind, WalletEntry
from panacea.platform.models import BaseModel
from panacea.platform.money import BASIS_POINTS_IN_WHOLE, BasisPoints, Money


class CashbackLine(BaseModel):
    """A line of an order as cashback needs it (from orders' LineFact)."""

    model_config = ConfigDict(frozen=True)

    amount: Money  # what the member paid for the line, after discounts
    cashback_bps: BasisPoints = 0
    refunded: Money | None = None  # what was refunded of the line so far


def cashback_due(lines: Sequence[CashbackLine], currency: str) -> Money:
    """The cashback of an order's lines: each line's share of what was kept, rounded down."""
    total = Money.zero(currency)
    for line in lines:
        kept = line.amount - line.refunded if line.refunded else line.amount
        total = total + Money(amount=max(kept.amount, 0), currency=currency).share(line.cashback_bps)
    return total


def share_up(amount: Money, rate: int) -> Money:
    """`rate` basis points of `amount`, rounded UP: what is taken back, never less than was paid on it."""
    return Money(amount=-(-amount.amount * rate // BASIS_POINTS_IN_WHOLE), currency=amount.currency)


def credit_cashback(tenant_id: str, member_id: str, order_id: str, due: Money) -> WalletEntry | None:
    """Credit an order's cashback (once: a redelivered event answers the first entry); None if nothing is due."""
    if due.amount <= 0:
        return None
    return wallet.credit(
        tenant_id, Credit(member_id=member_id, kind=EntryKind.CASHBACK, amount=due, reference=order_id)
    )


def reverse_cashback(
    tenant_id: str, member_id: str, order_id: str, refund_id: str, refunded: Sequence[CashbackLine]
) -> WalletEntry | None:
    """Take back the cashback of what a refund gave back (`refunded`: the lines' refunded amounts,
    as `amount`), capped at what is left of the order's cashback; None if nothing is to be taken."""
    credited = EntryItem.find(*entry_key(tenant_id, member_id, EntryKind.CASHBACK, order_id), consistent_read=True)
    if credited is None or not refunded:
        return None
    currency = credited.currency
    earlier = entries_of(tenant_id, member_id, EntryKind.CASHBACK_REVERSED, f"{order_id}:")
    this_one = next((e for e in earlier if e.reference == f"{order_id}:{refund_id}"), None)
    if this_one is not None:  # the refund's event again: reversed already
        return this_one.view()
    taken = -sum(int(e.amount) for e in earlier)
    wanted = sum((share_up(line.amount, line.cashback_bps) for line in refunded), Money.zero(currency))
    amount = min(wanted.amount, int(credited.amount) - taken)
    if amount <= 0:
        return None
    reversal = Debit(
        member_id=member_id,
        kind=EntryKind.CASHBACK_REVERSED,
        amount=Money(amount=amount, currency=currency),
        reference=f"{order_id}:{refund_id}",
    )
    return wallet.debit(tenant_id, reversal)
