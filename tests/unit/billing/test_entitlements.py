"""Effective entitlements: one record per tenant merged from the subscription Stripe re-read, its
active entitlements, the local overrides and dunning; and the same record whatever the order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from panacea.billing.entitlements import EntitlementInputs, merged, newer, rebuild, supersedes
from panacea.billing.models import (
    Complimentary,
    EntitlementSummaryRead,
    ExtendedTrial,
    FeatureOverride,
    LimitOverride,
    Overrides,
    SubscriptionRead,
)
from panacea.billing.vocabulary import Access, Limit, SubscriptionStatus

T0 = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
DAY = timedelta(days=1)
TENANT = "t-clinic"


def read(status: str = "active", plan_key: str = "tenant.professional", at: datetime = T0, **kw) -> SubscriptionRead:
    values = {
        "subscription_id": "sub_1",
        "plan_key": plan_key,
        "status": SubscriptionStatus(status),
        "current_period_start": T0,
        "current_period_end": T0 + 30 * DAY,
        "as_of": at,
        **kw,
    }
    return SubscriptionRead(**values)


def inputs(subscription=None, summary=None, overrides=None) -> EntitlementInputs:
    return EntitlementInputs(tenant_id=TENANT, subscription=subscription, summary=summary, overrides=overrides)


def test_an_active_professional_subscription_gives_its_plans_features_and_limits():
    # Given an active Professional subscription and Stripe's active entitlements
    summary = EntitlementSummaryRead(features=frozenset({"whatsapp", "beta_forms"}), as_of=T0 + DAY)
    # When the record is rebuilt
    record = rebuild(inputs(read(), summary), T0 + 2 * DAY)
    # Then access is full, with the plan's limits and features plus what Stripe says was bought
    assert (record.access, record.plan_key, record.period_end) == (Access.FULL, "tenant.professional", T0 + 30 * DAY)
    assert record.limits[Limit.MEMBERS] == 100
    assert record.limits[Limit.MESSAGES_PER_MONTH] == 25_000
    assert {"beta_forms", "basic_branding", "whatsapp"} <= record.features
    assert "white_label" not in record.features
    # And its version is the newest input's Stripe time
    assert record.version == int((T0 + DAY).timestamp() * 1_000_000)


def test_a_failed_renewal_goes_from_grace_to_read_only_to_suspended_and_recovers_on_payment():
    # Given a renewal that first failed on day 0 of the period
    failing = read("past_due", past_due_since=T0, at=T0 + timedelta(hours=1))
    # When the record is rebuilt on days 6, 7, 20 and 21
    ladder = [rebuild(inputs(failing), T0 + n * DAY) for n in (6, 7, 20, 21)]
    # Then the tenant keeps full access for the 7-day grace, is read-only to day 21, then suspended
    assert [r.access for r in ladder] == [Access.FULL, Access.READ_ONLY, Access.READ_ONLY, Access.SUSPENDED]
    # And each record says when to look again: the end of its step
    assert [r.review_by for r in ladder] == [T0 + 7 * DAY, T0 + 21 * DAY, T0 + 21 * DAY, None]
    # When the invoice is paid on day 22 and Stripe's read says active again
    paid = read("active", at=T0 + 22 * DAY)
    # Then full access is back, and this record supersedes the suspended one
    back = rebuild(merged(inputs(failing), inputs(paid)), T0 + 22 * DAY)
    assert back.access is Access.FULL
    assert supersedes(back, ladder[-1])


def test_unpaid_is_never_better_than_read_only_and_incomplete_or_canceled_have_no_plan():
    # Given a subscription the retries gave up on, within the grace days
    unpaid = rebuild(inputs(read("unpaid", past_due_since=T0)), T0 + DAY)
    # Then it is read-only at once
    assert unpaid.access is Access.READ_ONLY
    # And an incomplete, a canceled one, and none at all give no plan, no feature, no limit
    for record in (rebuild(inputs(read(s)), T0 + DAY) for s in ("incomplete", "canceled", "incomplete_expired")):
        assert (record.access, record.plan_key, record.features, record.limits) == (Access.NONE, None, frozenset(), {})
    assert rebuild(inputs(), T0).access is Access.NONE


def test_a_cancellation_at_period_end_keeps_access_until_that_end():
    # Given an active subscription set to cancel at its period's end
    leaving = read(cancel_at_period_end=True)
    # When rebuilt the day before and at the end
    before, after = rebuild(inputs(leaving), T0 + 29 * DAY), rebuild(inputs(leaving), T0 + 30 * DAY)
    # Then it has full access (review by the end), then none
    assert (before.access, before.review_by) == (Access.FULL, T0 + 30 * DAY)
    assert after.access is Access.NONE


def test_a_complimentary_plan_wins_until_it_ends():
    # Given a suspended Professional subscription and a complimentary Enterprise until day 40
    gift = Overrides(complimentary=Complimentary(plan_key="tenant.enterprise", until=T0 + 40 * DAY), changed_at=T0)
    suspended = read("past_due", past_due_since=T0)
    # When rebuilt on day 30 and day 40
    during, after = (
        rebuild(inputs(suspended, overrides=gift), T0 + 30 * DAY),
        rebuild(inputs(suspended, overrides=gift), T0 + 40 * DAY),
    )
    # Then Enterprise with full access until day 40, then the subscription's own suspended standing
    assert (during.access, during.plan_key, during.complimentary, during.review_by) == (
        Access.FULL,
        "tenant.enterprise",
        True,
        T0 + 40 * DAY,
    )
    assert (after.access, after.plan_key, after.complimentary) == (Access.SUSPENDED, "tenant.professional", False)


def test_an_extended_trial_keeps_the_plan_after_stripes_trial_ends():
    # Given a trial that ended on day 14 without payment (paused) and a trial extended to day 21
    paused = read("paused", trial_end=T0 + 14 * DAY)
    extended = Overrides(extended_trial=ExtendedTrial(until=T0 + 21 * DAY), changed_at=T0 + 13 * DAY)
    # When rebuilt on day 15 and day 21
    during = rebuild(inputs(paused, overrides=extended), T0 + 15 * DAY)
    after = rebuild(inputs(paused, overrides=extended), T0 + 21 * DAY)
    # Then full access on the subscription's plan, trial ending day 21; then the paused read-only
    assert (during.access, during.plan_key, during.trial_end) == (Access.FULL, "tenant.professional", T0 + 21 * DAY)
    assert (after.access, after.trial_end) == (Access.READ_ONLY, None)


def test_overrides_of_a_feature_and_a_limit_apply_while_in_force():
    # Given Professional with WhatsApp withdrawn for good, white-label granted and 500 members until day 10
    overrides = Overrides(
        features=(
            FeatureOverride(feature="white_label", enabled=True, until=T0 + 10 * DAY),
            FeatureOverride(feature="whatsapp", enabled=False),
            FeatureOverride(feature="whatsapp", enabled=True),
        ),
        limits=(LimitOverride(limit=Limit.MEMBERS, value=500, until=T0 + 10 * DAY),),
        changed_at=T0,
    )
    # When rebuilt on day 5 and day 10
    during, after = (
        rebuild(inputs(read(), overrides=overrides), T0 + 5 * DAY),
        rebuild(inputs(read(), overrides=overrides), T0 + 10 * DAY),
    )
    # Then during: white-label and 500 members; a withdrawal wins over a grant of the same feature
    assert "white_label" in during.features
    assert "whatsapp" not in during.features
    assert during.limits[Limit.MEMBERS] == 500
    assert during.review_by == T0 + 10 * DAY
    # And after: the plan's own again
    assert "white_label" not in after.features
    assert after.limits[Limit.MEMBERS] == 100


def test_the_more_generous_of_two_limit_overrides_wins():
    overrides = Overrides(
        limits=(
            LimitOverride(limit=Limit.MEMBERS, value=500),
            LimitOverride(limit=Limit.MEMBERS, value=None),
            LimitOverride(limit=Limit.SUB_TENANTS, value=3),
            LimitOverride(limit=Limit.SUB_TENANTS, value=7),
        ),
        changed_at=T0,
    )
    record = rebuild(inputs(read(), overrides=overrides), T0)
    assert (record.limits[Limit.MEMBERS], record.limits[Limit.SUB_TENANTS]) == (None, 7)


def test_a_newer_override_bumps_the_version_so_its_rebuild_is_written():
    # Given a record rebuilt from a Stripe read of day 1
    first = rebuild(inputs(read(at=T0 + DAY)), T0 + DAY)
    # When staff give a complimentary plan on day 2 (no Stripe event) and the record is rebuilt
    gift = Overrides(
        complimentary=Complimentary(plan_key="tenant.flagship", until=T0 + 60 * DAY), changed_at=T0 + 2 * DAY
    )
    second = rebuild(inputs(read(at=T0 + DAY), overrides=gift), T0 + 2 * DAY)
    # Then its version is higher and it replaces the first, never the other way
    assert second.version > first.version
    assert supersedes(second, first)
    assert not supersedes(first, second)
    assert newer(first, second) == second


# --- the same record, whatever the order ---------------------------------------------------------

# A subscription's history as Stripe would answer re-reads at each event: trialing, active, upgraded,
# past_due, paid again, set to cancel; with the entitlement summaries Stripe reported in between.
RENEWED = {"current_period_start": T0 + 30 * DAY, "current_period_end": T0 + 60 * DAY}
HISTORY = [
    read("trialing", at=T0, trial_end=T0 + 14 * DAY),
    read("active", at=T0 + 14 * DAY),
    read("active", "tenant.enterprise", at=T0 + 20 * DAY),
    read("past_due", "tenant.enterprise", at=T0 + 30 * DAY, past_due_since=T0 + 30 * DAY, **RENEWED),
    read("active", "tenant.enterprise", at=T0 + 33 * DAY, **RENEWED),
    read("active", "tenant.enterprise", at=T0 + 40 * DAY, cancel_at_period_end=True, **RENEWED),
]
SUMMARIES = [
    EntitlementSummaryRead(features=frozenset({"sms", "whatsapp"}), as_of=T0),
    EntitlementSummaryRead(features=frozenset({"sms", "whatsapp", "advanced_analytics"}), as_of=T0 + 20 * DAY),
]
OVERRIDES = [
    Overrides(changed_at=T0 + DAY),
    Overrides(limits=(LimitOverride(limit=Limit.MEMBERS, value=2_000),), changed_at=T0 + 25 * DAY),
]
EVENTS = (
    [inputs(subscription=s) for s in HISTORY]
    + [inputs(summary=s) for s in SUMMARIES]
    + [inputs(overrides=o) for o in OVERRIDES]
    + [inputs(subscription=HISTORY[2], summary=SUMMARIES[1])]
)
NOW = T0 + 41 * DAY


def _replayed(order: list[int]) -> EntitlementInputs:
    stored = inputs()
    for i in order:
        stored = merged(stored, EVENTS[i])
    return stored


def _all_events_replays() -> st.SearchStrategy[list[int]]:
    """Every event at least once, in any order, some twice or more (redelivered)."""
    every = list(range(len(EVENTS)))
    return st.tuples(st.permutations(every), st.lists(st.sampled_from(every), max_size=10)).flatmap(
        lambda parts: st.permutations(list(parts[0]) + parts[1])
    )


@given(_all_events_replays())
def test_a_history_replayed_in_any_order_with_duplicates_gives_the_same_record(order: list[int]):
    # Given a subscription's whole event history, each answered by the reads it prompted
    # When the events are handled in any order, some redelivered
    record = rebuild(_replayed(order), NOW)
    # Then the record is the one built from the newest read of each part
    expected = rebuild(inputs(HISTORY[-1], SUMMARIES[-1], OVERRIDES[-1]), NOW)
    assert record == expected
    assert (record.plan_key, record.access, record.limits[Limit.MEMBERS]) == ("tenant.enterprise", Access.FULL, 2_000)


@given(st.lists(st.sampled_from(range(len(EVENTS))), min_size=1, max_size=25), st.randoms(use_true_random=False))
def test_rebuilds_kept_by_version_converge_whatever_order_they_land_in(handled: list[int], rnd):
    # Given the records rebuilt by each handled event (each from its reads alone, at its own time)
    rebuilt = [rebuild(merged(inputs(), EVENTS[i]), T0 + (i + 1) * DAY) for i in handled]
    landed = list(rebuilt)
    rnd.shuffle(landed)
    # When they land at the store in another order, the store keeping the newer of what it has and what lands
    kept = landed[0]
    for record in landed[1:]:
        kept = newer(kept, record)
    # Then the store holds the same record as had they landed in order, and none newer is ever replaced
    in_order = rebuilt[0]
    for record in rebuilt[1:]:
        in_order = newer(in_order, record)
    assert kept == in_order
    assert all(not supersedes(r, kept) for r in rebuilt)
