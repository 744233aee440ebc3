"""The withdrawal-payout workflow's side of a withdrawal (its tasks, functions/distribution/payouts.py)
and finance's record of an external transfer. See `panacea.distribution.withdrawals` for the states.

Each task reads the stored withdrawal first: the record decides, the workflow follows it. A task
that waits for a token stores it only while the withdrawal is still where the wait begins; when the
decision came first, it answers its own token at once (or raises the error its state catches).

A Stripe transfer is made once per withdrawal (its idempotency key), so the workflow's retries while
Stripe is unreachable (`ProviderUnavailable`) can never pay twice. If Stripe stays unreachable past
the retries, `payout_failed` fails the withdrawal and returns the money: should Stripe have made the
transfer without answering, finance finds it in Stripe by the withdrawal id in its metadata (a
known gap, to be closed by a reconciliation against Stripe's transfers).
"""

from __future__ import annotations

from typing import Any

from pynamodb.expressions.update import Action

from panacea.distribution.wallet_access import WalletAction
from panacea.distribution.wallet_items import WithdrawalItem
from panacea.distribution.wallet_models import (
    ExternalTransfer,
    PayoutRoute,
    WithdrawalFailed,
    WithdrawalPaid,
    WithdrawalRejection,
    WithdrawalState,
    WithdrawalView,
)
from panacea.distribution.withdrawals import (
    ATTEMPTS,
    SYSTEM,
    TIMED_OUT,
    PayoutFailed,
    ReviewRejected,
    WithdrawalDecided,
    WithdrawalOver,
    answered,
    decide,
    load,
    move,
    reject_request,
)
from panacea.platform import clock, payments, task_tokens
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, FieldError
from panacea.platform.transaction import unit_of_work

PAID, FAILED, EXTERNAL = "paid", "failed", "external"


# --- waits -----------------------------------------------------------------------------------------


def await_review(tenant_id: str, withdrawal_id: str, token: str, execution: str | None) -> None:
    """Keep the review's token on the requested withdrawal; answer it now if finance decided first."""
    item = _keep_token(tenant_id, withdrawal_id, WithdrawalState.REQUESTED, token, execution)
    if item.state == WithdrawalState.APPROVED:
        task_tokens.send_task_success(token, {"approved": True})
    elif item.state == WithdrawalState.REJECTED:
        raise ReviewRejected(item.reason or "rejected")
    elif item.state != WithdrawalState.REQUESTED:
        raise WithdrawalOver(f"withdrawal {withdrawal_id} is {item.state}")


def await_transfer(tenant_id: str, withdrawal_id: str, token: str, execution: str | None) -> None:
    """Keep the external transfer's token on the approved withdrawal; answer it now if finance
    recorded the transfer (or its failure) first."""
    item = _keep_token(tenant_id, withdrawal_id, WithdrawalState.APPROVED, token, execution)
    if item.state == WithdrawalState.PAID:
        task_tokens.send_task_success(token, {"paid": True})
    elif item.state == WithdrawalState.FAILED:
        raise PayoutFailed(item.reason or "failed")
    elif item.state != WithdrawalState.APPROVED:
        raise WithdrawalOver(f"withdrawal {withdrawal_id} is {item.state}")


def _keep_token(
    tenant_id: str, withdrawal_id: str, waiting: WithdrawalState, token: str, execution: str | None
) -> WithdrawalItem:
    for _ in range(ATTEMPTS):
        item = load(tenant_id, withdrawal_id)
        if item.state != waiting:
            return item
        kept: list[Action] = [WithdrawalItem.task_token.set(token), WithdrawalItem.version.add(1)]
        if execution:
            kept.append(WithdrawalItem.execution.set(execution))
        try:
            with unit_of_work(tenant_id) as uow:
                uow.update(item, kept, condition=item.is_(waiting), conflict=ConcurrentUpdate("moved"))
        except ConcurrentUpdate:  # decided meanwhile: read it again
            continue
        return load(tenant_id, withdrawal_id)
    raise ConcurrentUpdate(f"withdrawal {withdrawal_id} kept changing")


def expire_review(tenant_id: str, withdrawal_id: str) -> dict[str, Any]:
    """Nobody reviewed in time: rejected, money returned. `expired` False if it was approved just
    now (the workflow pays it out)."""
    item = reject_request(tenant_id, withdrawal_id, TIMED_OUT, by=SYSTEM)
    if item.state == WithdrawalState.APPROVED:
        return {"expired": False}
    return {"expired": True}


# --- payout ----------------------------------------------------------------------------------------


def pay_out(tenant_id: str, withdrawal_id: str) -> dict[str, Any]:
    """Pay an approved withdrawal: by Stripe Connect now (`paid`, or `failed` with the money returned
    when Stripe refuses), or `external`: finance transfers it and records the reference."""
    item = load(tenant_id, withdrawal_id)
    if item.state in (WithdrawalState.PAID, WithdrawalState.FAILED):
        return {"outcome": PAID if item.state == WithdrawalState.PAID else FAILED}
    if item.state != WithdrawalState.APPROVED:
        raise WithdrawalDecided(f"withdrawal {withdrawal_id} is {item.state}, not approved")
    if item.payout == PayoutRoute.EXTERNAL:
        return {"outcome": EXTERNAL}
    try:
        transfer = payments.create_transfer(
            destination=item.stripe_account_id or "",
            amount=item.amount_money,
            metadata={"tenant_id": tenant_id, "withdrawal_id": withdrawal_id, "member_id": item.member_id},
            idempotency_key=f"withdrawal-{tenant_id}-{withdrawal_id}",
        )
    except payments.ProviderRefused as refused:
        _fail(item, f"Stripe refused the transfer: {refused.detail}")
        return {"outcome": FAILED}
    _paid(item, transfer.id)
    return {"outcome": PAID}


def payout_failed(tenant_id: str, withdrawal_id: str, error: dict[str, Any]) -> None:
    """The payout could not be made (Stripe unreachable past the retries, or a fault): failed, and
    the money returned, unless the withdrawal was paid or failed already."""
    item = load(tenant_id, withdrawal_id)
    if item.state == WithdrawalState.APPROVED:
        _fail(item, f"the payout failed: {error.get('Error') or 'unknown error'}"[:500])


def _paid(item: WithdrawalItem, transfer_id: str) -> None:
    at = clock.now()
    event = WithdrawalPaid(
        withdrawal_id=item.withdrawal_id,
        member_id=item.member_id,
        amount=item.amount_money,
        payout=PayoutRoute(item.payout),
        transfer_id=transfer_id,
    )
    move(item, WithdrawalState.PAID, event, transfer_id=transfer_id, finished_at=at, task_token=None)


def _fail(item: WithdrawalItem, reason: str) -> None:
    at = clock.now()
    event = WithdrawalFailed(
        withdrawal_id=item.withdrawal_id, member_id=item.member_id, reason=reason, returned=item.held
    )
    move(item, WithdrawalState.FAILED, event, returned=True, reason=reason, finished_at=at, task_token=None)


# --- finance's external transfers ----------------------------------------------------------------


def record_transfer(actor: Actor, withdrawal_id: str, transfer: ExternalTransfer) -> WithdrawalView:
    """Finance made the external transfer of an approved withdrawal: its reference, and paid."""
    authorize(actor, WalletAction.REVIEW_WITHDRAWALS)
    _external(actor.tenant, withdrawal_id)
    item = decide(actor.tenant, withdrawal_id, WithdrawalState.APPROVED, lambda it: _paid(it, transfer.reference))
    paid = WithdrawalState.PAID
    return answered(
        item, paid, lambda t: task_tokens.send_task_success(t, {"paid": True}), was=WithdrawalState.APPROVED
    )


def fail_transfer(actor: Actor, withdrawal_id: str, failure: WithdrawalRejection) -> WithdrawalView:
    """Finance could not make the external transfer: failed, money returned to the wallet."""
    authorize(actor, WalletAction.REVIEW_WITHDRAWALS)
    _external(actor.tenant, withdrawal_id)
    item = decide(actor.tenant, withdrawal_id, WithdrawalState.APPROVED, lambda it: _fail(it, failure.reason))
    return answered(
        item,
        WithdrawalState.FAILED,
        lambda t: task_tokens.send_task_failure(t, "PayoutFailed", failure.reason),
        was=WithdrawalState.APPROVED,
    )


def _external(tenant_id: str, withdrawal_id: str) -> None:
    if load(tenant_id, withdrawal_id).payout != PayoutRoute.EXTERNAL:
        detail = "this withdrawal is paid by Stripe Connect: its transfer is made and recorded by the platform"
        raise WithdrawalDecided(detail, errors=[FieldError("withdrawal_id", "not_external")])
