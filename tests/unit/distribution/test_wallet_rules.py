"""A withdrawal's rules: the minimum and maximum, and the fee (a fixed part plus basis points of the
amount) rounded down, the house rule for a share of an amount, and at most the tenant's cap."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from panacea.distribution import withdrawals
from panacea.distribution.payout_accounts import mask
from panacea.distribution.settings import WithdrawalRules
from panacea.distribution.wallet_models import ExternalAccount
from panacea.distribution.withdrawals import AmountNotAllowed, fee_for
from panacea.platform.money import Money


def cny(amount: int) -> Money:
    return Money(amount=amount, currency="CNY")


@pytest.mark.parametrize(
    ("rules", "amount", "fee"),
    [
        (WithdrawalRules(), 100, 0),  # no fee by default
        (WithdrawalRules(fee_bps=60), 10_000, 60),  # 0.6 % of ¥100.00
        (WithdrawalRules(fee_bps=60), 9_999, 59),  # 59.994 fen rounds down
        (WithdrawalRules(fee_bps=60), 166, 0),  # 0.996 fen rounds down to nothing
        (WithdrawalRules(fee_fixed=200), 5_000, 200),  # a fixed ¥2.00
        (WithdrawalRules(fee_fixed=200, fee_bps=100), 12_345, 323),  # ¥2.00 + 123.45 fen down
        (WithdrawalRules(fee_fixed=200, fee_bps=100, fee_cap=300), 12_345, 300),  # capped at ¥3.00
        (WithdrawalRules(fee_fixed=200, fee_bps=100, fee_cap=300), 9_999, 299),  # under the cap: as it is
        (WithdrawalRules(fee_bps=100, fee_cap=0), 50_000, 0),  # a cap of nothing: no fee
    ],
)
def test_the_fee_is_a_fixed_part_plus_a_share_rounded_down(rules: WithdrawalRules, amount: int, fee: int):
    # When a withdrawal of `amount` is priced, Then its fee is as the rules say, never rounded up
    assert fee_for(rules, cny(amount)) == cny(fee)


def test_an_amount_under_the_minimum_or_over_the_maximum_is_refused_naming_the_amount():
    # Given a tenant whose withdrawals are ¥10.00 to ¥2,000.00
    rules = WithdrawalRules(minimum_amount=1_000, maximum_amount=200_000)
    # Then the bounds themselves are allowed
    assert fee_for(rules, cny(1_000)) == fee_for(rules, cny(200_000)) == cny(0)
    # And one fen outside either is refused, naming the amount and the bound in the currency
    for amount, code, bound in ((999, "below_minimum", "10.00 CNY"), (200_001, "above_maximum", "2000.00 CNY")):
        with pytest.raises(AmountNotAllowed) as refused:
            fee_for(rules, cny(amount))
        assert (refused.value.status, refused.value.errors[0].field, refused.value.errors[0].code) == (
            422,
            "amount",
            code,
        )
        assert bound in refused.value.detail


def test_rules_refuse_what_makes_no_sense():
    with pytest.raises(ValidationError):
        WithdrawalRules(fee_bps=10_001)
    with pytest.raises(ValidationError):
        WithdrawalRules(minimum_amount=0)
    with pytest.raises(ValidationError):
        WithdrawalRules(fee_fixed=-1)
    with pytest.raises(ValidationError, match="maximum_amount cannot be below minimum_amount"):
        WithdrawalRules(minimum_amount=1_000, maximum_amount=999)
    with pytest.raises(ValidationError, match="fee_cap cannot be below fee_fixed"):
        WithdrawalRules(fee_fixed=200, fee_cap=100)


def test_an_account_number_is_shown_by_its_last_four_characters_only():
    assert mask("6222 0202 0000 1234 567") == "•••• 4567"
    assert mask("abcd") == "••••"


def test_an_external_account_takes_only_the_kinds_finance_pays_by_hand():
    account = {"holder_name": "Li Wei", "account_number": "6222020200001234567"}
    assert ExternalAccount.model_validate({"kind": "alipay", **account}).kind == "alipay"
    with pytest.raises(ValidationError) as refused:
        ExternalAccount.model_validate({"kind": "stripe_connect", **account})
    assert refused.value.errors()[0]["loc"][0] == "kind"


def test_a_withdrawal_id_that_is_none_is_not_found_before_any_key_is_built():
    # When a withdrawal is looked up by what cannot be an id (it would break the table's key)
    for junk in ("bad#id", "", "x" * 300):
        with pytest.raises(withdrawals.WithdrawalNotFound) as missing:
            withdrawals.load("T1", junk)
        # Then it is a 404 naming the id
        assert (missing.value.status, missing.value.errors[0].field) == (404, "withdrawal_id")
