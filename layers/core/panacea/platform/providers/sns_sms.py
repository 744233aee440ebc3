"""SMS through Amazon SNS's direct publish to a phone number (transactional), the second SMS
provider. Delivery status comes back from SNS's delivery status logging."""

from __future__ import annotations

import re
from typing import Any

from panacea.platform.aws import client
from panacea.platform.providers import CallbackRead, Outgoing, ProviderRefused, Receipt
from panacea.platform.providers.aws_calls import translated
from panacea.platform.providers.channels import Channel

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_SENDER_ID = re.compile(r"^[A-Za-z0-9]{1,11}$")


class SnsSms:
    name = "sns_sms"
    channel = Channel.SMS

    def send(self, outgoing: Outgoing, credentials: dict[str, Any]) -> Receipt:
        if not _E164.match(outgoing.to):
            raise ProviderRefused("invalid_number", outgoing.to)
        attributes = {"AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"}}
        sender = (outgoing.sender_name or "").replace(" ", "")[:11]
        if sender and _SENDER_ID.match(sender):
            attributes["AWS.SNS.SMS.SenderID"] = {"DataType": "String", "StringValue": sender}
        answer = translated(client("sns").publish)(
            PhoneNumber=outgoing.to, Message=outgoing.text, MessageAttributes=attributes
        )
        return Receipt(provider=self.name, provider_message_id=str(answer["MessageId"]))

    def read_callback(
        self, *, url: str, headers: dict[str, str], body: bytes, credentials: dict[str, Any]
    ) -> CallbackRead:
        return CallbackRead()


ADAPTER = SnsSms()
