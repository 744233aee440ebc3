"""The plans as data: the seed's prices, tiers, limits and partner terms, read from plans.json."""

from __future__ import annotations

import pytest

from panacea import tenancy
from panacea.billing.plans import UnknownPlan, all_plans, plan, plan_for_lookup_key, plans_for, tier_granted
from panacea.billing.vocabulary import Audience, Feature, Limit
from panacea.platform.money import Money


def test_the_seeds_monthly_prices_in_pence():
    # Given the plans file
    # When each plan's GBP price is read
    prices = {key: p.price("GBP").amount for key, p in all_plans().items()}
    # Then they are seed 000's: B2C £0 / £1.99 / £9.99, B2B £49 / £299 / £999, partners £2,499
    assert prices == {
        "member.free": 0,
        "member.basic": 199,
        "member.premium": 999,
        "tenant.professional": 4_900,
        "tenant.enterprise": 29_900,
        "tenant.flagship": 99_900,
        "partner.bronze": 249_900,
        "partner.silver": 249_900,
        "partner.gold": 249_900,
        "partner.platinum": 249_900,
    }


def test_every_plan_has_a_cny_price_in_fen():
    # Given a clinic in China on Professional
    # When its CNY price is read
    # Then it is Panacea's own list price, ¥448 in fen
    assert plan("tenant.professional").price("CNY") == Money(amount=44_800, currency="CNY")
    assert all(p.prices["CNY"] >= p.prices["GBP"] for p in all_plans().values())


def test_partner_levels_share_15_to_30_percent_above_their_minimum():
    # Given the four partner levels
    levels = [plan(f"partner.{level}").partner for level in ("bronze", "silver", "gold", "platinum")]
    # Then the shares are 15/20/25/30% and the minimums £500 / £2,000 / £10,000 / £50,000
    assert [t.revenue_share_bps for t in levels if t] == [1_500, 2_000, 2_500, 3_000]
    assert [t.minimum_monthly_revenue["GBP"] for t in levels if t] == [50_000, 200_000, 1_000_000, 5_000_000]


def test_members_limits_and_white_label_follow_the_seed():
    # Given the tenant plans
    pro, enterprise, flagship = (plan(f"tenant.{k}") for k in ("professional", "enterprise", "flagship"))
    # Then Professional holds 100 members, Enterprise 1,000, Flagship any number, and white-label is Flagship's
    assert [p.limits[Limit.MEMBERS] for p in (pro, enterprise, flagship)] == [100, 1_000, None]
    assert [Feature.WHITE_LABEL in p.features for p in (pro, enterprise, flagship)] == [False, False, True]


@pytest.mark.parametrize("key", [p.key for p in all_plans().values() if p.audience is not Audience.MEMBER])
def test_a_paid_tenant_plan_grants_a_tier_whose_message_limit_it_keeps(key: str):
    # Given a tenant or partner plan
    # When the tier it grants is asked
    tier = tier_granted(key)
    # Then it is a tenancy tier, and the plan's monthly messages are tenancy's number for it
    assert isinstance(tier, tenancy.Tier)
    assert plan(key).limits[Limit.MESSAGES_PER_MONTH] == tenancy.messages_per_month(tier)


def test_tiers_granted_by_plan():
    # Given each audience's plans
    # Then clinics map to their tier, partners to white-label, members' plans to no tier
    assert tier_granted("tenant.enterprise") is tenancy.Tier.ENTERPRISE
    assert tier_granted("partner.gold") is tenancy.Tier.WHITE_LABEL
    assert [tier_granted(p.key) for p in plans_for(Audience.MEMBER)] == [None, None, None]


def test_a_stripe_lookup_key_names_its_plan_and_back():
    # Given every plan's prices
    for p in all_plans().values():
        for currency in ("GBP", "CNY"):
            # When its lookup key is made and read back
            key = p.lookup_key(currency)
            # Then it names the same plan
            assert plan_for_lookup_key(key) == p
    assert plan("tenant.professional").lookup_key("GBP") == "tenant.professional.monthly.gbp"


@pytest.mark.parametrize("lookup_key", ["tenant.gold.monthly.gbp", "tenant.professional.monthly.usd", "tenant"])
def test_an_unknown_lookup_key_is_refused(lookup_key: str):
    with pytest.raises(UnknownPlan):
        plan_for_lookup_key(lookup_key)


def test_an_unknown_plan_is_refused():
    with pytest.raises(UnknownPlan, match=r"tenant\.gold"):
        plan("tenant.gold")
