"""The wallet: money the tenant owes a member, per currency, as a balance and its ledger.

The invariant: a balance is the sum of its entries, always. Every change is ONE TransactWriteItems
holding the entry (put with attribute_not_exists on a key made of its kind and reference, so the
same credit for the same reference is never written twice), the balance's ADD of the signed amount
(under a condition for debits that must not overdraw it), and the event that announces it.

- credits: commission made available, product cashback when its order completes, a withdrawal's
  money returned (rejected, timed out, or its payout failed), wallet credit an order gives back;
- debits: a withdrawal's amount and fee held, wallet credit spent at checkout (never below zero),
  a clawback of commission refunded after it was available or withdrawn, cashback of a refunded
  order (these two may take the balance below zero: the member owes it, later credits offset it,
  and no withdrawal is taken meanwhile).

Another context that must move wallet money together with its own record takes the items from
`credit_items` / `debit_items` into its unit of work (`uow.add(...)`, rule 11): the commission
ledger's thaw credits the wallet in its own transaction. Orders spends the wallet at checkout the
same way (`checkout_spend`: the debit commits with the order, or neither does) and gives an
order's wallet part back in the transaction that cancels or refunds it (`checkout_give_back`).
`credit` / `debit` commit them alone and answer a retry with the entry already written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from panacea.distribution.network import rules_of
from panacea.distribution.wallet_access import WalletAction
from panacea.distribution.wallet_items import (
    BalanceItem,
    EntryItem,
    balance_of,
    entries_of,
    entries_partition,
    entry_key,
)
from panacea.distribution.wallet_models import (
    CREDITS,
    DEBITS,
    MAY_GO_NEGATIVE,
    Credit,
    Debit,
    EntryKind,
    Wallet,
    WalletCredited,
    WalletDebited,
    WalletEntry,
    WalletGiveBack,
    WalletSpend,
)
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, DomainError, FieldError, Unprocessable
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from panacea.platform.table import Page, decode_cursor, page_of
from panacea.platform.transaction import UnitOfWork, unit_of_work


class InsufficientBalance(Conflict):
    slug, title = "insufficient-balance", "Insufficient balance"


class EntryRecorded(Conflict):
    """An entry of that kind and reference is already in the wallet (the change was made once)."""

    slug, title = "wallet-entry-recorded", "Already recorded"


class ReferenceUsed(Conflict):
    """The reference was used before for a different amount."""

    slug, title = "wallet-reference-used", "Reference used"


class WalletNotAccepted(Unprocessable):
    slug, title = "wallet-not-accepted", "Wallet not accepted"


# --- the items of a change (for anyone's unit of work) ------------------------------------------


def credit_items(tenant_id: str, credit: Credit) -> UnitOfWork:
    """The writes that credit the wallet (entry, balance, `wallet.credited`), to `uow.add` into the
    caller's transaction. Refused there (EntryRecorded) if this kind and reference was credited."""
    return _credit(tenant_id, credit)[0]


def _credit(tenant_id: str, credit: Credit) -> tuple[UnitOfWork, EntryItem]:
    if credit.kind not in CREDITS or credit.amount.amount <= 0:
        raise ValueError(f"a credit is a positive {sorted(CREDITS)}, not {credit.amount} of {credit.kind}")
    return _change(tenant_id, credit, credit.amount)


def debit_items(tenant_id: str, debit: Debit, *, field: str = "amount") -> UnitOfWork:
    """The writes that debit the wallet (entry, balance, `wallet.debited`). Unless the kind may take
    it negative (a clawback), the balance must cover it: InsufficientBalance on `field` if not."""
    return _debit(tenant_id, debit, field=field)[0]


def _debit(tenant_id: str, debit: Credit, *, field: str = "amount") -> tuple[UnitOfWork, EntryItem]:
    if debit.kind not in DEBITS or debit.amount.amount <= 0:
        raise ValueError(f"a debit is a positive {sorted(DEBITS)}, not {debit.amount} of {debit.kind}")
    return _change(tenant_id, debit, Money(amount=-debit.amount.amount, currency=debit.amount.currency), field=field)


def _change(tenant_id: str, change: Credit, signed: Money, *, field: str = "amount") -> tuple[UnitOfWork, EntryItem]:
    part = UnitOfWork(tenant_id)
    entry = _entry(part, tenant_id, change, signed)
    balance = BalanceItem.of(tenant_id, change.member_id, signed.currency)
    actions = BalanceItem.change(tenant_id, change.member_id, signed, clock.now())
    if signed.amount < 0 and change.kind not in MAY_GO_NEGATIVE:
        part.update(balance, actions, condition=BalanceItem.balance >= -signed.amount, conflict=_short(change, field))
    else:
        part.update(balance, actions)
    return part, entry


def _entry(part: UnitOfWork, tenant_id: str, change: Credit, signed: Money) -> EntryItem:
    """The entry of one change, and the event that announces it, into `part`."""
    entry_id = new_id()
    entry = EntryItem.new(
        tenant_id=tenant_id,
        member_id=change.member_id,
        entry_id=entry_id,
        kind=change.kind,
        signed=signed,
        reference=change.reference,
        note=change.note,
        at=clock.now(),
    )
    part.create(entry, conflict=EntryRecorded(f"{change.kind} {change.reference} is already in the wallet"))
    event: WalletCredited | WalletDebited
    if signed.amount > 0:
        event = WalletCredited(
            member_id=change.member_id, entry_id=entry_id, kind=change.kind, amount=signed, reference=change.reference
        )
    else:
        event = WalletDebited(
            member_id=change.member_id,
            entry_id=entry_id,
            kind=change.kind,
            amount=change.amount,
            reference=change.reference,
        )
    part.emit(event)
    return entry


def credits_items(tenant_id: str, credits: Sequence[Credit]) -> UnitOfWork:
    """The writes of several credits in one transaction (the commission thaw: a distributor's due
    commissions at once): an entry and a `wallet.credited` per credit, and ONE balance update per
    member and currency (a transaction may touch an item once). 2 items per credit plus 1 per
    balance: the caller keeps a batch within a transaction's 100 (`UnitOfWork.size`). Refused whole
    (EntryRecorded) if any of them was credited before."""
    part = UnitOfWork(tenant_id)
    sums: dict[tuple[str, str], Money] = {}
    for credit in credits:
        if credit.kind not in CREDITS or credit.amount.amount <= 0:
            raise ValueError(f"a credit is a positive {sorted(CREDITS)}, not {credit.amount} of {credit.kind}")
        _entry(part, tenant_id, credit, credit.amount)
        key = (credit.member_id, credit.amount.currency)
        sums[key] = sums[key] + credit.amount if key in sums else credit.amount
    for (member_id, currency), total in sums.items():
        balance = BalanceItem.of(tenant_id, member_id, currency)
        part.update(balance, BalanceItem.change(tenant_id, member_id, total, clock.now()))
    return part


def _short(change: Credit, field: str) -> Any:
    def explained(raw: dict[str, Any] | None) -> DomainError:
        found = balance_of(raw)
        has = found.money if found else Money.zero(change.amount.currency)
        detail = f"the wallet holds {has}, {change.amount} is needed"
        return InsufficientBalance(detail, errors=[FieldError(field, "insufficient_balance", detail)])

    return explained


# --- the wallet at checkout (orders' transaction carries these) --------------------------------


def checkout_spend(tenant_id: str, spend: WalletSpend) -> UnitOfWork:
    """The writes that take `spend.amount` from the member's wallet for an order (entry
    `order_payment` referenced by the order, the balance under the condition that it covers it,
    `wallet.debited`), for orders to add to the transaction that places the order: the order and
    the debit commit together or not at all, and two checkouts spending the same balance cannot
    both succeed. Refused before anything is written if the tenant does not take the wallet at
    checkout (422 on `spend.field`) or the balance, read now, does not cover it (409 on
    `<field>.amount`; the transaction's condition decides under concurrency)."""
    if not rules_of(tenant_id).wallet_at_checkout:
        raise WalletNotAccepted(
            "this shop does not take wallet credit at checkout", errors=[FieldError(spend.field, "not_accepted")]
        )
    field = f"{spend.field}.amount"
    has = balance(tenant_id, spend.member_id, spend.amount.currency)
    if has.amount < spend.amount.amount:
        detail = f"the wallet holds {has}, {spend.amount} is needed"
        raise InsufficientBalance(detail, errors=[FieldError(field, "insufficient_balance", detail)])
    debit = Debit(
        member_id=spend.member_id,
        kind=EntryKind.ORDER_PAYMENT,
        amount=spend.amount,
        reference=spend.order_id,
        note=f"order {spend.order_id}",
    )
    return debit_items(tenant_id, debit, field=field)


def checkout_give_back(tenant_id: str, given: WalletGiveBack) -> UnitOfWork:
    """The writes that credit an order's wallet part back (entry `order_returned` referenced by
    `given.reference`, balance, `wallet.credited`), for the transaction that cancels or refunds the
    order: once per reference (the same give-back twice is refused whole, EntryRecorded). Given back
    whatever the tenant's setting is now."""
    credit = Credit(
        member_id=given.member_id,
        kind=EntryKind.ORDER_RETURNED,
        amount=given.amount,
        reference=given.reference,
        note=f"order {given.order_id}",
    )
    return credit_items(tenant_id, credit)


# --- changes on their own ----------------------------------------------------------------------


def credit(tenant_id: str, change: Credit) -> WalletEntry:
    """Credit the wallet once: a retry (same kind, reference and amount) answers the first entry."""
    return _once(tenant_id, change, _credit)


def debit(tenant_id: str, change: Debit) -> WalletEntry:
    """Debit the wallet once: a retry (same kind, reference and amount) answers the first entry."""
    return _once(tenant_id, change, _debit)


def _once(tenant_id: str, change: Credit, items: Callable[[str, Credit], tuple[UnitOfWork, EntryItem]]) -> WalletEntry:
    try:
        with unit_of_work(tenant_id) as uow:
            part, entry = items(tenant_id, change)
            uow.add(part)
    except EntryRecorded:
        found = EntryItem.find(*entry_key(tenant_id, change.member_id, change.kind, change.reference))
        if found is None:  # not reached: an entry is never deleted
            raise
        if abs(int(found.amount)) != change.amount.amount or found.currency != change.amount.currency:
            raise ReferenceUsed(
                f"{change.kind} {change.reference} was recorded for another amount",
                errors=[FieldError("reference", "used")],
            ) from None
        return found.view()
    return entry.view()


# --- reads ---------------------------------------------------------------------------------------


def member_wallet(tenant_id: str, member_id: str) -> Wallet:
    """Every balance of a member's wallet (one Query); none before their first credit."""
    balances = [item.view() for item in BalanceItem.every(tenant_id, member_id)]
    return Wallet(member_id=member_id, balances=sorted(balances, key=lambda b: b.balance.currency))


def balance(tenant_id: str, member_id: str, currency: str) -> Money:
    """One balance, read consistently (zero before the first credit)."""
    found = BalanceItem.read(tenant_id, member_id, currency)
    return found.money if found else Money.zero(currency)


def my_wallet(actor: Actor) -> Wallet:
    authorize(actor, WalletAction.USE_WALLET)
    return member_wallet(actor.tenant, actor.user_id)


def member_entries(tenant_id: str, member_id: str, *, cursor: str | None, limit: int) -> Page[WalletEntry]:
    """A member's entries, newest first, in pages (one Query each)."""
    partition = entries_partition(tenant_id, member_id)
    results = EntryItem.by_gsi1.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition)),
    )
    return page_of(results, EntryItem.view)  # type: ignore[arg-type]


def my_entries(actor: Actor, *, cursor: str | None, limit: int) -> Page[WalletEntry]:
    authorize(actor, WalletAction.USE_WALLET)
    return member_entries(actor.tenant, actor.user_id, cursor=cursor, limit=limit)


def all_entries(tenant_id: str, member_id: str) -> list[WalletEntry]:
    """Every entry of a member's wallet (the ledger whole: reconciliation and tests)."""
    return [item.view() for item in entries_of(tenant_id, member_id)]
