"""The messaging port: one email or one text message to one person, now.

Email goes out through Amazon SES (v2) from the verified identity in settings
(`PANACEA_SENDER_EMAIL`), signed with the tenant's name when one is given. Text messages go
out through a provider adapter chosen by `PANACEA_SMS_PROVIDER`; the first is Amazon SNS's
direct publish to a phone number (transactional). Locally both land in moto's backends, which
the local runtime prints and serves at `GET /_local/outbox`.

Use cases call these after their unit of work has committed: a message is never the only
record of a change, and a lost one is sent again by asking again (a new code).
"""

from __future__ import annotations

import re
from typing import Protocol

from panacea.platform.aws import client
from panacea.platform.settings import SettingsError, settings

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_SENDER_ID = re.compile(r"^[A-Za-z0-9 ]{1,11}$")


def send_email(to: str, subject: str, text: str, *, sender_name: str | None = None) -> str:
    """Send a plain-text email; the provider's message id."""
    source = settings().sender_email
    if not source:
        raise SettingsError("PANACEA_SENDER_EMAIL is not set for this function")
    name = (sender_name or "").replace('"', "").strip()
    answer = client("sesv2").send_email(
        FromEmailAddress=f'"{name}" <{source}>' if name else source,
        Destination={"ToAddresses": [to]},
        Content={
            "Simple": {
                "Subject": {"Data": subject, "Charset": "UTF-8"},
                "Body": {"Text": {"Data": text, "Charset": "UTF-8"}},
            }
        },
    )
    return str(answer["MessageId"])


class SmsProvider(Protocol):
    def send(self, to_e164: str, text: str, *, sender_id: str | None) -> str: ...


class SnsSms:
    """Amazon SNS's direct publish to a phone number, as a transactional message."""

    def send(self, to_e164: str, text: str, *, sender_id: str | None) -> str:
        attributes = {"AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"}}
        if sender_id and _SENDER_ID.match(sender_id):
            attributes["AWS.SNS.SMS.SenderID"] = {"DataType": "String", "StringValue": sender_id.replace(" ", "")}
        answer = client("sns").publish(PhoneNumber=to_e164, Message=text, MessageAttributes=attributes)
        return str(answer["MessageId"])


_PROVIDERS: dict[str, SmsProvider] = {"sns": SnsSms()}


def send_sms(to_e164: str, text: str, *, sender_id: str | None = None) -> str:
    """Send a text message to a number in E.164 form; the provider's message id."""
    if not _E164.match(to_e164):
        raise ValueError(f"{to_e164!r} is not an E.164 number")
    return _PROVIDERS[settings().sms_provider].send(to_e164, text, sender_id=sender_id)
