"""The pricing rules of promotions: tiers, rounding, spreading, the combination rule, first
orders, minimum spend and windows (panacea.promotions.pricing, no I/O)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from panacea.platform.money import Money
from panacea.promotions.models import (
    Offer,
    PromotionKind,
    PromotionMethod,
    PromotionStatus,
    Scope,
    SpendTier,
)
from panacea.promotions.pricing import Candidate, best, refusal, spread
from panacea.promotions.quotes import (
    QuoteLine,
)

NOW = datetime(2026, 3, 25, 12, 0, tzinfo=UTC)


def line(ref: str, amount: int, *, product: str = "p", categories: tuple[str, ...] = ()) -> QuoteLine:
    return QuoteLine(
        line_ref=ref, product_id=product, category_ids=list(categories), amount=Money(amount=amount, currency="CNY")
    )


def promo(promotion_id: str, offer: Offer, **terms) -> Candidate:
    defaults = {
        "name": promotion_id,
        "method": PromotionMethod.AUTOMATIC,
        "currency": "CNY",
        "status": PromotionStatus.ACTIVE,
        "starts_at": NOW - timedelta(days=1),
        "ends_at": NOW + timedelta(days=1),
    }
    return Candidate(promotion_id=promotion_id, offer=offer, **{**defaults, **terms})


def coupon(promotion_id: str, offer: Offer, code: str = "SPRING20", **terms) -> Candidate:
    return promo(promotion_id, offer, method=PromotionMethod.CODE, code=code, **terms)


def amount_off(amount: int, **scope) -> Offer:
    return Offer(kind=PromotionKind.AMOUNT_OFF, amount_off=amount, **scope)


def percent_off(bps: int, **scope) -> Offer:
    return Offer(kind=PromotionKind.PERCENTAGE_OFF, percentage_bps=bps, **scope)


SPRING_SALE = Offer(
    kind=PromotionKind.SPEND_AND_SAVE,
    tiers=[SpendTier(spend=20000, off=2000), SpendTier(spend=50000, off=6000)],
)


def why(candidate: Candidate, lines: list[QuoteLine], *, first_order: bool = False, at: datetime = NOW) -> str | None:
    found = refusal(candidate, lines, currency="CNY", first_order=first_order, at=at)
    return found.code if found else None


# --- one promotion ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("spend", "off"), [(20000, 2000), (49999, 2000), (50000, 6000), (120000, 6000)])
def test_spend_and_save_takes_off_the_highest_tier_reached(spend, off):
    # Given spend ¥200 take ¥20, spend ¥500 take ¥60
    # When an order spends `spend`
    priced = best([line("1", spend)], [promo("A", SPRING_SALE)], None, currency="CNY")
    # Then the highest tier it reaches applies
    assert priced.discount == off


def test_spend_and_save_below_the_first_tier_does_not_apply_and_says_how_much_more():
    found = refusal(promo("A", SPRING_SALE), [line("1", 19900)], currency="CNY", first_order=False, at=NOW)
    assert found is not None
    assert found.code == "min_spend_not_met"
    assert "1.00 CNY more" in found.message


def test_a_percentage_rounds_down_to_the_minor_unit():
    # Given 15% off, and an order of ¥99.99
    priced = best([line("1", 9999)], [promo("A", percent_off(1500))], None, currency="CNY")
    # Then 1499.85 fen rounds down to 1499
    assert priced.discount == 1499


def test_a_discount_is_spread_in_proportion_rounding_down_with_the_remainder_on_the_last_line():
    # Given ¥10 off three lines of ¥1, ¥1 and ¥1 (each would get 3.33)
    priced = best(
        [line("1", 100), line("2", 100), line("3", 100)], [promo("A", amount_off(1000))], None, currency="CNY"
    )
    # Then the whole order is taken: no line goes below zero
    assert priced.line_discounts == (100, 100, 100)
    # And ¥1 off the same three lines is 33, 33 and 34
    priced = best([line("1", 100), line("2", 100), line("3", 100)], [promo("A", amount_off(100))], None, currency="CNY")
    assert priced.line_discounts == (33, 33, 34)


def test_the_remainder_skips_a_last_line_with_nothing_left():
    assert spread(10, [7, 7, 0]) == [5, 5, 0]
    assert spread(5, [3, 3, 0]) == [2, 3, 0]
    assert spread(0, [0, 0]) == [0, 0]
    assert sum(spread(997, [333, 1, 999, 12])) == 997


def test_a_spread_never_takes_a_share_above_its_amount():
    for total in range(0, 61):
        shares = spread(total, [1, 17, 0, 42])
        assert sum(shares) == total
        assert all(0 <= s <= a for s, a in zip(shares, [1, 17, 0, 42], strict=True))


def test_an_amount_off_never_takes_an_order_below_zero():
    priced = best([line("1", 1500)], [promo("A", amount_off(3000))], None, currency="CNY")
    assert priced.discount == 1500


def test_a_product_scope_discounts_only_its_products():
    # Given 10% off the blood-pressure monitor
    offer = percent_off(1000, scope=Scope.PRODUCTS, product_ids=["bp-a1"])
    lines = [line("1", 25800, product="bp-a1"), line("2", 39900, product="gt-cardio")]
    # When the order has the monitor and a gene test
    priced = best(lines, [promo("A", offer)], None, currency="CNY")
    # Then only the monitor's line is discounted
    assert priced.line_discounts == (2580, 0)


def test_a_category_scope_measures_its_minimum_spend_on_its_own_lines():
    # Given ¥30 off gene tests when ¥399 is spent on gene tests
    offer = amount_off(3000, scope=Scope.CATEGORIES, category_ids=["gene-tests"])
    candidate = promo("A", offer, min_spend=39900)
    # When the order spends ¥398 on gene tests and ¥500 on devices
    lines = [line("1", 39800, categories=("gene-tests",)), line("2", 50000, categories=("devices",))]
    # Then the minimum spend is not met
    assert why(candidate, lines) == "min_spend_not_met"
    # And an order without gene tests is not for it at all
    assert why(candidate, [line("1", 50000, categories=("devices",))]) == "not_for_these_products"


def test_a_first_order_promotion_is_for_first_orders_and_counts_once_per_member():
    welcome = promo("A", amount_off(1000), first_order_only=True)
    assert why(welcome, [line("1", 5000)], first_order=False) == "first_order_only"
    assert why(welcome, [line("1", 5000)], first_order=True) is None
    assert welcome.member_limit == 1
    assert why(replace(welcome, member_uses=1), [line("1", 5000)], first_order=True) == "member_limit_reached"


def test_a_promotion_applies_only_inside_its_window():
    candidate = promo("A", amount_off(1000), starts_at=NOW, ends_at=NOW + timedelta(hours=1))
    assert why(candidate, [line("1", 5000)], at=NOW - timedelta(seconds=1)) == "not_started"
    assert why(candidate, [line("1", 5000)], at=NOW) is None
    assert why(candidate, [line("1", 5000)], at=NOW + timedelta(hours=1)) == "expired"


@pytest.mark.parametrize(
    ("terms", "code"),
    [
        ({"status": PromotionStatus.PAUSED}, "inactive"),
        ({"status": PromotionStatus.DRAFT}, "inactive"),
        ({"status": PromotionStatus.ENDED}, "expired"),
        ({"currency": "GBP"}, "currency"),
        ({"uses_left": 0}, "used_up"),
        ({"budget_left": 999}, "used_up"),
        ({"per_member_limit": 2, "member_uses": 2}, "member_limit_reached"),
        ({"code_used": True}, "code_used"),
    ],
)
def test_a_promotion_says_why_it_does_not_apply(terms, code):
    assert why(promo("A", amount_off(1000), **terms), [line("1", 5000)]) == code


def test_a_discount_that_fits_the_budget_left_applies():
    assert why(promo("A", amount_off(1000), budget_left=1000), [line("1", 5000)]) is None


# --- the combination rule ------------------------------------------------------------------------


def test_a_combinable_campaign_and_coupon_both_apply_the_coupon_on_what_the_campaign_left():
    # Given spend ¥200 take ¥20 and a 10% coupon, both combinable
    campaign = promo("A", SPRING_SALE, combinable=True)
    ten_percent = coupon("B", percent_off(1000), combinable=True)
    # When an order of ¥300 uses the coupon
    priced = best([line("1", 30000)], [campaign], ten_percent, currency="CNY")
    # Then ¥20 comes off first, and 10% of the ¥280 left
    assert [(a.candidate.promotion_id, a.discount) for a in priced.applied] == [("A", 2000), ("B", 2800)]
    assert priced.coupon_applied


def test_when_they_do_not_combine_the_larger_discount_wins():
    campaign = promo("A", SPRING_SALE)  # ¥20 off ¥300
    small = coupon("B", amount_off(1500), combinable=True)
    large = coupon("C", amount_off(2500), combinable=True)
    lines = [line("1", 30000)]
    # A smaller coupon loses to the campaign, and the quote says why
    lost = best(lines, [campaign], small, currency="CNY")
    assert [a.candidate.promotion_id for a in lost.applied] == ["A"]
    assert not lost.coupon_applied
    assert "do not combine" in lost.notes[0]
    # A larger one wins over it
    won = best(lines, [campaign], large, currency="CNY")
    assert [a.candidate.promotion_id for a in won.applied] == ["C"]


def test_on_a_tie_the_members_coupon_wins():
    priced = best([line("1", 30000)], [promo("A", amount_off(2000))], coupon("B", amount_off(2000)), currency="CNY")
    assert [a.candidate.promotion_id for a in priced.applied] == ["B"]


def test_an_order_takes_at_most_one_campaign_the_largest():
    campaigns = [promo("A", amount_off(1000)), promo("B", amount_off(3000)), promo("C", percent_off(500))]
    priced = best([line("1", 30000)], campaigns, None, currency="CNY")
    assert [(a.candidate.promotion_id, a.discount) for a in priced.applied] == [("B", 3000)]


def test_equal_campaigns_go_to_the_one_created_first():
    campaigns = [promo("01B", amount_off(1000)), promo("01A", amount_off(1000))]
    priced = best([line("1", 30000)], campaigns, None, currency="CNY")
    assert [a.candidate.promotion_id for a in priced.applied] == ["01A"]


def test_a_smaller_combinable_campaign_with_the_coupon_beats_a_larger_one_alone():
    # Given a non-combinable ¥30 off, a combinable ¥25 off and a combinable ¥20 coupon
    large = promo("A", amount_off(3000))
    combinable = promo("B", amount_off(2500), combinable=True)
    twenty = coupon("C", amount_off(2000), combinable=True)
    # Then ¥25 + ¥20 is the best the rule allows
    priced = best([line("1", 30000)], [large, combinable], twenty, currency="CNY")
    assert [(a.candidate.promotion_id, a.discount) for a in priced.applied] == [("B", 2500), ("C", 2000)]
    assert priced.discount == 4500


def test_combined_discounts_never_take_a_line_below_zero():
    # Given ¥250 off and a 100% coupon, combinable, on lines of ¥100 and ¥200
    campaign = promo("A", amount_off(25000), combinable=True)
    everything = coupon("B", percent_off(10_000), combinable=True)
    lines = [line("1", 10000), line("2", 20000)]
    priced = best(lines, [campaign], everything, currency="CNY")
    # Then the order comes to zero and no line is discounted past its amount
    assert priced.discount == 30000
    assert all(off <= ln.amount.amount for off, ln in zip(priced.line_discounts, lines, strict=True))


def test_a_coupon_that_would_add_nothing_is_left_out_rather_than_redeemed_for_nothing():
    # Given a campaign that takes the whole order, and a combinable coupon
    campaign = promo("A", amount_off(100000), combinable=True)
    priced = best([line("1", 30000)], [campaign], coupon("B", amount_off(500), combinable=True), currency="CNY")
    # Then only the campaign is applied (the coupon would take nothing off what is left)
    assert [a.candidate.promotion_id for a in priced.applied] == ["A"]


# --- what staff may set up -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "offer",
    [
        {"kind": "amount_off"},
        {"kind": "amount_off", "amount_off": 100, "percentage_bps": 100},
        {"kind": "percentage_off", "percentage_bps": 10_001},
        {"kind": "spend_and_save", "tiers": [{"spend": 50000, "off": 6000}, {"spend": 20000, "off": 2000}]},
        {"kind": "spend_and_save", "tiers": [{"spend": 100, "off": 200}]},
        {"kind": "amount_off", "amount_off": 100, "scope": "products"},
        {"kind": "amount_off", "amount_off": 100, "scope": "order", "category_ids": ["x"]},
    ],
)
def test_an_offer_that_does_not_hold_together_is_refused(offer):
    with pytest.raises(ValidationError):
        Offer.model_validate(offer)
