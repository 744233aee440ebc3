"""The members' side of notifications over HTTP: a member's own notification settings, push
devices, WeChat binding and marketing consent; the service desk's read of a member's settings; the
audiences (tags) owners and admins put members in for broadcasts."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.engagement import preferences
from panacea.engagement.preference_access import PreferenceAction
from panacea.engagement.preference_models import (
    Audience,
    AudienceChange,
    AudienceChanged,
    AudienceMember,
    ConsentGiven,
    Device,
    MarketingConsent,
    NewAudience,
    NewDevice,
    NotificationProfile,
    NotificationSettings,
    WeChatBinding,
)
from panacea.platform.access import requires
from panacea.platform.api import IdempotencyKey, build_resolver, created, current_actor, idempotent, lambda_entry
from panacea.platform.table import MAX_PAGE, Page

app = build_resolver()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
MINE, STAFF, AUDIENCES = "My notifications", "Members' notifications", "Audiences"
OWN, READ = requires(PreferenceAction.MANAGE_OWN), requires(PreferenceAction.READ_MEMBERS)
MANAGE = requires(PreferenceAction.MANAGE_AUDIENCES)
BY_TAG = "An audience is named in paths by its tag (`/v1/audiences/diabetes/members`)."


@app.get(
    "/v1/me/notification-preferences",
    summary="How you are told: your notification settings and where each channel reaches you",
    description=OWN,
    tags=[MINE],
)
def my_notification_preferences() -> NotificationProfile:
    return preferences.mine(current_actor())


@app.put(
    "/v1/me/notification-preferences",
    summary="Change how you are told",
    description=f"{OWN} Replaces your settings whole: locale (en-GB, zh-CN, ur, hi; null: the tenant's), "
    "IANA time zone (null: the tenant's), WhatsApp number (null: your phone), channels and workflows turned "
    "off, a global opt-out, quiet hours and your channel order. Critical messages ignore opt-outs and quiet hours.",
    tags=[MINE],
)
def set_my_notification_preferences(chosen: NotificationSettings) -> NotificationProfile:
    return preferences.set_mine(current_actor(), chosen)


@app.put(
    "/v1/me/notification-channels/wechat",
    summary="Bind your WeChat openid",
    description=f"{OWN} Your openid at the tenant's official account: WeChat template messages reach you there.",
    tags=[MINE],
)
def bind_wechat(binding: WeChatBinding) -> NotificationProfile:
    return preferences.bind_wechat(current_actor(), binding)


@app.post(
    "/v1/me/devices",
    summary="Add a push device",
    description=f"{OWN} `fcm:<token>` or `apns:<token>`; push goes to your newest device. The same token again "
    "is the same device, made the newest. Send an `Idempotency-Key`.",
    tags=[MINE],
    status_code=201,
)
def add_device(device: NewDevice, idempotency_key: IdempotencyKey = None) -> Response[Device]:
    actor = current_actor()
    made = idempotent(
        actor, "engagement.add_device", device, Device, lambda: preferences.add_device(actor, device),
        key=idempotency_key,
    )  # fmt: skip
    return created(made, f"/v1/me/devices/{made.id}")


@app.delete(
    "/v1/me/devices/<device_id>",
    summary="Remove a push device",
    description=OWN,
    tags=[MINE],
    status_code=204,
    responses={204: {"description": "Removed (no body)", "content": {}}},
)
def remove_device(device_id: str) -> Response[None]:
    preferences.remove_device(current_actor(), device_id)
    return Response(status_code=204)


@app.post(
    "/v1/me/marketing-consent",
    summary="Agree to marketing messages",
    description=f"{OWN} Recorded with when and how (the source, and the wording you agreed to), kept as history.",
    tags=[MINE],
)
def give_marketing_consent(given: ConsentGiven) -> MarketingConsent:
    return preferences.give_consent(current_actor(), given)


@app.delete(
    "/v1/me/marketing-consent",
    summary="Withdraw your consent to marketing messages",
    description=f"{OWN} Recorded in the history; no marketing message reaches you from now on.",
    tags=[MINE],
)
def withdraw_marketing_consent() -> MarketingConsent:
    return preferences.withdraw_consent(current_actor())


@app.get(
    "/v1/members/<member_id>/notification-preferences",
    summary="A member's notification settings",
    description=f"{READ} For the service desk: what the member chose and where each channel reaches them.",
    tags=[STAFF],
)
def member_notification_preferences(member_id: str) -> NotificationProfile:
    return preferences.of_member(current_actor(), member_id)


@app.post(
    "/v1/audiences",
    summary="Make an audience",
    description=f"{MANAGE} A tag (lowercase letters, digits, `-` and `_`) that members are put in and broadcasts "
    "reach. Send an `Idempotency-Key`.",
    tags=[AUDIENCES],
    status_code=201,
)
def make_audience(new: NewAudience, idempotency_key: IdempotencyKey = None) -> Response[Audience]:
    actor = current_actor()
    made = idempotent(
        actor, "engagement.make_audience", new, Audience, lambda: preferences.make_audience(actor, new),
        key=idempotency_key,
    )  # fmt: skip
    return created(made, f"/v1/audiences/{made.tag}/members")


@app.put(
    "/v1/audiences/<audience>/members",
    summary="Put members in an audience, or take them out",
    description=f"{MANAGE} {BY_TAG} Up to 100 added and 100 removed at a time; broadcasts to the tag reach "
    "its members.",
    tags=[AUDIENCES],
)
def change_audience(audience: str, change: AudienceChange) -> AudienceChanged:
    return preferences.change_audience(current_actor(), audience, change)


@app.get(
    "/v1/audiences/<audience>/members",
    summary="An audience's members",
    description=f"{MANAGE} {BY_TAG}",
    tags=[AUDIENCES],
)
def audience_members(audience: str, cursor: Cursor = None, limit: Limit = 20) -> Page[AudienceMember]:
    return preferences.audience(current_actor(), audience, cursor=cursor, limit=limit)


handler = lambda_entry(app)
