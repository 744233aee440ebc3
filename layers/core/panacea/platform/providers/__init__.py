"""The messaging providers' port: one message to one address through one provider, and the
provider's status callbacks read back into normalised status reports.

The engine (`panacea.engagement`) only ever calls `send` and `read_callback`; each provider is an
adapter module here (`PROVIDERS` names them), built on the provider's own client library, pointed
at the local sandbox when no credentials are configured. A tenant's own credentials (white-label
senders) come from Secrets Manager (`credentials_of`); without them the platform's are used.

Errors say what the chain should do next:
- `ProviderDown`: the provider did not answer, or answered 5xx/429: counts against its circuit
  breaker; the same message may go through the channel's next provider.
- `ProviderRefused`: the provider answered that this message cannot go this way (an invalid number,
  a template not approved, outside WhatsApp's service window): the chain's next channel runs.
- `BadSignature`: a callback whose signature does not verify (answered 401, never read).
"""

from __future__ import annotations

import importlib
from datetime import datetime
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from panacea.platform.providers.channels import Channel, Status


class Template(BaseModel):
    """A provider-approved template (WhatsApp, WeChat): its name, language and parameters in order."""

    model_config = ConfigDict(frozen=True)

    name: str
    language: str
    params: list[str] = Field(default_factory=list)
    fields: dict[str, str] = Field(default_factory=dict)  # WeChat: keyword → value


class Outgoing(BaseModel):
    """One message to one address, rendered."""

    model_config = ConfigDict(frozen=True)

    tenant_id: str
    message_id: str  # ours: the provider echoes it (or its id is mapped back to it)
    attempt_id: str  # the hop of the chain this is: at most one send per attempt
    channel: Channel
    to: str  # E.164 for SMS and WhatsApp, an email address, a WeChat openid, a push endpoint ARN
    text: str
    subject: str | None = None
    html: str | None = None
    template: Template | None = None  # WhatsApp outside the service window, WeChat always
    sender_name: str | None = None  # the tenant's brand: email From name, SMS sender id
    callback_url: str | None = None  # where the provider reports the message's status
    unsubscribe_url: str | None = None  # marketing email: its List-Unsubscribe (one-click) link


class Receipt(BaseModel):
    model_config = ConfigDict(frozen=True)

    provider: str
    provider_message_id: str


class StatusReport(BaseModel):
    """A provider's callback, normalised: the shape of `POST /webhook/message-status`."""

    model_config = ConfigDict(frozen=True)

    provider: str
    provider_message_id: str
    status: Status
    timestamp: datetime
    recipient: str | None = None
    error_code: str | None = None
    raw: dict[str, Any] = Field(default_factory=dict)
    # ours, when the provider echoes them (SES's EmailTags): AWS-native reports reach no tenant's endpoint
    tenant_id: str | None = None
    message_id: str | None = None


class InboundMessage(BaseModel):
    """A person's own message to the tenant (WhatsApp): it opens the 24-hour service window."""

    model_config = ConfigDict(frozen=True)

    provider: str
    sender: str  # E.164
    timestamp: datetime
    text: str | None = None


class CallbackRead(BaseModel):
    """What one provider callback said: statuses of messages, and people's own messages."""

    model_config = ConfigDict(frozen=True)

    statuses: list[StatusReport] = Field(default_factory=list)
    inbound: list[InboundMessage] = Field(default_factory=list)


class ProviderDown(Exception):
    """The provider is unreachable or failing (5xx, 429, a timeout)."""


class ProviderNotConfigured(ProviderDown):
    """No credentials for the provider (and no local sandbox): as good as down, the next provider runs."""


class ProviderRefused(Exception):
    """The provider will not take this message this way (its reason in `code`)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


class BadSignature(Exception):
    """A callback that does not carry the provider's valid signature."""


class Adapter(Protocol):
    name: str
    channel: Channel

    def send(self, outgoing: Outgoing, credentials: dict[str, Any]) -> Receipt: ...

    def read_callback(
        self, *, url: str, headers: dict[str, str], body: bytes, credentials: dict[str, Any]
    ) -> CallbackRead: ...


# provider → its adapter module; a channel's providers in the order they are tried
PROVIDERS: dict[str, str] = {
    "ses": "panacea.platform.providers.ses",
    "sns_sms": "panacea.platform.providers.sns_sms",
    "twilio": "panacea.platform.providers.twilio_sms",
    "whatsapp": "panacea.platform.providers.whatsapp",
    "wechat": "panacea.platform.providers.wechat",
    "sns_push": "panacea.platform.providers.sns_push",
}
CHANNEL_PROVIDERS: dict[Channel, tuple[str, ...]] = {
    Channel.EMAIL: ("ses",),
    Channel.SMS: ("twilio", "sns_sms"),
    Channel.WHATSAPP: ("whatsapp",),
    Channel.WECHAT: ("wechat",),
    Channel.PUSH: ("sns_push",),
}
# Providers whose delivery reports cannot be traced back to a tenant's message (SNS's SMS delivery
# logs carry SNS's message id and the number, nothing of ours): no receipt is awaited from them, or
# every message they delivered would move on along its chain when the window ran out.
UNREPORTED = frozenset({"sns_sms", "sns_push"})


def adapter(provider: str) -> Adapter:
    module = PROVIDERS.get(provider)
    if module is None:
        raise KeyError(f"no messaging provider {provider!r}")
    found: Adapter = importlib.import_module(module).ADAPTER
    return found


def send(provider: str, outgoing: Outgoing) -> Receipt:
    """Send `outgoing` through `provider` with the tenant's credentials (else the platform's)."""
    return adapter(provider).send(outgoing, credentials_of(outgoing.tenant_id, provider))


def read_callback(provider: str, tenant_id: str, *, url: str, headers: dict[str, str], body: bytes) -> CallbackRead:
    """What a provider's callback to the tenant's endpoint says; `BadSignature` unless it verifies."""
    return adapter(provider).read_callback(
        url=url, headers=headers, body=body, credentials=credentials_of(tenant_id, provider)
    )


def read_aws_event(provider: str, event: dict[str, Any]) -> list[StatusReport]:
    """The statuses an AWS-native report carries (no signature: IAM decides who may deliver it):
    SES's events through its EventBridge destination (`source` `aws.ses`), SNS's SMS delivery status
    (a log record, the CloudWatch Logs subscription carrying them, or the local runtime's bus event)."""
    parser = importlib.import_module("panacea.platform.providers.aws_events")  # only its consumer loads it
    found: list[StatusReport] = parser.read(provider, event)
    return found


def credentials_of(tenant_id: str, provider: str) -> dict[str, Any]:
    """The tenant's own credentials for `provider` (secret `<prefix>/<tenant>/<provider>`), else the
    platform's (`<prefix>/platform/<provider>`), else the local sandbox's (empty when there is none)."""
    from panacea.platform.providers.credentials import credentials  # noqa: PLC0415

    return credentials(tenant_id, provider)
