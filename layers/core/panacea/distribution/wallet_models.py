"""The wallet and withdrawals: commands, views and events.

A member's wallet holds money the tenant owes them (commission made available, product cashback, a
withdrawal's money returned), per currency, as a balance and the ledger of its entries: the balance
is always the sum of the entries (`panacea.distribution.wallet`). A withdrawal holds its amount and
fee from the wallet while finance reviews it, then is paid out (Stripe Connect, or an external
transfer finance records) or gives the money back (`panacea.distribution.withdrawals`).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field

from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, Country, FromString, MoneyIn, Text
from panacea.platform.models import BaseModel
from panacea.platform.money import BasisPoints, Money

REFERENCE_PATTERN = r"^[A-Za-z0-9_.:-]{1,160}$"  # no '#': a reference is part of the entry's key
Reference = Annotated[str, Field(pattern=REFERENCE_PATTERN, examples=["01JD7Q2ZQ8C1V3B5N7M9K2H4FD:1"])]


# --- the wallet --------------------------------------------------------------------------------


class EntryKind(StrEnum):
    """Why the wallet changed. Credits add, debits take away."""

    COMMISSION = "commission"  # commission made available (the commission ledger's thaw)
    CASHBACK = "cashback"  # a product's cashback, when its order completes
    WITHDRAWAL_RETURNED = "withdrawal_returned"  # a withdrawal rejected or failed: its amount and fee back
    WITHDRAWAL_HELD = "withdrawal_held"  # a withdrawal requested: its amount and fee
    CLAWBACK = "clawback"  # commission refunded after it was available or withdrawn
    CASHBACK_REVERSED = "cashback_reversed"  # cashback of a refunded order
    ORDER_PAYMENT = "order_payment"  # spent at checkout: the wallet part of an order's payment
    ORDER_RETURNED = "order_returned"  # an order's wallet part given back (cancelled, expired, refunded)


CREDITS = frozenset({EntryKind.COMMISSION, EntryKind.CASHBACK, EntryKind.WITHDRAWAL_RETURNED, EntryKind.ORDER_RETURNED})
DEBITS = frozenset(
    {EntryKind.WITHDRAWAL_HELD, EntryKind.CLAWBACK, EntryKind.CASHBACK_REVERSED, EntryKind.ORDER_PAYMENT}
)
# Debits of money already paid out may take the balance below zero: later credits offset it, and
# no withdrawal is taken meanwhile. Any other debit needs the balance to cover it.
MAY_GO_NEGATIVE = frozenset({EntryKind.CLAWBACK, EntryKind.CASHBACK_REVERSED})


class Credit(BaseModel):
    """Money into a member's wallet, once per (kind, reference): the same credit for the same
    reference is never written twice. What another context hands the wallet (commission's thaw:
    kind commission, reference the commission's id)."""

    model_config = ConfigDict(frozen=True)

    member_id: str
    kind: EntryKind
    amount: Money = Field(description="positive")
    reference: Reference
    note: str | None = None


class Debit(Credit):
    """Money out of a member's wallet, once per (kind, reference)."""


class WalletSpend(BaseModel):
    """What orders hands the wallet at checkout: a member spends `amount` of their wallet on an
    order (once per order: the order's id is the entry's reference). `field` is the checkout's
    input that named the amount, for the problem a refusal answers with."""

    model_config = ConfigDict(frozen=True)

    member_id: str
    order_id: Reference
    amount: Money = Field(description="positive")
    field: str = "wallet_credit"


class WalletGiveBack(BaseModel):
    """What orders hands the wallet when an order's wallet part goes back (the order cancelled or
    expired unpaid, or refunded): once per `reference` (the refund's key)."""

    model_config = ConfigDict(frozen=True)

    member_id: str
    order_id: str
    amount: Money = Field(description="positive")
    reference: Reference


class WalletBalance(BaseModel):
    balance: Money = Field(description="negative after a clawback larger than what was there")
    withdrawable: Money = Field(description="what a withdrawal may take now (zero while the balance is negative)")
    updated_at: datetime


class Wallet(BaseModel):
    member_id: str
    balances: list[WalletBalance] = Field(description="one per currency the member has held")


class WalletEntry(BaseModel):
    id: str
    kind: EntryKind
    amount: Money = Field(description="signed: credits positive, debits negative")
    reference: str
    note: str | None = None
    at: datetime


class WalletCredited(DomainEvent, name="wallet.credited", version=1):
    member_id: str
    entry_id: str
    kind: EntryKind
    amount: Money
    reference: str


class WalletDebited(DomainEvent, name="wallet.debited", version=1):
    member_id: str
    entry_id: str
    kind: EntryKind
    amount: Money = Field(description="positive: what was taken")
    reference: str


# --- payout accounts -------------------------------------------------------------------------------


class AccountKind(StrEnum):
    BANK = "bank"
    ALIPAY = "alipay"
    WECHAT = "wechat"
    STRIPE_CONNECT = "stripe_connect"


EXTERNAL_KINDS = frozenset({AccountKind.BANK, AccountKind.ALIPAY, AccountKind.WECHAT})


class ExternalKind(StrEnum):
    """The accounts finance pays by hand."""

    BANK = AccountKind.BANK.value
    ALIPAY = AccountKind.ALIPAY.value
    WECHAT = AccountKind.WECHAT.value


class ExternalAccount(Command):
    """Where finance sends a member's withdrawals by hand: a bank account, Alipay or WeChat. The
    account number is sealed at rest and shown masked."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"kind": "bank", "holder_name": "Li Wei", "account_number": "6222020200001234567", "bank_name": "ICBC"}
            ]
        },
    )

    kind: FromString[ExternalKind]
    holder_name: Annotated[Text, Field(min_length=1, max_length=100)]
    account_number: Annotated[
        str,
        Field(
            min_length=4,
            max_length=64,
            pattern=r"^[A-Za-z0-9@._+ -]+$",
            description="the account number, IBAN, Alipay login (phone or email) or WeChat id",
            examples=["6222020200001234567"],
        ),
    ]
    bank_name: Annotated[Text, Field(min_length=1, max_length=100)] | None = None


class StripeAccountSetup(Command):
    """A Stripe Connect (Express) account for the member's withdrawals; they onboard at the link
    the answer carries."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "country": "GB",
                    "email": "mei@example.com",
                    "return_url": "https://shop.example/wallet/stripe-done",
                    "refresh_url": "https://shop.example/wallet/stripe-again",
                }
            ]
        },
    )

    country: Country
    email: Annotated[str, Field(min_length=3, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    return_url: Annotated[str, Field(pattern=r"^https://[^\s]{1,400}$")]
    refresh_url: Annotated[str, Field(pattern=r"^https://[^\s]{1,400}$")]


class PayoutAccount(BaseModel):
    kind: AccountKind
    holder_name: str | None = None
    masked_number: str | None = Field(default=None, examples=["•••• 4567"])
    bank_name: str | None = None
    stripe_account_id: str | None = None
    transfers_enabled: bool | None = Field(default=None, description="Stripe Connect: onboarding done")
    onboarding_url: str | None = Field(default=None, description="Stripe Connect: where the member onboards")
    updated_at: datetime


class PayoutDetails(BaseModel):
    """A withdrawal's payout account in full (unsealed), for finance making the transfer."""

    kind: AccountKind
    holder_name: str | None = None
    account_number: str | None = None
    bank_name: str | None = None
    stripe_account_id: str | None = None


# --- withdrawals -----------------------------------------------------------------------------------


class PayoutRoute(StrEnum):
    STRIPE_CONNECT = "stripe_connect"  # a Stripe Connect transfer to the member's account
    EXTERNAL = "external"  # finance transfers by hand and records the reference


class WithdrawalRules(BaseModel):
    """A tenant's rules for withdrawals. Until the lead connects them to the tenant's distribution
    settings (`panacea.distribution.settings`, owned by the context's settings module), they are
    read by `withdrawals.withdrawal_rules(tenant_id)`, which answers these defaults.

    Amounts are minor units of the withdrawal's currency. The fee is `fee_fixed` plus `fee_bps` of
    the amount, rounded down (the house rule: `Money.share`), held from the wallet on top of the
    amount; the payee receives the amount."""

    model_config = ConfigDict(frozen=True)

    minimum_amount: Annotated[int, Field(ge=1)] = 100
    maximum_amount: Annotated[int, Field(ge=1)] | None = None
    fee_bps: BasisPoints = 0
    fee_fixed: Annotated[int, Field(ge=0)] = 0
    payout: PayoutRoute = PayoutRoute.EXTERNAL
    review_timeout_hours: Annotated[int, Field(ge=1, le=30 * 24)] = 72

    def fee_of(self, amount: Money) -> Money:
        return Money(amount=self.fee_fixed, currency=amount.currency) + amount.share(self.fee_bps)


class WithdrawalState(StrEnum):
    REQUESTED = "requested"  # held from the wallet, awaiting finance's review
    APPROVED = "approved"  # being paid out
    PAID = "paid"
    REJECTED = "rejected"  # by finance, or the review timed out: money returned
    FAILED = "failed"  # the payout failed: money returned


FINISHED = frozenset({WithdrawalState.PAID, WithdrawalState.REJECTED, WithdrawalState.FAILED})


class WithdrawalRequest(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"amount": {"amount": 5_000, "currency": "CNY"}}]}
    )

    amount: MoneyIn = Field(description="what the payee receives; the fee is held on top of it")


class WithdrawalRejection(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "account name mismatch"}]})

    reason: Annotated[Text, Field(min_length=1, max_length=500)]


class ExternalTransfer(Command):
    """An external transfer finance made: its reference at the bank, Alipay or WeChat."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reference": "ICBC-20261203-778"}]})

    reference: Annotated[Text, Field(min_length=1, max_length=120)]


class WithdrawalView(BaseModel):
    id: str
    member_id: str
    state: WithdrawalState
    amount: Money = Field(description="what the payee receives")
    fee: Money
    held: Money = Field(description="amount + fee, held from the wallet")
    payout: PayoutRoute
    account_kind: AccountKind
    masked_number: str | None = None
    reason: str | None = None
    transfer_id: str | None = Field(default=None, description="Stripe's transfer, or the external reference")
    requested_at: datetime
    decided_at: datetime | None = None
    decided_by: str | None = None
    finished_at: datetime | None = None


class WithdrawalDetail(WithdrawalView):
    """A withdrawal as finance sees it: with the payout account in full."""

    details: PayoutDetails


class WithdrawalRequested(DomainEvent, name="withdrawal.requested", version=1):
    withdrawal_id: str
    member_id: str
    amount: Money
    fee: Money
    payout: PayoutRoute
    review_timeout_seconds: int


class WithdrawalApproved(DomainEvent, name="withdrawal.approved", version=1):
    withdrawal_id: str
    member_id: str
    approved_by: str


class WithdrawalRejected(DomainEvent, name="withdrawal.rejected", version=1):
    withdrawal_id: str
    member_id: str
    reason: str
    returned: Money


class WithdrawalPaid(DomainEvent, name="withdrawal.paid", version=1):
    withdrawal_id: str
    member_id: str
    amount: Money
    payout: PayoutRoute
    transfer_id: str


class WithdrawalFailed(DomainEvent, name="withdrawal.failed", version=1):
    withdrawal_id: str
    member_id: str
    reason: str
    returned: Money
