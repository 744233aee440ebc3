"""The local outbox: every email and text message the platform sent, read from moto's SES and SNS
backends in this process (moto keeps what it was asked to send; nothing leaves the machine).

The local gateway serves them at `GET /_local/outbox[?to=<address or number>]` (local only: not
in the wiring, never deployed), and a pump prints each new one on a line of the dev log, so a
developer, a test or the e2e suite can read the codes a person was sent (`pumps.OutboxPrinter`).
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple
from urllib.parse import parse_qs

from moto.ses.models import ses_backends
from moto.sns.models import sns_backends

from infra.local.invoke import ACCOUNT, REGION

PATH = "/_local/outbox"


class Sent(NamedTuple):
    """How many emails and text messages have been sent (moto only ever adds to either)."""

    emails: int
    texts: int


def sent() -> Sent:
    """The counts, without reading a message."""
    return Sent(len(_ses().sent_messages), len(_sns().sms_messages))


def messages(to: str | None = None) -> list[dict[str, Any]]:
    """Emails then text messages, each in the order they were sent (optionally only those to `to`)."""
    found = _emails(0) + _texts(0)
    if to is not None:
        wanted = to.lower()
        found = [m for m in found if wanted in (r.lower() for r in m["to"])]
    return found


def since(seen: Sent) -> tuple[list[dict[str, Any]], Sent]:
    """The messages sent after the first `seen` ones, and the new counts."""
    emails, texts = _emails(seen.emails), _texts(seen.texts)
    return emails + texts, Sent(seen.emails + len(emails), seen.texts + len(texts))


def _ses() -> Any:
    return ses_backends[ACCOUNT][REGION]


def _sns() -> Any:
    return sns_backends[ACCOUNT][REGION]


def _emails(start: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for n, email in enumerate(list(_ses().sent_messages)[start:], start=start):
        destinations = getattr(email, "destinations", None)
        recipients = (
            [a for kind in ("ToAddresses", "CcAddresses", "BccAddresses") for a in destinations.get(kind, [])]
            if isinstance(destinations, dict)
            else list(destinations or [])
        )
        found.append(
            {
                "channel": "email",
                "seq": n,
                "id": email.id,
                "from": email.source,
                "to": recipients,
                "subject": getattr(email, "subject", None),
                "text": getattr(email, "body", None) or getattr(email, "raw_data", ""),
            }
        )
    return found


def _texts(start: int) -> list[dict[str, Any]]:
    texts = list(_sns().sms_messages.items())[start:]
    return [
        {"channel": "sms", "seq": n, "id": message_id, "to": [number], "subject": None, "text": text}
        for n, (message_id, (number, text)) in enumerate(texts, start=start)
    ]


def answer(query: str) -> tuple[int, dict[str, str], bytes]:
    """The gateway's answer to `GET /_local/outbox?<query>`."""
    to = parse_qs(query).get("to", [None])[-1]
    return 200, {"Content-Type": "application/json"}, json.dumps({"messages": messages(to)}).encode()


def line(message: dict[str, Any]) -> str:
    """One line of the dev log for a message."""
    text = " ".join(str(message["text"]).split())
    text = text if len(text) <= 160 else text[:157] + "…"
    to = ", ".join(message["to"])
    if message["channel"] == "email":
        return f"✉ email to {to}: {message['subject']} — {text}"
    return f"✆ sms to {to}: {text}"
