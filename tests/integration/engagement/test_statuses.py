"""Statuses from providers: signed callbacks at `POST /v1/messaging/callbacks/{provider}/{tenant_id}`
(through the local gateway, as a provider calls it) and AWS's own delivery events (SES's event
destination) move a message forward only; duplicates and late ones change nothing; a failure after
`sent` runs the chain's next step; a signature that does not verify is a 401 and nothing is read."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from panacea.engagement import audience
from panacea.platform import clock
from panacea.platform.ids import new_id
from panacea.platform.providers.channels import Channel, Status
from tests.integration.engagement.delivery_support import deliveries, message, queued, senders, trail
from tests.support import eventually, gateway_request
from tests.support.fake_providers import SIGNATURE, signature


def _callback(provider: str, tenant_id: str, said: dict[str, Any], *, signed: bool = True) -> Any:
    body = json.dumps(said).encode()
    headers = {"Content-Type": "application/json", SIGNATURE: signature(body) if signed else "0" * 64}
    return gateway_request("POST", f"/v1/messaging/callbacks/{provider}/{tenant_id}", headers=headers, body=body)


def _status(work: Any, status: str, *, seconds: int = 5, **more: Any) -> dict[str, Any]:
    sent = message(work)
    at = (sent.status_at + timedelta(seconds=seconds)).isoformat()
    return {"id": sent.provider_message_id, "status": status, "at": at, "to": sent.address, **more}


def _sent_sms(people, provider, chain_of, *, name: str = "signed_sms") -> Any:
    provider(name, Channel.SMS)
    chain_of(Channel.SMS, (name,))
    member_id = new_id()
    people[member_id] = audience.Recipient(
        member_id=member_id, addresses={Channel.SMS: "+447700900130", Channel.EMAIL: "dana@example.com"}
    )
    work = queued(new_id(), member_id, [Channel.SMS, Channel.EMAIL])
    senders(work.model_dump_json())
    assert message(work).status == Status.SENT
    return work


def test_statuses_move_forward_only_and_duplicates_change_nothing(people, provider, chain_of):
    # Given an SMS sent
    work = _sent_sms(people, provider, chain_of)
    # When the provider reports it delivered, then the same report again, then a late `sent`
    delivered, resent = _status(work, "delivered", seconds=5), _status(work, "sent", seconds=1)
    first = _callback("signed_sms", work.tenant_id, {"statuses": [delivered]})
    again = _callback("signed_sms", work.tenant_id, {"statuses": [delivered]})
    late = _callback("signed_sms", work.tenant_id, {"statuses": [resent]})
    # Then each is received, only the first applied, and the message is delivered
    assert (first.status, first.body) == (200, {"statuses": 1, "applied": 1, "inbound": 0})
    assert [again.body["applied"], late.body["applied"]] == [0, 0]
    assert message(work).status == Status.DELIVERED
    # And its trail holds one entry per status reached, the provider's payload kept
    hops = trail(work)
    assert [h.status for h in hops] == ["sent", "delivered"]
    assert hops[1].raw == delivered


def test_a_callback_whose_signature_does_not_verify_is_refused_and_read_for_nothing(people, provider, chain_of):
    # Given an SMS sent
    work = _sent_sms(people, provider, chain_of)
    # When a callback arrives with a signature that does not sign its body
    answer = _callback("signed_sms", work.tenant_id, {"statuses": [_status(work, "delivered")]}, signed=False)
    # Then it is a 401 problem naming the signature, and the message is unchanged
    assert answer.status == 401
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert answer.body["type"] == "/errors/invalid-signature"
    assert answer.problem_fields == ["header"]
    assert message(work).status == Status.SENT


def test_an_unknown_provider_is_a_404_naming_it_and_an_empty_callback_a_400():
    answer = _callback("pigeon", new_id(), {})
    assert answer.status == 404
    assert answer.problem_fields == ["path.provider"]
    empty = gateway_request("POST", f"/v1/messaging/callbacks/ses/{new_id()}", headers={}, body=b"")
    assert (empty.status, empty.problem_fields) == (400, ["body"])


def test_a_failure_after_sent_runs_the_chains_next_step(people, provider, chain_of):
    # Given an SMS sent, with email next on the chain
    work = _sent_sms(people, provider, chain_of)
    # When the provider reports it undelivered
    report = _status(work, "undelivered", error="30003")
    answer = _callback("signed_sms", work.tenant_id, {"statuses": [report]})
    # Then the failure is recorded with its payload, and the email goes through SES
    assert answer.body["applied"] == 1
    eventually(lambda: message(work).channel == "email" and message(work).status == Status.SENT, what="emailed")
    assert [(h.channel, h.status) for h in trail(work)] == [
        ("sms", "sent"), ("sms", "undelivered"), ("email", "queued"), ("email", "sent"),
    ]  # fmt: skip
    assert trail(work)[1].raw == report
    # And a late `delivered` of the SMS, whose attempt the message has left, changes nothing
    assert (
        _callback("signed_sms", work.tenant_id, {"statuses": [report | {"status": "delivered"}]}).body["applied"] == 0
    )


def test_a_persons_own_message_is_noted_for_their_service_window(provider, inbound):
    # Given a provider's callback carrying a person's own message
    provider("signed_whatsapp", Channel.WHATSAPP)
    tenant_id, at = new_id(), clock.now().replace(microsecond=0)
    # When it arrives
    answer = _callback("signed_whatsapp", tenant_id, {"inbound": [{"from": "+923001234567", "at": at.isoformat()}]})
    # Then it is noted (the preferences slice opens their window from it)
    assert answer.body == {"statuses": 0, "applied": 0, "inbound": 1}
    assert inbound == [(tenant_id, "+923001234567", at)]


def _ses_event(work: Any, event_type: str, detail: dict[str, Any]) -> dict[str, Any]:
    sent = message(work)
    tags = {"message_id": [work.message_id], "tenant_id": [work.tenant_id]}
    return {
        "version": "0", "id": str(new_id()), "detail-type": f"Email {event_type}", "source": "aws.ses",
        "account": "123456789012", "time": clock.now().isoformat(), "region": "eu-west-2", "resources": [],
        "detail": {
            "eventType": event_type,
            "mail": {"timestamp": sent.status_at.isoformat(), "messageId": sent.provider_message_id,
                     "destination": [sent.address], "tags": tags},
            event_type[:1].lower() + event_type[1:]: detail,
        },
    }  # fmt: skip


def test_ses_delivery_events_from_the_bus_record_the_email_delivered(people):
    # Given an email sent through SES
    member_id = new_id()
    people[member_id] = audience.Recipient(member_id=member_id, addresses={Channel.EMAIL: "eve@example.com"})
    work = queued(new_id(), member_id, [Channel.EMAIL])
    senders(work.model_dump_json())
    assert message(work).provider == "ses"
    # When SES's event destination reports its delivery (twice: EventBridge delivers at least once)
    delivered = _ses_event(work, "Delivery", {"timestamp": clock.now().isoformat(), "recipients": ["eve@example.com"]})
    assert deliveries(delivered, delivered) == {"batchItemFailures": []}
    # Then the email is delivered, once
    assert message(work).status == Status.DELIVERED
    assert [h.status for h in trail(work)] == ["sent", "delivered"]
    # And a complaint after delivery is still recorded (it may follow a delivery)
    deliveries(_ses_event(work, "Complaint", {"timestamp": clock.now().isoformat(), "complaintFeedbackType": "abuse"}))
    assert message(work).status == Status.COMPLAINED
