"""Notification rules' and templates' items in the single table (the only place their keys are built).

RuleItem             PK T#<t>#NOTIFICATION_RULES · SK <event type>      a tenant's override of the
                     platform's rule for one event (channels, on/off, receipt window). `rule_for` is
                     one GetItem; the effective rules are one Query of the partition.
TemplateItem         PK T#<t>#NOTIFICATION_TEMPLATES · SK <event>#<channel>#<locale>   the live (newest)
                     version of a tenant's template, whole: `render` reads an event and channel's locales
                     in one Query (SK begins_with <event>#<channel>#); the tenant's templates are one
                     Query of the partition, paged. `version` guards every change.
TemplateVersionItem  PK T#<t>#NOTIFICATION_TEMPLATE#<event>#<channel>#<locale> · SK V#<000001>   every
                     version ever published, kept: a template's versions are one Query, newest first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import BooleanAttribute, ListAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from panacea.platform.keys import tenant_key
from panacea.platform.table import DocumentAttribute, TableItem

Key = tuple[str, str]


def rules_partition(tenant_id: str) -> str:
    return tenant_key(tenant_id, "NOTIFICATION_RULES")


def templates_partition(tenant_id: str) -> str:
    return tenant_key(tenant_id, "NOTIFICATION_TEMPLATES")


def template_sort_key(event_type: str, channel: str, locale: str = "") -> str:
    return f"{event_type}#{channel}#{locale}"


def versions_partition(tenant_id: str, event_type: str, channel: str, locale: str) -> str:
    return tenant_key(tenant_id, "NOTIFICATION_TEMPLATE", event_type, channel, locale)


def version_sort_key(version: int) -> str:
    return f"V#{version:06d}"


class RuleItem(TableItem, discriminator="notification_rule"):
    tenant_id = UnicodeAttribute()
    event_type = UnicodeAttribute()
    channels = ListAttribute(of=UnicodeAttribute)
    enabled = BooleanAttribute(default=True)
    receipt_window_s = NumberAttribute(null=True)
    version = NumberAttribute(default=0)
    updated_at = UTCDateTimeAttribute()
    updated_by = UnicodeAttribute()

    @classmethod
    def key(cls, tenant_id: str, event_type: str) -> Key:
        return rules_partition(tenant_id), event_type

    @classmethod
    def read(cls, tenant_id: str, event_type: str) -> RuleItem | None:
        return cls.find(*cls.key(tenant_id, event_type))

    @classmethod
    def of_tenant(cls, tenant_id: str) -> dict[str, RuleItem]:
        """Every override of the tenant, by event type (one Query: there are a few dozen at most)."""
        found = cls.query(rules_partition(tenant_id), consistent_read=True)
        return {item.event_type: item for item in found if isinstance(item, RuleItem)}


class TemplateItem(TableItem, discriminator="notification_template"):
    tenant_id = UnicodeAttribute()
    event_type = UnicodeAttribute()
    channel = UnicodeAttribute()
    locale = UnicodeAttribute()
    content = DocumentAttribute()
    version = NumberAttribute(default=0)
    updated_at = UTCDateTimeAttribute()
    updated_by = UnicodeAttribute()

    @classmethod
    def key(cls, tenant_id: str, event_type: str, channel: str, locale: str) -> Key:
        return templates_partition(tenant_id), template_sort_key(event_type, channel, locale)

    @classmethod
    def new(cls, tenant_id: str, event_type: str, channel: str, locale: str, **fields: Any) -> TemplateItem:
        return cls(
            *cls.key(tenant_id, event_type, channel, locale),
            tenant_id=tenant_id,
            event_type=event_type,
            channel=channel,
            locale=locale,
            **fields,
        )

    @classmethod
    def read(cls, tenant_id: str, event_type: str, channel: str, locale: str) -> TemplateItem | None:
        return cls.find(*cls.key(tenant_id, event_type, channel, locale), consistent_read=True)

    @classmethod
    def locales_of(cls, tenant_id: str, event_type: str, channel: str) -> dict[str, TemplateItem]:
        """The tenant's live templates of an event on a channel, by locale: one Query."""
        found = cls.query(templates_partition(tenant_id), cls.sk.startswith(template_sort_key(event_type, channel)))
        return {item.locale: item for item in found if isinstance(item, TemplateItem)}


class TemplateVersionItem(TableItem, discriminator="notification_template_version"):
    tenant_id = UnicodeAttribute()
    event_type = UnicodeAttribute()
    channel = UnicodeAttribute()
    locale = UnicodeAttribute()
    number = NumberAttribute()
    content = DocumentAttribute()
    created_at = UTCDateTimeAttribute()
    created_by = UnicodeAttribute()

    @classmethod
    def new(cls, item: TemplateItem, at: datetime, by: str) -> TemplateVersionItem:
        partition = versions_partition(item.tenant_id, item.event_type, item.channel, item.locale)
        return cls(
            partition,
            version_sort_key(int(item.version)),
            tenant_id=item.tenant_id,
            event_type=item.event_type,
            channel=item.channel,
            locale=item.locale,
            number=int(item.version),
            content=item.content,
            created_at=at,
            created_by=by,
        )
