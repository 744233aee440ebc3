"""WeChat official-account template messages through wechatpy against the messaging sandbox: the
access token is fetched once and kept, a template message arrives, WeChat's TEMPLATESENDJOBFINISH
push verifies (check_signature with the account's token) and normalises; a forged push, an outage
and a person who does not follow the account say what the chain should do next."""

from __future__ import annotations

import pytest

from infra.local.messaging_sandbox import MessagingSandbox
from infra.local.runtime import LocalPlatform
from panacea.platform import providers
from panacea.platform.ids import new_id
from panacea.platform.providers import BadSignature, ProviderDown, ProviderRefused
from panacea.platform.providers.channels import Channel, Status
from tests.integration.providers.conftest import URDU, callbacks_about, outgoing, read, template


def openid() -> str:
    return "o" + new_id()


def report_ready(name: str = "report_ready_tmpl") -> providers.Template:
    return template(name, "zh_CN", first="您的基因检测报告已出", keyword1="GT-100", remark=URDU)


def test_a_template_message_arrives_and_reads_delivered(
    platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str
):
    # Given two template messages to a follower of the tenant's official account
    to = openid()
    first = outgoing(tenant_id, Channel.WECHAT, to, platform, "wechat", template=report_ready())
    second = outgoing(tenant_id, Channel.WECHAT, to, platform, "wechat", template=report_ready())
    tokens_before = len(sandbox.wechat_tokens)

    # When both are sent
    receipts = [providers.send("wechat", m) for m in (first, second)]

    # Then both arrived with their keyword values intact, on one access token
    arrived = sandbox.sent(to=to)
    assert [m["id"] for m in arrived] == [r.provider_message_id for r in receipts]
    assert arrived[0]["template"]["data"]["remark"] == {"value": URDU}
    assert len(sandbox.wechat_tokens) - tokens_before <= 1
    # And WeChat's push for each verifies and reads as delivered, to the tenant's endpoint
    [push] = callbacks_about(sandbox, f"<MsgID>{receipts[0].provider_message_id}</MsgID>", 1)
    assert push.url.startswith(f"{platform.api_url}/v1/messaging/callbacks/wechat/{tenant_id}?signature=")
    [status] = read("wechat", tenant_id, push).statuses
    assert (status.provider_message_id, status.status, status.recipient) == (
        receipts[0].provider_message_id,
        Status.DELIVERED,
        to,
    )


def test_a_blocked_follower_reads_unsubscribed(platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str):
    to = openid()
    sandbox.behave(undeliverable=[to])
    receipt = providers.send(
        "wechat", outgoing(tenant_id, Channel.WECHAT, to, platform, "wechat", template=report_ready())
    )
    [push] = callbacks_about(sandbox, f"<MsgID>{receipt.provider_message_id}</MsgID>", 1)
    [status] = read("wechat", tenant_id, push).statuses
    assert (status.status, status.error_code) == (Status.UNSUBSCRIBED, "failed:user block")


def test_a_forged_push_is_refused(platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str):
    # Given a genuine push
    receipt = providers.send(
        "wechat", outgoing(tenant_id, Channel.WECHAT, openid(), platform, "wechat", template=report_ready())
    )
    [genuine] = callbacks_about(sandbox, f"<MsgID>{receipt.provider_message_id}</MsgID>", 1)

    # Then a changed signature or timestamp, or none, does not verify (nor for another tenant's account)
    forged = genuine.url.replace("signature=", "signature=0")
    later = genuine.url.replace("timestamp=", "timestamp=1")
    bare = genuine.url.split("?")[0]
    for url in (forged, later, bare):
        with pytest.raises(BadSignature):
            read("wechat", tenant_id, genuine, url=url)


def test_an_outage_is_provider_down(platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str):
    sandbox.behave(down=["wechat"])
    with pytest.raises(ProviderDown):
        providers.send(
            "wechat", outgoing(tenant_id, Channel.WECHAT, openid(), platform, "wechat", template=report_ready())
        )


def test_a_non_follower_or_a_missing_template_is_provider_refused(
    platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str
):
    # Given a person who does not follow the account
    stranger = openid()
    sandbox.behave(refused=[stranger])

    # Then WeChat refuses (43004, require subscribe), and a message without a template is refused before
    with pytest.raises(ProviderRefused) as refused:
        providers.send(
            "wechat", outgoing(tenant_id, Channel.WECHAT, stranger, platform, "wechat", template=report_ready())
        )
    assert refused.value.code == "43004"
    with pytest.raises(ProviderRefused) as untemplated:
        providers.send("wechat", outgoing(tenant_id, Channel.WECHAT, openid(), platform, "wechat"))
    assert untemplated.value.code == "template_required"
