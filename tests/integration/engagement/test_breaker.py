"""The circuit breaker in the senders: a provider failing most of its sends opens its breaker, and
SMS goes straight to the second provider (SNS) without asking it; after the cool-down one probe goes
through, and its success closes the breaker. Breakers are per tenant."""

from __future__ import annotations

from panacea.engagement import audience
from panacea.engagement.breaker import POLICY
from panacea.engagement.message_items import ChannelWork
from panacea.platform import clock
from panacea.platform.ids import new_id
from panacea.platform.providers.channels import Channel, Status
from tests.integration.engagement.delivery_support import message, queued, senders


def _sms(people, tenant_id: str) -> ChannelWork:
    """A message's work to a new member reachable by SMS, sent as SQS delivers it."""
    member_id = new_id()
    people[member_id] = audience.Recipient(member_id=member_id, addresses={Channel.SMS: "+447700900140"})
    work = queued(tenant_id, member_id, [Channel.SMS])
    senders(work.model_dump_json())
    return work


def test_an_outage_opens_the_breaker_and_sms_goes_to_the_second_provider(people, provider, chain_of):
    # Given SMS through a provider having an outage, then SNS
    outage = provider("outage_sms", Channel.SMS, "down")
    chain_of(Channel.SMS, ("outage_sms", "sns_sms"))
    tenant_id = new_id()
    with clock.use_clock(clock.FixedClock(clock.now())) as fixed:
        # When as many messages as the breaker's minimum go, each failing over to SNS
        for _ in range(POLICY.min_attempts):
            work = _sms(people, tenant_id)
            assert (message(work).status, message(work).provider) == (Status.SENT, "sns_sms")
        assert outage.calls == POLICY.min_attempts
        # Then the breaker is open: the next message goes to SNS on its first attempt, the outage never asked
        work = _sms(people, tenant_id)
        assert (message(work).provider, message(work).attempt_id) == ("sns_sms", work.attempt_id)
        assert outage.calls == POLICY.min_attempts
        # And another tenant's breaker is its own: its message still tries the provider first
        _sms(people, new_id())
        assert outage.calls == POLICY.min_attempts + 1
        # When the cool-down has passed and the provider is back
        fixed.advance(seconds=POLICY.cool_down_s)
        outage.behaviour = "sending"
        probe = _sms(people, tenant_id)
        # Then one probe went through it, which closed the breaker: the next goes to it too
        assert message(probe).provider == "outage_sms"
        fixed.advance(seconds=1)
        assert message(_sms(people, tenant_id)).provider == "outage_sms"
        assert len(outage.sent) == 2
