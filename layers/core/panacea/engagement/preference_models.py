"""The members' side of notifications, as clients send and read it: a member's notification
settings (locale, time zone, WhatsApp number, opt-outs per channel and per workflow, a global
opt-out, quiet hours, their channel order), push devices, a WeChat openid, marketing consent and
its history, and the audiences (tags) staff put members in for broadcasts.

`Preferences` is also what the engine plans with (`audience.plan`): the part of the settings that
decides which channels a rule reaches a member on, and when."""

from __future__ import annotations

from datetime import datetime, time
from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field, WithJsonSchema, field_validator, model_validator

from panacea.platform.inputs import Command, FromString, Text
from panacea.platform.models import BaseModel
from panacea.platform.providers.channels import Channel
from panacea.platform.zones import TimeZone

LOCALES = ("en-GB", "zh-CN", "ur", "hi")  # the locales notifications are written in
MAX_DEVICES = 10  # push devices kept per member (the newest)
MAX_CONSENT_HISTORY = 50  # consent entries kept per member (the newest)

NotificationChannel = Annotated[
    Channel,
    WithJsonSchema({"type": "string", "enum": [c.value for c in Channel], "title": "NotificationChannel"}),
]
"""A channel, as this module's schemas name it (identity's codes go by a `Channel` of its own, email and sms)."""
ChannelKey = Annotated[str, Field(pattern=f"^({'|'.join(c.value for c in Channel)})$")]
"""A channel as the key of an object (a string: an enum there would leave a `Channel` in the document)."""
Locale = Annotated[str, Field(description=f"one of {', '.join(LOCALES)}", examples=["ur"])]
WorkflowName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$", max_length=80)]
ClockTime = Annotated[
    str,
    Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="a time of day, HH:MM", examples=["22:00"]),
]
TAG_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"
Tag = Annotated[str, Field(pattern=TAG_PATTERN, examples=["diabetes"])]
E164 = Annotated[str, Field(pattern=r"^\+[1-9][0-9]{6,14}$", description="E.164", examples=["+447400123456"])]


class QuietHours(Command):
    """Hours in the member's time zone when only critical messages go; others wait until `end`.
    `start` after `end` runs across midnight (22:00 to 07:00)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"start": "22:00", "end": "07:00"}]})

    start: ClockTime
    end: ClockTime = Field(examples=["07:00"])

    @model_validator(mode="after")
    def _a_period(self) -> QuietHours:
        if self.start == self.end:
            raise ValueError("quiet hours start and end at the same time: give a period")
        return self

    def window(self) -> tuple[time, time]:
        return time.fromisoformat(self.start), time.fromisoformat(self.end)


class WorkflowPreference(Command):
    """One workflow (an event type): off altogether, or on with some channels off."""

    enabled: bool = True
    channels: dict[ChannelKey, bool] = Field(default_factory=dict)


class Preferences(Command):
    """What decides the channels and the time of a member's notifications. Critical workflows
    ignore all of it but the channel order."""

    model_config = ConfigDict(frozen=True)

    opted_out: bool = Field(default=False, description="no notification at all, but critical ones")
    channels: dict[ChannelKey, bool] = Field(
        default_factory=dict, description="a channel set false is off for every workflow (unless one turns it on)"
    )
    workflows: dict[WorkflowName, WorkflowPreference] = Field(
        default_factory=dict, max_length=100, description="by event type (order.shipped): off, or some channels off"
    )
    quiet_hours: QuietHours | None = None
    channel_order: list[FromString[NotificationChannel]] = Field(
        default_factory=list, max_length=len(Channel), description="the channels you prefer, first first"
    )

    @field_validator("channel_order")
    @classmethod
    def _each_once(cls, order: list[Channel]) -> list[Channel]:
        if len(set(order)) != len(order):
            raise ValueError("name each channel once")
        return order

    def allows(self, workflow: str, channel: Channel) -> bool:
        """Whether `channel` is on for `workflow`: the workflow's own say, else the channel's."""
        chosen = self.workflows.get(workflow)
        if chosen is not None and channel in chosen.channels:
            return chosen.channels[channel]
        return self.channels.get(channel, True)

    def mutes(self, workflow: str) -> bool:
        chosen = self.workflows.get(workflow)
        return chosen is not None and not chosen.enabled


class NotificationSettings(Preferences):
    """What a member sets (PUT replaces it whole): where and how they are told."""

    model_config = ConfigDict(
        frozen=False,
        json_schema_extra={
            "examples": [
                {
                    "locale": "ur",
                    "time_zone": "Europe/London",
                    "channel_order": ["whatsapp", "sms", "email"],
                    "quiet_hours": {"start": "22:00", "end": "07:00"},
                    "workflows": {"order.shipped": {"channels": {"sms": False}}},
                }
            ]
        },
    )

    locale: Locale | None = Field(default=None, description="null: the tenant's")
    time_zone: TimeZone | None = Field(default=None, description="an IANA time zone; null: the tenant's")
    whatsapp_number: E164 | None = Field(default=None, description="null: your phone number")

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, locale: str | None) -> str | None:
        if locale is not None and locale not in LOCALES:
            raise ValueError(f"{locale} is not a locale notifications are written in ({', '.join(LOCALES)})")
        return locale

    def preferences(self) -> Preferences:
        return Preferences.model_validate(self.model_dump(include=set(Preferences.model_fields)))


class WeChatBinding(Command):
    model_config = ConfigDict(json_schema_extra={"examples": [{"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}]})

    openid: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{6,64}$", description="your openid at the tenant's account")]


class DevicePlatform(StrEnum):
    FCM = "fcm"
    APNS = "apns"


class NewDevice(Command):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"token": "fcm:dQw4w9WgXcQ:APA91bH-probe", "name": "Pixel"}]}
    )

    token: Annotated[
        str,
        Field(pattern=r"^(fcm|apns):[A-Za-z0-9_:.\-]{8,4096}$", description="`fcm:<token>` or `apns:<token>`"),
    ]
    name: Annotated[Text, Field(max_length=80)] | None = None


class Device(BaseModel):
    id: str
    platform: DevicePlatform
    address: str = Field(description="`fcm:<token>` or `apns:<token>`")
    name: str | None = None
    added_at: datetime


class ConsentSource(StrEnum):
    APP = "app"
    WEB = "web"
    IN_PERSON = "in_person"
    PAPER = "paper"
    PHONE = "phone"


class ConsentGiven(Command):
    model_config = ConfigDict(json_schema_extra={"examples": [{"source": "app", "wording": "Tell me about offers"}]})

    source: FromString[ConsentSource] = ConsentSource.APP
    wording: Annotated[Text, Field(max_length=500, description="what the member agreed to, as shown")] | None = None


class ConsentEntry(BaseModel):
    given: bool = Field(description="true: consent given; false: withdrawn")
    at: datetime
    source: str
    wording: str | None = None
    by: str = Field(description="who recorded it: the member, or a member of staff")


class MarketingConsent(BaseModel):
    given: bool
    history: list[ConsentEntry] = Field(default_factory=list, description="newest first")


class NotificationProfile(BaseModel):
    """A member's notification settings (`settings`: what PUT takes back) and where each channel
    reaches them."""

    member_id: str
    settings: NotificationSettings
    effective_locale: str = Field(description="the locale their messages are written in")
    effective_time_zone: str = Field(description="the time zone their quiet hours are read in")
    addresses: dict[ChannelKey, str] = Field(default_factory=dict, description="where each channel reaches them")
    devices: list[Device] = Field(default_factory=list, description="newest first; push goes to the first")
    wechat_bound: bool = False
    marketing_consent: MarketingConsent
    audiences: list[str] = Field(default_factory=list, description="the tags staff put them in")
    whatsapp_window_until: datetime | None = Field(
        default=None, description="free-form WhatsApp messages may reach them until then (24 h after their last)"
    )
    updated_at: datetime | None = None


class NewAudience(Command):
    model_config = ConfigDict(json_schema_extra={"examples": [{"tag": "diabetes", "name": "Members with diabetes"}]})

    tag: Tag
    name: Annotated[Text, Field(min_length=1, max_length=120)] | None = None


class Audience(BaseModel):
    tag: Tag
    name: str | None = None
    created_at: datetime


class AudienceChange(Command):
    model_config = ConfigDict(json_schema_extra={"examples": [{"add": ["01M8A2C4E6G8J0K2M4P6R8T0Z6"], "remove": []}]})

    add: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(default_factory=list, max_length=100)
    remove: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(default_factory=list, max_length=100)


class AudienceChanged(BaseModel):
    tag: str
    added: int
    removed: int


class AudienceMember(BaseModel):
    member_id: str
    added_at: datetime
