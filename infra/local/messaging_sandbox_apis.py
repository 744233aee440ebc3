"""The messaging sandbox's provider APIs, as the providers answer them (a mixin of `MessagingSandbox`):

    POST /2010-04-01/Accounts/{sid}/Messages.json      Twilio: To, From|MessagingServiceSid, Body, StatusCallback
                                                       (Basic auth sid:token; 21211 a bad To, 21610 a refused
                                                       number; then `sent` and `delivered`|`undelivered` 30005)
    POST /{version}/{phone_number_id}/messages         WhatsApp Cloud API: text or template (Bearer token; 131030
                                                       a refused number, 132001 a template not approved; a text
                                                       outside the 24-hour window is accepted, then `failed` 131047)
    GET  /cgi-bin/token                                WeChat: an access token for appid + secret (7200 s)
    POST /cgi-bin/message/template/send                WeChat: touser, template_id, data (43004 a refused openid);
                                                       then TEMPLATESENDJOBFINISH `success`|`failed:user block`

A provider set down answers 503 (Graph API: 503 with error 2). Receipts withheld: only `sent`
comes back (WeChat: nothing), so the platform waits for a receipt that never arrives."""

from __future__ import annotations

import base64
import re
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from panacea.platform import clock

E164 = re.compile(r"^\+[1-9]\d{6,14}$")
WINDOW = timedelta(hours=24)


@dataclass
class Behaviour:
    down: set[str] = field(default_factory=set)
    refused: set[str] = field(default_factory=set)
    undeliverable: set[str] = field(default_factory=set)
    withheld: set[str] = field(default_factory=set)
    unapproved_templates: set[str] = field(default_factory=set)

    def view(self) -> dict[str, list[str]]:
        values: dict[str, set[str]] = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return {name: sorted(found) for name, found in values.items()}


class SandboxProblem(Exception):
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(status)
        self.status, self.body = status, body


class ProviderApis:
    """The three APIs; the state (`messages`, `behaviour`, `keys`, …) is the sandbox's."""

    keys: dict[str, dict[str, str]]
    behaviour: Behaviour
    inbound_at: dict[str, Any]
    wechat_tokens: dict[str, str]

    def record(self, message: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError  # the sandbox's

    def after_send(self, message: dict[str, Any]) -> None:
        raise NotImplementedError  # the sandbox's

    # --- Twilio ---------------------------------------------------------------------------------

    def twilio_send(self, sid: str, headers: dict[str, str], form: dict[str, str]) -> dict[str, Any]:
        keys = self.keys["twilio"]
        expected = "Basic " + base64.b64encode(f"{keys['account_sid']}:{keys['auth_token']}".encode()).decode()
        if sid != keys["account_sid"] or headers.get("authorization") != expected:
            raise SandboxProblem(401, _twilio_error(20003, "Authenticate", 401))
        if "twilio" in self.behaviour.down:
            raise SandboxProblem(503, _twilio_error(20503, "Service Unavailable", 503))
        to, body = form.get("To", ""), form.get("Body", "")
        if not E164.match(to):
            raise SandboxProblem(400, _twilio_error(21211, f"Invalid 'To' Phone Number: {to}", 400))
        if not body:
            raise SandboxProblem(400, _twilio_error(21602, "Message body is required.", 400))
        if to in self.behaviour.refused:
            raise SandboxProblem(400, _twilio_error(21610, "Attempt to send to unsubscribed recipient", 400))
        message = self.record(
            {
                "provider": "twilio",
                "channel": "sms",
                "id": "SM" + secrets.token_hex(16),
                "account": sid,
                "from": form.get("From") or form.get("MessagingServiceSid", ""),
                "to": to,
                "text": body,
                "callback_url": form.get("StatusCallback"),
            }
        )
        self.after_send(message)
        now = clock.now().strftime("%a, %d %b %Y %H:%M:%S +0000")
        return {
            "account_sid": sid,
            "api_version": "2010-04-01",
            "body": body,
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": message["from"],
            "messaging_service_sid": form.get("MessagingServiceSid"),
            "num_media": "0",
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": message["id"],
            "status": "queued",
            "subresource_uris": {"media": f"/2010-04-01/Accounts/{sid}/Messages/{message['id']}/Media.json"},
            "to": to,
            "uri": f"/2010-04-01/Accounts/{sid}/Messages/{message['id']}.json",
        }

    # --- WhatsApp -------------------------------------------------------------------------------

    def whatsapp_send(self, number_id: str, headers: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
        keys = self.keys["whatsapp"]
        if headers.get("authorization") != f"Bearer {keys['access_token']}":
            raise SandboxProblem(401, _graph_error(190, "Invalid OAuth access token - Cannot parse access token"))
        if number_id != keys["phone_number_id"]:
            raise SandboxProblem(
                400, _graph_error(100, f"Unsupported post request. Object with ID '{number_id}' does not exist")
            )
        if "whatsapp" in self.behaviour.down:
            raise SandboxProblem(503, _graph_error(2, "Service temporarily unavailable"))
        to = "+" + str(body.get("to") or "").removeprefix("+")
        if body.get("messaging_product") != "whatsapp" or not E164.match(to):
            raise SandboxProblem(400, _graph_error(100, "Invalid parameter", "Param to must be a valid phone number"))
        if to in self.behaviour.refused:
            raise SandboxProblem(400, _graph_error(131030, "Recipient phone number not in allowed list"))
        kind, text, template = body.get("type"), "", None
        if kind == "text":
            text = str((body.get("text") or {}).get("body") or "")
        elif kind == "template":
            template = body.get("template") or {}
            if template.get("name") in self.behaviour.unapproved_templates:
                raise SandboxProblem(404, _graph_error(132001, "Template name does not exist in the translation"))
            params = [p.get("text", "") for c in template.get("components") or [] for p in c.get("parameters") or []]
            text = f"[{template.get('name')} · {(template.get('language') or {}).get('code')}] " + " | ".join(params)
        else:
            raise SandboxProblem(400, _graph_error(100, "Invalid parameter", f"type {kind!r} is not supported here"))
        message = self.record(
            {
                "provider": "whatsapp",
                "channel": "whatsapp",
                "id": "wamid." + base64.b64encode(secrets.token_bytes(24)).decode().rstrip("="),
                "account": number_id,
                "from": number_id,
                "to": to,
                "text": text,
                "template": template,
                "callback_url": body.get("biz_opaque_callback_data"),
                "window_open": self.window_open(to),
            }
        )
        self.after_send(message)
        return {
            "messaging_product": "whatsapp",
            "contacts": [{"input": body.get("to"), "wa_id": to[1:]}],
            "messages": [{"id": message["id"]}],
        }

    def window_open(self, number: str) -> bool:
        """Whether `number` wrote to the business in the last 24 hours (Meta's customer service window)."""
        last = self.inbound_at.get(number)
        return last is not None and clock.now() - last < WINDOW

    # --- WeChat ---------------------------------------------------------------------------------

    def wechat_token(self, query: dict[str, str]) -> dict[str, Any]:
        if "wechat" in self.behaviour.down:
            raise SandboxProblem(503, {"errcode": -1, "errmsg": "system error"})
        appid = query.get("appid", "")
        if query.get("grant_type") != "client_credential":
            return {"errcode": 40002, "errmsg": "invalid grant_type"}
        if not appid or query.get("secret") != self.keys["wechat"]["secret"]:
            return {"errcode": 40125, "errmsg": "invalid appsecret"}
        token = secrets.token_urlsafe(24)
        self.wechat_tokens[token] = appid
        return {"access_token": token, "expires_in": 7200}

    def wechat_template(self, query: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
        if "wechat" in self.behaviour.down:
            raise SandboxProblem(503, {"errcode": -1, "errmsg": "system error"})
        appid = self.wechat_tokens.get(query.get("access_token", ""))
        if appid is None:
            return {"errcode": 40001, "errmsg": "invalid credential, access_token is invalid or not latest"}
        to, template_id = str(body.get("touser") or ""), str(body.get("template_id") or "")
        if not to:
            return {"errcode": 40003, "errmsg": "invalid openid"}
        if to in self.behaviour.refused:
            return {"errcode": 43004, "errmsg": "require subscribe"}
        if not template_id or template_id in self.behaviour.unapproved_templates:
            return {"errcode": 40037, "errmsg": "invalid template_id"}
        data = body.get("data") or {}
        text = f"[{template_id}] " + " | ".join(f"{k}: {(v or {}).get('value', '')}" for k, v in data.items())
        message = self.record(
            {
                "provider": "wechat",
                "channel": "wechat",
                "id": str(secrets.randbelow(9 * 10**17) + 10**17),
                "account": appid,
                "from": appid,
                "to": to,
                "text": text,
                "template": {"template_id": template_id, "data": data, "url": body.get("url")},
            }
        )
        self.after_send(message)
        return {"errcode": 0, "errmsg": "ok", "msgid": int(message["id"])}


def _twilio_error(code: int, message: str, status: int) -> dict[str, Any]:
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


def _graph_error(code: int, message: str, details: str | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {
        "message": f"({code}) {message}",
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": secrets.token_urlsafe(12),
    }
    if details:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return {"error": error}
