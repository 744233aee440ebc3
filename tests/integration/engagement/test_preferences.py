"""The members' side of notifications through the local platform: a member's own settings (validated
field by field, nothing half-written), devices, WeChat binding and marketing consent with its
history; the service desk's read; audiences paged without a scan; the WhatsApp window an inbound
message opens; and what the engine reads of it all (`recipients`). A member sees only their own."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from panacea.engagement.audience import audience_page, note_inbound, plan, recipients
from panacea.engagement.rules import Rule
from panacea.platform.isolation import acting_for
from panacea.platform.providers.channels import Channel
from tests.support import call, code_sent_to, onboard, signed_up_member, staff

PASSWORD = "Harbour-Gene-2026!"
PREFS = "/v1/me/notification-preferences"


@pytest.fixture(scope="module")
def tenant() -> dict[str, Any]:
    return onboard()


def a_member(tenant: dict[str, Any]) -> dict[str, str]:
    """A confirmed member registered by email: the authorizer context their token gives."""
    user_id = signed_up_member(tenant["slug"], f"pref-{uuid.uuid4().hex[:10]}@example.com", PASSWORD)
    return staff(tenant["id"], "member", user_id=user_id)


def a_phone_member(tenant: dict[str, Any]) -> tuple[dict[str, str], str]:
    """A confirmed member registered by mobile number, and the number (E.164)."""
    mobile = f"+447400{random.randrange(10**6):06d}"
    body = {"tenant": tenant["slug"], "kind": "individual", "phone": mobile}
    assert call("POST", "/v1/auth/register", caller=None, body=body).status == 202
    confirm = {"tenant": tenant["slug"], "phone": mobile, "code": code_sent_to(mobile)}
    confirmed = call("POST", "/v1/auth/register/confirm", caller=None, body=confirm)
    assert confirmed.status == 200, confirmed.body
    return staff(tenant["id"], "member", user_id=confirmed.body["user_id"]), mobile


def fields(answer: Any) -> set[str]:
    return {e["field"] for e in answer.body.get("errors", [])}


def test_a_member_starts_with_the_tenants_locale_and_time_zone_and_sets_their_own(tenant):
    # Given a member who never set anything
    me = a_member(tenant)
    # When they read their settings
    first = call("GET", PREFS, caller=me)
    # Then they read the tenant's locale and time zone, and their email as email's address
    assert first.status == 200, first.body
    assert first.body["settings"]["locale"] is None
    assert first.body["effective_locale"] == "en-GB"
    assert first.body["addresses"]["email"].startswith("pref-")
    # When they choose Urdu, London, quiet nights, WhatsApp first and no SMS about shipments
    chosen = {
        "locale": "ur",
        "time_zone": "Europe/London",
        "quiet_hours": {"start": "22:00", "end": "07:00"},
        "channel_order": ["email", "sms"],
        "workflows": {"order.shipped": {"channels": {"sms": False}}},
    }
    put = call("PUT", PREFS, caller=me, body=chosen)
    # Then they read them back, and the engine plans with them
    assert put.status == 200, put.body
    again = call("GET", PREFS, caller=me).body
    assert again["effective_locale"] == "ur"
    assert again["settings"]["quiet_hours"] == {"start": "22:00", "end": "07:00"}
    with acting_for(tenant["id"]):
        seen = recipients(tenant["id"], [me["user_id"], "nobody-of-this-tenant"])
    assert list(seen) == [me["user_id"]]
    assert seen[me["user_id"]].locale == "ur"
    noon = datetime(2026, 6, 10, 12, tzinfo=UTC)
    shipped = Rule(event_type="order.shipped", channels=[Channel.SMS, Channel.EMAIL])
    assert plan(tenant["id"], seen[me["user_id"]], shipped, noon).channels == [Channel.EMAIL]


def test_bad_settings_are_refused_field_by_field_and_nothing_is_written(tenant):
    # Given a member with settings
    me = a_member(tenant)
    assert call("PUT", PREFS, caller=me, body={"locale": "hi"}).status == 200
    # When they send an unknown locale, a time zone that is none and quiet hours of no length
    bad = {"locale": "fr-FR", "time_zone": "Europe/Atlantis", "quiet_hours": {"start": "07:00", "end": "07:00"}}
    refused = call("PUT", PREFS, caller=me, body=bad)
    # Then each field is named in a 422 problem, and their settings are as they were
    assert refused.status == 422
    assert refused.headers.get("Content-Type", refused.headers.get("content-type")) == "application/problem+json"
    assert {"locale", "time_zone", "quiet_hours"} <= fields(refused)
    assert call("GET", PREFS, caller=me).body["settings"]["locale"] == "hi"
    # And a quiet hour that is not a time is refused too
    assert call("PUT", PREFS, caller=me, body={"quiet_hours": {"start": "25:00", "end": "07:00"}}).status == 422


def test_push_goes_to_the_newest_device_and_a_removed_one_is_forgotten(tenant):
    # Given a member who adds two devices
    me = a_member(tenant)
    old = call("POST", "/v1/me/devices", caller=me, body={"token": "apns:old-device-token"})
    new = call("POST", "/v1/me/devices", caller=me, body={"token": "fcm:new-device-token", "name": "Pixel"})
    assert (old.status, new.status) == (201, 201)
    # Then push reaches the newest
    assert call("GET", PREFS, caller=me).body["addresses"]["push"] == "fcm:new-device-token"
    # When they remove it
    assert call("DELETE", f"/v1/me/devices/{new.body['id']}", caller=me).status == 204
    # Then push reaches the other, and a device they do not have is a 404 naming it
    assert call("GET", PREFS, caller=me).body["addresses"]["push"] == "apns:old-device-token"
    missing = call("DELETE", f"/v1/me/devices/{new.body['id']}", caller=me)
    assert (missing.status, fields(missing)) == (404, {"path.device_id"})
    # And a token of neither kind is refused
    assert call("POST", "/v1/me/devices", caller=me, body={"token": "gcm:whatever-token"}).status == 422


def test_a_member_binds_wechat_and_sets_a_whatsapp_number_of_their_own(tenant):
    # Given a member registered by phone, and another member
    me, mobile = a_phone_member(tenant)
    other = a_member(tenant)
    # When they bind WeChat
    bound = call("PUT", "/v1/me/notification-channels/wechat", caller=me, body={"openid": "oUpF8uMuAJO_M2pxb1Q9"})
    # Then WeChat reaches them, WhatsApp and SMS their phone
    assert bound.status == 200, bound.body
    assert bound.body["addresses"] == {"sms": mobile, "whatsapp": mobile, "wechat": "oUpF8uMuAJO_M2pxb1Q9"}
    # When they set another WhatsApp number
    whatsapp = f"+447400{random.randrange(10**6):06d}"
    set_ = call("PUT", PREFS, caller=me, body={"whatsapp_number": whatsapp})
    assert set_.body["addresses"]["whatsapp"] == whatsapp
    # Then no other member can set the same number
    taken = call("PUT", PREFS, caller=other, body={"whatsapp_number": whatsapp})
    assert (taken.status, fields(taken)) == (409, {"whatsapp_number"})
    # And a message from it opens their WhatsApp window for 24 hours, as one from their phone does
    at = datetime.now(UTC).replace(microsecond=0)
    with acting_for(tenant["id"]):
        assert note_inbound(tenant["id"], whatsapp, at) == me["user_id"]
        assert recipients(tenant["id"], [me["user_id"]])[me["user_id"]].whatsapp_window_until == at + timedelta(
            hours=24
        )
        assert note_inbound(tenant["id"], mobile, at - timedelta(hours=1)) == me["user_id"]  # older: changes nothing
        assert recipients(tenant["id"], [me["user_id"]])[me["user_id"]].whatsapp_window_until == at + timedelta(
            hours=24
        )
        assert note_inbound(tenant["id"], "+15550000000", at) is None
    # When they give their number up, another member may take it
    assert call("PUT", PREFS, caller=me, body={}).status == 200
    assert call("PUT", PREFS, caller=other, body={"whatsapp_number": whatsapp}).status == 200


def test_marketing_consent_is_recorded_with_when_and_how_and_kept_as_history(tenant):
    # Given a member
    me = a_member(tenant)
    offer = Rule(event_type="promotion.started", channels=[Channel.EMAIL], marketing=True)
    # When they agree in the app, then withdraw
    given = call("POST", "/v1/me/marketing-consent", caller=me, body={"source": "app", "wording": "Offers by email"})
    withdrawn = call("DELETE", "/v1/me/marketing-consent", caller=me)
    # Then both are kept, newest first, and no marketing reaches them
    assert given.body["given"] is True
    assert [(e["given"], e["source"]) for e in withdrawn.body["history"]] == [(False, "api"), (True, "app")]
    assert withdrawn.body["history"][1]["wording"] == "Offers by email"
    with acting_for(tenant["id"]):
        seen = recipients(tenant["id"], [me["user_id"]])[me["user_id"]]
    assert plan(tenant["id"], seen, offer, datetime.now(UTC)).skipped == "no_consent"


def test_a_member_sees_only_their_own_and_the_service_desk_reads_anyones(tenant):
    # Given two members, each with settings
    a, b = a_member(tenant), a_member(tenant)
    assert call("PUT", PREFS, caller=b, body={"locale": "zh-CN"}).status == 200
    # When A asks for B's settings as staff would
    peek = call("GET", f"/v1/members/{b['user_id']}/notification-preferences", caller=a)
    # Then they are refused, and their own read is their own
    assert peek.status == 403
    assert call("GET", PREFS, caller=a).body["member_id"] == a["user_id"]
    # And the service desk reads B's; another tenant's desk finds nobody of that id
    desk = staff(tenant["id"], "service_desk")
    assert (
        call("GET", f"/v1/members/{b['user_id']}/notification-preferences", caller=desk).body["effective_locale"]
        == "zh-CN"
    )
    elsewhere = staff(onboard()["id"], "service_desk")
    found = call("GET", f"/v1/members/{b['user_id']}/notification-preferences", caller=elsewhere)
    assert (found.status, fields(found)) == (404, {"path.member_id"})


def test_an_audience_is_paged_without_a_scan_and_takes_only_the_tenants_members(tenant):
    # Given three members, and the owner
    members = [a_member(tenant)["user_id"] for _ in range(3)]
    owner, tag = staff(tenant["id"], "owner"), f"diabetes-{uuid.uuid4().hex[:6]}"
    # When the owner makes an audience, puts them in it and takes one out again
    made = call("POST", "/v1/audiences", caller=owner, body={"tag": tag, "name": "Diabetes"})
    assert made.status == 201, made.body
    assert made.headers.get("Location", made.headers.get("location")) == f"/v1/audiences/{tag}/members"
    put = call("PUT", f"/v1/audiences/{tag}/members", caller=owner, body={"add": members})
    out = call("PUT", f"/v1/audiences/{tag}/members", caller=owner, body={"remove": members[2:]})
    assert (put.status, out.status) == (200, 200), (put.body, out.body)
    # Then its pages list the two, one at a time
    first = call("GET", f"/v1/audiences/{tag}/members?limit=1", caller=owner).body
    second = call("GET", f"/v1/audiences/{tag}/members?limit=1&cursor={first['next_cursor']}", caller=owner).body
    assert sorted(m["member_id"] for m in first["items"] + second["items"]) == sorted(members[:2])
    # And the engine pages it the same way, and the member sees the tag
    with acting_for(tenant["id"]):
        ids, cursor = audience_page(tenant["id"], tag, None, 1)
        more, _ = audience_page(tenant["id"], tag, cursor, 10)
    assert sorted(ids + more) == sorted(members[:2])
    assert call("GET", PREFS, caller=staff(tenant["id"], "member", user_id=members[0])).body["audiences"] == [tag]
    # When someone who is not the tenant's is added, or a member is both added and removed
    stranger = call("PUT", f"/v1/audiences/{tag}/members", caller=owner, body={"add": [members[0], "nobody"]})
    both = call("PUT", f"/v1/audiences/{tag}/members", caller=owner, body={"add": members[:1], "remove": members[:1]})
    # Then each is refused, naming the field; a bad tag too; and members may not manage audiences
    assert (stranger.status, fields(stranger)) == (422, {"add[1]"})
    assert (both.status, fields(both)) == (422, {"remove"})
    bad_tag = call("POST", "/v1/audiences", caller=owner, body={"tag": "Not a tag"})
    assert (bad_tag.status, fields(bad_tag)) == (422, {"tag"})
    again = call("POST", "/v1/audiences", caller=owner, body={"tag": tag})
    assert (again.status, fields(again)) == (409, {"tag"})
    # And an audience the tenant never made is not found, nor is anyone put in it
    nowhere = call("PUT", "/v1/audiences/never-made/members", caller=owner, body={"add": members[:1]})
    assert (nowhere.status, fields(nowhere)) == (404, {"path.audience"})
    assert call("GET", "/v1/audiences/never-made/members", caller=owner).status == 404
    # And an id no key can hold is nobody's (a 404, not a failed request to the table)
    assert call("GET", f"/v1/audiences/{'x' * 3000}/members", caller=owner).status == 404
    assert call("GET", "/v1/members/a%23b/notification-preferences", caller=owner).status == 404
    assert call("GET", f"/v1/members/{'m' * 3000}/notification-preferences", caller=owner).status == 404
    assert call("GET", f"/v1/audiences/{tag}/members", caller=staff(tenant["id"], "member")).status == 403
