"""A local messaging provider for each provider that is not AWS's: Twilio's REST API, Meta's Graph
API (WhatsApp Business Cloud) and WeChat's official-account API, on one loopback HTTP server.

The providers' real client code talks to it (Twilio's `Client` and wechatpy's `WeChatClient` with
their API base rewritten, the WhatsApp adapter's HTTP client with its base set), through the
sandbox's keys (`panacea.platform.providers.credentials.SANDBOX`), which `credentials_of` hands out
when no Secrets Manager secret names the tenant's or the platform's account and
`PANACEA_MESSAGING_SANDBOX` is set. The APIs are in `messaging_sandbox_apis.py`; the signed status
callbacks it sends (sent, then delivered, or a failure) in `messaging_sandbox_callbacks.py`.

It records every message. What a test or a developer may make happen (Python methods, and routes):

    POST /_sandbox/behaviour      {"down": [provider…], "refused": [address…], "undeliverable": [address…],
                                   "withheld": [provider…], "unapproved_templates": [name…]}
                                  the keys given replace the current ones (`{}` changes nothing; POST
                                  /_sandbox/reset forgets everything): a provider down answers 503 (an outage);
                                  a refused address is refused at once; an undeliverable one is accepted, then
                                  reported failed (SNS SMS too: `aws_receipts.py`); withheld: no final receipt
    POST /_sandbox/whatsapp/inbound  {"tenant_id", "from", "text"}   a person writes: the 24-hour window opens,
                                  and the message reaches the tenant's endpoint
    POST /_sandbox/wechat/server  {"appid", "url"}   an official account's server URL (where its events go)
    GET  /_sandbox/messages[?to=]  the messages;   GET /_sandbox/callbacks  the callbacks and their deliveries
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from infra.local.http_server import LocalHttpServer
from infra.local.messaging_sandbox_apis import Behaviour, ProviderApis, SandboxProblem
from infra.local.messaging_sandbox_callbacks import CallbackSending
from panacea.platform import clock
from panacea.platform.providers.credentials import SANDBOX

RE_ENGAGEMENT = (131047, "Re-engagement message")


class MessagingSandbox(ProviderApis, CallbackSending):
    def __init__(
        self,
        *,
        callback_base: str | None = None,
        callback_delay_s: float = 0.0,
        log: Callable[[str], None] = lambda line: None,
    ) -> None:
        self.callback_base, self.callback_delay_s, self.log = callback_base, callback_delay_s, log
        self.keys = SANDBOX
        self.behaviour = Behaviour()
        self.messages: list[dict[str, Any]] = []
        self.inbound_at: dict[str, datetime] = {}
        self.wechat_tokens: dict[str, str] = {}
        self.wechat_servers: dict[str, str] = {}
        self._lock = threading.RLock()
        self._server: LocalHttpServer | None = None
        self.url = ""
        self._start_sending()

    # --- lifecycle ------------------------------------------------------------------------------

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> str:
        sandbox = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload = sandbox.handle(self.command, self.path, dict(self.headers.items()), body)
                raw = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = _any

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = LocalHttpServer((host, port), Handler)
        threading.Thread(target=self._server.serve_forever, name="messaging-sandbox", daemon=True).start()
        self.url = f"http://{host}:{self._server.server_address[1]}"
        return self.url

    def stop(self) -> None:
        self._stop_sending()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    # --- HTTP ----------------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        url = urlsplit(target)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        lowered = {k.lower(): v for k, v in headers.items()}
        try:
            if url.path.startswith("/_sandbox/"):
                return 200, self._control(method, url.path, query, _json(body))
            return 200, self._api(method, url.path, query, lowered, body)
        except SandboxProblem as problem:
            return problem.status, problem.body

    def _api(self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: bytes) -> Any:
        if method == "POST" and (m := re.fullmatch(r"/2010-04-01/Accounts/(\w+)/Messages\.json", path)):
            form = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
            return self.twilio_send(m.group(1), headers, form)
        if method == "POST" and (m := re.fullmatch(r"/v\d+\.\d+/(\w+)/messages", path)):
            return self.whatsapp_send(m.group(1), headers, _json(body))
        if method == "GET" and path == "/cgi-bin/token":
            return self.wechat_token(query)
        if method == "POST" and path == "/cgi-bin/message/template/send":
            return self.wechat_template(query, _json(body))
        raise SandboxProblem(404, {"error": f"the messaging sandbox serves no {method} {path}"})

    def _control(self, method: str, path: str, query: dict[str, str], body: dict[str, Any]) -> Any:
        if method == "GET" and path == "/_sandbox/messages":
            return {"messages": self.sent(to=query.get("to"))}
        if method == "GET" and path == "/_sandbox/callbacks":
            return {"callbacks": [c.view() for c in list(self.callbacks)]}
        if method == "POST" and path == "/_sandbox/behaviour":
            return self.behave(**{k: v for k, v in body.items() if k in Behaviour.__dataclass_fields__})
        if method == "POST" and path == "/_sandbox/reset":
            return self.reset()
        if method == "POST" and path == "/_sandbox/whatsapp/inbound":
            self.whatsapp_inbound(str(body.get("tenant_id")), str(body.get("from")), str(body.get("text") or ""))
            return {"window_open": True}
        if method == "POST" and path == "/_sandbox/wechat/server":
            self.wechat_server(str(body.get("appid")), str(body.get("url")))
            return {"ok": True}
        raise SandboxProblem(404, {"error": f"no sandbox control {method} {path}"})

    # --- controls -------------------------------------------------------------------------------

    def behave(self, **changes: list[str]) -> dict[str, list[str]]:
        """Replace the behaviours named (see the module's docstring); the behaviour now."""
        with self._lock:
            for name, values in changes.items():
                setattr(self.behaviour, name, set(values))
            return self.behaviour.view()

    def reset(self) -> dict[str, list[str]]:
        with self._lock:
            self.behaviour = Behaviour()
            self.inbound_at.clear()
            self.wechat_servers.clear()
            return self.behaviour.view()

    def whatsapp_inbound(self, tenant_id: str, sender: str, text: str) -> None:
        """A person writes to the tenant's WhatsApp number: the window opens; the tenant is told."""
        number = "+" + sender.removeprefix("+")
        with self._lock:
            self.inbound_at[number] = clock.now()
        item = {
            "from": number[1:],
            "id": "wamid.in" + str(len(self.inbound_at)),
            "timestamp": str(clock.epoch_seconds()),
            "type": "text",
            "text": {"body": text},
        }
        contacts = [{"profile": {"name": number}, "wa_id": number[1:]}]
        self.whatsapp_webhook(self.endpoint("whatsapp", tenant_id), {"contacts": contacts, "messages": [item]})

    def wechat_server(self, appid: str, url: str) -> None:
        with self._lock:
            self.wechat_servers[appid] = url

    # --- messages -------------------------------------------------------------------------------

    def record(self, message: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            message = {"seq": len(self.messages), "at": clock.now().isoformat(), **message}
            self.messages.append(message)
        self.log(f"messaging sandbox: {message['provider']} → {message['to']}")
        return message

    def sent(self, *, to: str | None = None, start: int = 0) -> list[dict[str, Any]]:
        """The messages from the `start`th (optionally only those to `to`)."""
        with self._lock:
            found = list(self.messages[start:])
        return [m for m in found if to is None or m["to"].lower() == to.lower()]

    def count(self) -> int:
        return len(self.messages)

    def after_send(self, message: dict[str, Any]) -> None:
        """The receipts that follow an accepted message, as the provider would send them."""
        provider, to = message["provider"], message["to"]
        withheld, failing = provider in self.behaviour.withheld, to in self.behaviour.undeliverable
        if provider == "twilio":
            self.twilio_status(message, "sent")
            if failing:
                self.twilio_status(message, "undelivered", "30005")  # unknown destination handset
            elif not withheld:
                self.twilio_status(message, "delivered")
        elif provider == "whatsapp":
            if message["text"] and not message.get("template") and not message["window_open"]:
                self.whatsapp_status(message, "failed", RE_ENGAGEMENT)
                return
            self.whatsapp_status(message, "sent")
            if failing:
                self.whatsapp_status(message, "failed", (131026, "Message undeliverable"))
            elif not withheld:
                self.whatsapp_status(message, "delivered")
        elif provider == "wechat" and not withheld:
            self.wechat_event(message, "failed:user block" if failing else "success")


def _json(body: bytes) -> dict[str, Any]:
    try:
        found = json.loads(body) if body else {}
    except ValueError as error:
        raise SandboxProblem(400, {"error": f"the body is not JSON: {error}"}) from error
    return found if isinstance(found, dict) else {}
