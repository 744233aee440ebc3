"""The circuit breaker in the senders: a provider failing most of its sends opens its breaker, and
SMS goes straight to the second provider (SNS) without asking it; after the cool-down one probe goes
through, and its success closes the breaker. Breakers are per tenant. The outage is Twilio's, in the
messaging sandbox (503 from its API), met by Twilio's real client.

A message that asked Twilio and found it down goes to SNS on a second attempt (`S0P1`); one whose
breaker kept it from Twilio goes to SNS on its first attempt."""

from __future__ import annotations

from panacea.engagement import audience
from panacea.engagement.breaker import POLICY
from panacea.engagement.message_items import ChannelWork
from panacea.platform import clock
from panacea.platform.ids import new_id
from panacea.platform.providers.channels import Channel, Status
from tests.integration.engagement.conftest import mobile
from tests.integration.engagement.delivery_support import message, queued, senders


def _sms(people, tenant_id: str) -> ChannelWork:
    """A message's work to a new member reachable by SMS, sent as SQS delivers it."""
    member_id = new_id()
    people[member_id] = audience.Recipient(member_id=member_id, addresses={Channel.SMS: mobile()})
    work = queued(tenant_id, member_id, [Channel.SMS])
    senders(work.model_dump_json())
    return work


def _asked_twilio(work: ChannelWork) -> bool:
    """Whether the message went to Twilio first (sent by it, or moved on from it to a new attempt)."""
    sent = message(work)
    return sent.provider == "twilio" or sent.attempt_id != work.attempt_id


def test_an_outage_opens_the_breaker_and_sms_goes_to_the_second_provider(people, sandbox):
    # Given Twilio having an outage, SNS SMS's second provider, and its receipts withheld (none are needed here)
    sandbox.behave(down=["twilio"], withheld=["twilio"])
    tenant_id = new_id()
    with clock.use_clock(clock.FixedClock(clock.now())) as fixed:
        # When as many messages as the breaker's minimum go, each asking Twilio, then failing over to SNS
        for _ in range(POLICY.min_attempts):
            work = _sms(people, tenant_id)
            assert (message(work).status, message(work).provider, message(work).attempt_id) == (
                Status.SENT, "sns_sms", "S0P1",
            )  # fmt: skip
        # Then the breaker is open: the next message goes to SNS on its first attempt, Twilio never asked
        work = _sms(people, tenant_id)
        assert (message(work).provider, message(work).attempt_id) == ("sns_sms", work.attempt_id)
        assert not _asked_twilio(work)
        # And another tenant's breaker is its own: its message still asks Twilio first
        assert _asked_twilio(_sms(people, new_id()))
        # When the cool-down has passed and Twilio is back
        fixed.advance(seconds=POLICY.cool_down_s)
        sandbox.behave(down=[])
        probe = _sms(people, tenant_id)
        # Then one probe went through it, which closed the breaker: the next goes to it too
        assert message(probe).provider == "twilio"
        fixed.advance(seconds=1)
        assert message(_sms(people, tenant_id)).provider == "twilio"
