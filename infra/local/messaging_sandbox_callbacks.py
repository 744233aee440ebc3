"""The messaging sandbox's callbacks: each provider's status reports and people's messages built as
that provider builds them, signed as it signs them (Twilio's `X-Twilio-Signature` with
`RequestValidator`, Meta's `X-Hub-Signature-256`, WeChat's query signature with the account's
token), recorded, and POSTed in order by one background thread, retried a few times until a 2xx.

Where they go: Twilio's to the message's `StatusCallback`; WhatsApp's to the message's
`biz_opaque_callback_data` (the adapter puts the tenant's callback URL there) or, for a person's own
message, to the tenant's endpoint; WeChat's to the account's server URL (registered with
`wechat_server`, else the tenant's endpoint for a sandbox account `wx-sandbox-<tenant>`)."""

from __future__ import annotations

import json
import queue
import secrets
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from panacea.platform import clock
from panacea.platform.providers import whatsapp

CALLBACK_PATH = "/v1/messaging/callbacks/{provider}/{tenant_id}"  # the platform's endpoint (engagement)
RETRY_DELAYS_S = (0.1, 0.3, 1.0)
WECHAT_SANDBOX_APPID = "wx-sandbox-"


@dataclass
class Callback:
    provider: str
    url: str
    headers: dict[str, str]
    body: bytes
    attempts: list[int] = field(default_factory=list)  # HTTP status per attempt (0: unreachable)
    due: float = 0.0  # time.monotonic() before which it is not sent

    def view(self) -> dict[str, Any]:
        return {
            "provider": self.provider,
            "url": self.url,
            "headers": self.headers,
            "body": self.body.decode("utf-8", "replace"),
            "attempts": self.attempts,
        }


class CallbackSending:
    """Signed callbacks and their delivery (a mixin of `MessagingSandbox`, which holds the keys)."""

    callback_base: str | None
    callback_delay_s: float
    log: Callable[[str], None]
    keys: dict[str, dict[str, str]]
    wechat_servers: dict[str, str]

    def _start_sending(self) -> None:
        self.callbacks: list[Callback] = []
        self._callbacks_lock = threading.Lock()
        self._pending: queue.Queue[Callback | None] = queue.Queue()
        self._sender = threading.Thread(target=self._send_forever, name="messaging-callbacks", daemon=True)
        self._sender.start()

    def _stop_sending(self) -> None:
        self._pending.put(None)

    def endpoint(self, provider: str, tenant_id: str) -> str | None:
        """The tenant's callback endpoint on the platform for `provider` (None: no platform to call)."""
        if not self.callback_base:
            return None
        return self.callback_base + CALLBACK_PATH.format(provider=provider, tenant_id=tenant_id)

    # --- the providers' shapes --------------------------------------------------------------

    def twilio_status(self, message: dict[str, Any], status: str, error_code: str | None = None) -> None:
        from twilio.request_validator import RequestValidator  # noqa: PLC0415

        url = message.get("callback_url")
        if not url:
            return
        params = {
            "AccountSid": message["account"],
            "ApiVersion": "2010-04-01",
            "From": message["from"],
            "MessageSid": message["id"],
            "MessageStatus": status,
            "SmsSid": message["id"],
            "SmsStatus": status,
            "To": message["to"],
        }
        if error_code:
            params["ErrorCode"] = error_code
        token = self.keys["twilio"]["auth_token"]
        signature = RequestValidator(token).compute_signature(url, params)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": signature,
            "User-Agent": "TwilioProxy/1.1",
        }
        self.queue_callback(Callback("twilio", url, headers, urlencode(params).encode()))

    def whatsapp_webhook(self, url: str | None, value: dict[str, Any]) -> None:
        """A webhook of the WhatsApp Business Account carrying `value` (statuses or messages)."""
        if not url:
            return
        number = self.keys["whatsapp"]["phone_number_id"]
        value = {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550000000", "phone_number_id": number},
            **value,
        }
        body = json.dumps(
            {
                "object": "whatsapp_business_account",
                "entry": [{"id": "sandbox-waba", "changes": [{"value": value, "field": "messages"}]}],
            },
            ensure_ascii=False,
        ).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Hub-Signature-256": whatsapp.signature(body, self.keys["whatsapp"]["app_secret"]),
            "User-Agent": "facebookexternalua",
        }
        self.queue_callback(Callback("whatsapp", url, headers, body))

    def whatsapp_status(self, message: dict[str, Any], status: str, error: tuple[int, str] | None = None) -> None:
        item: dict[str, Any] = {
            "id": message["id"],
            "status": status,
            "timestamp": str(clock.epoch_seconds()),
            "recipient_id": message["to"].removeprefix("+"),
        }
        if message.get("callback_url"):
            item["biz_opaque_callback_data"] = message["callback_url"]
        if error:
            code, title = error
            item["errors"] = [{"code": code, "title": title, "message": title, "error_data": {"details": title}}]
        self.whatsapp_webhook(message.get("callback_url"), {"statuses": [item]})

    def wechat_event(self, message: dict[str, Any], status: str) -> None:
        appid = message["account"]
        url = self.wechat_servers.get(appid)
        if url is None and appid.startswith(WECHAT_SANDBOX_APPID):
            url = self.endpoint("wechat", appid[len(WECHAT_SANDBOX_APPID) :])
        if not url:
            return
        from wechatpy.utils import WeChatSigner  # noqa: PLC0415

        timestamp, nonce = str(int(time.time())), secrets.token_hex(8)
        signer = WeChatSigner()
        signer.add_data(self.keys["wechat"]["token"], timestamp, nonce)
        query = urlencode({"signature": signer.signature, "timestamp": timestamp, "nonce": nonce})
        body = (
            "<xml>"
            f"<ToUserName><![CDATA[gh_{appid[-12:]}]]></ToUserName>"
            f"<FromUserName><![CDATA[{message['to']}]]></FromUserName>"
            f"<CreateTime>{clock.epoch_seconds()}</CreateTime>"
            "<MsgType><![CDATA[event]]></MsgType>"
            "<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>"
            f"<MsgID>{message['id']}</MsgID>"
            f"<Status><![CDATA[{status}]]></Status>"
            "</xml>"
        ).encode()
        separator = "&" if "?" in url else "?"
        self.queue_callback(Callback("wechat", f"{url}{separator}{query}", {"Content-Type": "text/xml"}, body))

    # --- delivery -----------------------------------------------------------------------------

    def queue_callback(self, callback: Callback) -> None:
        """Send `callback` once `callback_delay_s` have passed: a provider reports on a message after it has
        answered the request that sent it, and the sender has recorded the message's id by then (sent at
        once, a status would reach the platform before the id it is about, and change nothing)."""
        callback.due = time.monotonic() + self.callback_delay_s
        with self._callbacks_lock:
            self.callbacks.append(callback)
        self._pending.put(callback)

    def post(self, callback: Callback) -> int:
        request = urllib.request.Request(callback.url, data=callback.body, method="POST", headers=callback.headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - the local gateway
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)
        except (urllib.error.URLError, OSError, ValueError):
            return 0

    def _send_forever(self) -> None:
        while (callback := self._pending.get()) is not None:
            try:
                time.sleep(max(0.0, callback.due - time.monotonic()))
                for delay in (0.0, *RETRY_DELAYS_S):
                    time.sleep(delay)
                    status = self.post(callback)
                    callback.attempts.append(status)
                    # a 4xx is the platform's answer, not retried; but a 409 says "too early: again" (as the
                    # providers do, on any answer that is not a 2xx)
                    if 200 <= status < 300 or (400 <= status < 500 and status != 409):
                        break
                self.log(f"messaging sandbox: {callback.provider} callback → {callback.attempts[-1] or 'unreachable'}")
            finally:
                self._pending.task_done()

    def settled(self) -> bool:
        """Whether every callback so far has been sent (or given up on)."""
        return self._pending.unfinished_tasks == 0
