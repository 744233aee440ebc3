"""The demo's notifications, built over HTTP as the demo member, the owner and the providers would
build them, so `make dev` shows every feature of engagement at once:

- the demo member's notification settings: Urdu, WhatsApp first (then SMS, then email), their
  confirmed mobile number, a push device, their WeChat openid, and marketing consent (recorded);
- an audience (`heart-health`) holding the demo member (who consented to marketing) and her friend;
- a tenant template of its own with two versions (the SMS of `order.shipped` in en-GB: the second live);
- a message on every channel, so that `GET /_local/outbox` shows each after start: SMS by Twilio and
  by SNS (the second provider, while the sandbox holds Twilio down), WhatsApp (free-form, inside the
  service window the member's own message opened), email, WeChat and push;
- and last, the member's quiet hours (22:00 to 07:00 in London), set after the messages so that
  they go out whatever the hour `make dev` starts at.
"""

# ruff: noqa: RUF001 - the Urdu texts end with Urdu's own full stop

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.support import builders
from tests.support.builders import eventually, ok
from tests.support.transport import Http

if TYPE_CHECKING:
    from infra.local.messaging_sandbox import MessagingSandbox

DEMO_PHONE = "+447400100200"  # the demo member's mobile (SMS and WhatsApp)
DEMO_DEVICE = "fcm:demo-pixel-8-f1e2d3c4b5a6"
DEMO_OPENID = "oHarbourGeneDemoMei0001"
AUDIENCE = {"tag": "heart-health", "name": "Heart health readers"}
SETTINGS: dict[str, Any] = {
    "locale": "ur",
    "time_zone": "Europe/London",
    "channel_order": ["whatsapp", "sms", "email"],
}
QUIET_HOURS = {"start": "22:00", "end": "07:00"}
TEMPLATE_PATH = "/v1/notification-templates/order.shipped/sms/en-GB"
TEMPLATE_VERSIONS = (
    {"text": "Harbour Gene: order {order_id} is on its way with {carrier} ({tracking_number})."},
    {"text": "Harbour Gene: your order {order_id} has left us with {carrier}. Track it: {tracking_number}."},
)
CONSENT = {"source": "app", "wording": "Send me Harbour Gene's heart-health news and offers"}
MESSAGES: tuple[dict[str, Any], ...] = (  # one per channel, each as staff would send it (in the member's words)
    {"channels": ["sms"], "text": "ہاربر جین: آپ کا اپائنٹمنٹ کل صبح 10 بجے ہے۔"},
    {"channels": ["whatsapp"], "text": "ہاربر جین: آپ کے سوال کا شکریہ، ہم جلد جواب دیں گے۔"},
    {"channels": ["email"], "subject": "ہاربر جین کی خبریں", "text": "دل کی صحت کے بارے میں اس ماہ کی خبریں۔"},
    {"channels": ["push"], "subject": "Harbour Gene", "text": "آپ کی رپورٹ تیار ہے۔"},
)
# WeChat sends the official account's template messages only: an event's, by its rule, to the member
# while WeChat is first in their order and Chinese their language
WECHAT_SETTINGS = {**SETTINGS, "locale": "zh-CN", "channel_order": ["wechat"]}
WECHAT = {
    "event_type": "order.shipped",
    "data": {"order_id": "HG-DEMO-0001", "carrier": "Royal Mail", "tracking_number": "RM100000025GB"},
}
SNS_SMS = {"channels": ["sms"], "text": "ہاربر جین: یہ پیغام دوسرے SMS فراہم کنندہ سے آیا ہے۔"}


def open_engagement(
    api: Http,
    *,
    owner: str,
    member: str,
    member_id: str,
    friend_id: str,
    tenant_id: str,
    sandbox: MessagingSandbox | None,
) -> dict[str, Any]:
    """The demo member's settings, channels and consent, the audience, the tenant's template and a
    message on every channel (`member`: their token); what demo.json says of them."""
    member_reachable(api, member)
    ok(api.request("PUT", "/v1/me/notification-preferences", as_=member, body=SETTINGS), 200)
    ok(api.request("POST", "/v1/me/marketing-consent", as_=member, body=CONSENT), 200)
    ok(api.request("POST", "/v1/audiences", as_=owner, body=AUDIENCE), 201)
    change = {"add": [member_id, friend_id]}
    ok(api.request("PUT", f"/v1/audiences/{AUDIENCE['tag']}/members", as_=owner, body=change), 200)
    for version in TEMPLATE_VERSIONS:
        ok(api.request("PUT", TEMPLATE_PATH, as_=owner, body=version), 200)
    sent = every_channel(api, owner, member, member_id, tenant_id=tenant_id, sandbox=sandbox)
    quiet = {**SETTINGS, "quiet_hours": QUIET_HOURS}
    ok(api.request("PUT", "/v1/me/notification-preferences", as_=member, body=quiet), 200)
    return {
        "member_settings": quiet,
        "phone": DEMO_PHONE,
        "device": DEMO_DEVICE,
        "wechat_openid": DEMO_OPENID,
        "audience": {**AUDIENCE, "members": [member_id, friend_id]},
        "template": {"path": TEMPLATE_PATH, "versions": len(TEMPLATE_VERSIONS)},
        "messages": sent,
    }


def member_reachable(api: Http, member: str) -> None:
    """The member confirms a mobile number (its code by SMS), adds a push device and binds WeChat."""
    ok(api.request("POST", "/v1/me/phone", as_=member, body={"phone": DEMO_PHONE}), 202)
    code = builders.code_sent_to(api, DEMO_PHONE)
    ok(api.request("POST", "/v1/me/phone/confirm", as_=member, body={"code": code}), 200)
    ok(api.request("POST", "/v1/me/devices", as_=member, body={"token": DEMO_DEVICE, "name": "Pixel 8"}), 201)
    ok(api.request("PUT", "/v1/me/notification-channels/wechat", as_=member, body={"openid": DEMO_OPENID}), 200)


def every_channel(
    api: Http, owner: str, member: str, member_id: str, *, tenant_id: str, sandbox: MessagingSandbox | None
) -> list[dict[str, str]]:
    """A message on each channel, then an SMS while Twilio is down (SNS carries it); each once the
    outbox shows it: its id, channel and provider."""
    if sandbox is not None:  # the member writes on WhatsApp: free-form messages may reach them for 24 hours
        sandbox.whatsapp_inbound(tenant_id, DEMO_PHONE, "Salaam, I have a question about my kit")
        eventually(lambda: window_open(api, member), timeout_s=30, what="the WhatsApp window never opened")
    sent = [notified(api, owner, member_id, {"event_type": "custom", **message}) for message in MESSAGES]
    ok(api.request("PUT", "/v1/me/notification-preferences", as_=member, body=WECHAT_SETTINGS), 200)
    sent.append(notified(api, owner, member_id, WECHAT))
    ok(api.request("PUT", "/v1/me/notification-preferences", as_=member, body=SETTINGS), 200)
    if sandbox is not None:
        sandbox.behave(down=["twilio"])
        try:
            sent.append(notified(api, owner, member_id, {"event_type": "custom", **SNS_SMS}))
        finally:
            sandbox.behave(down=[])
    return sent


def window_open(api: Http, member: str) -> bool:
    profile = ok(api.request("GET", "/v1/me/notification-preferences", as_=member), 200)
    return profile["whatsapp_window_until"] is not None


def notified(api: Http, owner: str, member_id: str, message: dict[str, Any]) -> dict[str, str]:
    """The owner's message to the member (custom, or an event's), once sent (or further): its id,
    channel, provider and status."""
    body = {"member_id": member_id, **message}
    accepted = ok(api.request("POST", "/v1/notifications", as_=owner, body=body), 202)
    (message_id,) = accepted["message_ids"]

    def gone() -> dict[str, Any] | None:
        found = ok(api.request("GET", f"/v1/notifications/{message_id}", as_=owner), 200)
        return found if found["status"] not in ("queued", "waiting") else None

    found = eventually(gone, timeout_s=30, every_s=0.2, what=f"the message {message} never went")
    return {"id": message_id, "channel": found["channel"], "provider": found["provider"], "status": found["status"]}
