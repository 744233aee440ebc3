"""The SaaS figures against a fixture computed by hand (the arithmetic is in the comments)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from panacea.billing.figures import Interval, SubscriptionSnapshot, monthly, movement, mrr, trial_conversion
from panacea.billing.vocabulary import SubscriptionStatus

NOV_1 = datetime(2026, 11, 1, tzinfo=UTC)
DEC_1 = datetime(2026, 12, 1, tzinfo=UTC)


def sub(tenant: str, plan: str, status: str, amount: int, **kw) -> SubscriptionSnapshot:
    values = {"currency": "GBP", **kw}
    return SubscriptionSnapshot(
        subscription_id=f"sub_{tenant}",
        tenant_id=tenant,
        plan_key=plan,
        status=SubscriptionStatus(status),
        unit_amount=amount,
        **values,
    )


# On 1 November:
#   a  professional, monthly £49.00                        -> 4,900
#   b  enterprise, yearly £2,990.00: 299,000 / 12 = 24,916.67 -> 24,917 (half up)
#   c  premium, weekly £2.50 x 2 = 500: 500 x 52 / 12 = 2,166.67 -> 2,167
#   d  flagship, quarterly (month x 3) £2,700: 270,000 / 3  -> 90,000
#   e  professional, trialing until 15 Nov                 -> 0 (a trial is not paid yet)
#   f  professional, trialing until 20 Nov                 -> 0
#   h  professional past_due, £49 less a £9 discount       -> 4,000 (still owed: counted)
#   i  basic, daily £1.00: 100 x 365 / 12 = 3,041.67       -> 3,042
#   j  professional in CNY, ¥448 x 2                       -> 89,600 CNY
#   GBP MRR = 4,900 + 24,917 + 2,167 + 90,000 + 4,000 + 3,042 = 129,026; ARR = 129,026 x 12 = 1,548,312
START = [
    sub("a", "tenant.professional", "active", 4_900),
    sub("b", "tenant.enterprise", "active", 299_000, interval=Interval.YEAR),
    sub("c", "member.premium", "active", 250, quantity=2, interval=Interval.WEEK),
    sub("d", "tenant.flagship", "active", 270_000, interval_count=3),
    sub("e", "tenant.professional", "trialing", 4_900, trial_end=datetime(2026, 11, 15, tzinfo=UTC)),
    sub("f", "tenant.professional", "trialing", 4_900, trial_end=datetime(2026, 11, 20, tzinfo=UTC)),
    sub("h", "tenant.professional", "past_due", 4_900, discount_amount=900),
    sub("i", "member.basic", "active", 100, interval=Interval.DAY),
    sub("j", "tenant.professional", "active", 44_800, quantity=2, currency="CNY"),
]
# On 1 December:
#   a  upgraded to enterprise £299.00          -> 29,900 (expansion 29,900 - 4,900 = 25,000)
#   b  unchanged                               -> 24,917
#   c  down to one seat: 250 x 52 / 12 = 1,083.33 -> 1,083 (contraction 2,167 - 1,083 = 1,084)
#   d  canceled                                -> 0 (churned 90,000)
#   e  trial converted, active                 -> 4,900 (new)
#   f  trial ended, canceled                   -> 0 (never paid: no movement)
#   g  back on professional, paid before 1 Nov -> 4,900 (reactivation)
#   h, i, j unchanged
#   GBP MRR = 29,900 + 24,917 + 1,083 + 4,900 + 4,900 + 4,000 + 3,042 = 72,742
#   check: 129,026 + 4,900 new + 4,900 reactivation + 25,000 expansion - 1,084 contraction - 90,000 churned = 72,742
END = [
    sub("a", "tenant.enterprise", "active", 29_900),
    START[1],
    sub("c", "member.premium", "active", 250, interval=Interval.WEEK),
    sub("d", "tenant.flagship", "canceled", 270_000, interval_count=3),
    sub("e", "tenant.professional", "active", 4_900, trial_end=datetime(2026, 11, 15, tzinfo=UTC)),
    sub("f", "tenant.professional", "canceled", 4_900, trial_end=datetime(2026, 11, 20, tzinfo=UTC)),
    sub("g", "tenant.professional", "active", 4_900),
    START[6],
    START[7],
    START[8],
]


def test_mrr_and_arr_by_currency_and_plan():
    # Given the subscriptions of 1 November
    # When MRR is computed
    figures = mrr(START)
    gbp, cny = figures["GBP"], figures["CNY"]
    # Then GBP's is 129,026 pence a month, split by plan, and never mixed with CNY's
    assert (gbp.mrr, gbp.arr, gbp.paying_tenants) == (129_026, 1_548_312, 6)
    assert gbp.by_plan == {
        "member.basic": 3_042,
        "member.premium": 2_167,
        "tenant.enterprise": 24_917,
        "tenant.flagship": 90_000,
        "tenant.professional": 8_900,  # a 4,900 + h 4,000
    }
    assert (cny.mrr, cny.arr, cny.by_plan) == (89_600, 1_075_200, {"tenant.professional": 89_600})


def test_mrr_movement_from_november_to_december():
    # Given the subscriptions on 1 November and 1 December, and g had paid before (it churned in the summer)
    # When the movement is computed
    moved = movement(START, END, paid_before={"g"})
    # Then each kind of movement is as computed by hand, and they explain the change
    gbp = moved["GBP"]
    assert (gbp.start_mrr, gbp.end_mrr) == (129_026, 72_742)
    assert (gbp.new, gbp.reactivation, gbp.expansion, gbp.contraction, gbp.churned) == (
        4_900,
        4_900,
        25_000,
        1_084,
        90_000,
    )
    assert gbp.start_mrr + gbp.new + gbp.reactivation + gbp.expansion - gbp.contraction - gbp.churned == gbp.end_mrr
    # And CNY did not move
    assert (moved["CNY"].start_mrr, moved["CNY"].end_mrr, moved["CNY"].churned) == (89_600, 89_600, 0)


def test_without_a_history_a_returning_tenant_counts_as_new():
    assert movement(START, END)["GBP"].new == 9_800  # e 4,900 + g 4,900


def test_trial_conversion_in_november():
    # Given e's trial ended 15 November and it paid; f's ended 20 November and it cancelled
    # Then one of two converted: 50.00%
    found = trial_conversion(END, NOV_1, DEC_1)
    assert (found.ended, found.converted, found.rate_bps) == (2, 1, 5_000)
    # And no trial ended in October: no rate at all
    assert trial_conversion(END, datetime(2026, 10, 1, tzinfo=UTC), NOV_1).rate_bps is None


@given(
    st.integers(0, 10**7),
    st.integers(1, 50),
    st.sampled_from(list(Interval)),
    st.integers(1, 12),
)
def test_a_years_worth_of_any_interval_is_twelve_months_within_rounding(
    amount: int, quantity: int, interval: Interval, count: int
):
    # Given a subscription billing `amount` x `quantity` every `count` intervals
    s = sub("x", "tenant.professional", "active", amount, quantity=quantity, interval=interval, interval_count=count)
    # Then its monthly amount is the exact one rounded half up: within half a minor unit
    per_year = {Interval.DAY: 365, Interval.WEEK: 52, Interval.MONTH: 12, Interval.YEAR: 1}[interval]
    exact_times_12 = amount * quantity * per_year  # exact monthly x 12 x count
    assert abs(monthly(s) * 12 * count - exact_times_12) <= 6 * count
