"""The wallet against the local DynamoDB: a credit for a reference is written once, a balance is
always the sum of its entries, debits that must not overdraw it are refused whole, clawbacks may
take it below zero, another context's transaction can carry a credit, and entries page."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from panacea.distribution import cashback, wallet
from panacea.distribution.cashback import CashbackLine
from panacea.distribution.wallet_models import Credit, Debit, EntryKind, WalletGiveBack
from panacea.platform.cursors import InvalidCursor
from panacea.platform.errors import Conflict
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from panacea.platform.transaction import UnitOfWork, unit_of_work


def cny(amount: int) -> Money:
    return Money(amount=amount, currency="CNY")


def credit(member: str, amount: int, reference: str | None = None, kind: EntryKind = EntryKind.COMMISSION) -> Credit:
    return Credit(member_id=member, kind=kind, amount=cny(amount), reference=reference or new_id())


def debit(member: str, amount: int, kind: EntryKind, reference: str | None = None) -> Debit:
    return Debit(member_id=member, kind=kind, amount=cny(amount), reference=reference or new_id())


def sum_of_entries(tenant: str, member: str) -> Money:
    return sum((e.amount for e in wallet.all_entries(tenant, member)), cny(0))


def test_the_same_credit_for_the_same_reference_is_written_once():
    tenant, member = new_id(), new_id()
    with acting_for(tenant):
        # Given a commission credited to a member's wallet
        first = wallet.credit(tenant, credit(member, 800, "commission-1"))
        # When the same credit arrives again (a retried thaw)
        again = wallet.credit(tenant, credit(member, 800, "commission-1"))
        # Then it answers the first entry, and the wallet holds it once
        assert again == first
        assert wallet.balance(tenant, member, "CNY") == cny(800)
        assert len(wallet.all_entries(tenant, member)) == 1
        # And the same reference for another amount is refused, naming the reference
        with pytest.raises(wallet.ReferenceUsed) as used:
            wallet.credit(tenant, credit(member, 900, "commission-1"))
        assert used.value.errors[0].field == "reference"
        # While the same reference of another kind is another entry
        wallet.credit(tenant, credit(member, 50, "commission-1", kind=EntryKind.CASHBACK))
        assert wallet.balance(tenant, member, "CNY") == cny(850) == sum_of_entries(tenant, member)


def test_a_withdrawal_hold_never_overdraws_and_a_refused_one_leaves_nothing():
    tenant, member = new_id(), new_id()
    with acting_for(tenant):
        # Given ¥5.00 in the wallet
        wallet.credit(tenant, credit(member, 500))
        # When a hold of ¥5.01 is asked for
        with pytest.raises(wallet.InsufficientBalance) as short:
            wallet.debit(tenant, debit(member, 501, EntryKind.WITHDRAWAL_HELD))
        # Then it is refused, saying what the wallet holds, and nothing was written
        assert short.value.errors[0].field == "amount"
        assert "5.00 CNY" in short.value.detail
        assert wallet.balance(tenant, member, "CNY") == cny(500)
        assert len(wallet.all_entries(tenant, member)) == 1
        # And a hold of all of it goes through, to zero
        wallet.debit(tenant, debit(member, 500, EntryKind.WITHDRAWAL_HELD))
        assert wallet.balance(tenant, member, "CNY") == cny(0) == sum_of_entries(tenant, member)


def test_a_clawback_may_go_below_zero_and_later_credits_offset_it():
    tenant, member = new_id(), new_id()
    with acting_for(tenant):
        # Given commission that was withdrawn, then refunded: a clawback larger than the wallet
        wallet.credit(tenant, credit(member, 300))
        wallet.debit(tenant, debit(member, 800, EntryKind.CLAWBACK))
        # Then the wallet is negative and nothing can be withdrawn
        (held,) = wallet.member_wallet(tenant, member).balances
        assert (held.balance, held.withdrawable) == (cny(-500), cny(0))
        with pytest.raises(wallet.InsufficientBalance):
            wallet.debit(tenant, debit(member, 1, EntryKind.WITHDRAWAL_HELD))
        # When later commission arrives, it offsets the debt first
        wallet.credit(tenant, credit(member, 700))
        (held,) = wallet.member_wallet(tenant, member).balances
        assert (held.balance, held.withdrawable) == (cny(200), cny(200))
        assert sum_of_entries(tenant, member) == cny(200)


def test_a_credit_commits_with_the_callers_own_writes_or_not_at_all():
    tenant, member = new_id(), new_id()
    with acting_for(tenant):
        # Given another context's unit of work that claims a value already taken
        with unit_of_work(tenant) as uow:
            uow.claim(tenant, "thaw", "batch-1", "x", taken=Conflict("taken"))
        # When it carries a wallet credit and fails
        uow = UnitOfWork(tenant)
        uow.claim(tenant, "thaw", "batch-1", "x", taken=Conflict("taken"))
        uow.add(wallet.credit_items(tenant, credit(member, 100, "c-1")))
        with pytest.raises(Conflict):
            uow.commit()
        # Then the credit is not there either
        assert wallet.balance(tenant, member, "CNY") == cny(0)
        assert wallet.all_entries(tenant, member) == []
        # And in a unit of work that commits, it is
        with unit_of_work(tenant) as uow:
            uow.claim(tenant, "thaw", "batch-2", "x", taken=Conflict("taken"))
            uow.add(wallet.credit_items(tenant, credit(member, 100, "c-1")))
        assert wallet.balance(tenant, member, "CNY") == cny(100)


def test_entries_page_newest_first_with_cursors_for_that_member_only():
    tenant, member, other = new_id(), new_id(), new_id()
    with acting_for(tenant):
        # Given five credits
        for amount in (1, 2, 3, 4, 5):
            wallet.credit(tenant, credit(member, amount))
        # When the entries are read two at a time
        first = wallet.member_entries(tenant, member, cursor=None, limit=2)
        second = wallet.member_entries(tenant, member, cursor=first.next_cursor, limit=2)
        third = wallet.member_entries(tenant, member, cursor=second.next_cursor, limit=2)
        # Then they come newest first, each once
        assert [e.amount.amount for e in first.items + second.items + third.items] == [5, 4, 3, 2, 1]
        # And another member's list does not take the cursor
        with pytest.raises(InvalidCursor):
            wallet.member_entries(tenant, other, cursor=first.next_cursor, limit=2)


CHANGES = st.lists(
    st.tuples(
        st.sampled_from([EntryKind.COMMISSION, EntryKind.CASHBACK, EntryKind.WITHDRAWAL_HELD, EntryKind.CLAWBACK]),
        st.integers(min_value=1, max_value=5_000),
        st.integers(min_value=0, max_value=5),  # which reference: repeats are retries
    ),
    min_size=1,
    max_size=25,
)


@hypothesis_settings(max_examples=25)
@given(changes=CHANGES)
def test_the_balance_is_the_sum_of_its_entries_whatever_happens(changes: list[tuple[EntryKind, int, int]]):
    tenant, member = new_id(), new_id()
    expected, seen = 0, Counter[tuple[EntryKind, int]]()
    with acting_for(tenant):
        for kind, amount, ref in changes:
            reference = f"r{ref}-{amount}"  # the same reference always carries the same amount
            # When a change is made (or retried)
            try:
                if kind in (EntryKind.COMMISSION, EntryKind.CASHBACK):
                    wallet.credit(tenant, credit(member, amount, reference, kind))
                else:
                    wallet.debit(tenant, debit(member, amount, kind, reference))
            except wallet.InsufficientBalance:
                assert kind == EntryKind.WITHDRAWAL_HELD
                assert expected < amount
                continue
            if seen[(kind, ref * 10_000 + amount)] == 0:
                expected += amount if kind in (EntryKind.COMMISSION, EntryKind.CASHBACK) else -amount
            seen[(kind, ref * 10_000 + amount)] += 1
            # Then the balance is what the changes made once each, and the sum of the entries
            assert wallet.balance(tenant, member, "CNY") == cny(expected) == sum_of_entries(tenant, member)


def test_several_credits_to_one_member_commit_in_one_transaction():
    tenant, member, other = new_id(), new_id(), new_id()
    with acting_for(tenant):
        # Given a distributor's three due commissions and another's one, thawed in one batch
        batch = [credit(member, 800), credit(member, 400), credit(other, 150), credit(member, 1)]
        # When they are credited in one unit of work
        with unit_of_work(tenant) as uow:
            uow.add(wallet.credits_items(tenant, batch))
        # Then each has its entry, and each balance moved once by the sum
        assert wallet.balance(tenant, member, "CNY") == cny(1_201) == sum_of_entries(tenant, member)
        assert wallet.balance(tenant, other, "CNY") == cny(150) == sum_of_entries(tenant, other)
        assert uow.size == 4 * 2 + 2
        # And the same batch again is refused whole, changing nothing
        with pytest.raises(wallet.EntryRecorded), unit_of_work(tenant) as again:
            again.add(wallet.credits_items(tenant, batch))
        assert wallet.balance(tenant, member, "CNY") == cny(1_201)


def test_cashback_is_credited_once_on_completion_and_taken_back_by_refunds_to_the_fen():
    tenant, member, order = new_id(), new_id(), new_id()
    with acting_for(tenant):
        # Given a refund before the order completed: no cashback was credited, so none is taken
        line = CashbackLine(amount=cny(999), cashback_bps=500)
        assert cashback.reverse_cashback(tenant, member, order, "early", [line]) is None
        # When the order of a ¥9.99 line at 5 % cashback and a ¥20.00 line without completes (the event twice)
        due = cashback.cashback_due([line, CashbackLine(amount=cny(2_000))], "CNY")
        cashback.credit_cashback(tenant, member, order, due)
        cashback.credit_cashback(tenant, member, order, due)
        # Then 49 fen is credited once (49.95 rounded down)
        assert due == cny(49)
        assert wallet.balance(tenant, member, "CNY") == cny(49)
        # When ¥5.00 of the line is refunded, then the rest of it
        cashback.reverse_cashback(tenant, member, order, "r1", [CashbackLine(amount=cny(500), cashback_bps=500)])
        assert wallet.balance(tenant, member, "CNY") == cny(24)  # 25 fen back: 5 % of ¥5.00
        cashback.reverse_cashback(tenant, member, order, "r2", [CashbackLine(amount=cny(499), cashback_bps=500)])
        cashback.reverse_cashback(tenant, member, order, "r2", [CashbackLine(amount=cny(499), cashback_bps=500)])
        # Then no more than was credited is taken back, once per refund, and the member keeps nothing
        assert wallet.balance(tenant, member, "CNY") == cny(0) == sum_of_entries(tenant, member)
        # And a completion after a partial refund pays the share of what was kept only
        kept = CashbackLine(amount=cny(999), cashback_bps=500, refunded=cny(500))
        assert cashback.cashback_due([kept], "CNY") == cny(24)


def test_an_orders_wallet_credit_given_back_twice_is_refused_whole():
    tenant, member, order = new_id(), new_id(), new_id()
    given = WalletGiveBack(member_id=member, order_id=order, amount=cny(700), reference=f"order-{order}-refund-1")
    with acting_for(tenant):
        # Given an order's wallet part given back with its refund
        with unit_of_work(tenant) as uow:
            uow.add(wallet.checkout_give_back(tenant, given))
        # When the same refund's give-back is carried by another transaction (a retried refund)
        with pytest.raises(wallet.EntryRecorded), unit_of_work(tenant) as uow:
            uow.add(wallet.checkout_give_back(tenant, given))
        # Then the wallet holds it once
        assert wallet.balance(tenant, member, "CNY") == cny(700) == sum_of_entries(tenant, member)
        assert [e.kind for e in wallet.all_entries(tenant, member)] == [EntryKind.ORDER_RETURNED]
