"""The wallet's and withdrawals' items in the single table (the only place their keys are built):

BalanceItem         PK T#<t>#WALLET#<member> · SK BALANCE#<currency>     a member's balance in one currency:
                                                                        changed only by ADD, in the transaction
                                                                        of its entry; `version` counts changes
EntryItem           PK T#<t>#WALLET#<member> · SK ENTRY#<kind>#<reference>   one entry of the wallet's ledger.
                                                                        The key IS the idempotency key: put with
                                                                        attribute_not_exists, the same credit for
                                                                        the same reference cannot be written twice
                    GSI1 T#<t>#WALLET#<member>#ENTRIES · <entry ulid>   a member's entries, newest first
PayoutAccountItem   PK T#<t>#WALLET#<member> · SK PAYOUT_ACCOUNT        where the member's withdrawals go: the
                                                                        account details SEALED (platform.sealing,
                                                                        bound to tenant and member), a mask in clear
WithdrawalItem      PK T#<t>#WITHDRAWAL#<id> · SK WITHDRAWAL            a withdrawal: its state, amounts, a sealed
                                                                        copy of the payout account as it was asked
                                                                        for, the workflow's task token while a
                                                                        state waits for one; `version` guards
                                                                        every transition (conditions on state too)
                    GSI1 T#<t>#MEMBER#<member>#WITHDRAWALS · <id>       a member's withdrawals, newest first
                    GSI2 T#<t>#WITHDRAWALS#<state> · <id>               finance's queue by state, newest first

A member's wallet (every balance) is one Query: PK, SK begins_with BALANCE#.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.expressions.update import Action

from panacea.distribution.wallet_models import (
    AccountKind,
    EntryKind,
    PayoutAccount,
    PayoutRoute,
    WalletBalance,
    WalletEntry,
    WithdrawalState,
    WithdrawalView,
)
from panacea.platform.ids import time_prefix
from panacea.platform.keys import tenant_key
from panacea.platform.money import Money
from panacea.platform.table import TableItem, decode_cursor

Key = tuple[str, str]


BALANCE = "BALANCE#"  # a balance's sort key: BALANCE#<currency>


def wallet_partition(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "WALLET", member_id)


def entries_partition(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "WALLET", member_id, "ENTRIES")


def entry_key(tenant_id: str, member_id: str, kind: EntryKind, reference: str) -> Key:
    return wallet_partition(tenant_id, member_id), f"ENTRY#{kind.value}#{reference}"


def entries_of(
    tenant_id: str, member_id: str, kind: EntryKind | None = None, reference_start: str = ""
) -> list[EntryItem]:
    """A member's entries (of one kind whose references start with `reference_start`; every one
    when no kind is given), read consistently in one Query."""
    prefix = f"ENTRY#{kind.value}#{reference_start}" if kind is not None else "ENTRY#"
    found = TableItem.query(
        wallet_partition(tenant_id, member_id), TableItem.sk.startswith(prefix), consistent_read=True
    )
    return [item for item in found if isinstance(item, EntryItem)]


def withdrawal_key(tenant_id: str, withdrawal_id: str) -> Key:
    return tenant_key(tenant_id, "WITHDRAWAL", withdrawal_id), "WITHDRAWAL"


def member_withdrawals(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "MEMBER", member_id, "WITHDRAWALS")


def withdrawals_in(tenant_id: str, state: WithdrawalState) -> str:
    return tenant_key(tenant_id, "WITHDRAWALS", state.value)


# --- the wallet --------------------------------------------------------------------------------


class BalanceItem(TableItem, discriminator="wallet_balance"):
    tenant_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    currency = UnicodeAttribute()
    balance = NumberAttribute(default=0)
    version = NumberAttribute(default=0)
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def of(cls, tenant_id: str, member_id: str, currency: str) -> BalanceItem:
        """The balance's key, to update in a unit of work (nothing is read)."""
        return cls(wallet_partition(tenant_id, member_id), f"{BALANCE}{currency}")

    @classmethod
    def read(cls, tenant_id: str, member_id: str, currency: str) -> BalanceItem | None:
        """One balance, read consistently (None before the first credit)."""
        return cls.find(wallet_partition(tenant_id, member_id), f"{BALANCE}{currency}", consistent_read=True)

    @classmethod
    def every(cls, tenant_id: str, member_id: str) -> list[BalanceItem]:
        """Every balance of the member's wallet (one Query)."""
        found = cls.query(wallet_partition(tenant_id, member_id), cls.sk.startswith(BALANCE))
        return [item for item in found if isinstance(item, BalanceItem)]

    @classmethod
    def change(cls, tenant_id: str, member_id: str, delta: Money, at: datetime) -> list[Action]:
        """The update that adds `delta` (signed) and counts the change; it makes the item if none."""
        return [
            cls.type.set(cls),  # an update that makes the item must say what it is
            cls.balance.add(delta.amount),
            cls.version.add(1),
            cls.updated_at.set(at),
            cls.tenant_id.set(tenant_id),
            cls.member_id.set(member_id),
            cls.currency.set(delta.currency),
        ]

    @property
    def money(self) -> Money:
        return Money(amount=int(self.balance), currency=self.currency)

    def view(self) -> WalletBalance:
        money = self.money
        return WalletBalance(
            balance=money,
            withdrawable=Money(amount=max(money.amount, 0), currency=money.currency),
            updated_at=self.updated_at,
        )


def balance_of(raw: dict[str, Any] | None) -> BalanceItem | None:
    """A balance from the raw item DynamoDB returned with a failed condition (None: never credited)."""
    return BalanceItem.from_raw_data(raw) if raw else None


class EntryItem(TableItem, discriminator="wallet_entry"):
    tenant_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    entry_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    amount = NumberAttribute()  # signed: credits positive, debits negative
    currency = UnicodeAttribute()
    reference = UnicodeAttribute()
    note = UnicodeAttribute(null=True)
    at = UTCDateTimeAttribute()

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        member_id: str,
        entry_id: str,
        kind: EntryKind,
        signed: Money,
        reference: str,
        note: str | None,
        at: datetime,
    ) -> EntryItem:
        return cls(
            *entry_key(tenant_id, member_id, kind, reference),
            gsi1pk=entries_partition(tenant_id, member_id),
            gsi1sk=entry_id,
            tenant_id=tenant_id,
            member_id=member_id,
            entry_id=entry_id,
            kind=kind.value,
            amount=signed.amount,
            currency=signed.currency,
            reference=reference,
            note=note,
            at=at,
        )

    def view(self) -> WalletEntry:
        return WalletEntry(
            id=self.entry_id,
            kind=EntryKind(self.kind),
            amount=Money(amount=int(self.amount), currency=self.currency),
            reference=self.reference,
            note=self.note,
            at=self.at,
        )


class PayoutAccountItem(TableItem, discriminator="payout_account"):
    tenant_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    sealed = UnicodeAttribute(null=True)  # the details (holder, number, bank) as JSON, sealed
    masked_number = UnicodeAttribute(null=True)
    stripe_account_id = UnicodeAttribute(null=True)  # not a secret: Stripe's id of the Connect account
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def key(cls, tenant_id: str, member_id: str) -> Key:
        return wallet_partition(tenant_id, member_id), "PAYOUT_ACCOUNT"

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        member_id: str,
        kind: AccountKind,
        sealed: str | None,
        masked_number: str | None,
        stripe_account_id: str | None,
        at: datetime,
    ) -> PayoutAccountItem:
        return cls(
            *cls.key(tenant_id, member_id),
            tenant_id=tenant_id,
            member_id=member_id,
            kind=kind.value,
            sealed=sealed,
            masked_number=masked_number,
            stripe_account_id=stripe_account_id,
            updated_at=at,
        )

    def view(self, *, holder_name: str | None = None, bank_name: str | None = None) -> PayoutAccount:
        return PayoutAccount(
            kind=AccountKind(self.kind),
            holder_name=holder_name,
            masked_number=self.masked_number,
            bank_name=bank_name,
            stripe_account_id=self.stripe_account_id,
            updated_at=self.updated_at,
        )


# --- withdrawals -----------------------------------------------------------------------------------


class WithdrawalItem(TableItem, discriminator="withdrawal"):
    tenant_id = UnicodeAttribute()
    withdrawal_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    state = UnicodeAttribute()
    currency = UnicodeAttribute()
    amount = NumberAttribute()
    fee = NumberAttribute()
    payout = UnicodeAttribute()
    account_kind = UnicodeAttribute()
    sealed_account = UnicodeAttribute(null=True)
    masked_number = UnicodeAttribute(null=True)
    stripe_account_id = UnicodeAttribute(null=True)
    task_token = UnicodeAttribute(null=True)
    execution = UnicodeAttribute(null=True)
    reason = UnicodeAttribute(null=True)
    transfer_id = UnicodeAttribute(null=True)
    requested_at = UTCDateTimeAttribute()
    decided_at = UTCDateTimeAttribute(null=True)
    decided_by = UnicodeAttribute(null=True)
    finished_at = UTCDateTimeAttribute(null=True)
    version = NumberAttribute(default=1)

    @classmethod
    def new(
        cls,
        *,
        tenant_id: str,
        withdrawal_id: str,
        member_id: str,
        amount: Money,
        fee: Money,
        payout: PayoutRoute,
        account: PayoutAccountItem,
        at: datetime,
    ) -> WithdrawalItem:
        return cls(
            *withdrawal_key(tenant_id, withdrawal_id),
            gsi1pk=member_withdrawals(tenant_id, member_id),
            gsi1sk=withdrawal_id,
            gsi2pk=withdrawals_in(tenant_id, WithdrawalState.REQUESTED),
            gsi2sk=withdrawal_id,
            tenant_id=tenant_id,
            withdrawal_id=withdrawal_id,
            member_id=member_id,
            state=WithdrawalState.REQUESTED.value,
            currency=amount.currency,
            amount=amount.amount,
            fee=fee.amount,
            payout=payout.value,
            account_kind=account.kind,
            sealed_account=account.sealed,
            masked_number=account.masked_number,
            stripe_account_id=account.stripe_account_id,
            requested_at=at,
            version=1,
        )

    def moved(self, state: WithdrawalState, **changes: Any) -> list[Action]:
        """The update to `state` (its queue follows), with `changes` set (None removes)."""
        cls = type(self)
        actions: list[Action] = [
            cls.state.set(state.value),
            cls.gsi2pk.set(withdrawals_in(self.tenant_id, state)),
            cls.version.add(1),
        ]
        for name, value in changes.items():
            attribute = getattr(cls, name)
            actions.append(attribute.remove() if value is None else attribute.set(value))
        return actions

    def is_(self, state: WithdrawalState) -> Any:
        """The condition that the withdrawal is still as read: in `state`, at the version read."""
        cls = type(self)
        return (cls.state == state.value) & (cls.version == self.version)

    @property
    def amount_money(self) -> Money:
        return Money(amount=int(self.amount), currency=self.currency)

    @property
    def fee_money(self) -> Money:
        return Money(amount=int(self.fee), currency=self.currency)

    @property
    def held(self) -> Money:
        return self.amount_money + self.fee_money

    def view(self) -> WithdrawalView:
        return WithdrawalView(
            id=self.withdrawal_id,
            member_id=self.member_id,
            state=WithdrawalState(self.state),
            amount=self.amount_money,
            fee=self.fee_money,
            held=self.held,
            payout=PayoutRoute(self.payout),
            account_kind=AccountKind(self.account_kind),
            masked_number=self.masked_number,
            reason=self.reason,
            transfer_id=self.transfer_id,
            requested_at=self.requested_at,
            decided_at=self.decided_at,
            decided_by=self.decided_by,
            finished_at=self.finished_at,
        )


# --- reads for staff's lists (views.py) ----------------------------------------------------------


def withdrawals(
    tenant_id: str,
    *,
    member_id: str | None,
    state: WithdrawalState | None,
    start: datetime | None,
    end: datetime | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[Any, str]:
    """Withdrawals newest first, a member's (GSI1) or in one state (GSI2), requested in [start, end)
    (their ids' time part: a key range), the state filtered where the member's partition is read:
    one Query a page (`limit`: the page; None: every page), and what its cursors are sealed for: a
    cursor continues only this very list."""
    query = f"withdrawals/{member_id or ''}/{state or ''}/{start or ''}/{end or ''}"
    low = time_prefix(start) if start else "0"
    high = time_prefix(end) if end else "~"
    common: dict[str, Any] = {"scan_index_forward": False, "limit": limit}
    if member_id is not None:
        partition = member_withdrawals(tenant_id, member_id)
        start_key = decode_cursor(cursor, partition=("GSI1PK", partition), query=query)
        found = WithdrawalItem.by_gsi1.query(
            partition,
            WithdrawalItem.gsi1sk.between(low, high),
            filter_condition=WithdrawalItem.state == state.value if state else None,
            last_evaluated_key=start_key,
            **common,
        )
        return found, query
    if state is None:
        raise ValueError("a withdrawal list reads by member or state")
    partition = withdrawals_in(tenant_id, state)
    start_key = decode_cursor(cursor, partition=("GSI2PK", partition), query=query)
    found = WithdrawalItem.by_gsi2.query(
        partition, WithdrawalItem.gsi2sk.between(low, high), last_evaluated_key=start_key, **common
    )
    return found, query
