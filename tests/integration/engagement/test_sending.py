"""The channel senders: a message's attempt is sent at most once however often its work arrives,
waits out quiet hours on its queue, and on WhatsApp goes free-form only inside the person's service
window (else the approved template, else the next channel)."""

from __future__ import annotations

import threading
from datetime import timedelta

from panacea.engagement import audience, rendering
from panacea.engagement.message_items import AttemptItem, message_partition
from panacea.platform import clock
from panacea.platform.ids import new_id
from panacea.platform.providers.channels import Channel, Status
from tests.integration.engagement.delivery_support import attempts, message, queued, senders, trail
from tests.support import eventually


def test_the_same_work_delivered_twice_sends_once(people, provider, chain_of):
    # Given a member reachable by SMS, and a provider that keeps what it sends
    sms = provider("counting_sms", Channel.SMS)
    chain_of(Channel.SMS, ("counting_sms",))
    tenant_id, member_id = new_id(), new_id()
    people[member_id] = audience.Recipient(member_id=member_id, addresses={Channel.SMS: "+447700900123"})
    work = queued(tenant_id, member_id, [Channel.SMS, Channel.EMAIL])
    # When SQS delivers its work twice in one batch, then once more from two senders at the same moment
    assert senders(work.model_dump_json(), work.model_dump_json()) == {"batchItemFailures": []}
    racing = [threading.Thread(target=senders, args=(work.model_dump_json(),)) for _ in range(2)]
    for t in racing:
        t.start()
    for t in racing:
        t.join()
    # Then the provider was asked once, the message is sent by it, and its attempt was claimed once
    assert [o.message_id for o in sms.sent] == [work.message_id]
    sent = message(work)
    assert (sent.status, sent.provider, sent.address) == (Status.SENT, "counting_sms", "+447700900123")
    assert sent.provider_message_id
    assert sent.provider_message_id.startswith("counting_sms-")
    assert attempts(work) == [work.attempt_id]
    assert [(h.status, h.channel, h.provider) for h in trail(work)] == [("sent", "sms", "counting_sms")]


def test_a_message_in_quiet_hours_waits_on_its_queue_until_its_time(people, provider, chain_of):
    # Given a message held until two seconds from now (the member's quiet hours end then)
    sms = provider("quiet_sms", Channel.SMS)
    chain_of(Channel.SMS, ("quiet_sms",))
    tenant_id, member_id = new_id(), new_id()
    people[member_id] = audience.Recipient(member_id=member_id, addresses={Channel.SMS: "+447700900124"})
    with clock.use_clock(clock.FixedClock(clock.now())) as fixed:
        work = queued(tenant_id, member_id, [Channel.SMS], send_at=fixed.now() + timedelta(seconds=2))
        # When its work arrives early
        senders(work.model_dump_json())
        # Then nothing is sent and nothing claimed: it waits
        assert sms.sent == []
        assert message(work).status == Status.WAITING
        assert AttemptItem.find(message_partition(tenant_id, work.message_id), f"ATTEMPT#{work.attempt_id}") is None
        # And when its time has come, the work put back on the queue sends it
        fixed.advance(seconds=2)
        eventually(lambda: message(work).status == Status.SENT, what="the waiting message sent")
    assert [o.message_id for o in sms.sent] == [work.message_id]


PAID = {"order_id": "01M8A2C4E6G8J0K2M4P6R8T0W3", "total": {"amount": 4500, "currency": "GBP"}}  # order.paid's data


def _whatsapp_member(people, *, window_open: bool) -> str:
    member_id = new_id()
    until = clock.now() + (timedelta(hours=3) if window_open else -timedelta(hours=1))
    people[member_id] = audience.Recipient(
        member_id=member_id,
        addresses={Channel.WHATSAPP: "+923001234567", Channel.SMS: "+923001234567"},
        whatsapp_window_until=until,
    )
    return member_id


def test_whatsapp_inside_the_service_window_is_free_form_text(people, provider, chain_of):
    # Given a member who wrote to the tenant on WhatsApp within the last 24 hours
    whatsapp = provider("fake_whatsapp", Channel.WHATSAPP)
    chain_of(Channel.WHATSAPP, ("fake_whatsapp",))
    work = queued(new_id(), _whatsapp_member(people, window_open=True), [Channel.WHATSAPP, Channel.SMS], data=PAID)
    # When the message is sent
    senders(work.model_dump_json())
    # Then it went as text, without a template
    (sent,) = whatsapp.sent
    assert sent.template is None
    assert sent.text == "Thank you: we have your payment of £45.00 for order 01M8A2C4E6G8J0K2M4P6R8T0W3."


def test_whatsapp_outside_the_window_uses_the_approved_template(people, provider, chain_of):
    # Given a member whose service window closed an hour ago
    whatsapp = provider("fake_whatsapp", Channel.WHATSAPP)
    chain_of(Channel.WHATSAPP, ("fake_whatsapp",))
    work = queued(new_id(), _whatsapp_member(people, window_open=False), [Channel.WHATSAPP, Channel.SMS], data=PAID)
    # When the message is sent
    senders(work.model_dump_json())
    # Then the approved template went, in the message's locale as WhatsApp names it
    (sent,) = whatsapp.sent
    assert sent.template is not None
    assert (sent.template.name, sent.template.language) == ("panacea_order_paid", "en_GB")
    assert sent.template.params == ["£45.00", "01M8A2C4E6G8J0K2M4P6R8T0W3"]
    assert message(work).status == Status.SENT


def test_whatsapp_outside_the_window_without_a_template_falls_back_to_the_next_channel(
    people, provider, chain_of, monkeypatch
):
    # Given a member outside the window, and no approved template for this event
    whatsapp = provider("fake_whatsapp", Channel.WHATSAPP)
    sms = provider("fallback_sms", Channel.SMS)
    chain_of(Channel.WHATSAPP, ("fake_whatsapp",))
    chain_of(Channel.SMS, ("fallback_sms",))
    rendered = rendering.render
    monkeypatch.setattr(rendering, "render", lambda *a, **k: rendered(*a, **k).model_copy(update={"template": None}))
    work = queued(new_id(), _whatsapp_member(people, window_open=False), [Channel.WHATSAPP, Channel.SMS])
    # When the WhatsApp work is handled
    senders(work.model_dump_json())
    # Then nothing went on WhatsApp, the chain moved to SMS saying why, and the SMS went
    assert whatsapp.sent == []
    eventually(lambda: message(work).status == Status.SENT, what="the SMS sent")
    moved = message(work)
    assert (moved.channel, moved.step, moved.provider) == ("sms", 1, "fallback_sms")
    assert [(h.channel, h.status, h.note) for h in trail(work)][:2] == [
        ("sms", "queued", "outside_whatsapp_window"),
        ("sms", "sent", None),
    ]
    assert [o.to for o in sms.sent] == ["+923001234567"]
