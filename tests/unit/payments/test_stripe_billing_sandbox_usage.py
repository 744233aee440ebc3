"""The local Stripe's active entitlements and meters answer as Stripe's do: entitlements are paged
(10 at a time, `has_more`, `starting_after`) and summarised in an event whenever they change; meter
events are deduplicated on their `identifier` for 24 hours and summed per customer in a window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import stripe

from tests.support.stripe_billing import AT, Billing, running

SUMMARY = "entitlements.active_entitlement_summary.updated"
START = int(AT.timestamp())


@pytest.fixture
def billing() -> Iterator[Billing]:
    with running() as served:
        yield served


def test_active_entitlements_past_ten_are_paged_and_summarised(billing: Billing):
    # Given a plan with twelve features, When a customer subscribes to it
    keys = [f"feature_{n:02d}" for n in range(12)]
    _, price = billing.product("Flagship", price=99_900, key="flagship", features=tuple(map(billing.feature, keys)))
    customer, subscription_id = billing.subscribed(price)
    # Then the first page holds ten and says there are more, and the next page the other two
    first = billing.client.v1.entitlements.active_entitlements.list(params={"customer": customer})
    assert ([e.lookup_key for e in first.data], first.has_more) == (keys[:10], True)
    rest = billing.client.v1.entitlements.active_entitlements.list(
        params={"customer": customer, "starting_after": first.data[-1].id}
    )
    assert ([e.lookup_key for e in rest.data], rest.has_more) == (keys[10:], False)
    assert [e.lookup_key for e in first.auto_paging_iter()] == keys
    # And the summary event carries the first ten, features expanded, and has_more
    summary = next(e.data.object for e in billing.events() if e.type == SUMMARY)
    assert (summary.customer, summary.entitlements.has_more) == (customer, True)
    assert [e.feature.lookup_key for e in summary.entitlements.data] == keys[:10]
    # When a feature is detached from the product, Then a new summary says so; When cancelled, one says none
    product = billing.client.v1.prices.retrieve(price).product
    attachment = billing.client.v1.products.features.list(str(product), params={"limit": 1}).data[0]
    billing.client.v1.products.features.delete(str(product), attachment.id)
    billing.client.v1.subscriptions.cancel(subscription_id)
    summaries = [e.data.object for e in billing.events() if e.type == SUMMARY]
    assert [len(s.entitlements.data) for s in summaries] == [10, 10, 0]
    assert summaries[1].entitlements.data[0].lookup_key == "feature_01"


def test_active_entitlements_need_a_known_customer(billing: Billing):
    with pytest.raises(stripe.InvalidRequestError) as refused:
        billing.client.v1.entitlements.active_entitlements.list(params={"customer": "cus_nobody"})
    assert refused.value.param == "customer"


def _meter(billing: Billing) -> str:
    return billing.client.v1.billing.meters.create(
        params={
            "display_name": "API calls",
            "event_name": "api_calls",
            "default_aggregation": {"formula": "sum"},
            "customer_mapping": {"event_payload_key": "stripe_customer_id", "type": "by_id"},
            "value_settings": {"event_payload_key": "value"},
        }
    ).id


def _use(
    billing: Billing, customer: str, value: int, identifier: str, at: int | None = None
) -> stripe.billing.MeterEvent:
    params: dict[str, str | int | dict[str, str]] = {
        "event_name": "api_calls",
        "payload": {"stripe_customer_id": customer, "value": str(value)},
        "identifier": identifier,
    }
    if at is not None:
        params["timestamp"] = at
    return billing.client.v1.billing.meter_events.create(params=params)  # type: ignore[arg-type]


def _summed(billing: Billing, meter: str, customer: str, start: int, end: int) -> list[tuple[int, float]]:
    summaries = billing.client.v1.billing.meters.event_summaries.list(
        meter, params={"customer": customer, "start_time": start, "end_time": end}
    )
    return [(s.start_time, s.aggregated_value) for s in summaries.data]


def test_a_meter_event_sent_again_with_its_identifier_is_counted_once_within_a_day(billing: Billing):
    # Given a meter of API calls, When the same usage is reported twice under one identifier (a retry)
    meter = _meter(billing)
    first = _use(billing, "cus_a", 25, "evt-1")
    again = _use(billing, "cus_a", 25, "evt-1")
    # Then Stripe answers both alike, and counts it once
    assert (first.identifier, again.identifier, again.payload["value"]) == ("evt-1", "evt-1", "25")
    assert _summed(billing, meter, "cus_a", START, START + 3600) == [(START, 25)]
    # When the identifier comes again 23 hours later, Then it is still a duplicate
    billing.clock.advance(hours=23)
    _use(billing, "cus_a", 25, "evt-1")
    assert _summed(billing, meter, "cus_a", START, START + 86400) == [(START, 25)]
    # When it comes 25 hours after the first, Then it is a new event
    billing.clock.advance(hours=2)
    _use(billing, "cus_a", 25, "evt-1")
    assert _summed(billing, meter, "cus_a", START, START + 2 * 86400) == [(START, 50)]


def test_meter_summaries_sum_one_customers_events_in_the_window(billing: Billing):
    # Given events for two customers over two days (the clock two days on)
    meter = _meter(billing)
    billing.clock.advance(days=2)
    day = 86400
    for n, (customer, value, at) in enumerate(
        [("cus_a", 10, START), ("cus_a", 5, START + 3600), ("cus_b", 7, START), ("cus_a", 3, START + day)]
    ):
        _use(billing, customer, value, f"evt-{n}", at)
    # When each customer's usage is asked for the first day, the whole window, and by day
    # Then each sums only its own events inside the window (its end excluded)
    assert _summed(billing, meter, "cus_a", START, START + day) == [(START, 15)]
    assert _summed(billing, meter, "cus_a", START, START + 2 * day) == [(START, 18)]
    assert _summed(billing, meter, "cus_b", START, START + 2 * day) == [(START, 7)]
    daily = billing.client.v1.billing.meters.event_summaries.list(
        meter,
        params={"customer": "cus_a", "start_time": START, "end_time": START + 2 * day, "value_grouping_window": "day"},
    )
    assert [(s.start_time, s.end_time, s.aggregated_value) for s in daily.data] == [
        (START, START + day, 15),
        (START + day, START + 2 * day, 3),
    ]
    # When the window is not on minute boundaries, Then Stripe refuses it
    with pytest.raises(stripe.InvalidRequestError) as refused:
        _summed(billing, meter, "cus_a", START + 1, START + day)
    assert refused.value.param == "start_time"


def test_meters_are_listed_and_an_event_name_has_one_active_meter(billing: Billing):
    # Given a meter, When another is made for the same event name, Then it is refused
    meter = _meter(billing)
    with pytest.raises(stripe.InvalidRequestError) as refused:
        _meter(billing)
    assert refused.value.param == "event_name"
    # Then the one meter is listed, with Stripe's defaults
    listed = billing.client.v1.billing.meters.list()
    assert [(m.id, m.status, m.default_aggregation.formula) for m in listed.data] == [(meter, "active", "sum")]
    # When usage is dated more than 35 days back, Then Stripe refuses it
    with pytest.raises(stripe.InvalidRequestError):
        _use(billing, "cus_a", 1, "old", int((AT - timedelta(days=36)).timestamp()))
