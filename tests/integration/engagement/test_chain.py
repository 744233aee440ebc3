"""The reachability chain: a provider that refuses moves the message to the chain's next channel, a
provider that is down hands it to the channel's next provider, no delivered receipt within the
window moves it on, and a chain with no way left ends the message as failed (outages, refusals and
withheld receipts are the messaging sandbox's, `/_sandbox/behaviour`). Every hop is one
trail entry saying why. SMS goes first through Twilio's real client against the local messaging
sandbox, email through the moto-backed SES adapter."""

from __future__ import annotations

import json
from datetime import timedelta

from panacea.engagement import audience
from panacea.engagement.delivery_models import ReceiptCheck
from panacea.platform import clock
from panacea.platform.events import OutboxItem
from panacea.platform.ids import new_id
from panacea.platform.providers.channels import Channel, Status
from panacea.platform.table import TableItem
from tests.integration.engagement.conftest import mobile
from tests.integration.engagement.delivery_support import attempts, message, queued, senders, trail
from tests.support import eventually


def _member(people, **addresses: str) -> str:
    member_id = new_id()
    people[member_id] = audience.Recipient(member_id=member_id, addresses={Channel(k): v for k, v in addresses.items()})
    return member_id


def test_a_refused_sms_moves_on_to_email(people):
    # Given a member whose number Twilio will not take (not E.164), and an email address
    member_id = _member(people, sms="07700 900123", email="amira@example.com")
    work = queued(new_id(), member_id, [Channel.SMS, Channel.EMAIL])
    # When the SMS work is handled
    assert senders(work.model_dump_json()) == {"batchItemFailures": []}
    # Then the chain moved to email, which SES sent (and may have reported delivered since)
    eventually(lambda: message(work).status in (Status.SENT, Status.DELIVERED), what="the email sent")
    sent = message(work)
    assert (sent.channel, sent.step, sent.provider, sent.address) == ("email", 1, "ses", "amira@example.com")
    hops = [(h.channel, h.status, h.note) for h in trail(work)]
    assert hops[:2] == [("email", "queued", "refused by twilio: 21211"), ("email", "sent", None)]
    assert attempts(work) == sorted([work.attempt_id, "S1P0"])


def test_a_provider_down_hands_the_message_to_the_channels_next_provider(people, sandbox):
    # Given Twilio down (503 from its API), then SNS as SMS's second provider
    sandbox.behave(down=["twilio"])
    number = mobile()
    member_id = _member(people, sms=number, email="bilal@example.com")
    work = queued(new_id(), member_id, [Channel.SMS, Channel.EMAIL])
    # When the SMS work is handled
    senders(work.model_dump_json())
    # Then SNS sent it on a new attempt, Twilio kept nothing, and the trail says Twilio was down
    assert sandbox.sent(to=number) == []
    sent = message(work)
    assert (sent.status, sent.channel, sent.provider, sent.attempt_id) == (Status.SENT, "sms", "sns_sms", "S0P1")
    assert [(h.provider, h.status, h.note) for h in trail(work)] == [
        (None, "queued", "provider_down: twilio"),
        ("sns_sms", "sent", None),
    ]
    assert sorted(attempts(work)) == sorted([work.attempt_id, "S0P1"])


def test_a_chain_with_no_way_left_fails_the_message_and_says_so(people, sandbox, chain_of):
    # Given a one-channel chain whose only provider, Twilio, refuses the number (21610: it unsubscribed)
    chain_of(Channel.SMS, ("twilio",))
    number = mobile()
    sandbox.behave(refused=[number])
    tenant_id = new_id()
    work = queued(tenant_id, _member(people, sms=number), [Channel.SMS])
    # When the work is handled
    senders(work.model_dump_json())
    # Then the message failed, its trail says why, and `message.status_changed` (failed) is in the outbox
    assert message(work).status == Status.FAILED
    assert [(h.status, h.note) for h in trail(work)] == [("failed", "refused by twilio: 21610; chain exhausted")]
    announced = [i for i in TableItem.scan(TableItem.pk.startswith(f"T#{tenant_id}#")) if isinstance(i, OutboxItem)]
    said = [(i.detail_type, json.loads(i.detail)["data"]) for i in announced]
    assert said == [
        ("message.status_changed", {
            "message_id": work.message_id, "status": "failed", "timestamp": said[0][1]["timestamp"], "recipient": None,
            "channel": "sms", "provider": "twilio",
        })
    ]  # fmt: skip


def test_no_receipt_within_the_window_moves_the_message_on(people, sandbox):
    # Given an SMS sent through Twilio with a one-minute receipt window, whose delivered receipt never comes
    sandbox.behave(withheld=["twilio"])
    number = mobile()
    member_id = _member(people, sms=number, email="chen@example.com")
    with clock.use_clock(clock.FixedClock(clock.now())) as fixed:
        work = queued(new_id(), member_id, [Channel.SMS, Channel.EMAIL], receipt_window_s=60)
        senders(work.model_dump_json())
        sent = message(work)
        assert (sent.provider, [m["id"] for m in sandbox.sent(to=number)]) == ("twilio", [sent.provider_message_id])
        check = ReceiptCheck(
            tenant_id=work.tenant_id, message_id=work.message_id, attempt_id=sent.attempt_id,
            due_at=sent.status_at + timedelta(seconds=60),
        )  # fmt: skip
        # When its receipt check comes early, nothing moves
        fixed.advance(seconds=30)
        senders(check.model_dump_json())
        assert message(work).channel == "sms"
        # And when it comes at the window's end with no receipt, the chain moves on to email
        fixed.advance(seconds=31)
        senders(check.model_dump_json())
        eventually(lambda: message(work).channel == "email" and message(work).status != Status.QUEUED, what="emailed")
    assert [(h.channel, h.status, h.note) for h in trail(work)][1] == ("email", "queued", "no_receipt")


def test_a_receipt_check_after_delivery_changes_nothing(people, sandbox):
    # Given an SMS sent through Twilio, delivered
    sandbox.behave(withheld=["twilio"])
    work = queued(new_id(), _member(people, sms=mobile()), [Channel.SMS, Channel.EMAIL], receipt_window_s=0)
    senders(work.model_dump_json())
    delivered = message(work)
    delivered.status = Status.DELIVERED
    delivered.save()
    # When its receipt check runs
    check = ReceiptCheck(tenant_id=work.tenant_id, message_id=work.message_id, attempt_id=delivered.attempt_id,
                         due_at=clock.now())  # fmt: skip
    senders(check.model_dump_json())
    # Then the message stays delivered on SMS
    assert (message(work).status, message(work).channel) == (Status.DELIVERED, "sms")
