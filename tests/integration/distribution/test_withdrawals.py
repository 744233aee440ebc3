"""Withdrawals through the wallet's routes and the withdrawal-payout workflow, run from its ASL file
on the local Step Functions with its tasks in this process: approved and paid by Stripe Connect in
the local sandbox, rejected, timed out, refused by Stripe, paid by an external transfer finance
records; the money held, paid or returned, never created or lost; payout accounts sealed at rest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from infra import wiring
from infra.local.invoke import REGION, invoke
from infra.local.moto_bridge import token_timeouts_scaled
from infra.local.runtime import LocalPlatform
from panacea.distribution import paying_out, payout_accounts, wallet, withdrawals
from panacea.distribution.settings import WithdrawalRules
from panacea.distribution.wallet_items import PayoutAccountItem
from panacea.distribution.wallet_models import (
    Credit,
    Debit,
    EntryKind,
    ExternalAccount,
    ExternalTransfer,
    WithdrawalRejection,
    WithdrawalRequest,
    WithdrawalState,
)
from panacea.platform import payments
from panacea.platform.access import Actor, Role
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from panacea.platform.settings import settings
from tests.integration.distribution.wallet_api import call
from tests.integration.stripe_support import paid, sandbox, shop
from tests.support import builders, eventually, resources, staff
from tests.support.in_process import HANDLERS

EVENTS = Path(__file__).resolve().parents[3] / "events"
BANK = {"kind": "bank", "holder_name": "Li Wei", "account_number": "6222020200001234567", "bank_name": "ICBC"}


def tenant_with(**rules: Any) -> str:
    """An onboarded tenant whose owner set its withdrawal rules (`rules`: fields of the
    distribution settings' `withdrawals`) through the API, the way a tenant does; its id."""
    tenant = shop()
    if rules:
        owner = staff(tenant, "owner", user_id="owner-1")
        set_to = builders.distribution_rules(HANDLERS, owner, withdrawals=rules)["withdrawals"]
        assert {name: set_to[name] for name in rules} == rules
    return tenant


def money(amount: int, currency: str = "CNY") -> Money:
    return Money(amount=amount, currency=currency)


def member_with(tenant: str, amount: Money) -> tuple[str, dict[str, str]]:
    """A member whose wallet holds `amount` of commission; their id and authorizer context."""
    member = new_id()
    with acting_for(tenant):
        wallet.credit(tenant, Credit(member_id=member, kind=EntryKind.COMMISSION, amount=amount, reference=new_id()))
    return member, staff(tenant, "member", user_id=member)


def held_and_balance(tenant: str, member: str, currency: str = "CNY") -> tuple[Money, Money]:
    """The wallet's balance, and the sum of its entries (always the same)."""
    with acting_for(tenant):
        entries = wallet.all_entries(tenant, member)
        return wallet.balance(tenant, member, currency), sum((e.amount for e in entries), money(0, currency))


def state_of(tenant: str, withdrawal_id: str) -> str:
    with acting_for(tenant):
        return withdrawals.load(tenant, withdrawal_id).state


def execution_of(platform: LocalPlatform, withdrawal_id: str) -> dict[str, Any]:
    """The withdrawal-payout execution of a withdrawal, once it has finished."""
    sfn = boto3.client("stepfunctions", endpoint_url=platform.aws_url, region_name=REGION)
    machine = resources(platform).state_machines["withdrawal-payout"]

    def finished() -> dict[str, Any] | None:
        # every page: the suite starts more executions than one page lists (the property test's)
        for page in sfn.get_paginator("list_executions").paginate(stateMachineArn=machine):
            for listed in page["executions"]:
                run = sfn.describe_execution(executionArn=listed["executionArn"])
                if withdrawal_id in run["input"] and run["status"] != "RUNNING":
                    return dict(run)
        return None

    # a busy machine slows the workflow's tasks: the wait is generous, the check exact
    return eventually(finished, timeout_s=60, what=f"the workflow of {withdrawal_id} finished")  # type: ignore[no-any-return]


def waiting(tenant: str, withdrawal_id: str) -> bool:
    """Whether the workflow is waiting on the withdrawal (its token is stored)."""
    with acting_for(tenant):
        return bool(withdrawals.load(tenant, withdrawal_id).task_token)


def test_an_approved_withdrawal_is_paid_by_stripe_connect_once(platform: LocalPlatform):
    # Given a tenant paying withdrawals by Stripe Connect with a 1 % fee, money in Stripe, and a
    # member with £100.00 in their wallet who onboarded a Stripe account
    tenant = tenant_with(payout="stripe_connect", fee_bps=100, minimum_amount=1_000)
    paid(platform, tenant, money(20_000, "GBP"))
    member, me = member_with(tenant, money(10_000, "GBP"))
    setup = {
        "country": "GB",
        "email": "mei@example.com",
        "return_url": "https://x.example/d",
        "refresh_url": "https://x.example/r",
    }
    status, account = call("POST", "/v1/me/wallet/payout-account/stripe", as_=me, body=setup)
    assert status == 200
    assert account["onboarding_url"]
    assert account["transfers_enabled"] is False
    sandbox(platform).onboard(account["stripe_account_id"])
    # When they withdraw £50.00
    status, asked = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 5_000, "currency": "GBP"}})
    # Then £50.50 (the amount and the fee) is held from the wallet while finance reviews it
    assert status == 201, asked
    assert (asked["state"], asked["fee"]["amount"], asked["held"]["amount"]) == ("requested", 50, 5_050)
    assert held_and_balance(tenant, member, "GBP") == (money(4_950, "GBP"),) * 2
    eventually(lambda: waiting(tenant, asked["id"]), what="the review's token kept")
    # When finance approves it
    status, approved = call("POST", f"/v1/withdrawals/{asked['id']}/approve", as_=staff(tenant, "finance"))
    assert (status, approved["state"]) == (200, "approved")
    # Then the workflow pays £50.00 to the member's Stripe account, once, and the withdrawal is paid
    run = execution_of(platform, asked["id"])
    assert run["status"] == "SUCCEEDED"
    assert state_of(tenant, asked["id"]) == WithdrawalState.PAID
    transfers = [t for t in sandbox(platform).transfers.values() if t["destination"] == account["stripe_account_id"]]
    assert [(t["amount"], t["currency"]) for t in transfers] == [(5_000, "gbp")]
    # And the wallet keeps what was left, the sum of its entries
    assert held_and_balance(tenant, member, "GBP") == (money(4_950, "GBP"),) * 2
    status, mine = call("GET", "/v1/me/withdrawals", as_=me)
    assert [(w["state"], w["transfer_id"]) for w in mine["items"]] == [("paid", transfers[0]["id"])]


def test_the_tenants_settings_set_the_minimum_and_the_capped_fee(platform: LocalPlatform):
    # Given a tenant whose owner set withdrawals of ¥20.00 at least, at 1 % + ¥0.20 capped at ¥0.50
    tenant = tenant_with(minimum_amount=2_000, fee_bps=100, fee_fixed=20, fee_cap=50)
    member, me = member_with(tenant, money(10_000))
    assert call("PUT", "/v1/me/wallet/payout-account", as_=me, body=BANK)[0] == 200
    # When the member asks for ¥19.99
    status, refused = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 1_999, "currency": "CNY"}})
    # Then it is refused naming the amount and the tenant's minimum, and nothing is held
    assert (status, refused["errors"][0]["field"], refused["errors"][0]["code"]) == (422, "amount", "below_minimum")
    assert "20.00 CNY" in refused["detail"]
    assert held_and_balance(tenant, member) == (money(10_000),) * 2
    # When they ask for ¥25.00 (1 % + ¥0.20 = ¥0.45) and for ¥40.00 (¥0.60, over the cap)
    _, small = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 2_500, "currency": "CNY"}})
    _, large = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 4_000, "currency": "CNY"}})
    # Then the fees are ¥0.45 and the cap's ¥0.50, held on top of the amounts
    assert (small["fee"]["amount"], large["fee"]["amount"]) == (45, 50)
    assert held_and_balance(tenant, member) == (money(10_000 - 2_545 - 4_050),) * 2
    for asked in (small, large):
        call("POST", f"/v1/withdrawals/{asked['id']}/reject", as_=staff(tenant, "finance"), body={"reason": "end"})


def test_withdrawal_rules_that_do_not_hold_together_are_refused_naming_the_field():
    # Given a tenant's owner
    tenant = tenant_with()
    owner = staff(tenant, "owner", user_id="owner-1")
    for rules, field in (
        ({"fee_bps": 10_001}, "distribution.withdrawals.fee_bps"),
        ({"payout": "carrier_pigeon"}, "distribution.withdrawals.payout"),
        ({"minimum_amount": 5_000, "maximum_amount": 4_999}, "distribution.withdrawals"),
        ({"fee_fixed": 300, "fee_cap": 200}, "distribution.withdrawals"),
    ):
        # When they set rules that make no sense
        answer = HANDLERS.request(
            "PATCH", "/v1/tenant/settings", as_=owner, body={"distribution": {"withdrawals": rules}}
        )
        # Then a 422 names the field, and the rules stay as they were
        assert answer.status == 422, rules
        assert field in [e["field"] for e in answer.body["errors"]], answer.body
    with acting_for(tenant):
        assert withdrawals.withdrawal_rules(tenant) == WithdrawalRules()


def test_a_rejected_withdrawal_gives_the_money_back(platform: LocalPlatform):
    # Given a member with ¥100.00 and a bank account, under a ¥1.00 fee
    tenant = tenant_with(fee_fixed=100)
    member, me = member_with(tenant, money(10_000))
    assert call("PUT", "/v1/me/wallet/payout-account", as_=me, body=BANK)[0] == 200
    # When they withdraw ¥30.00 and finance rejects it with a reason
    _, asked = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 3_000, "currency": "CNY"}})
    assert held_and_balance(tenant, member) == (money(6_900),) * 2
    finance = staff(tenant, "finance")
    status, queue = call("GET", "/v1/withdrawals?state=requested", as_=finance)
    assert [w["id"] for w in queue["items"]] == [asked["id"]]
    status, rejected = call(
        "POST", f"/v1/withdrawals/{asked['id']}/reject", as_=finance, body={"reason": "account name mismatch"}
    )
    # Then it is rejected, the ¥31.00 is back, and the workflow ended there
    assert (status, rejected["state"], rejected["reason"]) == (200, "rejected", "account name mismatch")
    assert held_and_balance(tenant, member) == (money(10_000),) * 2
    assert execution_of(platform, asked["id"])["status"] == "SUCCEEDED"
    # And rejecting again changes nothing; approving now is refused
    assert call("POST", f"/v1/withdrawals/{asked['id']}/reject", as_=finance, body={"reason": "again"})[0] == 200
    status, refused = call("POST", f"/v1/withdrawals/{asked['id']}/approve", as_=finance)
    assert (status, refused["errors"][0]["field"]) == (409, "withdrawal_id")
    assert held_and_balance(tenant, member) == (money(10_000),) * 2


def test_a_review_that_times_out_rejects_the_withdrawal_and_returns_the_money(platform: LocalPlatform):
    # Given a tenant whose finance reviews within an hour, and a member who asks for a withdrawal
    tenant = tenant_with(review_timeout_hours=1)
    member, me = member_with(tenant, money(5_000))
    call("PUT", "/v1/me/wallet/payout-account", as_=me, body=BANK)
    with token_timeouts_scaled(0.001):  # the hour passes in 3.6 s
        _, asked = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 2_000, "currency": "CNY"}})
        # When nobody reviews it in time
        run = execution_of(platform, asked["id"])
    # Then it is rejected for the timeout, and the money is back
    assert run["status"] == "SUCCEEDED"
    with acting_for(tenant):
        timed_out = withdrawals.load(tenant, asked["id"])
    assert (timed_out.state, timed_out.reason, timed_out.decided_by) == ("rejected", "the review timed out", "system")
    assert held_and_balance(tenant, member) == (money(5_000),) * 2


def test_a_payout_stripe_refuses_fails_the_withdrawal_and_returns_the_money(platform: LocalPlatform):
    # Given a member whose Stripe account never finished onboarding
    tenant = tenant_with(payout="stripe_connect")
    member, me = member_with(tenant, money(3_000, "GBP"))
    setup = {
        "country": "GB",
        "email": "a@example.com",
        "return_url": "https://x.example/d",
        "refresh_url": "https://x.example/r",
    }
    call("POST", "/v1/me/wallet/payout-account/stripe", as_=me, body=setup)
    _, asked = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 3_000, "currency": "GBP"}})
    assert held_and_balance(tenant, member, "GBP") == (money(0, "GBP"),) * 2
    # When finance approves it
    call("POST", f"/v1/withdrawals/{asked['id']}/approve", as_=staff(tenant, "finance"))
    # Then Stripe refuses the transfer: the withdrawal failed, saying why, and the money is back
    assert execution_of(platform, asked["id"])["status"] == "SUCCEEDED"
    with acting_for(tenant):
        failed = withdrawals.load(tenant, asked["id"])
    assert failed.state == "failed"
    assert "Stripe refused" in (failed.reason or "")
    assert held_and_balance(tenant, member, "GBP") == (money(3_000, "GBP"),) * 2


def test_an_external_transfer_is_paid_once_finance_records_its_reference(platform: LocalPlatform):
    # Given an approved withdrawal paid by hand
    tenant = tenant_with()
    member, me = member_with(tenant, money(8_000))
    call("PUT", "/v1/me/wallet/payout-account", as_=me, body=BANK)
    _, asked = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 8_000, "currency": "CNY"}})
    finance = staff(tenant, "finance")
    call("POST", f"/v1/withdrawals/{asked['id']}/approve", as_=finance)
    # When finance reads the account to pay in full, transfers, and records the bank's reference
    status, detail = call("GET", f"/v1/withdrawals/{asked['id']}", as_=finance)
    assert (status, detail["details"]["account_number"]) == (200, BANK["account_number"])
    eventually(lambda: waiting(tenant, asked["id"]), what="the transfer's token kept")
    status, done = call("POST", f"/v1/withdrawals/{asked['id']}/transfer", as_=finance, body={"reference": "ICBC-778"})
    # Then it is paid with that reference, and the workflow ended paid
    assert (status, done["state"], done["transfer_id"]) == (200, "paid", "ICBC-778")
    run = execution_of(platform, asked["id"])
    assert (run["status"], json.loads(run["output"])["withdrawal_id"]) == ("SUCCEEDED", asked["id"])
    assert held_and_balance(tenant, member) == (money(0),) * 2
    # And a member cannot review withdrawals
    assert call("POST", f"/v1/withdrawals/{asked['id']}/approve", as_=me)[0] == 403


def test_payout_details_are_encrypted_at_rest_and_shown_masked(platform: LocalPlatform):
    # Given a member who gave their bank account, and asked for a withdrawal to it
    tenant = tenant_with()
    member, me = member_with(tenant, money(1_000))
    call("PUT", "/v1/me/wallet/payout-account", as_=me, body=BANK)
    _, asked = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 1_000, "currency": "CNY"}})
    # When the raw items are read from the table
    table = boto3.client("dynamodb", endpoint_url=platform.aws_url, region_name=REGION)
    pk, sk = PayoutAccountItem.key(tenant, member)
    raw_account = table.get_item(TableName=settings().table, Key={"PK": {"S": pk}, "SK": {"S": sk}})["Item"]
    raw_withdrawal = table.get_item(
        TableName=settings().table, Key={"PK": {"S": f"T#{tenant}#WITHDRAWAL#{asked['id']}"}, "SK": {"S": "WITHDRAWAL"}}
    )["Item"]
    # Then neither holds the account number, nor the holder's name, anywhere
    for raw in (raw_account, raw_withdrawal):
        text = json.dumps(raw)
        assert "1234567" not in text
        assert "6222020200001234567" not in text
        assert "Li Wei" not in text
    # And the member sees it masked
    status, shown = call("GET", "/v1/me/wallet/payout-account", as_=me)
    assert (status, shown["masked_number"], shown["holder_name"]) == (200, "•••• 4567", "Li Wei")
    # And a withdrawal below the minimum is refused naming the amount, nothing held
    status, refused = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 99, "currency": "CNY"}})
    assert (status, refused["errors"][0]["field"]) == (422, "amount")
    call("POST", f"/v1/withdrawals/{asked['id']}/reject", as_=staff(tenant, "finance"), body={"reason": "end"})


OPS = st.lists(
    st.tuples(
        st.sampled_from(["credit", "withdraw", "approve", "reject", "pay", "fail", "clawback"]),
        st.integers(min_value=100, max_value=4_000),
        st.integers(min_value=0, max_value=3),
    ),
    min_size=1,
    max_size=12,
)


@pytest.fixture(scope="module")
def fee_tenant(platform: LocalPlatform) -> str:
    """A tenant paying withdrawals by hand with a 0.5 % + ¥0.10 fee (each example: a new member of it)."""
    return tenant_with(fee_bps=50, fee_fixed=10)


@hypothesis_settings(max_examples=8)
@given(ops=OPS)
def test_no_money_is_created_or_lost_whatever_finance_does(fee_tenant: str, ops: list[tuple[str, int, int]]):
    # Given a tenant paying withdrawals by hand with a 0.5 % + ¥0.10 fee, and a member
    rules = WithdrawalRules(fee_bps=50, fee_fixed=10)
    tenant, member = fee_tenant, new_id()
    me = Actor(user_id=member, tenant_id=tenant, roles=frozenset({Role.MEMBER}))
    finance = Actor(user_id="fin", tenant_id=tenant, roles=frozenset({Role.FINANCE}))
    credited = 0
    asked: list[str] = []
    with acting_for(tenant):
        assert withdrawals.withdrawal_rules(tenant) == rules  # the tenant's own settings
        payout_accounts.set_external(me, ExternalAccount.model_validate(BANK))
        # When credits, clawbacks, withdrawals and finance's decisions happen in any order
        for op, amount, pick in ops:
            target = asked[pick % len(asked)] if asked else None
            try:
                if op == "credit":
                    wallet.credit(
                        tenant,
                        Credit(member_id=member, kind=EntryKind.COMMISSION, amount=money(amount), reference=new_id()),
                    )
                    credited += amount
                elif op == "clawback":
                    wallet.debit(
                        tenant,
                        Debit(member_id=member, kind=EntryKind.CLAWBACK, amount=money(amount), reference=new_id()),
                    )
                    credited -= amount
                elif op == "withdraw":
                    asked.append(withdrawals.request(me, WithdrawalRequest(amount=money(amount))).id)
                elif target and op == "approve":
                    withdrawals.approve(finance, target)
                elif target and op == "reject":
                    withdrawals.reject(finance, target, WithdrawalRejection(reason="no"))
                elif target and op == "pay":
                    paying_out.record_transfer(finance, target, ExternalTransfer(reference="ref"))
                elif target and op == "fail":
                    paying_out.fail_transfer(finance, target, WithdrawalRejection(reason="bounced"))
            except (wallet.InsufficientBalance, withdrawals.WithdrawalDecided):
                pass
            # Then the wallet, what is held in open withdrawals and what was paid out add up to what was credited
            items = [withdrawals.load(tenant, w) for w in asked]
            open_held = sum(i.held.amount for i in items if i.state in ("requested", "approved"))
            paid_held = sum(i.held.amount for i in items if i.state == "paid")
            balance, entries = held_and_balance(tenant, member)
            assert balance == entries
            assert balance.amount + open_held + paid_held == credited
        # (the withdrawals left open are closed, so their workflows end)
        for w in asked:
            if withdrawals.load(tenant, w).state == "requested":
                withdrawals.reject(finance, w, WithdrawalRejection(reason="end"))
            if withdrawals.load(tenant, w).state == "approved":
                paying_out.fail_transfer(finance, w, WithdrawalRejection(reason="end"))


def test_the_payout_samples_are_what_the_workflow_sends(platform: LocalPlatform):
    # Given an approved withdrawal paid by hand
    tenant = tenant_with()
    _, me = member_with(tenant, money(1_000))
    call("PUT", "/v1/me/wallet/payout-account", as_=me, body=BANK)
    _, asked = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 1_000, "currency": "CNY"}})
    call("POST", f"/v1/withdrawals/{asked['id']}/approve", as_=staff(tenant, "finance"))
    # When the pay-out sample, naming it, is handed to the payouts function as Step Functions hands it
    sample = json.loads((EVENTS / "DistributionPayouts" / "pay-out.json").read_text())
    answer = invoke(
        wiring.function("DistributionPayouts").handler,
        {**sample, "tenant_id": tenant, "withdrawal_id": asked["id"]},
        function_name="DistributionPayouts",
    )
    # Then it answers as the workflow's choice expects: finance transfers by hand
    assert answer == {"outcome": "external"}
    finance = staff(tenant, "finance")
    call("POST", f"/v1/withdrawals/{asked['id']}/transfer-failed", as_=finance, body={"reason": "end"})


def _stripe_withdrawal(tenant: str) -> tuple[str, str]:
    """A member with £20.00 and a Stripe account, who asked to withdraw all of it; their id and the withdrawal's."""
    member, me = member_with(tenant, money(2_000, "GBP"))
    setup = {
        "country": "GB",
        "email": "b@example.com",
        "return_url": "https://x.example/d",
        "refresh_url": "https://x.example/r",
    }
    call("POST", "/v1/me/wallet/payout-account/stripe", as_=me, body=setup)
    _, asked = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 2_000, "currency": "GBP"}})
    return member, asked["id"]


def test_a_payout_is_retried_while_stripe_is_unreachable_and_made_once(platform, monkeypatch):
    # Given Stripe out of reach for the first two attempts of a transfer
    attempts: list[str] = []

    def flaky(**request: Any) -> payments.TransferMade:
        attempts.append(request["idempotency_key"])
        if len(attempts) <= 2:
            raise payments.ProviderUnavailable("Stripe did not answer")
        return payments.TransferMade(
            id="tr_after_retries",
            destination=request["destination"],
            amount=request["amount"],
            reversed=money(0, "GBP"),
            metadata=request["metadata"],
        )

    monkeypatch.setattr(payments, "create_transfer", flaky)
    tenant = tenant_with(payout="stripe_connect")
    member, withdrawal_id = _stripe_withdrawal(tenant)
    # When finance approves the withdrawal
    call("POST", f"/v1/withdrawals/{withdrawal_id}/approve", as_=staff(tenant, "finance"))
    # Then the workflow tried again with the same key until Stripe answered, and the withdrawal is paid
    assert execution_of(platform, withdrawal_id)["status"] == "SUCCEEDED"
    assert len(attempts) == 3
    assert len(set(attempts)) == 1
    with acting_for(tenant):
        assert withdrawals.load(tenant, withdrawal_id).transfer_id == "tr_after_retries"
    assert held_and_balance(tenant, member, "GBP") == (money(0, "GBP"),) * 2


def test_a_payout_stripe_never_answers_fails_and_returns_the_money(platform, monkeypatch):
    # Given Stripe out of reach for good
    def down(**request: Any) -> payments.TransferMade:
        raise payments.ProviderUnavailable("Stripe did not answer")

    monkeypatch.setattr(payments, "create_transfer", down)
    tenant = tenant_with(payout="stripe_connect")
    member, withdrawal_id = _stripe_withdrawal(tenant)
    # When finance approves the withdrawal, and the workflow's retries run out
    call("POST", f"/v1/withdrawals/{withdrawal_id}/approve", as_=staff(tenant, "finance"))
    # Then the withdrawal failed, and the money is back in the wallet
    assert execution_of(platform, withdrawal_id)["status"] == "SUCCEEDED"
    assert state_of(tenant, withdrawal_id) == WithdrawalState.FAILED
    assert held_and_balance(tenant, member, "GBP") == (money(2_000, "GBP"),) * 2


def test_a_withdrawal_asked_twice_with_one_idempotency_key_is_held_once(platform):
    # Given a member with ¥50.00 and a bank account
    tenant = tenant_with()
    member, me = member_with(tenant, money(5_000))
    call("PUT", "/v1/me/wallet/payout-account", as_=me, body=BANK)
    # When their app sends the same withdrawal twice with one Idempotency-Key
    body, key = {"amount": {"amount": 2_000, "currency": "CNY"}}, {"Idempotency-Key": new_id()}
    first = call("POST", "/v1/me/withdrawals", as_=me, body=body, headers=key)
    again = call("POST", "/v1/me/withdrawals", as_=me, body=body, headers=key)
    # Then one withdrawal was made, and ¥20.00 held once
    assert first[0] == again[0] == 201
    assert first[1]["id"] == again[1]["id"]
    assert held_and_balance(tenant, member) == (money(3_000),) * 2
    # And more than the wallet holds is refused, naming the amount, nothing held
    status, refused = call("POST", "/v1/me/withdrawals", as_=me, body={"amount": {"amount": 3_001, "currency": "CNY"}})
    assert (status, refused["errors"][0]["field"]) == (409, "amount")
    assert held_and_balance(tenant, member) == (money(3_000),) * 2
    call("POST", f"/v1/withdrawals/{first[1]['id']}/reject", as_=staff(tenant, "finance"), body={"reason": "end"})
