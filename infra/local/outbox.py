"""The local outbox: every message the platform sent on every channel, each with its channel and
provider: emails (SES) and text messages (SNS SMS) and app pushes (SNS mobile push) read from moto's
backends in this process (moto keeps what it was asked to send; nothing leaves the machine), and what
the messaging sandbox received (SMS by Twilio, WhatsApp, WeChat), once the runtime `attach`es it.

The local gateway serves them at `GET /_local/outbox[?to=<address or number>]` (local only: not
in the wiring, never deployed), and a pump prints each new one on a line of the dev log, so a
developer, a test or the e2e suite can read the codes a person was sent (`pumps.OutboxPrinter`).
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import parse_qs

from moto.ses.models import ses_backends
from moto.sns.models import sns_backends

from infra.local.invoke import ACCOUNT, REGION

if TYPE_CHECKING:
    from infra.local.messaging_sandbox import MessagingSandbox

PATH = "/_local/outbox"
_sandbox: list[MessagingSandbox] = []  # the runtime's messaging sandbox, once attached
_pushes: list[tuple[str, str]] = []  # (endpoint ARN, SNS message id), in the order they were first seen
_pushes_seen: set[tuple[str, str]] = set()
_pushes_lock = threading.Lock()


def attach(sandbox: MessagingSandbox | None) -> None:
    """Read the messages of `sandbox` too (None: no sandbox)."""
    _sandbox[:] = [sandbox] if sandbox is not None else []


class Sent(NamedTuple):
    """How many messages have been sent, by source (each only ever grows)."""

    emails: int
    texts: int
    pushes: int = 0
    sandbox: int = 0


def sent() -> Sent:
    """The counts, without reading a message."""
    return Sent(
        len(_ses().sent_messages),
        len(_sns().sms_messages),
        len(_push_ids()),
        _sandbox[0].count() if _sandbox else 0,
    )


def messages(to: str | None = None) -> list[dict[str, Any]]:
    """Emails, text messages, pushes, then the sandbox's messages, each in the order they were sent
    (optionally only those to `to`)."""
    found = _emails(0) + _texts(0) + _push_messages(0) + _sandboxed(0)
    if to is not None:
        wanted = to.lower()
        found = [m for m in found if wanted in (r.lower() for r in m["to"])]
    return found


def since(seen: Sent) -> tuple[list[dict[str, Any]], Sent]:
    """The messages sent after the first `seen` ones, and the new counts."""
    emails, texts = _emails(seen.emails), _texts(seen.texts)
    pushes, sandboxed = _push_messages(seen.pushes), _sandboxed(seen.sandbox)
    counts = Sent(
        seen.emails + len(emails), seen.texts + len(texts), seen.pushes + len(pushes), seen.sandbox + len(sandboxed)
    )
    return emails + texts + pushes + sandboxed, counts


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
                "provider": "ses",
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
        {
            "channel": "sms",
            "provider": "sns_sms",
            "seq": n,
            "id": message_id,
            "to": [number],
            "subject": None,
            "text": text,
        }
        for n, (message_id, (number, text)) in enumerate(texts, start=start)
    ]


def _push_ids() -> list[tuple[str, str]]:
    with _pushes_lock:
        for arn, endpoint in list(_sns().platform_endpoints.items()):
            for message_id in list(endpoint.messages):
                if (arn, message_id) not in _pushes_seen:
                    _pushes_seen.add((arn, message_id))
                    _pushes.append((arn, message_id))
        return list(_pushes)


def _push_messages(start: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    endpoints = _sns().platform_endpoints
    for n, (arn, message_id) in enumerate(_push_ids()[start:], start=start):
        endpoint = endpoints.get(arn)
        if endpoint is None:
            continue
        raw = endpoint.messages.get(message_id, "")
        try:
            text = json.loads(raw).get("default", raw)
        except (ValueError, AttributeError):
            text = raw
        to = f"{'apns' if 'APNS' in endpoint.application.platform else 'fcm'}:{endpoint.token}"
        found.append(
            {
                "channel": "push",
                "provider": "sns_push",
                "seq": n,
                "id": message_id,
                "to": [to],
                "subject": None,
                "text": text,
            }
        )
    return found


def _sandboxed(start: int) -> list[dict[str, Any]]:
    if not _sandbox:
        return []
    return [
        {
            "channel": m["channel"],
            "provider": m["provider"],
            "seq": m["seq"],
            "id": m["id"],
            "from": m.get("from"),
            "to": [m["to"]],
            "subject": None,
            "text": m["text"],
            **({"template": m["template"]} if m.get("template") else {}),
        }
        for m in _sandbox[0].sent(start=start)
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
    return f"✆ {message['channel']} ({message.get('provider', '')}) to {to}: {text}"
