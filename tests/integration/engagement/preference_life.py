"""The members' side of notifications in a tenant's life (`tests/integration/platform/tenant_life.py`
drives it, and the cursor test tags its members with it): a member's settings, devices, WeChat and
consent; the service desk's read; an audience of two."""

from __future__ import annotations

from typing import Any

from tests.support import builders, staff

AUDIENCE = "regulars"


def notification_preferences(life: Any, member: builders.Member) -> None:
    """The member chooses Urdu, WhatsApp first and quiet nights, adds two phones and removes one,
    binds WeChat, agrees to marketing and withdraws; the service desk reads their settings; the owner
    puts them and another member in an audience and lists it."""
    me, tenant_id = member.token, life.tenant["id"]
    life.call("GET", "/v1/me/notification-preferences", as_=me)
    chosen = {"locale": "ur", "channel_order": ["whatsapp", "sms", "email"],
              "quiet_hours": {"start": "22:00", "end": "07:00"}}  # fmt: skip
    life.call("PUT", "/v1/me/notification-preferences", as_=me, body=chosen)
    life.call("PUT", "/v1/me/notification-channels/wechat", as_=me, body={"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"})
    life.call("POST", "/v1/me/devices", as_=me, body={"token": "apns:life-old-phone-token"})
    newer = life.call("POST", "/v1/me/devices", as_=me, body={"token": "fcm:life-new-phone-token", "name": "Pixel"})
    life.call("DELETE", f"/v1/me/devices/{newer['id']}", as_=me)
    life.call("POST", "/v1/me/marketing-consent", as_=me, body={"source": "app", "wording": "Offers by WhatsApp"})
    life.call("DELETE", "/v1/me/marketing-consent", as_=me)
    desk = staff(tenant_id, "service_desk")
    life.call("GET", f"/v1/members/{member.user_id}/notification-preferences", as_=desk)
    tag_two(life.api, life.owner, life.tenant["slug"], member.user_id)
    life.call("GET", f"/v1/audiences/{AUDIENCE}/members?limit=5", as_=life.owner)


def tag_two(api: Any, owner: Any, slug: str, member_id: str) -> None:
    """The audience AUDIENCE made, and `member_id` and a new member of the tenant put in it (a list of two)."""
    builders.ok(api.request("POST", "/v1/audiences", as_=owner, body={"tag": AUDIENCE, "name": "Regulars"}), 201)
    other = builders.member(api, slug)
    body = {"add": [member_id, other.user_id]}
    builders.ok(api.request("PUT", f"/v1/audiences/{AUDIENCE}/members", as_=owner, body=body))
