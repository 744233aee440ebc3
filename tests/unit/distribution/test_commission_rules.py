"""Commission's arithmetic and the distribution section's rules, without the table."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from panacea.distribution.commission import LineRule, allocate, commission, earned, line_rules
from panacea.distribution.settings import DistributionSettings, level_cap
from panacea.orders import LineCommission
from panacea.platform.money import Money
from panacea.platform.sections import JURISDICTION

rooms = st.dictionaries(st.integers(1, 20), st.integers(0, 10**7), min_size=1, max_size=20)


@given(rooms, st.integers(0, 10**8))
def test_a_refund_is_spread_over_the_lines_to_the_unit_and_never_past_a_line(room: dict[int, int], amount: int):
    parts = allocate(amount, room)
    assert sum(parts.values()) == min(amount, sum(room.values()))
    assert all(0 <= parts[line] <= room[line] for line in room)


@given(st.lists(st.integers(0, 10**7), min_size=1, max_size=20), st.integers(0, 10_000))
def test_commission_rounds_each_line_down_and_never_exceeds_the_rate_of_what_was_paid(lines: list[int], rate: int):
    paid = dict(enumerate(lines, start=1))
    assert commission(paid, rate) * 10_000 <= sum(lines) * rate
    assert commission(paid, rate) == sum(amount * rate // 10_000 for amount in lines)


def test_a_line_of_333_pence_at_8_percent_earns_26_pence():
    assert commission({1: 333, 2: 0}, 800) == 26


def test_a_chinese_tenant_is_capped_at_two_levels_and_others_at_three():
    assert (level_cap("CN"), level_cap("GB"), level_cap(None)) == (2, 3, 3)
    three = {"enabled": True, "levels": 3, "level_rates_bps": [800, 400, 200]}
    with pytest.raises(ValidationError, match="at most 2 levels"):
        DistributionSettings.model_validate(three, context={JURISDICTION: "CN"})
    assert DistributionSettings.model_validate(three, context={JURISDICTION: "GB"}).levels == 3


def test_the_rates_must_match_the_levels():
    with pytest.raises(ValidationError, match="one rate for each of the 3 levels"):
        DistributionSettings(enabled=True, levels=3, level_rates_bps=[800, 400])


def test_settings_stored_by_tenancy_read_their_refund_window_as_the_freeze():
    stored = {"enabled": True, "level_rates_bps": [800, 400], "refund_window_days": 7, "min_withdrawal": 1000}
    settings = DistributionSettings.model_validate(stored)
    assert (settings.freeze_days, settings.levels, settings.who_may_distribute) == (7, 2, "appointed")


def test_the_rules_version_changes_with_the_rules_only():
    base = DistributionSettings(enabled=True, level_rates_bps=[800, 400])
    assert (
        base.rule_version
        == DistributionSettings(enabled=True, level_rates_bps=[800, 400], min_withdrawal=5).rule_version
    )
    assert base.rule_version != DistributionSettings(enabled=True, level_rates_bps=[1000, 400]).rule_version


# --- a product's override, per line ----------------------------------------------------------------


def _over(level: int, *, rate_bps: int | None = None, fixed: int | None = None, currency: str = "GBP") -> Any:
    money = None if fixed is None else Money(amount=fixed, currency=currency)
    return LineCommission(level=level, rate_bps=rate_bps, fixed=money)


def test_a_line_earns_its_products_rate_where_it_overrides_a_level_and_the_levels_rate_elsewhere():
    # Given levels at 8% + 4% and a product overriding level 1 with 12%
    rules = line_rules({1: 800, 2: 400}, [_over(1, rate_bps=1200)], quantity=1, paid=10_000, currency="GBP")
    # Then level 1 earns 12% and level 2 its own 4%
    assert rules == {1: LineRule(rate_bps=1200), 2: LineRule(rate_bps=400)}
    assert (rules[1].on(10_000, 10_000), rules[2].on(10_000, 10_000)) == (1200, 400)


def test_a_fixed_amount_is_per_unit_and_scales_with_what_is_left_paid_rounded_down():
    # Given £5.00 per unit on level 2, for 3 units paid £90.00 after a discount
    rules = line_rules({1: 800, 2: 400}, [_over(2, fixed=500)], quantity=3, paid=9000, currency="GBP")
    assert rules[2] == LineRule(fixed=1500)
    # Then the line earns £15.00, and after £30.01 of it is refunded 1500 * 5999 / 9000 rounded down
    assert rules[2].on(9000, 9000) == 1500
    assert rules[2].on(5999, 9000) == 999
    assert rules[2].on(0, 9000) == 0


def test_fixed_amounts_are_capped_so_the_levels_together_never_earn_more_than_the_line_paid():
    # Given £50 fixed on level 1 and £50 on level 2 of a line discounted to £40, level 3 at 10%
    overrides = [_over(1, fixed=5000), _over(2, fixed=5000)]
    rules = line_rules({1: 800, 2: 400, 3: 1000}, overrides, quantity=1, paid=4000, currency="GBP")
    # Then level 1 gets what is left once level 3's 10% is set aside, and level 2 nothing
    assert rules == {1: LineRule(fixed=3600), 2: LineRule(fixed=0), 3: LineRule(rate_bps=1000)}


def test_a_fixed_amount_in_another_currency_earns_the_levels_rate_and_a_zero_line_earns_nothing():
    rules = line_rules({1: 800}, [_over(1, fixed=500, currency="EUR")], quantity=1, paid=1000, currency="GBP")
    assert rules == {1: LineRule(rate_bps=800)}
    free = line_rules({1: 800}, [_over(1, fixed=500)], quantity=1, paid=0, currency="GBP")
    assert free[1].on(0, 0) == 0


def test_an_override_of_a_level_the_tenant_does_not_pay_adds_nothing():
    assert line_rules({1: 800}, [_over(2, rate_bps=2000)], quantity=1, paid=1000, currency="GBP") == {
        1: LineRule(rate_bps=800)
    }


overrides = st.lists(
    st.tuples(
        st.integers(1, 3),
        st.one_of(st.integers(0, 5000).map(lambda r: (r, None)), st.integers(0, 10**6).map(lambda f: (None, f))),
    ),
    max_size=3,
    unique_by=lambda t: t[0],
)


@given(overrides, st.integers(1, 20), st.integers(0, 10**7), st.data())
def test_whatever_the_override_the_levels_never_earn_more_than_is_left_paid_and_less_as_refunds_come(
    chosen: list[tuple[int, tuple[int | None, int | None]]], quantity: int, paid: int, data: st.DataObject
):
    # Given a line with any override of the tenant's 8% + 4% + 2%
    over = [_over(level, rate_bps=r, fixed=f) for level, (r, f) in chosen]
    rules = line_rules({1: 800, 2: 400, 3: 200}, over, quantity=quantity, paid=paid, currency="GBP")
    # When any part of it is refunded, and more later
    left = data.draw(st.integers(0, paid))
    less = data.draw(st.integers(0, left))
    # Then the levels together earn at most what is left paid, and each level no more after the second refund
    assert sum(rule.on(left, paid) for rule in rules.values()) <= left
    assert all(rule.on(less, paid) <= rule.on(left, paid) for rule in rules.values())
    # And the rule kept on the order's evidence reads back the same
    assert all(LineRule.of_stored(rule.stored()) == rule for rule in rules.values())


def test_one_levels_commission_is_each_lines_rule_of_what_is_left_paid():
    rules = {1: LineRule(rate_bps=800), 2: LineRule(fixed=1000), 3: LineRule(rate_bps=800)}
    paid, left = {1: 10_000, 2: 5000, 3: 0}, {1: 7500, 2: 2500, 3: 0}
    assert earned(rules, paid, paid) == 800 + 1000
    assert earned(rules, paid, left) == 600 + 500
