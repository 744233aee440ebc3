"""Limits: allow, or refuse naming the limit (402 not in the plan, 429 reached); the period a
counter rolls by."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panacea.billing.limits import (
    ALL_TIME,
    LimitReached,
    PeriodBasis,
    PlanDoesNotInclude,
    check,
    period_key,
    refusal,
)
from panacea.billing.models import EffectiveEntitlements
from panacea.billing.vocabulary import Access, Limit

T0 = datetime(2026, 11, 14, 9, 30, tzinfo=UTC)


def entitlements(access: Access = Access.FULL, **limits: int | None) -> EffectiveEntitlements:
    return EffectiveEntitlements(
        tenant_id="t-clinic",
        access=access,
        plan_key="tenant.professional",
        status=None,
        features=frozenset({"whatsapp"}),
        limits={Limit(k): v for k, v in limits.items()},
        period_start=T0,
        period_end=T0 + timedelta(days=30),
        version=1,
        evaluated_at=T0,
    )


def test_the_last_member_fits_and_the_next_is_refused_with_429_naming_the_limit():
    # Given Professional's 100 members
    plan = entitlements(members=100)
    # When the 100th is created (99 exist), then the 101st
    fits, refused = refusal(plan, Limit.MEMBERS, used=99), refusal(plan, Limit.MEMBERS, used=100)
    # Then the first is allowed and the second refused: 429, naming members, 100 allowed, 100 used
    assert fits is None
    assert refused is not None
    assert (refused.limit, refused.allowed, refused.used, refused.status) == (Limit.MEMBERS, 100, 100, 429)


def test_a_batch_that_would_pass_the_limit_is_refused_whole():
    # Given 24,990 of 25,000 messages sent
    plan = entitlements(messages_per_month=25_000)
    # Then a broadcast of 10 fits and one of 11 is refused
    assert refusal(plan, Limit.MESSAGES_PER_MONTH, used=24_990, requested=10) is None
    assert refusal(plan, Limit.MESSAGES_PER_MONTH, used=24_990, requested=11) is not None


def test_a_limit_the_plan_lacks_or_sets_to_zero_is_402():
    # Given a plan with no sub-tenants (0) and nothing said of API calls
    plan = entitlements(sub_tenants=0)
    refusals = [refusal(plan, limit, used=0) for limit in (Limit.SUB_TENANTS, Limit.API_CALLS_PER_MONTH)]
    # Then both are 402: the plan does not include them
    assert [r.status if r else None for r in refusals] == [402, 402]


@pytest.mark.parametrize("access", [Access.READ_ONLY, Access.SUSPENDED, Access.NONE])
def test_without_full_access_nothing_grows_even_unlimited(access: Access):
    # Given a tenant in dunning (or without a plan) whose plan is unlimited
    refused = refusal(entitlements(access, members=None), Limit.MEMBERS, used=0)
    # Then a new member is refused with 402
    assert refused is not None
    assert refused.status == 402


def test_unlimited_allows_any_number():
    assert refusal(entitlements(members=None), Limit.MEMBERS, used=10**9, requested=10**6) is None


def test_the_refusal_becomes_a_problem_naming_the_limit():
    # Given a tenant at its limit
    # When the write checks it
    with pytest.raises(LimitReached) as reached:
        check(entitlements(members=100), Limit.MEMBERS, used=100)
    # Then the problem is a 429 whose one field error names the limit
    problem = reached.value.problem()
    assert (problem["status"], problem["type"]) == (429, "/errors/limit-reached")
    assert problem["errors"] == [{"field": "limits.members", "code": "limit_reached"}]
    with pytest.raises(PlanDoesNotInclude) as excluded:
        check(entitlements(sub_tenants=0), Limit.SUB_TENANTS, used=0)
    assert excluded.value.problem()["status"] == 402


@given(st.integers(0, 1_000), st.integers(0, 1_000), st.integers(1, 100))
def test_a_check_allows_exactly_what_fits(allowed: int, used: int, requested: int):
    refused = refusal(entitlements(members=allowed), Limit.MEMBERS, used=used, requested=requested)
    assert (refused is None) == (allowed > 0 and used + requested <= allowed)


def test_monthly_counters_roll_by_calendar_month_or_by_the_subscriptions_period():
    plan = entitlements(messages_per_month=25_000)
    # Given the subscription's period from 14 November 09:30 UTC
    # When messages are counted on 2 December (UTC)
    at = datetime(2026, 12, 2, 23, 0, tzinfo=UTC)
    # Then by calendar month they count in 2026-12, by subscription period in the one begun on 14 November
    assert period_key(plan, Limit.MESSAGES_PER_MONTH, at) == "2026-12"
    assert period_key(plan, Limit.MESSAGES_PER_MONTH, at, PeriodBasis.SUBSCRIPTION_PERIOD) == "P20261114T0930Z"
    # And members never roll
    assert period_key(plan, Limit.MEMBERS, at) == ALL_TIME


def test_a_stale_record_counts_in_the_calendar_month():
    # Given a record whose period ended on 14 December, read on 20 December
    at = datetime(2026, 12, 20, tzinfo=UTC)
    assert period_key(entitlements(), Limit.API_CALLS_PER_MONTH, at, PeriodBasis.SUBSCRIPTION_PERIOD) == "2026-12"
