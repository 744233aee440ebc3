"""SMS through Twilio's own client against the messaging sandbox: a send arrives, its status
callbacks verify (X-Twilio-Signature) and normalise, a forged one is refused, an outage and a
refused number say what the chain should do next."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import Any

import pytest

from infra.local.messaging_sandbox import MessagingSandbox
from infra.local.runtime import LocalPlatform
from panacea.platform import providers
from panacea.platform.providers import BadSignature, ProviderDown, ProviderRefused
from panacea.platform.providers.channels import Channel, Status
from tests.integration.providers.conftest import URDU, callbacks_about, number, outgoing, read


def test_twilio_is_the_first_sms_provider_and_sns_the_second():
    assert providers.CHANNEL_PROVIDERS[Channel.SMS] == ("twilio", "sns_sms")


def test_an_urdu_text_arrives_and_its_callbacks_read_sent_then_delivered(
    platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str
):
    # Given a message in Urdu to a number
    to = number()
    message = outgoing(tenant_id, Channel.SMS, to, platform, "twilio", text=URDU)

    # When it is sent through Twilio
    receipt = providers.send("twilio", message)

    # Then the sandbox has it, text intact, with the StatusCallback the platform named
    [arrived] = sandbox.sent(to=to)
    assert (receipt.provider, receipt.provider_message_id) == ("twilio", arrived["id"])
    assert arrived["text"] == URDU
    assert arrived["callback_url"] == message.callback_url
    # And its two callbacks verify and read as sent, then delivered
    sent, delivered = callbacks_about(sandbox, arrived["id"], 2)
    assert sent.url == message.callback_url
    statuses = [read("twilio", tenant_id, c).statuses for c in (sent, delivered)]
    assert [(s.provider_message_id, s.status, s.recipient) for [s] in statuses] == [
        (arrived["id"], Status.SENT, to),
        (arrived["id"], Status.DELIVERED, to),
    ]


def test_a_number_that_cannot_receive_reads_undelivered(
    platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str
):
    # Given a number the carrier cannot reach
    to = number()
    sandbox.behave(undeliverable=[to])

    # When a message is sent to it
    receipt = providers.send("twilio", outgoing(tenant_id, Channel.SMS, to, platform, "twilio"))

    # Then Twilio accepted it, and reports it sent, then undelivered (30005)
    _, last = callbacks_about(sandbox, receipt.provider_message_id, 2)
    [status] = read("twilio", tenant_id, last).statuses
    assert (status.status, status.error_code) == (Status.UNDELIVERED, "30005")


def test_a_forged_callback_is_refused(platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str):
    # Given a genuine callback
    receipt = providers.send("twilio", outgoing(tenant_id, Channel.SMS, number(), platform, "twilio"))
    genuine, _ = callbacks_about(sandbox, receipt.provider_message_id, 2)

    # Then a changed body, another URL, a wrong or missing signature do not verify
    forged_body = genuine.body.replace(b"MessageStatus=sent", b"MessageStatus=delivered")
    assert forged_body != genuine.body
    wrong = {**genuine.headers, "X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"}
    unsigned = {k: v for k, v in genuine.headers.items() if k != "X-Twilio-Signature"}
    for changes in ({"body": forged_body}, {"url": genuine.url + "x"}, {"headers": wrong}, {"headers": unsigned}):
        with pytest.raises(BadSignature):
            read("twilio", tenant_id, genuine, **changes)


def test_an_outage_is_provider_down(platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str):
    # Given Twilio answers 503
    sandbox.behave(down=["twilio"])

    # Then a send raises ProviderDown (the breaker counts it; SNS takes the message)
    with pytest.raises(ProviderDown):
        providers.send("twilio", outgoing(tenant_id, Channel.SMS, number(), platform, "twilio"))


def test_a_refused_or_invalid_number_is_provider_refused(
    platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str
):
    # Given a number that replied STOP
    stopped = number()
    sandbox.behave(refused=[stopped])

    # Then a send to it, or to a number that is not E.164, is refused with Twilio's code
    with pytest.raises(ProviderRefused) as refused:
        providers.send("twilio", outgoing(tenant_id, Channel.SMS, stopped, platform, "twilio"))
    assert refused.value.code == "21610"
    with pytest.raises(ProviderRefused) as invalid:
        providers.send("twilio", outgoing(tenant_id, Channel.SMS, "07700 900123", platform, "twilio"))
    assert invalid.value.code == "21211"
    assert sandbox.sent(to=stopped) == []


def test_withheld_receipts_leave_a_message_at_sent(platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str):
    # Given Twilio withholds its final receipts
    sandbox.behave(withheld=["twilio"])

    # When a message is sent
    receipt = providers.send("twilio", outgoing(tenant_id, Channel.SMS, number(), platform, "twilio"))

    # Then only `sent` comes back (the chain's receipt window runs out)
    [only] = callbacks_about(sandbox, receipt.provider_message_id, 1)
    assert [s.status for s in read("twilio", tenant_id, only).statuses] == [Status.SENT]
    sandbox.behave(withheld=[])
    assert sandbox.settled() or callbacks_about(sandbox, receipt.provider_message_id, 1)
    assert len([c for c in sandbox.callbacks if receipt.provider_message_id in c.body.decode()]) == 1


def test_the_sandbox_is_controlled_over_http(platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str):
    # Given Twilio set down through the sandbox's control route, as a developer would with curl
    def call(method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(sandbox.url + path, data=data, method=method)
        with urllib.request.urlopen(request) as answer:
            found: dict[str, Any] = json.loads(answer.read())
            return found

    assert call("POST", "/_sandbox/behaviour", {"down": ["twilio"]})["down"] == ["twilio"]

    # Then a send is down, and once it is back up the message is listed
    to = number()
    with pytest.raises(ProviderDown):
        providers.send("twilio", outgoing(tenant_id, Channel.SMS, to, platform, "twilio"))
    call("POST", "/_sandbox/behaviour", {"down": []})
    receipt = providers.send("twilio", outgoing(tenant_id, Channel.SMS, to, platform, "twilio"))
    listed = call("GET", f"/_sandbox/messages?to={urllib.parse.quote(to)}")["messages"]
    assert [m["id"] for m in listed] == [receipt.provider_message_id]
