"""Withdrawals: a member takes money out of their wallet.

    requested ──approve──► approved ──payout──► paid
        │                      │
        └─reject / timeout─►  rejected        └─refused / failed──► failed

- Asking (`request`): at least the tenant's minimum (and at most its maximum); the fee (a fixed part
  plus basis points of the amount, rounded down, at most the tenant's cap) is held from the wallet on
  top of the amount, in the same transaction as the withdrawal and `withdrawal.requested`, under the
  wallet's condition that it covers both. The payee receives the amount. The rules are the tenant's
  distribution settings (`withdrawals`, settings.py), read when the member asks.
- `withdrawal.requested` starts the withdrawal-payout workflow (statemachines/), which waits for
  finance's review with a task token (`await_review`) and the tenant's review timeout.
- Finance approves (`approve`: the waiting state goes on) or rejects with a reason (`reject`: the
  money goes back to the wallet in the same transaction). A timed-out review is a rejection
  (`expire_review`).
- Payout (`pay_out`): a Stripe Connect transfer to the member's account, once per withdrawal (the
  idempotency key is the withdrawal's), retried by the workflow while Stripe is unreachable; Stripe's
  refusal (an account not onboarded) fails the withdrawal and returns the money. With an external
  payout, the workflow waits (`await_transfer`) for finance to record the transfer's reference
  (`record_transfer`: paid) or its failure (`fail_transfer`: money returned).

Every transition is conditioned on the state and version read, and the stored state is the record:
a task token only wakes the workflow, and is answered after the commit (an answer lost is repaired
by the workflow's own checks: `await_review` and `await_transfer` answer their own token when the
decision came first).
"""

from __future__ import annotations

from typing import Any

from panacea.distribution import payout_accounts, wallet
from panacea.distribution.network import rules_of
from panacea.distribution.settings import WithdrawalRules
from panacea.distribution.wallet_access import WalletAction
from panacea.distribution.wallet_items import WithdrawalItem, member_withdrawals, withdrawal_key
from panacea.distribution.wallet_models import (
    EXTERNAL_KINDS,
    AccountKind,
    Credit,
    Debit,
    EntryKind,
    PayoutRoute,
    WithdrawalApproved,
    WithdrawalDetail,
    WithdrawalRejected,
    WithdrawalRejection,
    WithdrawalRequest,
    WithdrawalRequested,
    WithdrawalState,
    WithdrawalView,
)
from panacea.platform import clock, task_tokens
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Conflict, DomainError, FieldError, NotFound, Unprocessable
from panacea.platform.events import DomainEvent
from panacea.platform.ids import is_id, new_id
from panacea.platform.money import Money
from panacea.platform.table import Page, decode_cursor, page_of
from panacea.platform.transaction import unit_of_work

ATTEMPTS = 3  # a decision racing the workflow storing its token is read again and retried
SYSTEM = "system"  # who decided a review that timed out
TIMED_OUT = "the review timed out"


class AmountNotAllowed(Unprocessable):
    slug, title = "withdrawal-amount-not-allowed", "Withdrawal amount not allowed"


class PayoutAccountUnfit(Conflict):
    slug, title = "payout-account-unfit", "Payout account unfit"


class WithdrawalNotFound(NotFound):
    slug, title = "withdrawal-not-found", "Withdrawal not found"


class WithdrawalDecided(Conflict):
    """The withdrawal is no longer in the state this change needs."""

    slug, title = "withdrawal-decided", "Withdrawal already decided"


# Errors the workflow's states catch by name (their class names are in the ASL file).
class ReviewRejected(RuntimeError):
    """The withdrawal was rejected before its review state stored its token."""


class PayoutFailed(RuntimeError):
    """The external transfer failed before the transfer state stored its token."""


class WithdrawalOver(RuntimeError):
    """The withdrawal finished before this state began (an old execution): nothing to wait for."""


def withdrawal_rules(tenant_id: str) -> WithdrawalRules:
    """The tenant's withdrawal rules: its distribution settings' `withdrawals` section."""
    return rules_of(tenant_id).withdrawals


def fee_for(rules: WithdrawalRules, amount: Money) -> Money:
    """The fee of withdrawing `amount` under `rules` (rounded down), or AmountNotAllowed on `amount`."""
    refuse = None
    if amount.amount < rules.minimum_amount:
        refuse = (
            "below_minimum",
            f"the least one may withdraw is {Money(amount=rules.minimum_amount, currency=amount.currency)}",
        )
    elif rules.maximum_amount is not None and amount.amount > rules.maximum_amount:
        refuse = (
            "above_maximum",
            f"the most one may withdraw at once is {Money(amount=rules.maximum_amount, currency=amount.currency)}",
        )
    if refuse:
        raise AmountNotAllowed(refuse[1], errors=[FieldError("amount", *refuse)])
    return rules.fee_of(amount)


# --- asking ----------------------------------------------------------------------------------------


def request(actor: Actor, asked: WithdrawalRequest) -> WithdrawalView:
    """Hold the amount and fee from the member's wallet and ask finance to review the withdrawal."""
    authorize(actor, WalletAction.USE_WALLET)
    tenant_id, member_id = actor.tenant, actor.user_id
    rules = withdrawal_rules(tenant_id)
    fee = fee_for(rules, asked.amount)
    account = payout_accounts.account_item(tenant_id, member_id)
    if account is None:
        raise PayoutAccountUnfit.on_field("payout_account", "missing", "give a payout account before withdrawing")
    fits = (
        account.kind == AccountKind.STRIPE_CONNECT
        if rules.payout == PayoutRoute.STRIPE_CONNECT
        else account.kind in EXTERNAL_KINDS
    )
    if not fits:
        detail = f"this shop pays withdrawals by {rules.payout.value}; your payout account is {account.kind}"
        raise PayoutAccountUnfit.on_field("payout_account", "unfit", detail)
    item = WithdrawalItem.new(
        tenant_id=tenant_id,
        withdrawal_id=new_id(),
        member_id=member_id,
        amount=asked.amount,
        fee=fee,
        payout=rules.payout,
        account=account,
        at=clock.now(),
    )
    held = Debit(member_id=member_id, kind=EntryKind.WITHDRAWAL_HELD, amount=item.held, reference=item.withdrawal_id)
    with unit_of_work(tenant_id) as uow:
        uow.add(wallet.debit_items(tenant_id, held, field="amount"))
        uow.create(item, conflict=Conflict("this withdrawal exists"))
        uow.emit(
            WithdrawalRequested(
                withdrawal_id=item.withdrawal_id,
                member_id=member_id,
                amount=asked.amount,
                fee=fee,
                payout=rules.payout,
                review_timeout_seconds=rules.review_timeout_hours * 3600,
            )
        )
    return item.view()


# --- transitions -----------------------------------------------------------------------------------


def load(tenant_id: str, withdrawal_id: str) -> WithdrawalItem:
    """The withdrawal, read consistently; WithdrawalNotFound (naming `withdrawal_id`) for an id that
    is none (not a ULID: never a key of the table) or of no withdrawal of the tenant's."""
    found = None
    if is_id(withdrawal_id):
        found = WithdrawalItem.find(*withdrawal_key(tenant_id, withdrawal_id), consistent_read=True)
    if found is None:
        raise WithdrawalNotFound(f"no withdrawal {withdrawal_id}", field="withdrawal_id")
    return found


def move(
    item: WithdrawalItem, to: WithdrawalState, event: DomainEvent, *, returned: bool = False, **changes: Any
) -> None:
    """Move `item` from the state it was read in to `to`, announcing `event`; `returned`: its held
    money goes back to the wallet in the same transaction."""
    frm = WithdrawalState(item.state)
    with unit_of_work(item.tenant_id) as uow:
        conflict = WithdrawalDecided(
            f"the withdrawal is no longer {frm.value}", errors=[FieldError("withdrawal_id", "decided")]
        )
        uow.update(item, item.moved(to, **changes), condition=item.is_(frm), conflict=_raced(item, conflict))
        if returned:
            back = Credit(
                member_id=item.member_id,
                kind=EntryKind.WITHDRAWAL_RETURNED,
                amount=item.held,
                reference=item.withdrawal_id,
                note=f"withdrawal {to.value}",
            )
            uow.add(wallet.credit_items(item.tenant_id, back))
        uow.emit(event)


def _raced(item: WithdrawalItem, decided: DomainError) -> Any:
    """Another state than the one read: decided; the same state at another version: a race."""

    def explained(raw: dict[str, Any] | None) -> DomainError:
        now = WithdrawalItem.from_raw_data(raw) if raw else None
        if now is not None and now.state == item.state:
            return ConcurrentUpdate("the withdrawal changed while it was being decided; retry")
        return decided

    return explained


def decide(tenant_id: str, withdrawal_id: str, wanted: WithdrawalState, step: Any) -> WithdrawalItem:
    """Read the withdrawal and run `step(item)` on it while it is in `wanted`, again if the workflow
    stored its token meanwhile; the item as it was read last."""
    for attempt in range(ATTEMPTS):
        item = load(tenant_id, withdrawal_id)
        if item.state != wanted:
            return item
        try:
            step(item)
        except ConcurrentUpdate:
            if attempt == ATTEMPTS - 1:
                raise
            continue
        return item
    raise AssertionError("not reached")


def approve(actor: Actor, withdrawal_id: str) -> WithdrawalView:
    """Finance approves a requested withdrawal: the workflow pays it out."""
    authorize(actor, WalletAction.REVIEW_WITHDRAWALS)
    at = clock.now()

    def step(item: WithdrawalItem) -> None:
        event = WithdrawalApproved(withdrawal_id=withdrawal_id, member_id=item.member_id, approved_by=actor.user_id)
        move(item, WithdrawalState.APPROVED, event, decided_at=at, decided_by=actor.user_id, task_token=None)

    item = decide(actor.tenant, withdrawal_id, WithdrawalState.REQUESTED, step)
    return answered(
        item, WithdrawalState.APPROVED, lambda token: task_tokens.send_task_success(token, {"approved": True})
    )


def reject(actor: Actor, withdrawal_id: str, rejection: WithdrawalRejection) -> WithdrawalView:
    """Finance rejects a requested withdrawal: its amount and fee go back to the wallet."""
    authorize(actor, WalletAction.REVIEW_WITHDRAWALS)
    item = reject_request(actor.tenant, withdrawal_id, rejection.reason, by=actor.user_id)
    return answered(
        item, WithdrawalState.REJECTED, lambda t: task_tokens.send_task_failure(t, "ReviewRejected", rejection.reason)
    )


def reject_request(tenant_id: str, withdrawal_id: str, reason: str, *, by: str) -> WithdrawalItem:
    at = clock.now()

    def step(item: WithdrawalItem) -> None:
        event = WithdrawalRejected(
            withdrawal_id=withdrawal_id, member_id=item.member_id, reason=reason, returned=item.held
        )
        move(
            item,
            WithdrawalState.REJECTED,
            event,
            returned=True,
            reason=reason,
            decided_at=at,
            decided_by=by,
            finished_at=at,
            task_token=None,
        )

    return decide(tenant_id, withdrawal_id, WithdrawalState.REQUESTED, step)


def answered(
    item: WithdrawalItem, done: WithdrawalState, answer: Any, *, was: WithdrawalState = WithdrawalState.REQUESTED
) -> WithdrawalView:
    """The withdrawal once `decide` moved it from `was` (the state it was read in) to `done`: the
    token it held then (if any) answered. A decision already made the same way answers as it did
    (a retried request); another is refused."""
    if item.state == was:
        if item.task_token:
            answer(item.task_token)
        return load(item.tenant_id, item.withdrawal_id).view()
    if item.state == done:
        return item.view()
    raise WithdrawalDecided(f"the withdrawal is already {item.state}", errors=[FieldError("withdrawal_id", "decided")])


# --- reads -----------------------------------------------------------------------------------------


def my_withdrawals(actor: Actor, *, cursor: str | None, limit: int) -> Page[WithdrawalView]:
    """The member's withdrawals, newest first (one Query per page)."""
    authorize(actor, WalletAction.USE_WALLET)
    partition = member_withdrawals(actor.tenant, actor.user_id)
    results = WithdrawalItem.by_gsi1.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition)),
    )
    return page_of(results, WithdrawalItem.view)  # type: ignore[arg-type]


def detail(actor: Actor, withdrawal_id: str) -> WithdrawalDetail:
    """A withdrawal as finance sees it: with the payout account it was asked for, in full."""
    authorize(actor, WalletAction.REVIEW_WITHDRAWALS)
    item = load(actor.tenant, withdrawal_id)
    details = payout_accounts.details_of(
        item.tenant_id, item.member_id, item.account_kind, item.sealed_account, item.stripe_account_id
    )
    return WithdrawalDetail(**item.view().model_dump(), details=details)
