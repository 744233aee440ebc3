"""The month's message limit: counted in the transaction that accepts each message, so that under
concurrency exactly the limit is accepted; over it the API answers 429 naming the limit, events are
counted as refused."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest

from panacea.engagement import audience, intake, limits, rules
from panacea.engagement.limits import MessageUsageItem
from panacea.platform.isolation import acting_for
from panacea.platform.providers.channels import Channel
from panacea.tenancy.tiers import MESSAGES_PER_MONTH
from panacea.tenancy.vocabulary import Tier
from tests.integration.engagement.intake_support import owner
from tests.integration.stripe_support import shop
from tests.support import call


@pytest.fixture
def tenant() -> str:
    return shop()


def _used(tenant_id: str, accepted: int) -> None:
    """The month's counter as if `accepted` messages were sent already."""
    month = limits.month_of(datetime.now(UTC))
    with acting_for(tenant_id):
        MessageUsageItem(*MessageUsageItem.key(tenant_id, month), tenant_id=tenant_id, month=month,
                         accepted=accepted).save()  # fmt: skip


def _limit(tenant_id: str) -> int:
    with acting_for(tenant_id):
        return limits.monthly_limit(tenant_id)


def test_the_trial_tier_allows_a_thousand_messages_a_month():
    assert MESSAGES_PER_MONTH[Tier.TRIAL] == 1_000
    assert MESSAGES_PER_MONTH[Tier.WHITE_LABEL] == 5_000_000


def test_at_the_boundary_concurrent_messages_take_exactly_the_limit(tenant):
    # Given a month with 5 messages left, and 20 messages for 20 members at once
    limit = _limit(tenant)
    _used(tenant, limit - 5)
    rule = rules.Rule(event_type="order.paid", channels=[Channel.SMS])
    now = datetime.now(UTC)

    def accept(n: int) -> bool:
        recipient = audience.Recipient(member_id=f"m-{n}", addresses={Channel.SMS: "+447700900000"})
        draft = intake.Draft(tenant_id=tenant, message_id=intake.derived_id(now, uuid.uuid4().hex), request_id="r",
                             event_type="order.paid", data={}, rule=rule, recipient=recipient,
                             plan=audience.Plan(channels=[Channel.SMS]))  # fmt: skip
        with acting_for(tenant):
            try:
                intake.accept(draft, now)
            except limits.MessageLimitReached:
                return False
            return True

    # When they are accepted concurrently
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(accept, range(20)))
    # Then exactly five are accepted and the month is full
    assert results.count(True) == 5
    with acting_for(tenant):
        assert limits.usage(tenant, limits.month_of(now))[0] == limit


def test_over_the_limit_the_api_answers_429_naming_it_and_a_request_that_fits_in_part_is_partly_sent(
    tenant, members, sent
):
    # Given one message left this month and three reachable members
    limit = _limit(tenant)
    _used(tenant, limit - 1)
    ids = [members.member(f"m-{uuid.uuid4().hex[:6]}") for _ in range(3)]
    body = {"member_ids": ids, "event_type": "order.paid", "data": {"order_id": "A-1"}}
    # When staff notify all three
    partly = call("POST", "/v1/notifications", caller=owner(tenant), body=body)
    # Then the first is accepted and the others skipped for the limit
    assert partly.status == 202, partly.body
    assert len(partly.body["message_ids"]) == 1
    assert [s["reason"] for s in partly.body["skipped"]] == ["limit_reached", "limit_reached"]
    # When they try again, with nothing left
    refused = call("POST", "/v1/notifications", caller=owner(tenant), body=body)
    # Then it is a 429 problem that names the limit, and nothing more is counted as accepted
    assert refused.status == 429, refused.body
    assert refused.headers["Content-Type"].startswith("application/problem+json")
    assert refused.body["type"] == "/errors/message-limit-reached"
    assert f"{limit} messages a month" in refused.body["detail"]
    with acting_for(tenant):
        accepted, turned_away = limits.usage(tenant, limits.month_of(datetime.now(UTC)))
    assert (accepted, turned_away) == (limit, 2)
