"""Commission's arithmetic and the distribution section's rules, without the table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from panacea.distribution.commission import allocate, commission
from panacea.distribution.settings import DistributionSettings, WithdrawalRules, level_cap
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


def test_settings_stored_by_tenancy_read_their_refund_window_as_the_freeze_and_keep_their_minimum_withdrawal():
    stored = {"enabled": True, "level_rates_bps": [800, 400], "refund_window_days": 7, "min_withdrawal": 1000}
    settings = DistributionSettings.model_validate(stored)
    assert (settings.freeze_days, settings.levels, settings.who_may_distribute) == (7, 2, "appointed")
    assert settings.withdrawals.minimum_amount == 1000
    # And a minimum the withdrawal rules name themselves wins over the one stored before them
    stored_both = {**stored, "withdrawals": {"minimum_amount": 500, "fee_bps": 60}}
    assert DistributionSettings.model_validate(stored_both).withdrawals.model_dump(
        include={"minimum_amount", "fee_bps"}
    ) == {"minimum_amount": 500, "fee_bps": 60}


def test_the_rules_version_changes_with_the_rules_only():
    base = DistributionSettings(enabled=True, level_rates_bps=[800, 400])
    assert (
        base.rule_version
        == DistributionSettings(
            enabled=True, level_rates_bps=[800, 400], withdrawals=WithdrawalRules(minimum_amount=5, fee_bps=60)
        ).rule_version
    )
    assert base.rule_version != DistributionSettings(enabled=True, level_rates_bps=[1000, 400]).rule_version
