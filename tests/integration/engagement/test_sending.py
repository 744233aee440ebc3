"""The channel senders: a message's attempt is sent at most once however often its work arrives,
waits out quiet hours on its queue, and on WhatsApp goes free-form only inside the person's service
window (else the approved template, else the next channel). Twilio's and WhatsApp's real clients
send to the local messaging sandbox, which keeps what each was sent (their receipts withheld: the
tests look at what was sent, not at what became of it)."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest

from infra.local.messaging_sandbox import MessagingSandbox
from panacea.engagement import audience, rendering
from panacea.engagement.message_items import AttemptItem, message_partition
from panacea.platform import clock
from panacea.platform.ids import new_id
from panacea.platform.providers.channels import Channel, Status
from tests.integration.engagement.conftest import mobile
from tests.integration.engagement.delivery_support import attempts, message, queued, senders, trail
from tests.support import eventually


@pytest.fixture
def quiet(sandbox: MessagingSandbox) -> MessagingSandbox:
    """The sandbox, sending no receipts after `sent` (nothing moves a message on behind the test's back)."""
    sandbox.behave(withheld=["twilio", "whatsapp"])
    return sandbox


def _kept(sandbox: MessagingSandbox, to: str, provider: str) -> list[dict[str, Any]]:
    return [m for m in sandbox.sent(to=to) if m["provider"] == provider]


def test_the_same_work_delivered_twice_sends_once(people, quiet):
    # Given a member reachable by SMS (Twilio first)
    tenant_id, member_id, number = new_id(), new_id(), mobile()
    people[member_id] = audience.Recipient(member_id=member_id, addresses={Channel.SMS: number})
    work = queued(tenant_id, member_id, [Channel.SMS, Channel.EMAIL])
    # When SQS delivers its work twice in one batch, then once more from two senders at the same moment
    assert senders(work.model_dump_json(), work.model_dump_json()) == {"batchItemFailures": []}
    racing = [threading.Thread(target=senders, args=(work.model_dump_json(),)) for _ in range(2)]
    for t in racing:
        t.start()
    for t in racing:
        t.join()
    # Then Twilio was sent it once, the message is sent by it, and its attempt was claimed once
    (kept,) = _kept(quiet, number, "twilio")
    sent = message(work)
    assert (sent.status, sent.provider, sent.address) == (Status.SENT, "twilio", number)
    assert sent.provider_message_id == kept["id"]
    assert attempts(work) == [work.attempt_id]
    assert [(h.status, h.channel, h.provider) for h in trail(work)] == [("sent", "sms", "twilio")]


def test_a_message_in_quiet_hours_waits_on_its_queue_until_its_time(people, quiet):
    # Given a message held until two seconds from now (the member's quiet hours end then)
    tenant_id, member_id, number = new_id(), new_id(), mobile()
    people[member_id] = audience.Recipient(member_id=member_id, addresses={Channel.SMS: number})
    with clock.use_clock(clock.FixedClock(clock.now())) as fixed:
        work = queued(tenant_id, member_id, [Channel.SMS], send_at=fixed.now() + timedelta(seconds=2))
        # When its work arrives early
        senders(work.model_dump_json())
        # Then nothing is sent and nothing claimed: it waits
        assert quiet.sent(to=number) == []
        assert message(work).status == Status.WAITING
        assert AttemptItem.find(message_partition(tenant_id, work.message_id), f"ATTEMPT#{work.attempt_id}") is None
        # And when its time has come, the work put back on the queue sends it
        fixed.advance(seconds=2)
        eventually(lambda: message(work).status == Status.SENT, what="the waiting message sent")
    assert [m["id"] for m in _kept(quiet, number, "twilio")] == [message(work).provider_message_id]


PAID = {"order_id": "01M8A2C4E6G8J0K2M4P6R8T0W3", "total": {"amount": 4500, "currency": "GBP"}}  # order.paid's data


def _whatsapp_member(people, sandbox: MessagingSandbox, tenant_id: str, *, window_open: bool) -> tuple[str, str]:
    """A member on WhatsApp and SMS (one number) who wrote to the tenant 21 hours ago, or 25: the
    engine's record of their window and Meta's (the sandbox's) agree. The member and their number."""
    member_id, number = new_id(), mobile()
    wrote = clock.now() - timedelta(hours=21 if window_open else 25)
    with clock.use_clock(clock.FixedClock(wrote)):
        sandbox.whatsapp_inbound(tenant_id, number, "Thanks!")
    people[member_id] = audience.Recipient(
        member_id=member_id,
        addresses={Channel.WHATSAPP: number, Channel.SMS: number},
        whatsapp_window_until=wrote + audience.WHATSAPP_WINDOW,
    )
    return member_id, number


def test_whatsapp_inside_the_service_window_is_free_form_text(people, quiet):
    # Given a member who wrote to the tenant on WhatsApp within the last 24 hours
    tenant_id = new_id()
    member_id, number = _whatsapp_member(people, quiet, tenant_id, window_open=True)
    work = queued(tenant_id, member_id, [Channel.WHATSAPP, Channel.SMS], data=PAID)
    # When the message is sent
    senders(work.model_dump_json())
    # Then it went to WhatsApp as text, without a template, inside Meta's window
    (kept,) = _kept(quiet, number, "whatsapp")
    assert (kept["template"], kept["window_open"]) == (None, True)
    assert kept["text"] == "Thank you: we have your payment of £45.00 for order 01M8A2C4E6G8J0K2M4P6R8T0W3."
    assert (message(work).status, message(work).provider) == (Status.SENT, "whatsapp")


def test_whatsapp_outside_the_window_uses_the_approved_template(people, quiet):
    # Given a member whose service window closed an hour ago
    tenant_id = new_id()
    member_id, number = _whatsapp_member(people, quiet, tenant_id, window_open=False)
    work = queued(tenant_id, member_id, [Channel.WHATSAPP, Channel.SMS], data=PAID)
    # When the message is sent
    senders(work.model_dump_json())
    # Then the approved template went, in the message's locale as WhatsApp names it, filled in order
    (kept,) = _kept(quiet, number, "whatsapp")
    assert (kept["template"]["name"], kept["template"]["language"], kept["window_open"]) == (
        "panacea_order_paid", {"code": "en_GB"}, False,
    )  # fmt: skip
    assert kept["text"] == "[panacea_order_paid · en_GB] £45.00 | 01M8A2C4E6G8J0K2M4P6R8T0W3"
    assert message(work).status == Status.SENT


def test_whatsapp_outside_the_window_without_a_template_falls_back_to_the_next_channel(people, quiet, monkeypatch):
    # Given a member outside the window, and no approved template for this event
    tenant_id = new_id()
    member_id, number = _whatsapp_member(people, quiet, tenant_id, window_open=False)
    rendered = rendering.render
    monkeypatch.setattr(rendering, "render", lambda *a, **k: rendered(*a, **k).model_copy(update={"template": None}))
    work = queued(tenant_id, member_id, [Channel.WHATSAPP, Channel.SMS])
    # When the WhatsApp work is handled
    senders(work.model_dump_json())
    # Then nothing went on WhatsApp, the chain moved to SMS saying why, and Twilio sent the SMS
    assert _kept(quiet, number, "whatsapp") == []
    eventually(lambda: message(work).status == Status.SENT, what="the SMS sent")
    moved = message(work)
    assert (moved.channel, moved.step, moved.provider) == ("sms", 1, "twilio")
    assert [(h.channel, h.status, h.note) for h in trail(work)][:2] == [
        ("sms", "queued", "outside_whatsapp_window"),
        ("sms", "sent", None),
    ]
    assert [m["id"] for m in _kept(quiet, number, "twilio")] == [moved.provider_message_id]
