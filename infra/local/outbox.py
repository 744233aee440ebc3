"""The local outbox: every email and text message the platform sent, read from moto's SES and SNS
backends in this process (moto keeps what it was asked to send; nothing leaves the machine).

The local gateway serves them at `GET /_local/outbox[?to=<address or number>]` (local only: not
in the wiring, never deployed), and a pump prints each new one on a line of the dev log, so a
developer, a test or the e2e suite can read the codes a person was sent (`pumps.OutboxPrinter`).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from moto.ses.models import ses_backends
from moto.sns.models import sns_backends

from infra.local.invoke import ACCOUNT, REGION

PATH = "/_local/outbox"


def messages(to: str | None = None) -> list[dict[str, Any]]:
    """Emails then text messages, each in the order they were sent (optionally only those to `to`)."""
    found: list[dict[str, Any]] = []
    for n, sent in enumerate(list(ses_backends[ACCOUNT][REGION].sent_messages)):
        destinations = getattr(sent, "destinations", None)
        recipients = (
            [a for kind in ("ToAddresses", "CcAddresses", "BccAddresses") for a in destinations.get(kind, [])]
            if isinstance(destinations, dict)
            else list(destinations or [])
        )
        found.append(
            {
                "channel": "email",
                "seq": n,
                "id": sent.id,
                "from": sent.source,
                "to": recipients,
                "subject": getattr(sent, "subject", None),
                "text": getattr(sent, "body", None) or getattr(sent, "raw_data", ""),
            }
        )
    for n, (message_id, (number, text)) in enumerate(list(sns_backends[ACCOUNT][REGION].sms_messages.items())):
        found.append({"channel": "sms", "seq": n, "id": message_id, "to": [number], "subject": None, "text": text})
    if to is not None:
        wanted = to.lower()
        found = [m for m in found if wanted in (r.lower() for r in m["to"])]
    return found


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
