"""Payouts through Stripe Connect, by the payments port's real client against the local Stripe: a
payee's account takes transfers only once onboarded, a transfer needs the platform's available
balance and is made once per key, amounts cross in Stripe's units, and a reversal gives back part or
all of it. Refusals are Stripe's, naming its parameter."""

from __future__ import annotations

import urllib.request

import pytest

from infra.local.runtime import LocalPlatform
from panacea.platform import payments
from panacea.platform.ids import new_id
from panacea.platform.money import Money
from tests.integration.stripe_support import paid, sandbox, shop


def gbp(amount: int) -> Money:
    return Money(amount=amount, currency="GBP")


def payee(platform: LocalPlatform, *, onboarded: bool = True) -> str:
    account = payments.create_payee_account(
        country="GB", email="payee@example.com", metadata={"distributor": "d-1"}, idempotency_key=new_id()
    )
    assert (account.transfers_enabled, account.payouts_enabled) == (False, False)
    if onboarded:
        link = payments.onboarding_link(account.id, refresh_url="https://x.example/r", return_url="https://x.example/d")
        urllib.request.urlopen(urllib.request.Request(link, method="POST"), timeout=5).close()
    return account.id


def test_a_payee_onboards_and_is_paid_once_per_key_then_part_is_reversed(platform: LocalPlatform):
    # Given money the platform took, and a payee who onboarded through Stripe's link
    paid(platform, shop(), gbp(10_000))
    account = payee(platform)
    assert payments.payee_account(account).transfers_enabled
    # When £25 is transferred to them, twice with the same key
    key = new_id()
    first = payments.create_transfer(
        destination=account, amount=gbp(2_500), metadata={"withdrawal": "w-1"}, idempotency_key=key
    )
    again = payments.create_transfer(
        destination=account, amount=gbp(2_500), metadata={"withdrawal": "w-1"}, idempotency_key=key
    )
    # Then one transfer was made, of £25 to that account
    assert again == first
    assert (first.destination, first.amount, first.reversed) == (account, gbp(2_500), gbp(0))
    assert sum(1 for t in sandbox(platform).transfers.values() if t["destination"] == account) == 1
    # When £10 of it is reversed, then the rest
    partly = payments.reverse_transfer(first.id, amount=gbp(1_000), metadata={}, idempotency_key=new_id())
    whole = payments.reverse_transfer(first.id, amount=None, metadata={}, idempotency_key=new_id())
    # Then the transfer shows what came back
    assert (partly.reversed, whole.reversed) == (gbp(1_000), gbp(2_500))
    # And no more can be reversed than was sent
    with pytest.raises(payments.ProviderRefused) as refused:
        payments.reverse_transfer(first.id, amount=gbp(1), metadata={}, idempotency_key=new_id())
    assert refused.value.errors[0].field == "amount"


def test_a_payee_who_has_not_onboarded_cannot_be_paid(platform: LocalPlatform):
    # Given money the platform took, and a payee who never finished onboarding
    paid(platform, shop(), gbp(5_000))
    account = payee(platform, onboarded=False)
    # When a transfer is asked for, Then Stripe refuses it, naming the destination
    with pytest.raises(payments.ProviderRefused) as refused:
        payments.create_transfer(destination=account, amount=gbp(100), metadata={}, idempotency_key=new_id())
    assert refused.value.errors[0].field == "destination"
    assert "capabilities" in refused.value.detail


def test_a_transfer_larger_than_the_available_balance_is_refused(platform: LocalPlatform):
    # Given an onboarded payee, When more is asked for than the platform holds in that currency
    account = payee(platform)
    available = sandbox(platform).available()["eur"]
    with pytest.raises(payments.ProviderRefused) as refused:
        payments.create_transfer(
            destination=account,
            amount=Money(amount=available + 100, currency="EUR"),
            metadata={},
            idempotency_key=new_id(),
        )
    # Then Stripe says why
    assert refused.value.code == "balance_insufficient"


def test_a_transfer_in_krona_reaches_stripe_in_its_units(platform: LocalPlatform):
    # Given krónur the platform took, and an onboarded payee
    paid(platform, shop(), Money(amount=2_000, currency="ISK"))
    account = payee(platform)
    # When 500 kr are transferred
    made = payments.create_transfer(
        destination=account, amount=Money(amount=500, currency="ISK"), metadata={}, idempotency_key=new_id()
    )
    # Then Stripe moved 50,000 (hundredths), and the port reads back 500 kr
    assert (sandbox(platform).transfers[made.id]["amount"], made.amount) == (50_000, Money(amount=500, currency="ISK"))
