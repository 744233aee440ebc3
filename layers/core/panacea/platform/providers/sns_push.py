"""App push through Amazon SNS mobile push: the device's token becomes an endpoint of the tenant's
platform application (`CreatePlatformEndpoint`, idempotent for a token), then `Publish(TargetArn=…)`.

Addresses are `fcm:<token>` or `apns:<token>` (or an endpoint ARN already made). Credentials (the
tenant's apps, else the platform's): `fcm_application_arn`, `apns_application_arn`. Delivery status
is SNS's (delivery status logging of the platform applications): AWS-native, trusted by IAM."""

from __future__ import annotations

import json
from typing import Any

from panacea.platform.aws import client
from panacea.platform.providers import (
    CallbackRead,
    Outgoing,
    ProviderNotConfigured,
    ProviderRefused,
    Receipt,
)
from panacea.platform.providers.aws_calls import translated
from panacea.platform.providers.channels import Channel

APPLICATIONS = {"fcm": "fcm_application_arn", "apns": "apns_application_arn"}


def payload(outgoing: Outgoing) -> str:
    """SNS's per-platform message: FCM's notification and APNs' alert, with our message id."""
    title = outgoing.subject or outgoing.sender_name or ""
    fcm = {"notification": {"title": title, "body": outgoing.text}, "data": {"message_id": outgoing.message_id}}
    apns = {"aps": {"alert": {"title": title, "body": outgoing.text}}, "message_id": outgoing.message_id}
    return json.dumps(
        {"default": outgoing.text, "GCM": json.dumps(fcm), "APNS": json.dumps(apns), "APNS_SANDBOX": json.dumps(apns)}
    )


class SnsPush:
    name = "sns_push"
    channel = Channel.PUSH

    def send(self, outgoing: Outgoing, credentials: dict[str, Any]) -> Receipt:
        target = self._endpoint(outgoing.to, credentials)
        answer = translated(client("sns").publish)(TargetArn=target, Message=payload(outgoing), MessageStructure="json")
        return Receipt(provider=self.name, provider_message_id=str(answer["MessageId"]))

    def _endpoint(self, address: str, credentials: dict[str, Any]) -> str:
        if address.startswith("arn:"):
            return address
        platform, _, token = address.partition(":")
        if platform not in APPLICATIONS or not token:
            raise ProviderRefused("invalid_address", "a push address is fcm:<token> or apns:<token>")
        application = credentials.get(APPLICATIONS[platform])
        if not application:
            raise ProviderNotConfigured(f"sns push: no {APPLICATIONS[platform]} for this tenant or the platform")
        made = translated(client("sns").create_platform_endpoint)(PlatformApplicationArn=application, Token=token)
        return str(made["EndpointArn"])

    def read_callback(
        self, *, url: str, headers: dict[str, str], body: bytes, credentials: dict[str, Any]
    ) -> CallbackRead:
        return CallbackRead()  # AWS-native: read_aws_event


ADAPTER = SnsPush()
