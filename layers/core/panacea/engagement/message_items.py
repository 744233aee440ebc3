"""Messages' items in the single table (the only place their keys are built). Shared by the intake
(fan-out, limits, broadcasts) and the delivery (senders, statuses, the chain) of the engine.

MessageItem     PK T#<t>#MESSAGE#<message> · SK MESSAGE       one notification to one member: what it is
                (event type, data to render), its reachability chain (`chain`, the channels in order)
                and where it is on it (`step`, `channel`, `provider`, `attempt_id`), its status
                (normalised, forward only) and when it may go (`send_at`: quiet hours). `version`
                guards every change.
                GSI1 T#<t>#MEMBER#<member>#MESSAGES · <message>   a member's messages, newest first
                GSI2 T#<t>#REQUEST#<request> · <message>          the messages of one request or broadcast
HopItem         PK T#<t>#MESSAGE#<message> · SK HOP#<ulid>    one entry of the message's trail: a status
                reached, a hop of the chain (to the next channel or provider), with the provider's raw
                payload. The message and its trail are one Query.
AttemptItem     PK T#<t>#MESSAGE#<message> · SK ATTEMPT#<attempt>   put (attribute_not_exists) before the
                provider is called: a message is sent at most once per attempt id.
ProviderRefItem PK T#<t>#PROVIDER_MESSAGE#<provider>#<provider message id> · SK REF   which message a
                provider's callback is about.

The channel queues carry `ChannelWork` bodies (tenant, message, attempt): the sender reads the
message, claims the attempt, renders and sends.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)

from panacea.platform.keys import tenant_key
from panacea.platform.table import DocumentAttribute, TableItem


def message_partition(tenant_id: str, message_id: str) -> str:
    return tenant_key(tenant_id, "MESSAGE", message_id)


def member_messages(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "MEMBER", member_id, "MESSAGES")


def request_messages(tenant_id: str, request_id: str) -> str:
    return tenant_key(tenant_id, "REQUEST", request_id)


class ChannelWork(BaseModel):
    """The body of a channel queue's message: send this message's attempt."""

    model_config = ConfigDict(frozen=True)

    tenant_id: str
    message_id: str
    attempt_id: str


class MessageItem(TableItem, discriminator="message"):
    tenant_id = UnicodeAttribute()
    message_id = UnicodeAttribute()
    request_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    event_type = UnicodeAttribute()  # the rule's event, or `broadcast` / `api`
    data = DocumentAttribute()  # what the template is filled with
    critical = BooleanAttribute(default=False)
    marketing = BooleanAttribute(default=False)
    locale = UnicodeAttribute()
    chain = ListAttribute(of=UnicodeAttribute)  # channels, in the order they are tried
    step = NumberAttribute(default=0)  # index in chain
    channel = UnicodeAttribute()
    provider = UnicodeAttribute(null=True)
    attempt_id = UnicodeAttribute()
    status = UnicodeAttribute()
    status_at = UTCDateTimeAttribute()
    send_at = UTCDateTimeAttribute(null=True)
    receipt_window_s = NumberAttribute(default=900)
    provider_message_id = UnicodeAttribute(null=True)
    address = UnicodeAttribute(null=True)  # where the current attempt went (delivery: the `to` it was sent to)
    created_at = UTCDateTimeAttribute()
    version = VersionAttribute()

    @classmethod
    def new(cls, tenant_id: str, message_id: str, **fields: Any) -> MessageItem:
        member_id, request_id = fields["member_id"], fields["request_id"]
        return cls(
            message_partition(tenant_id, message_id),
            "MESSAGE",
            gsi1pk=member_messages(tenant_id, member_id),
            gsi1sk=message_id,
            gsi2pk=request_messages(tenant_id, request_id),
            gsi2sk=message_id,
            tenant_id=tenant_id,
            message_id=message_id,
            **fields,
        )

    @classmethod
    def read(cls, tenant_id: str, message_id: str) -> MessageItem | None:
        return cls.find(message_partition(tenant_id, message_id), "MESSAGE", consistent_read=True)


class HopItem(TableItem, discriminator="message_hop"):
    tenant_id = UnicodeAttribute()
    message_id = UnicodeAttribute()
    status = UnicodeAttribute()
    channel = UnicodeAttribute()
    provider = UnicodeAttribute(null=True)
    attempt_id = UnicodeAttribute()
    note = UnicodeAttribute(null=True)  # why: a fallback's reason, a provider's error code
    raw = DocumentAttribute(null=True)  # the provider's payload, as it came
    at = UTCDateTimeAttribute()

    @classmethod
    def new(cls, tenant_id: str, message_id: str, hop_id: str, **fields: Any) -> HopItem:
        return cls(message_partition(tenant_id, message_id), f"HOP#{hop_id}", tenant_id=tenant_id,
                   message_id=message_id, **fields)  # fmt: skip


class AttemptItem(TableItem, discriminator="message_attempt"):
    tenant_id = UnicodeAttribute()
    message_id = UnicodeAttribute()
    attempt_id = UnicodeAttribute()
    at = UTCDateTimeAttribute()

    @classmethod
    def new(cls, tenant_id: str, message_id: str, attempt_id: str, at: datetime) -> AttemptItem:
        return cls(message_partition(tenant_id, message_id), f"ATTEMPT#{attempt_id}", tenant_id=tenant_id,
                   message_id=message_id, attempt_id=attempt_id, at=at)  # fmt: skip


class ProviderRefItem(TableItem, discriminator="provider_message"):
    tenant_id = UnicodeAttribute()
    message_id = UnicodeAttribute()

    @classmethod
    def new(cls, tenant_id: str, provider: str, provider_message_id: str, message_id: str) -> ProviderRefItem:
        return cls(tenant_key(tenant_id, "PROVIDER_MESSAGE", provider, provider_message_id), "REF",
                   tenant_id=tenant_id, message_id=message_id)  # fmt: skip

    @classmethod
    def read(cls, tenant_id: str, provider: str, provider_message_id: str) -> ProviderRefItem | None:
        return cls.find(tenant_key(tenant_id, "PROVIDER_MESSAGE", provider, provider_message_id), "REF")
