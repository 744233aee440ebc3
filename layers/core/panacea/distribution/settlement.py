"""The commission-settlement workflow's use cases (statemachines/commission-settlement.asl.json):
started by `order.paid`, it binds the buyer by the order's code and accrues the pending commission
(`paid`), waits for the order's outcome (`await_outcome`: its task token kept on the order's
evidence), and freezes the commission when the order completes (`accrual.freeze`). Thawing is the
batch's job (thawing.py). Refunds compensate at any step: distribution's consumer reverses them as
they come (accrual.reverse), and a refund in full ends the wait.

The order's outcome and the workflow's token meet on the evidence item: whoever writes second (the
consumer recording the outcome, or the task storing its token) sees the other's write in the same
atomic update's answer and answers the token, so an outcome that comes before the wait is not lost.
"""

from __future__ import annotations

from panacea import orders
from panacea.distribution import accrual, attribution
from panacea.distribution import ledger_items as ledger
from panacea.distribution.accrual import NotYetAccrued
from panacea.platform import clock, task_tokens


def paid(tenant_id: str, event: orders.OrderPaid) -> bool:
    """The buyer bound by the order's code (the tenant's rules permitting), their spending counted,
    and the commission of the chain accrued; whether anyone earns on the order."""
    attribution.order_paid(tenant_id, event)  # first: a code used at checkout makes the chain that earns
    accrual.accrue(tenant_id, event)
    _, shares = ledger.order_commission(tenant_id, event.order_id)
    return any(int(share.amount) > 0 for share in shares)


def await_outcome(tenant_id: str, order_id: str, token: str) -> None:
    """Keep the workflow's token on the order's evidence; if the outcome is known, answer it now."""
    evidence = _evidence(tenant_id, order_id)
    evidence.update(actions=[ledger.EvidenceItem.token.set(token)])  # the item as it is after (ALL_NEW)
    if evidence.outcome is not None:
        task_tokens.send_task_success(token, {"outcome": evidence.outcome})


def completed(tenant_id: str, order_id: str) -> None:
    """Orders completed the order: recorded, and the waiting workflow told."""
    evidence = _evidence(tenant_id, order_id)
    evidence.update(actions=[ledger.EvidenceItem.completed_at.set(clock.now())])
    _answer(evidence)


def refunded(tenant_id: str, order_id: str) -> None:
    """After a refund was reversed: if nothing is left paid, the waiting workflow is told."""
    evidence = _evidence(tenant_id, order_id)
    if evidence.completed_at is None and evidence.outcome == "refunded":
        _answer(evidence)


def _answer(evidence: ledger.EvidenceItem) -> None:
    if evidence.token and evidence.outcome:
        task_tokens.send_task_success(evidence.token, {"outcome": evidence.outcome})


def _evidence(tenant_id: str, order_id: str) -> ledger.EvidenceItem:
    found = ledger.EvidenceItem.find(*ledger.EvidenceItem.key(tenant_id, order_id), consistent_read=True)
    if found is None:
        raise NotYetAccrued(f"order {order_id} has no commission record yet")
    return found
