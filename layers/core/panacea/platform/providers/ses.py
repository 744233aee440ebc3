"""Email through Amazon SES v2, from the platform's verified sender identity (the tenant's brand as
the From name), or the tenant's own (credentials `from_address`, `configuration_set`). Text and HTML
bodies; a marketing email carries List-Unsubscribe (one-click, RFC 8058). Bounces, complaints and
deliveries come back from the configuration set's EventBridge destination (`source` `aws.ses`), mapped
back to the message by the `tenant_id` and `message_id` tags it carries (`read_aws_event`)."""

from __future__ import annotations

from typing import Any

from panacea.platform.aws import client
from panacea.platform.providers import CallbackRead, Outgoing, Receipt
from panacea.platform.providers.aws_calls import translated
from panacea.platform.providers.channels import Channel
from panacea.platform.settings import SettingsError, settings


class Ses:
    name = "ses"
    channel = Channel.EMAIL

    def send(self, outgoing: Outgoing, credentials: dict[str, Any]) -> Receipt:
        source = credentials.get("from_address") or settings().sender_email
        if not source:
            raise SettingsError("PANACEA_SENDER_EMAIL is not set for this function")
        name = (outgoing.sender_name or "").replace('"', "").strip()
        body: dict[str, Any] = {"Text": {"Data": outgoing.text, "Charset": "UTF-8"}}
        if outgoing.html:
            body["Html"] = {"Data": outgoing.html, "Charset": "UTF-8"}
        simple: dict[str, Any] = {"Subject": {"Data": outgoing.subject or "", "Charset": "UTF-8"}, "Body": body}
        if outgoing.unsubscribe_url:
            simple["Headers"] = [
                {"Name": "List-Unsubscribe", "Value": f"<{outgoing.unsubscribe_url}>"},
                {"Name": "List-Unsubscribe-Post", "Value": "List-Unsubscribe=One-Click"},
            ]
        extra: dict[str, Any] = {}
        configuration_set = credentials.get("configuration_set") or settings().ses_configuration_set
        if configuration_set:
            extra["ConfigurationSetName"] = configuration_set
        answer = translated(client("sesv2").send_email)(
            FromEmailAddress=f'"{name}" <{source}>' if name else source,
            Destination={"ToAddresses": [outgoing.to]},
            Content={"Simple": simple},
            EmailTags=[
                {"Name": "message_id", "Value": outgoing.message_id},
                {"Name": "tenant_id", "Value": outgoing.tenant_id},
            ],
            **extra,
        )
        return Receipt(provider=self.name, provider_message_id=str(answer["MessageId"]))

    def read_callback(
        self, *, url: str, headers: dict[str, str], body: bytes, credentials: dict[str, Any]
    ) -> CallbackRead:
        return CallbackRead()


ADAPTER = Ses()
