"""Product cashback: a share of what the member paid for each line (the product's `cashback_bps`),
credited to their wallet when the order completes, taken back when the order is refunded.

- Due (`cashback_due`): per line, `cashback_bps` of the amount paid for it and not refunded, rounded
  DOWN (the house rule: the platform never pays out more than it took), then summed.
- What is kept per line is the commission ledger's evidence of the order (`ledger_items.EvidenceItem`:
  each line's paid and refunded amounts, every refund applied once and spread over the lines as the
  commission's reversal spread it), not the completion event's `refunded`, a total only.
- `order.completed` (`completed`): the cashback due on what is kept is credited once (kind cashback,
  reference the order's id), and the evidence keeps it (`cashback`) with each line's ratio
  (`cashback_bps`), in the same transaction, under a condition that no refund was applied to the
  evidence since it was read: a refund applied meanwhile is either counted in the credit or sees it.
- `order.refunded` (`refunded`, after the commission's reversal recorded the refund on the evidence):
  the cashback comes down to what is due on what is kept now; the difference is taken back (kind
  cashback_reversed, reference `<order>:<refund>`), under a condition on the cashback the evidence
  held. So the member keeps exactly the ratio of what they kept, rounded down per line; a refund
  delivered again, or counted by an earlier reversal, takes nothing more. A reversal may take the
  wallet below zero (the cashback may have been withdrawn): later credits offset it. A refund before
  the completion reverses nothing: the completion credits only what is kept.

Orders never cancels a completed order (lifecycle.py: a completed order is only refunded), so a
cancellation finds no cashback to take back; it is followed like a refund all the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import ConfigDict
from pynamodb.expressions.condition import Condition, size

from panacea import orders
from panacea.distribution import ledger_items as ledger
from panacea.distribution import wallet
from panacea.distribution.accrual import NotYetAccrued
from panacea.distribution.wallet_models import Credit, Debit, EntryKind
from panacea.platform.errors import ConcurrentUpdate
from panacea.platform.models import BaseModel
from panacea.platform.money import BasisPoints, Money
from panacea.platform.transaction import unit_of_work

ATTEMPTS = 3  # reads and writes again when a refund or another reversal changed the evidence meanwhile


class CashbackLine(BaseModel):
    """A line of an order as cashback needs it."""

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


def completed(tenant_id: str, event: orders.OrderCompleted) -> None:
    """Credit the order's cashback on what the buyer kept of each line (once)."""
    ratios = {str(line.line_no): line.cashback_bps for line in event.lines}
    if not any(ratios.values()):
        return  # no line pays cashback: nothing to credit now, nor to take back later (no write)
    _again(lambda: _credit(tenant_id, event.order_id, ratios))


def refunded(tenant_id: str, order_id: str, refund_id: str) -> None:
    """Take back the cashback of what the refunds gave back since it was credited (nothing before)."""
    _again(lambda: _reverse(tenant_id, order_id, refund_id))


def _credit(tenant_id: str, order_id: str, ratios: dict[str, int]) -> None:
    evidence = _evidence(tenant_id, order_id)
    if evidence.cashback is not None:
        return  # credited already (the event delivered again)
    due = _due(evidence, ratios)
    with unit_of_work(tenant_id) as uow:
        uow.update(
            evidence,
            [ledger.EvidenceItem.cashback.set(due.amount), ledger.EvidenceItem.cashback_bps.set(ratios)],
            condition=ledger.EvidenceItem.cashback.does_not_exist() & _no_refund_since(evidence),
            conflict=_moved(),
        )
        if due.amount > 0:
            uow.add(wallet.credit_items(tenant_id, Credit(member_id=evidence.buyer_id, kind=EntryKind.CASHBACK,
                                                          amount=due, reference=order_id)))  # fmt: skip


def _reverse(tenant_id: str, order_id: str, refund_id: str) -> None:
    evidence = _evidence(tenant_id, order_id)
    if evidence.cashback is None:
        return  # not credited: the completion will credit only what is kept
    held = int(evidence.cashback)
    due = _due(evidence, evidence.cashback_bps or {})
    taken = held - due.amount
    if taken <= 0:
        return  # nothing more to take back (this refund was counted already)
    try:
        _take_back(tenant_id, evidence, held=held, due=due, refund_id=refund_id)
    except wallet.EntryRecorded:
        return  # this refund took its part before: what is left to take is a later refund's, which takes it


def _take_back(tenant_id: str, evidence: ledger.EvidenceItem, *, held: int, due: Money, refund_id: str) -> None:
    with unit_of_work(tenant_id) as uow:
        uow.update(
            evidence,
            [ledger.EvidenceItem.cashback.set(due.amount)],
            condition=ledger.EvidenceItem.cashback == held,
            conflict=_moved(),
        )
        reversal = Debit(
            member_id=evidence.buyer_id,
            kind=EntryKind.CASHBACK_REVERSED,
            amount=Money(amount=held - due.amount, currency=due.currency),
            reference=f"{evidence.order_id}:{refund_id}",
        )
        uow.add(wallet.debit_items(tenant_id, reversal))


def _due(evidence: ledger.EvidenceItem, ratios: dict[str, int]) -> Money:
    currency = evidence.currency
    lines = [
        CashbackLine(
            amount=Money(amount=int(line["paid"]), currency=currency),
            refunded=Money(amount=int(line["refunded"]), currency=currency),
            cashback_bps=int(ratios.get(no, 0)),
        )
        for no, line in evidence.lines.items()
    ]
    return cashback_due(lines, currency)


def _no_refund_since(evidence: ledger.EvidenceItem) -> Condition:
    applied = len(evidence.refunds or ())
    if applied == 0:
        return ledger.EvidenceItem.refunds.does_not_exist()
    counted: Condition = size(ledger.EvidenceItem.refunds) == applied  # type: ignore[no-untyped-call]
    return counted  # refunds are only ever added: as many as read, the same ones


def _evidence(tenant_id: str, order_id: str) -> ledger.EvidenceItem:
    found = ledger.EvidenceItem.find(*ledger.EvidenceItem.key(tenant_id, order_id), consistent_read=True)
    if found is None:
        raise NotYetAccrued(f"order {order_id} has no commission record yet")
    return found


def _moved() -> ConcurrentUpdate:
    return ConcurrentUpdate("the order's cashback changed at the same moment; retry")


def _again(change: Callable[[], None]) -> None:
    for attempt in range(1, ATTEMPTS + 1):
        try:
            change()
            return
        except ConcurrentUpdate:
            if attempt == ATTEMPTS:
                raise  # the queue delivers the record again
