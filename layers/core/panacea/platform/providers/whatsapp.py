"""WhatsApp Business Cloud API (Meta's Graph API): `POST /{version}/{phone_number_id}/messages` with
the account's Bearer token, a free-form text inside the person's 24-hour service window, else an
approved template (name, language code, body parameters in order). Meta ships no Python SDK: a
plain HTTP client (urllib3) does it.

Meta decides about the service window itself: a free-form text outside it is accepted and then
reported `failed` with error 131047 ("Re-engagement message"), which reads as `rejected`; the
engine keeps the window (from the inbound messages read here) and sends a template outside it.
Webhooks are signed `X-Hub-Signature-256: sha256=<HMAC-SHA256(app secret, body)>`; they carry
statuses (sent, delivered, read, failed) and people's own messages (→ `InboundMessage`).
`biz_opaque_callback_data` carries the message's callback URL (Meta echoes it in its statuses;
the local sandbox posts them there).

Credentials: `access_token`, `phone_number_id`, `app_secret`, optional `api_version` (v21.0)."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any

from panacea.platform.caches import cached
from panacea.platform.providers import (
    BadSignature,
    CallbackRead,
    InboundMessage,
    Outgoing,
    ProviderDown,
    ProviderNotConfigured,
    ProviderRefused,
    Receipt,
    StatusReport,
)
from panacea.platform.providers.channels import Channel, Status

GRAPH_API = "https://graph.facebook.com"
VERSION = "v21.0"
TIMEOUT_S = 10.0
STATUSES = {"sent": Status.SENT, "delivered": Status.DELIVERED, "read": Status.READ, "failed": Status.FAILED}
# a failure's error code → a more precise status
FAILURE_CODES = {
    131047: Status.REJECTED,  # Re-engagement message: outside the 24-hour service window
    131026: Status.UNDELIVERED,  # Message undeliverable (not on WhatsApp, old app, not accepted the terms)
    131050: Status.UNSUBSCRIBED,  # the person stopped marketing messages
    132000: Status.REJECTED,  # template parameters do not match
    132001: Status.REJECTED,  # template does not exist (in that language)
}
DOWN_CODES = frozenset({1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056})  # Meta's side, rate limits
WINDOW_CLOSED = "131047"


def normalise(status: str, error_code: int | None = None) -> Status | None:
    found = STATUSES.get(status)
    if found is Status.FAILED and error_code is not None:
        return FAILURE_CODES.get(error_code, Status.FAILED)
    return found


@cached
def _pool() -> Any:
    import urllib3  # noqa: PLC0415 - the sender loads it, no one else

    return urllib3.PoolManager(timeout=urllib3.Timeout(total=TIMEOUT_S), retries=False)


def message_body(outgoing: Outgoing) -> dict[str, Any]:
    """The Graph API's message object for `outgoing` (a template when it has one, else text)."""
    body: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": outgoing.to.removeprefix("+"),
    }
    if outgoing.template is not None:
        parameters = [{"type": "text", "text": p} for p in outgoing.template.params]
        body["type"] = "template"
        body["template"] = {
            "name": outgoing.template.name,
            "language": {"code": outgoing.template.language},
            "components": [{"type": "body", "parameters": parameters}] if parameters else [],
        }
    else:
        body["type"] = "text"
        body["text"] = {"preview_url": False, "body": outgoing.text}
    if outgoing.callback_url:
        body["biz_opaque_callback_data"] = outgoing.callback_url[:512]
    return body


class WhatsApp:
    name = "whatsapp"
    channel = Channel.WHATSAPP

    def send(self, outgoing: Outgoing, credentials: dict[str, Any]) -> Receipt:
        import urllib3  # noqa: PLC0415

        token, number = credentials.get("access_token"), credentials.get("phone_number_id")
        if not token or not number:
            raise ProviderNotConfigured("whatsapp: no access_token/phone_number_id for this tenant or the platform")
        base = str(credentials.get("api_base") or GRAPH_API)
        url = f"{base}/{credentials.get('api_version') or VERSION}/{number}/messages"
        try:
            answer = _pool().request(
                "POST",
                url,
                body=json.dumps(message_body(outgoing)).encode(),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
        except urllib3.exceptions.HTTPError as error:
            raise ProviderDown(f"whatsapp unreachable: {error}") from error
        try:
            payload = json.loads(answer.data or b"{}")
        except ValueError:
            payload = {}
        if answer.status >= 500 or answer.status == 429:
            raise ProviderDown(f"whatsapp answered {answer.status}")
        if answer.status >= 400 or "error" in payload:
            problem = payload.get("error") or {}
            code = problem.get("code")
            detail = str((problem.get("error_data") or {}).get("details") or problem.get("message") or "")
            if code in DOWN_CODES or answer.status in (401, 403):
                raise ProviderDown(f"whatsapp answered {answer.status} ({code}): {detail}")
            raise ProviderRefused(str(code or answer.status), detail)
        return Receipt(provider=self.name, provider_message_id=str(payload["messages"][0]["id"]))

    def read_callback(
        self, *, url: str, headers: dict[str, str], body: bytes, credentials: dict[str, Any]
    ) -> CallbackRead:
        verify(body, {k.lower(): v for k, v in headers.items()}.get("x-hub-signature-256", ""), credentials)
        try:
            payload = json.loads(body)
        except ValueError as error:
            raise BadSignature("not a WhatsApp webhook body") from error
        statuses: list[StatusReport] = []
        inbound: list[InboundMessage] = []
        for entry in payload.get("entry") or []:
            for change in entry.get("changes") or []:
                value = change.get("value") or {}
                statuses += [r for r in map(self._status, value.get("statuses") or []) if r is not None]
                inbound += [self._inbound(m) for m in value.get("messages") or [] if m.get("from")]
        return CallbackRead(statuses=statuses, inbound=inbound)

    def _status(self, item: dict[str, Any]) -> StatusReport | None:
        errors = item.get("errors") or []
        code = errors[0].get("code") if errors else None
        status = normalise(str(item.get("status")), int(code) if code is not None else None)
        if status is None or not item.get("id"):
            return None
        return StatusReport(
            provider=self.name,
            provider_message_id=str(item["id"]),
            status=status,
            timestamp=_when(item.get("timestamp")),
            recipient=f"+{item['recipient_id']}" if item.get("recipient_id") else None,
            error_code=str(code) if code is not None else None,
            raw=item,
        )

    def _inbound(self, item: dict[str, Any]) -> InboundMessage:
        text = (item.get("text") or {}).get("body") or (item.get("button") or {}).get("text")
        return InboundMessage(
            provider=self.name, sender=f"+{item['from']}", timestamp=_when(item.get("timestamp")), text=text
        )


def subscription_challenge(query: dict[str, str], credentials: dict[str, Any]) -> str | None:
    """Meta's webhook verification (`GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`): the
    challenge to answer with 200 when the token is the account's `verify_token`, else None (403)."""
    token = str(credentials.get("verify_token") or "")
    given = query.get("hub.verify_token", "")
    if query.get("hub.mode") != "subscribe" or not token or not hmac.compare_digest(token, given):
        return None
    return query.get("hub.challenge")


def signature(body: bytes, app_secret: str) -> str:
    """The `X-Hub-Signature-256` Meta sends with `body`."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def verify(body: bytes, header: str, credentials: dict[str, Any]) -> None:
    secret = str(credentials.get("app_secret") or "")
    if not secret or not header or not hmac.compare_digest(signature(body, secret), header):
        raise BadSignature("X-Hub-Signature-256 does not verify")


def _when(stamp: Any) -> datetime:
    return datetime.fromtimestamp(int(stamp or 0), UTC)


ADAPTER = WhatsApp()
