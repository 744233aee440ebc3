"""Subscribers' items in the single table (the only place their keys are built): what a member set
for their notifications, their WhatsApp service window, and the audiences (tags) they are in.

SubscriberItem      PK T#<t>#SUBSCRIBER#<member> · SK PROFILE    a member's notification settings
                    (`settings`: NotificationSettings), push devices (newest first), WeChat openid and
                    marketing consent with its history. `version` guards every change. Absent until
                    the member first sets something: then every setting is its default.
WindowItem          PK T#<t>#SUBSCRIBER#<member> · SK WHATSAPP_WINDOW   their last WhatsApp message to
                    the tenant and the end of the service window it opened (+24 h); only a later
                    message moves it.
AudienceHeadItem    PK T#<t>#AUDIENCE#<tag> · SK AUDIENCE      an audience (a tag) staff made: its name
AudienceItem        PK T#<t>#SUBSCRIBER#<member> · SK AUDIENCE#<tag>    the member is in audience <tag>
                    GSI1 T#<t>#AUDIENCE#<tag> · <member>    an audience's members, paged without a scan
Uniqueness          PK T#<t>#UNIQUE#whatsapp#<e164> · SK UNIQUE   one member per WhatsApp number they set
                    (a member whose WhatsApp number is their phone is found by identity's phone claim)

A member's settings, window and audiences are one Query of their partition; the engine reads many
members' settings and windows with BatchGetItem (`subscribers`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute, VersionAttribute
from pynamodb.exceptions import PutError

from panacea.platform.keys import tenant_key
from panacea.platform.table import DocumentAttribute, TableItem, Uniqueness, decode_cursor, encode_cursor

PROFILE, WINDOW, AUDIENCE = "PROFILE", "WHATSAPP_WINDOW", "AUDIENCE#"
WHATSAPP_CLAIM = "whatsapp"


def subscriber_partition(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "SUBSCRIBER", member_id)


def audience_partition(tenant_id: str, tag: str) -> str:
    return tenant_key(tenant_id, "AUDIENCE", tag)


class SubscriberItem(TableItem, discriminator="subscriber"):
    tenant_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    settings = DocumentAttribute()  # NotificationSettings, as JSON
    devices = DocumentAttribute()  # {"list": [Device as JSON, newest first]}
    wechat_openid = UnicodeAttribute(null=True)
    consent = DocumentAttribute()  # MarketingConsent, as JSON (history newest first)
    updated_at = UTCDateTimeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def new(cls, tenant_id: str, member_id: str) -> SubscriberItem:
        return cls(
            subscriber_partition(tenant_id, member_id),
            PROFILE,
            tenant_id=tenant_id,
            member_id=member_id,
            settings={},
            devices={"list": []},
            consent={"given": False, "history": []},
        )

    @property
    def device_list(self) -> list[dict[str, Any]]:
        return list((self.devices or {}).get("list", []))


class WindowItem(TableItem, discriminator="whatsapp_window"):
    last_inbound_at = UTCDateTimeAttribute()
    until = UTCDateTimeAttribute()


class AudienceHeadItem(TableItem, discriminator="audience"):
    tag = UnicodeAttribute()
    name = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()

    @classmethod
    def new(cls, tenant_id: str, tag: str, name: str | None, at: datetime) -> AudienceHeadItem:
        return cls(audience_partition(tenant_id, tag), "AUDIENCE", tag=tag, name=name, created_at=at)


def audience(tenant_id: str, tag: str) -> AudienceHeadItem | None:
    return AudienceHeadItem.find(audience_partition(tenant_id, tag), "AUDIENCE")


class AudienceItem(TableItem, discriminator="audience_member"):
    tag = UnicodeAttribute()
    member_id = UnicodeAttribute()
    added_at = UTCDateTimeAttribute()

    @classmethod
    def new(cls, tenant_id: str, tag: str, member_id: str, at: datetime) -> AudienceItem:
        return cls(
            subscriber_partition(tenant_id, member_id),
            AUDIENCE + tag,
            gsi1pk=audience_partition(tenant_id, tag),
            gsi1sk=member_id,
            tag=tag,
            member_id=member_id,
            added_at=at,
        )


# --- one member ----------------------------------------------------------------------------------


def subscriber(tenant_id: str, member_id: str) -> tuple[SubscriberItem | None, WindowItem | None, list[str]]:
    """A member's settings, WhatsApp window and audiences: one Query of their partition."""
    found = list(TableItem.query(subscriber_partition(tenant_id, member_id), consistent_read=True))
    profile = next((i for i in found if isinstance(i, SubscriberItem)), None)
    window = next((i for i in found if isinstance(i, WindowItem)), None)
    return profile, window, sorted(i.tag for i in found if isinstance(i, AudienceItem))


def whatsapp_holder(tenant_id: str, e164: str) -> str | None:
    """The member who set `e164` as their WhatsApp number (one GetItem), or None."""
    claim = Uniqueness.of(tenant_id, WHATSAPP_CLAIM, e164, "")
    held = Uniqueness.find(claim.pk, claim.sk)
    return None if held is None else str(held.owner)


def open_window(tenant_id: str, member_id: str, at: datetime, until: datetime) -> bool:
    """Keep the window a message at `at` opened, unless a later message's is kept already (a put
    conditioned on the older one: duplicates and late deliveries change nothing)."""
    item = WindowItem(subscriber_partition(tenant_id, member_id), WINDOW, last_inbound_at=at, until=until)
    try:
        item.save(condition=WindowItem.pk.does_not_exist() | (WindowItem.last_inbound_at < at))
    except PutError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True


# --- many members (the engine) ----------------------------------------------------------------------


def subscribers(tenant_id: str, member_ids: Iterable[str]) -> tuple[dict[str, SubscriberItem], dict[str, WindowItem]]:
    """The settings and windows of `member_ids` that exist, by member: BatchGetItem, 50 members
    (100 keys) a request."""
    wanted = [(subscriber_partition(tenant_id, m), sk) for m in dict.fromkeys(member_ids) for sk in (PROFILE, WINDOW)]
    profiles: dict[str, SubscriberItem] = {}
    windows: dict[str, WindowItem] = {}
    for item in TableItem.batch_get(wanted) if wanted else ():
        member = item.pk.rsplit("#", 1)[1]
        if isinstance(item, SubscriberItem):
            profiles[member] = item
        elif isinstance(item, WindowItem):
            windows[member] = item
    return profiles, windows


# --- audiences -------------------------------------------------------------------------------------


def change_audience(tenant_id: str, tag: str, add: list[str], remove: list[str], at: datetime) -> None:
    """Put the members of `add` in the audience and take those of `remove` out (BatchWriteItem, 25 a
    request; puts and deletes, so a retry does the same again: a member added again is dated anew)."""
    with AudienceItem.batch_write() as batch:
        for member in dict.fromkeys(add):
            batch.save(AudienceItem.new(tenant_id, tag, member, at))
        for member in dict.fromkeys(remove):
            batch.delete(AudienceItem(subscriber_partition(tenant_id, member), AUDIENCE + tag))


def audience_members(
    tenant_id: str, tag: str, *, cursor: str | None, limit: int
) -> tuple[list[AudienceItem], str | None]:
    """One page of an audience's members, by member id (one Query of GSI1), and the next cursor."""
    partition = audience_partition(tenant_id, tag)
    results = AudienceItem.by_gsi1.query(
        partition, limit=limit, last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition))
    )
    items = [item for item in results if isinstance(item, AudienceItem)]
    return items, encode_cursor(results.last_evaluated_key)
