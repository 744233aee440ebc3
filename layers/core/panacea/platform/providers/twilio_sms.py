"""SMS through Twilio's Programmable Messaging REST API, with Twilio's own client (`twilio.rest.Client`),
the first SMS provider. On the local stage its requests go to the messaging sandbox (the client's
HTTP client rewrites `https://api.twilio.com` to the sandbox's base), so the same client code runs.

Each message names its `StatusCallback` (the tenant's callback endpoint); Twilio POSTs the message's
statuses there as a form, signed `X-Twilio-Signature` (HMAC-SHA1 of the URL and the sorted
parameters with the account's auth token), checked with Twilio's `RequestValidator`.

Credentials: `account_sid`, `auth_token`, and `from_number` (E.164) or `messaging_service_sid`."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from panacea.platform import clock
from panacea.platform.providers import (
    BadSignature,
    CallbackRead,
    Outgoing,
    ProviderDown,
    ProviderNotConfigured,
    ProviderRefused,
    Receipt,
    StatusReport,
)
from panacea.platform.providers.channels import Channel, Status

TWILIO_API = "https://api.twilio.com"
TIMEOUT_S = 10.0

# Twilio's MessageStatus → ours (receiving/received are inbound messages, not statuses)
STATUSES: dict[str, Status] = {
    "accepted": Status.QUEUED,
    "scheduled": Status.QUEUED,
    "queued": Status.QUEUED,
    "sending": Status.QUEUED,
    "sent": Status.SENT,
    "delivered": Status.DELIVERED,
    "read": Status.READ,
    "undelivered": Status.UNDELIVERED,
    "failed": Status.FAILED,
    "canceled": Status.FAILED,
}
UNSUBSCRIBED_CODES = frozenset({21610})  # the number replied STOP
DOWN_CODES = frozenset({20429, 20500, 20503, 30001})  # too many requests, Twilio's errors, queue overflow


def normalise(twilio_status: str) -> Status | None:
    return STATUSES.get(twilio_status.lower())


class Twilio:
    name = "twilio"
    channel = Channel.SMS

    def __init__(self) -> None:
        self._clients: dict[tuple[str, str, str], Any] = {}

    def _client(self, credentials: dict[str, Any]) -> Any:
        sid, token = str(credentials.get("account_sid") or ""), str(credentials.get("auth_token") or "")
        if not sid or not token:
            raise ProviderNotConfigured("twilio: no account_sid/auth_token for this tenant or the platform")
        base = str(credentials.get("api_base") or "")
        key = (sid, token, base)
        if key not in self._clients:
            from twilio.http.http_client import TwilioHttpClient  # noqa: PLC0415 - the sender loads it, no one else
            from twilio.rest import Client  # noqa: PLC0415

            class Rebased(TwilioHttpClient):  # type: ignore[misc]
                def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
                    if base and url.startswith(TWILIO_API):
                        url = base + url[len(TWILIO_API) :]
                    return super().request(method, url, *args, **kwargs)

            self._clients[key] = Client(sid, token, http_client=Rebased(timeout=TIMEOUT_S))
        return self._clients[key]

    def send(self, outgoing: Outgoing, credentials: dict[str, Any]) -> Receipt:
        import requests  # noqa: PLC0415
        from twilio.base.exceptions import TwilioException, TwilioRestException  # noqa: PLC0415

        client = self._client(credentials)
        sender: dict[str, str] = (
            {"messaging_service_sid": str(credentials["messaging_service_sid"])}
            if credentials.get("messaging_service_sid")
            else {"from_": str(credentials.get("from_number") or "")}
        )
        try:
            made = client.messages.create(
                to=outgoing.to, body=outgoing.text, status_callback=outgoing.callback_url, **sender
            )
        except TwilioRestException as error:
            if error.status >= 500 or error.status in (401, 403, 429) or error.code in DOWN_CODES:
                raise ProviderDown(f"twilio answered {error.status} ({error.code}): {error.msg}") from error
            raise ProviderRefused(str(error.code or error.status), str(error.msg)) from error
        except (requests.RequestException, TwilioException) as error:
            raise ProviderDown(f"twilio unreachable: {error}") from error
        return Receipt(provider=self.name, provider_message_id=str(made.sid))

    def read_callback(
        self, *, url: str, headers: dict[str, str], body: bytes, credentials: dict[str, Any]
    ) -> CallbackRead:
        from twilio.request_validator import RequestValidator  # noqa: PLC0415

        token = str(credentials.get("auth_token") or "")
        signature = {k.lower(): v for k, v in headers.items()}.get("x-twilio-signature", "")
        params = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        if not token or not signature or not RequestValidator(token).validate(url, params, signature):
            raise BadSignature("X-Twilio-Signature does not verify")
        status = normalise(params.get("MessageStatus") or params.get("SmsStatus") or "")
        sid = params.get("MessageSid") or params.get("SmsSid")
        if status is None or not sid:
            return CallbackRead()
        code = params.get("ErrorCode") or None
        if code and int(code) in UNSUBSCRIBED_CODES:
            status = Status.UNSUBSCRIBED
        report = StatusReport(
            provider=self.name,
            provider_message_id=sid,
            status=status,
            timestamp=clock.now(),  # Twilio's status callbacks carry no time of their own
            recipient=params.get("To"),
            error_code=code,
            raw=params,
        )
        return CallbackRead(statuses=[report])


ADAPTER = Twilio()
