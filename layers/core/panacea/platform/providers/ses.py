"""Email through Amazon SES v2, from the platform's verified sender identity (the tenant's brand as
the From name). Bounces, complaints and deliveries come back from SES's event destination."""

from __future__ import annotations

from typing import Any

from panacea.platform.aws import client
from panacea.platform.providers import CallbackRead, Outgoing, Receipt
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
        answer = client("sesv2").send_email(
            FromEmailAddress=f'"{name}" <{source}>' if name else source,
            Destination={"ToAddresses": [outgoing.to]},
            Content={"Simple": {"Subject": {"Data": outgoing.subject or "", "Charset": "UTF-8"}, "Body": body}},
            EmailTags=[{"Name": "message_id", "Value": outgoing.message_id}],
        )
        return Receipt(provider=self.name, provider_message_id=str(answer["MessageId"]))

    def read_callback(
        self, *, url: str, headers: dict[str, str], body: bytes, credentials: dict[str, Any]
    ) -> CallbackRead:
        return CallbackRead()


ADAPTER = Ses()
