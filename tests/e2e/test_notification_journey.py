"""Notifications on `make dev`'s platform, over HTTP as the apps, staff and the providers reach it: a
member who prefers WhatsApp in Urdu pays an order and is sent the approved WhatsApp template in Urdu;
WhatsApp reports it failed (the sandbox's signed callback), so the SMS goes, through the second
provider while Twilio is down; staff read the message's trail. During the member's quiet hours a
critical message goes at once, while a marketing one waits until they end.

Quiet hours are set around the present instant (the platform's clock, PANACEA_NOW included) in
Asia/Karachi, a zone without daylight saving, so the test reads the same on any date."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from panacea.platform import clock
from tests.e2e.conftest import (
    Client,
    MessagingSandbox,
    confirmed_phone,
    mobile_number,
    ok,
    paid_gene_test,
)
from tests.support import builders
from tests.support.builders import eventually

pytestmark = pytest.mark.slow

ZONE = "Asia/Karachi"  # UTC+5 all year
PREFERS = {"locale": "ur", "time_zone": ZONE, "channel_order": ["whatsapp", "sms", "email"]}


@dataclass(frozen=True)
class Reader:
    """A member of the demo tenant who prefers WhatsApp in Urdu."""

    member_id: str
    token: str
    phone: str  # their confirmed mobile: SMS
    whatsapp: str  # the WhatsApp number they set


def reader(client: Client, **settings: Any) -> Reader:
    """A member registered, with a confirmed mobile and a WhatsApp number of their own, who sets
    Urdu and WhatsApp first (and `settings`)."""
    member = builders.member(client.http, client.demo["demo_tenant"]["slug"])
    phone, whatsapp = mobile_number(), mobile_number()
    confirmed_phone(client, member.token, phone)
    chosen = {**PREFERS, "whatsapp_number": whatsapp, **settings}
    profile = ok(client.request("PUT", "/v1/me/notification-preferences", token=member.token, body=chosen))
    assert (profile["effective_locale"], profile["addresses"]["whatsapp"]) == ("ur", whatsapp), profile
    return Reader(member.user_id, member.token, phone, whatsapp)


def own_message(client: Client, member: Reader, event_type: str) -> dict[str, Any]:
    """The member's newest message about `event_type` (`GET /v1/me/notifications`), once there is one."""

    def found() -> dict[str, Any] | None:
        items = ok(client.request("GET", "/v1/me/notifications", token=member.token))["items"]
        return next((m for m in items if m["event_type"] == event_type), None)

    message: dict[str, Any] = eventually(found, timeout_s=60, what=f"no {event_type} message for the member")
    return message


def staff_reads(client: Client, staff: str, message_id: str) -> dict[str, Any]:
    return dict(ok(client.request("GET", f"/v1/notifications/{message_id}", token=staff)))


def quiet_now() -> tuple[dict[str, str], datetime]:
    """Quiet hours from an hour ago to two hours from now in ZONE, and the instant they end (UTC)."""
    local = clock.now().astimezone(ZoneInfo(ZONE))
    start, end = local - timedelta(hours=1), local + timedelta(hours=2)
    ends_at = end.replace(second=0, microsecond=0).astimezone(UTC)
    return {"start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}, ends_at


def test_whatsapp_fails_and_the_sms_arrives_through_the_second_provider(
    client: Client, owner_token: str, messaging: MessagingSandbox
):
    # Given a member who prefers WhatsApp in Urdu, then SMS
    member = reader(client)
    # And WhatsApp cannot deliver to their number, and Twilio (the first SMS provider) is down
    messaging.behave(undeliverable=[member.whatsapp], down=["twilio"])
    # When they pay an order
    paid_gene_test(client, owner_token, member.token)
    # Then WhatsApp is asked to send them the approved template, in Urdu
    sent = eventually(lambda: messaging.messages(member.whatsapp), timeout_s=60, what="no WhatsApp message")
    assert [(m["template"]["name"], m["template"]["language"]["code"]) for m in sent] == [("panacea_order_paid", "ur")]
    # And once WhatsApp reports it failed (a signed callback), the SMS goes through SNS, the second provider
    message = own_message(client, member, "order.paid")

    def by_sms() -> dict[str, Any] | None:
        read = staff_reads(client, owner_token, message["id"])
        return read if read["channel"] == "sms" and read["status"] in ("sent", "delivered") else None

    read = eventually(by_sms, timeout_s=60, what="the message never moved on to SMS")
    assert (read["provider"], read["chain"]) == ("sns_sms", ["whatsapp", "sms", "email"]), read
    texts = [m for m in builders.outbox(client.http, member.phone) if m["channel"] == "sms"]
    assert [m["provider"] for m in texts][-1:] == ["sns_sms"], texts
    assert "آرڈر" in texts[-1]["text"], texts[-1]  # the Urdu words
    assert "£299.00" in texts[-1]["text"], texts[-1]  # filled with the order's total
    assert messaging.messages(member.phone) == []  # Twilio, being down, sent nothing
    # And staff read its trail: WhatsApp sent, then undelivered; Twilio down; SMS sent by SNS
    hops = [(h["channel"], h["provider"], h["status"]) for h in read["hops"]]
    assert hops[:3] == [("whatsapp", None, "queued"), ("whatsapp", "whatsapp", "sent"),
                        ("whatsapp", "whatsapp", "undelivered")], hops  # fmt: skip
    assert ("sms", "sns_sms", "sent") in hops, hops
    assert any("provider_down: twilio" in (h["note"] or "") for h in read["hops"]), read["hops"]


def test_in_quiet_hours_a_critical_message_goes_at_once_and_a_marketing_one_waits(
    client: Client, owner_token: str, messaging: MessagingSandbox
):
    # Given a member whose quiet hours are now, who agreed to marketing and is in an audience
    quiet, ends_at = quiet_now()
    member = reader(client, quiet_hours=quiet)
    consent = {"source": "app", "wording": "Heart-health news"}
    assert ok(client.request("POST", "/v1/me/marketing-consent", token=member.token, body=consent))["given"]
    tag = f"readers-{uuid.uuid4().hex[:8]}"
    ok(client.request("POST", "/v1/audiences", token=owner_token, body={"tag": tag}), 201)
    ok(client.request("PUT", f"/v1/audiences/{tag}/members", token=owner_token, body={"add": [member.member_id]}))
    # When staff tell them their sample failed (critical), and broadcast news to the audience (marketing)
    failed = {"member_id": member.member_id, "event_type": "sample.failed",
              "data": {"member_id": member.member_id, "barcode": "HG-2026-000099", "reason": "haemolysed"}}  # fmt: skip
    accepted = ok(client.request("POST", "/v1/notifications", token=owner_token, body=failed), 202)
    article = {"article_id": "a-1", "title": "Salt and blood pressure", "summary": "Less salt, lower pressure"}
    news = {"tag": tag, "event_type": "news.published", "data": article}
    broadcast = ok(client.request("POST", "/v1/broadcasts", token=owner_token, body=news), 202)
    # Then the critical message goes at once, on WhatsApp, in Urdu
    (critical_id,) = accepted["message_ids"]
    critical = eventually(
        lambda: (m := staff_reads(client, owner_token, critical_id))["status"] not in ("queued", "waiting") and m,
        timeout_s=60,
        what="the critical message never went",
    )
    assert (critical["channel"], critical["send_at"]) == ("whatsapp", None), critical
    sent = eventually(lambda: messaging.messages(member.whatsapp), timeout_s=30, what="no WhatsApp message")
    templates = [(m["template"]["name"], m["template"]["language"]["code"]) for m in sent]
    assert templates == [("panacea_sample_failed", "ur")], sent
    # And the marketing one waits until the quiet hours end
    done = eventually(
        lambda: (
            (b := ok(client.request("GET", f"/v1/broadcasts/{broadcast['id']}", token=owner_token)))["status"] == "done"
            and b
        ),
        timeout_s=60,
        what="the broadcast never finished",
    )
    assert done["accepted"] == 1, done
    waiting = own_message(client, member, "news.published")
    assert waiting["status"] == "waiting", waiting
    assert datetime.fromisoformat(waiting["send_at"]) == ends_at, (waiting["send_at"], ends_at)
    assert messaging.messages(member.phone) == []
