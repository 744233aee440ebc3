"""Each provider's words for a message's fate, normalised (the tables), and the signatures and
shapes the providers' adapters read and build, without a network."""

from __future__ import annotations

import base64
import gzip
import json

import pytest

from panacea.platform.providers import (
    BadSignature,
    Outgoing,
    Template,
    aws_events,
    read_aws_event,
    twilio_sms,
    wechat,
    whatsapp,
)
from panacea.platform.providers.channels import Channel, Status


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("accepted", Status.QUEUED),
        ("queued", Status.QUEUED),
        ("sending", Status.QUEUED),
        ("sent", Status.SENT),
        ("delivered", Status.DELIVERED),
        ("read", Status.READ),
        ("undelivered", Status.UNDELIVERED),
        ("failed", Status.FAILED),
        ("canceled", Status.FAILED),
        ("received", None),
    ],
)
def test_twilio_statuses(word: str, status: Status | None):
    assert twilio_sms.normalise(word) == status


@pytest.mark.parametrize(
    ("word", "code", "status"),
    [
        ("sent", None, Status.SENT),
        ("delivered", None, Status.DELIVERED),
        ("read", None, Status.READ),
        ("failed", None, Status.FAILED),
        ("failed", 131047, Status.REJECTED),  # outside the 24-hour window
        ("failed", 131026, Status.UNDELIVERED),
        ("failed", 131050, Status.UNSUBSCRIBED),
        ("failed", 131000, Status.FAILED),
        ("deleted", None, None),
    ],
)
def test_whatsapp_statuses(word: str, code: int | None, status: Status | None):
    assert whatsapp.normalise(word, code) == status


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("success", Status.DELIVERED),
        ("failed:user block", Status.UNSUBSCRIBED),
        ("failed: system failed", Status.FAILED),
        ("something new", Status.FAILED),
    ],
)
def test_wechat_statuses(word: str, status: Status):
    assert wechat.normalise(word) == status


@pytest.mark.parametrize(
    ("detail", "status"),
    [
        ({"eventType": "Send"}, Status.SENT),
        ({"eventType": "Delivery"}, Status.DELIVERED),
        ({"eventType": "Open"}, Status.READ),
        ({"eventType": "Bounce", "bounce": {"bounceType": "Permanent"}}, Status.BOUNCED),
        ({"eventType": "Bounce", "bounce": {"bounceType": "Transient"}}, Status.UNDELIVERED),
        ({"eventType": "Complaint"}, Status.COMPLAINED),
        ({"eventType": "Reject"}, Status.REJECTED),
        ({"eventType": "Subscription"}, Status.UNSUBSCRIBED),
        ({"eventType": "DeliveryDelay"}, None),
    ],
)
def test_ses_statuses(detail: dict[str, object], status: Status | None):
    assert aws_events.ses_status(detail) == status


@pytest.mark.parametrize(
    ("record", "status"),
    [
        ({"status": "SUCCESS"}, Status.DELIVERED),
        ({"status": "FAILURE", "delivery": {"providerResponse": "Phone is currently unreachable"}}, Status.UNDELIVERED),
        ({"status": "FAILURE", "delivery": {"providerResponse": "Phone number is opted out"}}, Status.UNSUBSCRIBED),
        ({"status": "FAILURE", "delivery": {"providerResponse": "Invalid phone number"}}, Status.REJECTED),
    ],
)
def test_sns_statuses(record: dict[str, object], status: Status):
    assert aws_events.sns_status(record) == status


def test_ses_events_carry_our_ids_back():
    # Given SES's Delivery event through EventBridge, with the tags the adapter set
    event = {
        "source": "aws.ses",
        "detail-type": "Email Delivered",
        "detail": {
            "eventType": "Delivery",
            "mail": {
                "messageId": "0100-ses",
                "timestamp": "2026-12-03T10:00:00.000Z",
                "destination": ["a@example.com"],
                "tags": {"tenant_id": ["T1"], "message_id": ["M1"], "ses:configuration-set": ["panacea"]},
            },
            "delivery": {"timestamp": "2026-12-03T10:00:02.000Z", "recipients": ["a@example.com"]},
        },
    }

    # Then it reads as our message delivered, at SES's delivery time
    [report] = read_aws_event("ses", event)
    assert (report.provider_message_id, report.status, report.tenant_id, report.message_id) == (
        "0100-ses",
        Status.DELIVERED,
        "T1",
        "M1",
    )
    assert report.timestamp.isoformat() == "2026-12-03T10:00:02+00:00"


def test_sns_delivery_logs_read_from_a_cloudwatch_subscription():
    # Given SNS's delivery status log records, as a CloudWatch Logs subscription delivers them
    records = [
        {"notification": {"messageId": "m-1", "timestamp": "2026-12-03 10:00:00.000"}, "status": "SUCCESS"},
        {
            "notification": {"messageId": "m-2", "timestamp": "2026-12-03 10:00:01.000"},
            "delivery": {"destination": "+447700900123", "providerResponse": "Unknown error attempting to reach phone"},
            "status": "FAILURE",
        },
    ]
    logs = {"logEvents": [{"id": str(n), "message": json.dumps(r)} for n, r in enumerate(records)]}
    event = {"awslogs": {"data": base64.b64encode(gzip.compress(json.dumps(logs).encode())).decode()}}

    # Then each reads as a status of SNS's message
    found = read_aws_event("sns_sms", event)
    assert [(r.provider_message_id, r.status) for r in found] == [
        ("m-1", Status.DELIVERED),
        ("m-2", Status.UNDELIVERED),
    ]
    assert found[1].error_code == "Unknown error attempting to reach phone"


def test_callback_providers_have_no_aws_events():
    with pytest.raises(KeyError):
        read_aws_event("twilio", {})


def test_whatsapp_signature_is_the_app_secrets_hmac_of_the_body():
    body = b'{"object":"whatsapp_business_account","entry":[]}'
    good = whatsapp.signature(body, "s3cret")
    whatsapp.verify(body, good, {"app_secret": "s3cret"})
    for header, secret in ((good, "other"), ("sha256=00", "s3cret"), ("", "s3cret"), (good, "")):
        with pytest.raises(BadSignature):
            whatsapp.verify(body, header, {"app_secret": secret})


def test_whatsapp_message_bodies():
    plain = Outgoing(
        tenant_id="T", message_id="M", attempt_id="A", channel=Channel.WHATSAPP, to="+447700900123", text="hi"
    )
    assert whatsapp.message_body(plain) == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "447700900123",
        "type": "text",
        "text": {"preview_url": False, "body": "hi"},
    }
    templated = plain.model_copy(
        update={"template": Template(name="reminder", language="ur", params=["a", "b"]), "callback_url": "https://x/cb"}
    )
    body = whatsapp.message_body(templated)
    assert body["template"] == {
        "name": "reminder",
        "language": {"code": "ur"},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}],
    }
    assert body["biz_opaque_callback_data"] == "https://x/cb"


def test_whatsapp_webhook_verification_answers_the_challenge_for_the_accounts_token():
    keys = {"verify_token": "vt-1"}
    asked = {"hub.mode": "subscribe", "hub.verify_token": "vt-1", "hub.challenge": "1158201444"}
    assert whatsapp.subscription_challenge(asked, keys) == "1158201444"
    assert whatsapp.subscription_challenge({**asked, "hub.verify_token": "other"}, keys) is None
    assert whatsapp.subscription_challenge({**asked, "hub.mode": "unsubscribe"}, keys) is None
    assert whatsapp.subscription_challenge(asked, {}) is None
