"""Statuses from providers: signed callbacks at `POST /v1/messaging/callbacks/{provider}/{tenant_id}`
(Twilio's, built and signed by the messaging sandbox as Twilio signs them, POSTed over HTTP to the
local gateway) and AWS's own delivery events (SES's event destination) move a message forward only;
duplicates and late ones change nothing; a failure after `sent` runs the chain's next step; a
signature that does not verify is a 401 and nothing is read. The message's status and trail are read
back as staff read them (`GET /v1/notifications/{message_id}`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from infra.local.messaging_sandbox import MessagingSandbox
from infra.local.messaging_sandbox_callbacks import Callback
from infra.local.runtime import LocalPlatform
from panacea.engagement import audience
from panacea.engagement.message_items import ChannelWork
from panacea.platform import clock
from panacea.platform.ids import new_id
from panacea.platform.providers.channels import Channel, Status
from tests.integration.engagement.conftest import mobile
from tests.integration.engagement.delivery_support import deliveries, message, queued, senders, trail
from tests.support import call, eventually, gateway_request, staff

CALLBACKS = "/v1/messaging/callbacks/{provider}/{tenant_id}"


def _sent_sms(people: Any, sandbox: MessagingSandbox, platform: LocalPlatform) -> tuple[ChannelWork, dict[str, Any]]:
    """An SMS sent through Twilio's client to the sandbox, its own receipts withheld (the test reports
    them); the message as the sandbox keeps it, its status callback the tenant's endpoint."""
    sandbox.behave(withheld=["twilio"])
    member_id, number = new_id(), mobile()
    people[member_id] = audience.Recipient(
        member_id=member_id, addresses={Channel.SMS: number, Channel.EMAIL: f"{member_id.lower()}@example.com"}
    )
    work = queued(new_id(), member_id, [Channel.SMS, Channel.EMAIL])
    senders(work.model_dump_json())
    sent = message(work)
    assert (sent.status, sent.provider) == (Status.SENT, "twilio")
    (kept,) = sandbox.sent(to=number)
    assert kept["id"] == sent.provider_message_id
    endpoint = platform.api_url + CALLBACKS.format(provider="twilio", tenant_id=work.tenant_id)
    return work, {**kept, "callback_url": endpoint}


def _reported(sandbox: MessagingSandbox, kept: dict[str, Any], status: str, error_code: str | None = None) -> Callback:
    """Twilio's signed callback saying `status` of `kept`, once the sandbox has POSTed it to the platform."""
    before = {id(c) for c in list(sandbox.callbacks)}
    sandbox.twilio_status(kept, status, error_code)
    (callback,) = [c for c in list(sandbox.callbacks) if id(c) not in before and kept["id"] in c.body.decode()]
    eventually(lambda: callback.attempts, what=f"the {status} callback answered")
    return callback


def _read(work: ChannelWork) -> dict[str, Any]:
    """The message as the tenant's staff read it: its status and its trail."""
    answer = call("GET", f"/v1/notifications/{work.message_id}", caller=staff(work.tenant_id, "owner"))
    assert answer.status == 200, answer.body
    return dict(answer.body)


def test_statuses_move_forward_only_and_duplicates_change_nothing(people, sandbox, platform):
    # Given an SMS sent through Twilio
    work, kept = _sent_sms(people, sandbox, platform)
    # When Twilio reports it delivered, then the same report again, then a late `sent`
    first, again = _reported(sandbox, kept, "delivered"), _reported(sandbox, kept, "delivered")
    late = _reported(sandbox, kept, "sent")
    # Then each signed callback is received, and the message is delivered
    assert [first.attempts, again.attempts, late.attempts] == [[200], [200], [200]]
    read = _read(work)
    assert (read["status"], read["channel"], read["provider"]) == ("delivered", "sms", "twilio")
    # And its trail holds one entry per status reached (the duplicate and the late one added none)
    assert [(h["status"], h["channel"], h["provider"]) for h in read["hops"]] == [
        ("sent", "sms", "twilio"), ("delivered", "sms", "twilio"),
    ]  # fmt: skip
    # And Twilio's own payload is kept with the status it moved to
    assert trail(work)[1].raw["MessageStatus"] == "delivered"
    assert trail(work)[1].raw["MessageSid"] == kept["id"]


def test_a_callback_whose_signature_does_not_verify_is_refused_and_read_for_nothing(people, sandbox, platform):
    # Given an SMS sent, and Twilio's signature of a callback reporting it undelivered (with Twilio's auth token)
    work, kept = _sent_sms(people, sandbox, platform)
    said = {"AccountSid": kept["account"], "MessageSid": kept["id"], "MessageStatus": "undelivered", "To": kept["to"]}
    signature = RequestValidator(sandbox.keys["twilio"]["auth_token"]).compute_signature(kept["callback_url"], said)
    # When the callback arrives with its body changed to say delivered (its signature unchanged)
    forged = urlencode({**said, "MessageStatus": "delivered"}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
    answer = gateway_request("POST", CALLBACKS.format(provider="twilio", tenant_id=work.tenant_id), headers=headers,
                             body=forged)  # fmt: skip
    # Then it is a 401 problem naming the signature, and the message is unchanged
    assert answer.status == 401
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert answer.body["type"] == "/errors/invalid-signature"
    assert answer.problem_fields == ["header.X-Twilio-Signature"]
    assert _read(work)["status"] == "sent"


def test_an_unknown_provider_is_a_404_naming_it_and_an_empty_callback_a_400():
    answer = gateway_request("POST", CALLBACKS.format(provider="pigeon", tenant_id=new_id()), body=b"{}")
    assert answer.status == 404
    assert answer.problem_fields == ["path.provider"]
    empty = gateway_request("POST", f"/v1/messaging/callbacks/ses/{new_id()}", headers={}, body=b"")
    assert (empty.status, empty.problem_fields) == (400, ["body"])


def test_a_failure_after_sent_runs_the_chains_next_step(people, sandbox, platform):
    # Given an SMS sent through Twilio, with email next on the chain
    work, kept = _sent_sms(people, sandbox, platform)
    # When Twilio reports it undelivered (30005: unknown handset)
    assert _reported(sandbox, kept, "undelivered", "30005").attempts == [200]
    # Then the failure is recorded with its payload, and the email goes through SES
    eventually(lambda: message(work).channel == "email" and message(work).status != Status.QUEUED, what="emailed")
    assert [(h["channel"], h["status"]) for h in _read(work)["hops"]][:4] == [
        ("sms", "sent"),
        ("sms", "undelivered"),
        ("email", "queued"),
        ("email", "sent"),
    ]  # fmt: skip  (SES's own delivery report may follow)
    assert trail(work)[1].raw["ErrorCode"] == "30005"
    # And a late `delivered` of the SMS, whose attempt the message has left, changes nothing
    assert _reported(sandbox, kept, "delivered").attempts == [200]
    assert message(work).channel == "email"
    assert ("sms", "delivered") not in [(h["channel"], h["status"]) for h in _read(work)["hops"]]


def test_a_persons_own_message_is_noted_for_their_service_window(sandbox, inbound):
    # Given a person who writes to the tenant's WhatsApp number (Meta's signed webhook, as the sandbox sends it)
    tenant_id, number = new_id(), mobile()
    before = {id(c) for c in list(sandbox.callbacks)}
    sandbox.whatsapp_inbound(tenant_id, number, "Is the clinic open on Monday?")
    # When it reaches the tenant's endpoint
    (webhook,) = [c for c in list(sandbox.callbacks) if id(c) not in before]
    eventually(lambda: webhook.attempts, what="the inbound webhook answered")
    # Then it is received and noted (the preferences slice opens their window from it)
    assert webhook.attempts == [200]
    assert [(t, sender) for t, sender, _ in inbound] == [(tenant_id, number)]
    assert inbound[0][2] <= clock.now()


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
