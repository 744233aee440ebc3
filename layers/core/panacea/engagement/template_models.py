"""Templates' and rules' contracts: what staff send, what they get back, and what they announce."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, FromString, Paragraphs, Text
from panacea.platform.models import BaseModel


class TemplateLocale(StrEnum):
    """The languages the platform writes its messages in (Urdu right to left)."""

    EN_GB = "en-GB"
    ZH_CN = "zh-CN"
    UR = "ur"
    HI = "hi"


Locale = TemplateLocale
RTL = frozenset({Locale.UR})
ChannelName = Literal["sms", "whatsapp", "email", "wechat", "push"]
"""A channel (`Channel`'s values) in the API's schemas, inline: identity's `Channel` owns the name."""
EventType = Annotated[
    str, Field(min_length=3, max_length=64, pattern=r"^[a-z_]+(\.[a-z_]+)+$", examples=["order.paid"])
]
Variable = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$", examples=["order_id"])]
TemplateText = Annotated[Paragraphs, Field(min_length=1, max_length=2_000)]
Line = Annotated[Text, Field(min_length=1, max_length=400)]


class WhatsAppTemplate(Command):
    """The template approved in the tenant's WhatsApp Business account, and the variables that fill
    its body's parameters {{1}}, {{2}} … in order (sent outside the 24-hour service window)."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,512}$", examples=["order_paid"])]
    params: Annotated[list[Variable], Field(max_length=20)] = []


class WeChatTemplate(Command):
    """The official account's template message: its template id and each keyword's words."""

    model_config = ConfigDict(extra="forbid")

    template_id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$", examples=["ngqIpbwh8bUfcSsECmogfXcV14"])]
    fields: Annotated[dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")], Line], Field(max_length=20)] = {}


class TemplateContent(Command):
    """What one channel sends, in one language. Variables are written `{name}` (a field of the
    event's data, or `tenant_name`, `logo_url`, `primary_colour`); `{{` and `}}` are braces. Email
    needs a subject (its HTML, a fragment, is laid out in the tenant's branding; without one the
    text is); WhatsApp needs its approved template; WeChat its template message; push shows the
    subject as its title."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "subject": "Your order {order_id} is paid",
                    "text": "Thank you: we have your payment of {total} for order {order_id}.",
                    "html": "<p>Thank you: we have your payment of <b>{total}</b>.</p>",
                    "sender_name": "Harbour Gene",
                }
            ]
        },
    )

    subject: Line | None = None
    text: TemplateText
    html: Annotated[Paragraphs, Field(min_length=1, max_length=20_000)] | None = None
    whatsapp: WhatsAppTemplate | None = None
    wechat: WeChatTemplate | None = None
    sender_name: Annotated[Text, Field(min_length=1, max_length=80)] | None = None

    def texts(self) -> dict[str, str]:
        """Every text with variables, by the field that holds it."""
        found = {"subject": self.subject, "text": self.text, "html": self.html}
        if self.wechat is not None:
            found |= {f"wechat.fields.{k}": v for k, v in self.wechat.fields.items()}
        if self.whatsapp is not None:
            found |= {f"whatsapp.params[{n}]": "{" + p + "}" for n, p in enumerate(self.whatsapp.params)}
        return {field: text for field, text in found.items() if text is not None}


class TemplateView(BaseModel):
    """A tenant's template of one event, channel and language: its live (newest) version."""

    event_type: str
    channel: ChannelName
    locale: Locale
    version: int = Field(description="the live version's number (1 is the first)")
    content: dict[str, Any] = Field(description="the template (see TemplateContent)")
    updated_at: datetime
    updated_by: str


class TemplateVersion(BaseModel):
    event_type: str
    channel: ChannelName
    locale: Locale
    version: int
    live: bool = Field(description="whether render uses it (the newest)")
    content: dict[str, Any]
    created_at: datetime
    created_by: str


class Preview(Command):
    """Render a template without sending it: the one given, else the tenant's live one (else the
    platform's), with `data` (else sample data from the event model's examples)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "event_type": "order.shipped",
                    "channel": "email",
                    "locale": "ur",
                    "data": {"order_id": "01JD7Q2ZQ8C1V3B5N7M9K2H4FD", "carrier": "DHL", "tracking_number": "JD014600"},
                }
            ]
        },
    )

    event_type: EventType
    channel: ChannelName
    locale: FromString[Locale] = Locale.EN_GB
    template: TemplateContent | None = None
    data: Annotated[dict[str, Any], Field(max_length=100)] | None = None


class Previewed(BaseModel):
    locale: str
    subject: str | None = None
    text: str
    html: str | None = None
    template: dict[str, Any] | None = Field(default=None, description="WhatsApp's or WeChat's template, filled")
    sender_name: str | None = None
    data: dict[str, Any] = Field(description="the data the template was filled with")


class RuleChange(Command):
    """A tenant's own version of a platform rule: its channels in the order tried, whether it is on
    (a critical rule cannot be turned off), and the receipt window (null: the platform's)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"channels": ["whatsapp", "sms", "email"], "enabled": True, "receipt_window_s": 1800}]
        },
    )

    channels: Annotated[list[ChannelName], Field(min_length=1, max_length=5)]
    enabled: bool = True
    receipt_window_s: Annotated[int, Field(ge=60, le=86_400)] | None = None


class RuleView(BaseModel):
    event_type: str
    recipient_field: str = Field(description="the field of the event's data that names whom to tell")
    audience: str = Field(description="member: one member; tags: a broadcast to members with those tags")
    channels: list[ChannelName]
    critical: bool = Field(description="never muted, sent in quiet hours")
    marketing: bool = Field(description="only to members who consented")
    enabled: bool
    receipt_window_s: int
    customised: bool = Field(description="the tenant changed the platform's rule")
    variables: list[str] = Field(description="what its templates may use")


class NotificationRuleChanged(DomainEvent, name="notification_rule.changed", version=1):
    """A tenant changed a notification rule (`notified_by`: the event whose rule it is)."""

    notified_by: str
    channels: list[str]
    enabled: bool
    receipt_window_s: int
    by: str


class NotificationTemplatePublished(DomainEvent, name="notification_template.published", version=1):
    """A new version of a tenant's template is live (`notified_by`: the event it words)."""

    notified_by: str
    channel: str
    locale: str
    version: int
    by: str
