"""The intake's contracts: what staff (or the tenant's systems) send to notify members and to
broadcast to a tag, and what they read back of the messages, their trail and a broadcast's progress."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import ConfigDict, Field, WithJsonSchema, field_validator, model_validator

from panacea.platform.inputs import Command, FromString, Paragraphs, Text
from panacea.platform.models import BaseModel
from panacea.platform.providers.channels import Channel

CUSTOM = "custom"  # a request's event type for a message written by the sender (its text and subject)
API_EVENT = "api"  # the event type of a custom message's record (the rule's event otherwise)
BROADCAST_EVENT = "broadcast"
MAX_MEMBERS = 100
MAX_DATA_BYTES = 8_192
EVENT_TYPE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")

MemberId = Annotated[Text, Field(min_length=1, max_length=64)]
EventType = Annotated[str, Field(min_length=3, max_length=80, examples=["order.shipped"])]
TagName = Annotated[Text, Field(min_length=1, max_length=60, examples=["hypertension"])]
MessageChannel = Annotated[
    Channel,
    WithJsonSchema({"type": "string", "enum": [c.value for c in Channel], "title": "MessageChannel"}),
]
"""A channel in the intake's schemas, inline (identity's `Channel`, email and sms, owns that name)."""


def _data(value: dict[str, Any]) -> dict[str, Any]:
    if len(json.dumps(value, default=str)) > MAX_DATA_BYTES:
        raise ValueError(f"at most {MAX_DATA_BYTES} bytes of JSON")
    return value


def _event_type(value: str) -> str:
    if value != CUSTOM and not EVENT_TYPE.match(value):
        raise ValueError("an event's name (`order.shipped`) or `custom`")
    return value


class NotificationRequest(Command):
    """Tell one member, or up to 100, about an event (its rule says how) or in your own words (`custom`)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"member_id": "01JD6Y3KQ2C8VQ4ZB0M1N2P3R4", "event_type": "order.paid", "data": {"order_id": "A-1"}},
                {"member_ids": ["m-1", "m-2"], "event_type": "custom", "channels": ["sms", "email"],
                 "subject": "Clinic closed", "text": "The clinic is closed on Monday."},
            ]
        },
    )  # fmt: skip

    member_id: MemberId | None = None
    member_ids: Annotated[list[MemberId], Field(min_length=1, max_length=MAX_MEMBERS)] | None = None
    event_type: EventType = Field(description="an event with a rule (`order.paid`), or `custom`")
    data: dict[str, Any] = Field(default_factory=dict, description="what the template is filled with")
    channels: Annotated[list[FromString[MessageChannel]], Field(min_length=1, max_length=5)] | None = Field(
        default=None, description="`custom` only: the channels to try, in order"
    )
    subject: Annotated[Text, Field(min_length=1, max_length=200)] | None = None
    text: Annotated[Paragraphs, Field(min_length=1, max_length=1600)] | None = Field(
        default=None, description="`custom` only: the message"
    )

    @field_validator("data")
    @classmethod
    def _small_data(cls, value: dict[str, Any]) -> dict[str, Any]:
        return _data(value)

    @field_validator("event_type")
    @classmethod
    def _named_event(cls, value: str) -> str:
        return _event_type(value)

    @model_validator(mode="after")
    def _one_audience_and_custom_words(self) -> NotificationRequest:
        if (self.member_id is None) == (self.member_ids is None):
            raise ValueError("send either member_id or member_ids")
        custom = self.event_type == CUSTOM
        if custom and (self.text is None or self.channels is None):
            raise ValueError("a custom notification needs its text and channels")
        if not custom and (self.text is not None or self.channels is not None or self.subject is not None):
            raise ValueError("text, subject and channels are for custom notifications; an event's rule says them")
        return self

    @property
    def members(self) -> list[str]:
        return list(dict.fromkeys(self.member_ids or [self.member_id or ""]))


class Skipped(BaseModel):
    member_id: str
    reason: str = Field(description="unknown_member, opted_out, muted, no_consent, unreachable or limit_reached")


class NotificationAccepted(BaseModel):
    request_id: str
    message_ids: list[str]
    skipped: list[Skipped] = Field(default_factory=list)


class Hop(BaseModel):
    at: datetime
    status: str
    channel: str
    provider: str | None = None
    attempt_id: str
    note: str | None = None


class Message(BaseModel):
    """A notification to one member: where it is on its chain of channels, its status and trail."""

    id: str
    request_id: str
    member_id: str
    event_type: str
    status: str
    status_at: datetime
    channel: str
    provider: str | None = None
    chain: list[str]
    step: int
    send_at: datetime | None = None
    created_at: datetime
    hops: list[Hop] = Field(default_factory=list, description="oldest first; absent from lists")


class BroadcastRequest(Command):
    """Tell every member with a tag (the audience pages through them, never scanning)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"tag": "hypertension", "event_type": "news.published",
                                         "data": {"title": "Salt and blood pressure", "article_id": "a-12"}}]},
    )  # fmt: skip

    tag: TagName
    event_type: EventType = Field(description="an event with a rule, e.g. `news.published` (marketing)")
    data: dict[str, Any] = Field(default_factory=dict)

    @field_validator("data")
    @classmethod
    def _small_data(cls, value: dict[str, Any]) -> dict[str, Any]:
        return _data(value)

    @field_validator("event_type")
    @classmethod
    def _named_event(cls, value: str) -> str:
        if not EVENT_TYPE.match(value):
            raise ValueError("an event's name, such as news.published")
        return value


class Broadcast(BaseModel):
    id: str
    tag: str
    event_type: str
    status: str = Field(description="sending or done")
    pages_done: int
    accepted: int
    skipped: dict[str, int] = Field(default_factory=dict, description="members left out, by reason")
    created_at: datetime
    finished_at: datetime | None = None
