"""Commission through an order's life, as orders announces it:

- `order.paid`: the buyer's chain at that moment (their referrer, theirs … as many levels as the
  tenant pays; the buyer first where self-purchase earns) is kept as the order's evidence, with the
  rates, the rules' version and the freeze days then, so that a later change of the rules never
  rewrites it; each active distributor of the chain accrues pending commission on what the buyer
  paid for each line, by the line's rule for its level (the product's override carried by the line,
  else the level's rate), kept per line on the evidence too (`commission.py`). A suspended or
  removed distributor's level earns nothing (the level is not passed up).
- `order.completed`: pending commission freezes until completion + the freeze days (thawing is
  the batch's job, `thawing.py`).
- `order.refunded` (each refund once), `order.cancelled` after payment: commission is reversed
  pro-rata to what the refund gave back, line by line, so what is left is the line's rule applied to
  what is left paid, rounded down (a fixed amount scaled with what is left paid of its line); from
  pending or frozen commission, or clawed back from available commission (the balance may go below
  zero; later earnings offset it).

Every change of a share is an entry plus its distributor's balance, in one transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from panacea import orders
from panacea.distribution import dal, wallet
from panacea.distribution import ledger_items as ledger
from panacea.distribution.commission import LineRule, allocate, earned, line_rules
from panacea.distribution.ledger_items import EntryKind, Move, ShareState
from panacea.distribution.models import CommissionAccrued, CommissionReversed
from panacea.distribution.network import rules_of, upline
from panacea.distribution.wallet_models import Debit
from panacea.distribution.wallet_models import EntryKind as WalletEntry
from panacea.platform import clock
from panacea.platform.errors import Conflict
from panacea.platform.money import Money
from panacea.platform.transaction import UnitOfWork, unit_of_work


class NotYetAccrued(RuntimeError):
    """An order's completion or refund arrived before its payment was handled: the record goes
    back to the queue and is tried again (events are not ordered)."""


class _Done(Conflict):
    pass


def accrue(tenant_id: str, event: orders.OrderPaid) -> None:
    rules, at = rules_of(tenant_id), clock.now()
    chain = _chain(tenant_id, event.member_id, rules.rates, self_purchase=rules.self_purchase_commission, at=at)
    if not rules.enabled:
        chain = []
    currency = event.total.currency
    paid = {line.line_no: line.amount.amount for line in event.lines}
    by_line = _rules_by_line(event.lines, {level: rate for level, _, rate in chain}, currency=currency)
    evidence = ledger.EvidenceItem(
        *ledger.EvidenceItem.key(tenant_id, event.order_id),
        order_id=event.order_id, buyer_id=event.member_id, currency=currency,
        chain={"levels": [{"level": n, "distributor": d, "rate_bps": r} for n, d, r in chain]},
        rule_version=rules.rule_version, freeze_days=rules.freeze_days,
        lines={
            str(no): {"paid": amount, "refunded": 0, "rules": {str(n): r.stored() for n, r in by_line[no].items()}}
            for no, amount in paid.items()
        },
        paid_at=at,
    )  # fmt: skip
    try:
        with unit_of_work(tenant_id) as uow:
            uow.create(evidence, conflict=_Done(""))
            for level, distributor_id, rate in chain:
                amount = earned({no: by_line[no][level] for no in paid}, paid, paid)
                if amount == 0:
                    continue
                uow.create(
                    ledger.ShareItem.new(
                        tenant_id, event.order_id, level=level, distributor_id=distributor_id, rate_bps=rate,
                        currency=currency, amount=amount, at=at,
                    ),
                    conflict=_Done(""),
                )  # fmt: skip
                ledger.move(uow, tenant_id, distributor_id, Move(EntryKind.ACCRUED, event.order_id, level,
                                                                 pending=amount), currency=currency, at=at)  # fmt: skip
                uow.emit(
                    CommissionAccrued(
                        order_id=event.order_id, buyer_id=event.member_id, distributor_id=distributor_id,
                        level=level, amount=Money(amount=amount, currency=currency),
                    )
                )  # fmt: skip
    except _Done:
        return  # accrued already (the event delivered again)


def _rules_by_line(
    lines: list[orders.LineFact], rates: dict[int, int], *, currency: str
) -> dict[int, dict[int, LineRule]]:
    """line → level → the rule it earns by: the product's override carried by the line, else the level's rate."""
    return {
        line.line_no: line_rules(
            rates, line.commission, quantity=line.quantity, paid=line.amount.amount, currency=currency
        )
        for line in lines
    }


def _chain(
    tenant_id: str, buyer_id: str, rates: list[int], *, self_purchase: bool, at: datetime
) -> list[tuple[int, str, int]]:
    """(level, distributor, rate) of each level that earns: the buyer's upline (the buyer first
    where a distributor's own purchase earns), each an active distributor; a level whose member
    does not earn is left out, not passed up."""
    buyer = dal.distributor(tenant_id, buyer_id)
    own = self_purchase and buyer is not None and buyer.earns
    above = upline(tenant_id, buyer_id, levels=len(rates) - (1 if own else 0), at=at)
    members = ([buyer_id] if own else []) + above
    earning = []
    for level, (member_id, rate) in enumerate(zip(members, rates, strict=False), start=1):
        distributor = buyer if member_id == buyer_id else dal.distributor(tenant_id, member_id)
        if distributor is not None and distributor.earns:
            earning.append((level, member_id, rate))
    return earning


def freeze(tenant_id: str, order_id: str) -> None:
    """The order completed: its pending commission freezes until completion + the freeze days."""
    evidence, shares = ledger.order_commission(tenant_id, order_id)
    if evidence is None:
        raise NotYetAccrued(f"order {order_id} completed before its payment was handled")
    at = clock.now()
    thaw_at = at + timedelta(days=int(evidence.freeze_days))
    for share in shares:
        if share.current_state != ShareState.PENDING:
            continue
        _freeze_share(tenant_id, share, thaw_at=thaw_at, at=at)


def _freeze_share(tenant_id: str, share: ledger.ShareItem, *, thaw_at: datetime, at: datetime) -> None:
    amount, level = int(share.amount), int(share.level)
    with unit_of_work(tenant_id) as uow:
        uow.update(
            share,
            [
                ledger.ShareItem.state.set(ShareState.FROZEN.value),
                ledger.ShareItem.thaw_at.set(thaw_at),
                ledger.ShareItem.gsi2pk.set(ledger.frozen_partition(tenant_id)),
                ledger.ShareItem.gsi2sk.set(f"{thaw_at.isoformat()}#{share.order_id}#{level}"),
            ],
            condition=(ledger.ShareItem.state == ShareState.PENDING.value) & (ledger.ShareItem.amount == amount),
        )
        if amount:
            change = Move(EntryKind.FROZEN, share.order_id, level, pending=-amount, frozen=amount)
            ledger.move(uow, tenant_id, share.distributor_id, change, currency=share.currency, at=at)


def reverse(tenant_id: str, order_id: str, *, refund_id: str, amount: int, lines: dict[int, int] | None) -> None:
    """A refund gave `amount` back (spread over `lines`, line → value refunded; None: over every
    line): each share comes down to its rules (kept per line on the evidence) of what is left paid,
    rounded down."""
    evidence, shares = ledger.order_commission(tenant_id, order_id)
    if evidence is None:
        raise NotYetAccrued(f"order {order_id} was refunded before its payment was handled")
    if refund_id in (evidence.refunds or set()):
        return  # applied already
    left = evidence.paid_by_line()
    room = {no: min(left.get(no, 0), value) for no, value in lines.items()} if lines else left
    given_back = allocate(amount, room)
    after = {no: left[no] - given_back.get(no, 0) for no in left}
    at = clock.now()
    try:
        _apply_refund(tenant_id, evidence, shares, refund_id=refund_id, given_back=given_back, after=after, at=at)
    except _Done:
        return  # applied meanwhile


def _apply_refund(
    tenant_id: str,
    evidence: ledger.EvidenceItem,
    shares: list[ledger.ShareItem],
    *,
    refund_id: str,
    given_back: dict[int, int],
    after: dict[int, int],
    at: datetime,
) -> None:
    with unit_of_work(tenant_id) as uow:
        refunded = {
            str(no): {**line, "refunded": int(line["refunded"]) + given_back.get(int(no), 0)}
            for no, line in evidence.lines.items()
        }
        uow.update(
            evidence,
            [ledger.EvidenceItem.lines.set(refunded), ledger.EvidenceItem.refunds.add({refund_id})],
            condition=ledger.EvidenceItem.refunds.does_not_exist() | ~ledger.EvidenceItem.refunds.contains(refund_id),
            conflict=_Done(""),
        )
        paid = {int(no): int(line["paid"]) for no, line in evidence.lines.items()}
        for share in shares:
            now = earned(evidence.rules_of(int(share.level), int(share.rate_bps)), paid, after)
            _reverse_share(uow, tenant_id, share, now=now, refund_id=refund_id, at=at)


def _reverse_share(
    uow: UnitOfWork, tenant_id: str, share: ledger.ShareItem, *, now: int, refund_id: str, at: datetime
) -> None:
    was, level, state = int(share.amount), int(share.level), share.current_state
    taken = was - now
    if taken <= 0:
        return
    uow.update(
        share,
        [ledger.ShareItem.amount.set(now)],
        condition=(ledger.ShareItem.state == state.value) & (ledger.ShareItem.amount == was),
    )
    kind = EntryKind.CLAWBACK if state == ShareState.AVAILABLE else EntryKind.REVERSED
    change = Move(
        kind,
        share.order_id,
        level,
        pending=-taken if state == ShareState.PENDING else 0,
        frozen=-taken if state == ShareState.FROZEN else 0,
        available=-taken if state == ShareState.AVAILABLE else 0,
    )
    ledger.move(uow, tenant_id, share.distributor_id, change, currency=share.currency, at=at)
    clawback = taken if kind == EntryKind.CLAWBACK else 0
    if clawback:  # already in the distributor's wallet: taken back from it (it may go negative)
        debit = Debit(
            member_id=share.distributor_id,
            kind=WalletEntry.CLAWBACK,
            amount=Money(amount=clawback, currency=share.currency),
            reference=f"{share.order_id}:{level}:{refund_id}",
        )
        uow.add(wallet.debit_items(tenant_id, debit))
    uow.emit(
        CommissionReversed(
            order_id=share.order_id,
            distributor_id=share.distributor_id,
            level=level,
            amount=Money(amount=taken, currency=share.currency),
            clawback=Money(amount=clawback, currency=share.currency),
        )
    )
