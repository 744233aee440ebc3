"""WeChat official-account template messages with wechatpy (`WeChatClient`): the access token is
fetched with the account's appid and secret and kept until it expires (wechatpy's session storage,
one client per account in the process), then `message/template/send` with the template id, the
person's openid and the template's keyword values. On the local stage the client's API base is the
messaging sandbox's `/cgi-bin/`.

WeChat reports the outcome by pushing the `TEMPLATESENDJOBFINISH` event (XML) to the account's
server URL, signed with the account's token in the query (`signature`, `timestamp`, `nonce`:
SHA1 of the three sorted, checked with wechatpy's `check_signature`). In plaintext mode that
signature covers no body: configure the account in safe mode for that (not yet read here).

Credentials: `appid`, `secret`, `token` (the server URL's token)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

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

WECHAT_API = "https://api.weixin.qq.com/cgi-bin/"
TIMEOUT_S = 10.0
# TEMPLATESENDJOBFINISH's Status → ours
STATUSES = {
    "success": Status.DELIVERED,
    "failed:user block": Status.UNSUBSCRIBED,  # the person refused the account's template messages
    "failed: system failed": Status.FAILED,
}
DOWN_CODES = frozenset({-1, 45009, 45011})  # system busy, API frequency limits


def normalise(wechat_status: str) -> Status:
    return STATUSES.get(wechat_status.strip(), Status.FAILED)


class WeChat:
    name = "wechat"
    channel = Channel.WECHAT

    def __init__(self) -> None:
        self._clients: dict[tuple[str, str, str], Any] = {}

    def _client(self, credentials: dict[str, Any]) -> Any:
        appid, secret = str(credentials.get("appid") or ""), str(credentials.get("secret") or "")
        if not appid or not secret:
            raise ProviderNotConfigured("wechat: no appid/secret for this tenant or the platform")
        base = str(credentials.get("api_base") or "").rstrip("/")
        api = f"{base}/cgi-bin/" if base else WECHAT_API
        key = (appid, secret, api)
        if key not in self._clients:
            from wechatpy import WeChatClient  # noqa: PLC0415 - the sender loads it, no one else

            class Client(WeChatClient):  # type: ignore[misc]
                API_BASE_URL = api

                def fetch_access_token(self) -> Any:  # wechatpy names WeChat's host here, not API_BASE_URL
                    return self._fetch_access_token(
                        url=f"{api}token",
                        params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
                    )

            self._clients[key] = Client(appid, secret, timeout=TIMEOUT_S)
        return self._clients[key]

    def send(self, outgoing: Outgoing, credentials: dict[str, Any]) -> Receipt:
        import requests  # noqa: PLC0415
        from wechatpy.exceptions import WeChatClientException  # noqa: PLC0415

        if outgoing.template is None:
            raise ProviderRefused("template_required", "WeChat official accounts send template messages only")
        client = self._client(credentials)
        data = {k: {"value": v} for k, v in outgoing.template.fields.items()}
        try:
            answer = client.message.send_template(outgoing.to, outgoing.template.name, data)
        except WeChatClientException as error:
            if error.errcode is None or int(error.errcode) in DOWN_CODES:
                raise ProviderDown(f"wechat answered {error.errcode}: {error.errmsg}") from error
            raise ProviderRefused(str(error.errcode), str(error.errmsg or "")) from error
        except requests.RequestException as error:
            raise ProviderDown(f"wechat unreachable: {error}") from error
        return Receipt(provider=self.name, provider_message_id=str(answer["msgid"]))

    def read_callback(
        self, *, url: str, headers: dict[str, str], body: bytes, credentials: dict[str, Any]
    ) -> CallbackRead:
        from wechatpy import parse_message  # noqa: PLC0415
        from wechatpy.exceptions import InvalidSignatureException  # noqa: PLC0415
        from wechatpy.utils import check_signature  # noqa: PLC0415

        query = dict(parse_qsl(urlsplit(url).query))
        token = str(credentials.get("token") or "")
        try:
            if not token:
                raise InvalidSignatureException()
            check_signature(token, query.get("signature", ""), query.get("timestamp", ""), query.get("nonce", ""))
        except InvalidSignatureException as error:
            raise BadSignature("WeChat's signature does not verify") from error
        try:
            event = parse_message(body.decode("utf-8"))
        except Exception as error:  # any unreadable XML is a body WeChat did not send
            raise BadSignature("not a WeChat push") from error
        if getattr(event, "event", None) != "templatesendjobfinish":
            return CallbackRead()
        raw = {k: str(v) for k, v in event._data.items()}
        report = StatusReport(
            provider=self.name,
            provider_message_id=str(event.id),
            status=normalise(raw.get("Status", "")),
            timestamp=datetime.fromtimestamp(int(raw.get("CreateTime") or 0), UTC),
            recipient=raw.get("FromUserName"),
            error_code=raw.get("Status") if raw.get("Status") != "success" else None,
            raw=raw,
        )
        return CallbackRead(statuses=[report])


ADAPTER = WeChat()
