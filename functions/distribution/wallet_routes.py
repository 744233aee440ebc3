"""The wallet's and withdrawals' HTTP routes, as a Powertools `Router` that the context's API
function (functions/distribution/api.py) includes.

Members: their wallet and its entries, their payout account (set; shown masked; or a Stripe Connect
account to onboard), withdrawals asked for and listed. Finance: a withdrawal in full
(with the payout account to transfer to), approved, rejected with a reason, an external transfer's
reference recorded (or its failure). Finance's filtered list of withdrawals and its workbook are
statement_routes'."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.distribution import paying_out, payout_accounts, wallet, withdrawals
from panacea.distribution.wallet_access import WalletAction
from panacea.distribution.wallet_models import (
    ExternalAccount,
    ExternalTransfer,
    PayoutAccount,
    StripeAccountSetup,
    Wallet,
    WalletEntry,
    WithdrawalDetail,
    WithdrawalRejection,
    WithdrawalRequest,
    WithdrawalView,
)
from panacea.platform.access import requires
from panacea.platform.api import PROVIDER_DOWN, IdempotencyKey, created, current_actor, idempotent
from panacea.platform.table import MAX_PAGE, Page

router = Router()  # type: ignore[no-untyped-call]

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
MINE, STAFF = "My wallet", "Withdrawals"
USE, REVIEW = requires(WalletAction.USE_WALLET), requires(WalletAction.REVIEW_WITHDRAWALS)


# --- members ---------------------------------------------------------------------------------------


@router.get("/v1/me/wallet", summary="Your wallet", description=USE, tags=[MINE])
def my_wallet() -> Wallet:
    return wallet.my_wallet(current_actor())


@router.get(
    "/v1/me/wallet/entries",
    summary="Your wallet's entries, newest first",
    description=USE,
    tags=[MINE],
)
def my_wallet_entries(cursor: Cursor = None, limit: Limit = 20) -> Page[WalletEntry]:
    return wallet.my_entries(current_actor(), cursor=cursor, limit=limit)


@router.get(
    "/v1/me/wallet/payout-account",
    summary="Where your withdrawals go (the number masked)",
    description=USE,
    tags=[MINE],
)
def my_payout_account() -> PayoutAccount:
    return payout_accounts.my_account(current_actor())


@router.put(
    "/v1/me/wallet/payout-account",
    summary="Send your withdrawals to a bank, Alipay or WeChat account",
    description=f"{USE} The account number is encrypted at rest and shown masked.",
    tags=[MINE],
)
def set_payout_account(account: ExternalAccount) -> PayoutAccount:
    return payout_accounts.set_external(current_actor(), account)


@router.post(
    "/v1/me/wallet/payout-account/stripe",
    summary="Send your withdrawals to a Stripe account",
    description=f"{USE} The answer carries the link where you give Stripe what it needs to pay you.",
    tags=[MINE],
    responses=PROVIDER_DOWN,
)
def set_up_stripe_payouts(setup: StripeAccountSetup) -> PayoutAccount:
    return payout_accounts.set_up_stripe(current_actor(), setup)


@router.post(
    "/v1/me/withdrawals",
    summary="Withdraw from your wallet",
    description=f"{USE} The amount and the tenant's fee are held from the wallet until finance has reviewed "
    "the withdrawal; a rejected or failed one gives them back. Send an `Idempotency-Key`.",
    tags=[MINE],
    status_code=201,
)
def request_withdrawal(asked: WithdrawalRequest, idempotency_key: IdempotencyKey = None) -> Response[WithdrawalView]:
    actor = current_actor()
    made = idempotent(
        actor,
        "distribution.request_withdrawal",
        asked,
        WithdrawalView,
        lambda: withdrawals.request(actor, asked),
        key=idempotency_key,
    )
    return created(made, f"/v1/me/withdrawals/{made.id}")


@router.get(
    "/v1/me/withdrawals",
    summary="Your withdrawals, newest first",
    description=USE,
    tags=[MINE],
)
def my_withdrawals(cursor: Cursor = None, limit: Limit = 20) -> Page[WithdrawalView]:
    return withdrawals.my_withdrawals(current_actor(), cursor=cursor, limit=limit)


# --- finance ---------------------------------------------------------------------------------------


@router.get(
    "/v1/withdrawals/<withdrawal_id>",
    summary="A withdrawal, with the account to pay",
    description=REVIEW,
    tags=[STAFF],
)
def withdrawal(withdrawal_id: str) -> WithdrawalDetail:
    return withdrawals.detail(current_actor(), withdrawal_id)


@router.post(
    "/v1/withdrawals/<withdrawal_id>/approve",
    summary="Approve a withdrawal: it is paid out",
    description=REVIEW,
    tags=[STAFF],
)
def approve_withdrawal(withdrawal_id: str) -> WithdrawalView:
    return withdrawals.approve(current_actor(), withdrawal_id)


@router.post(
    "/v1/withdrawals/<withdrawal_id>/reject",
    summary="Reject a withdrawal: the money goes back to the wallet",
    description=REVIEW,
    tags=[STAFF],
)
def reject_withdrawal(withdrawal_id: str, rejection: WithdrawalRejection) -> WithdrawalView:
    return withdrawals.reject(current_actor(), withdrawal_id, rejection)


@router.post(
    "/v1/withdrawals/<withdrawal_id>/transfer",
    summary="Record the external transfer that paid a withdrawal",
    description=f"{REVIEW} Its reference at the bank, Alipay or WeChat; the withdrawal is paid.",
    tags=[STAFF],
)
def record_withdrawal_transfer(withdrawal_id: str, transfer: ExternalTransfer) -> WithdrawalView:
    return paying_out.record_transfer(current_actor(), withdrawal_id, transfer)


@router.post(
    "/v1/withdrawals/<withdrawal_id>/transfer-failed",
    summary="Record that the external transfer could not be made",
    description=f"{REVIEW} The withdrawal fails and the money goes back to the wallet.",
    tags=[STAFF],
)
def fail_withdrawal_transfer(withdrawal_id: str, failure: WithdrawalRejection) -> WithdrawalView:
    return paying_out.fail_transfer(current_actor(), withdrawal_id, failure)
