"""WhatsApp Business Cloud API against the messaging sandbox's Graph API: an approved template in
Urdu arrives and its webhooks verify (X-Hub-Signature-256) and normalise; a free-form text outside
the 24-hour window fails as Meta fails it (131047), inside it (a person wrote) it is delivered; a
forged webhook, an outage and a refused number or template say what the chain should do next."""

from __future__ import annotations

import json

import pytest

from infra.local.messaging_sandbox import MessagingSandbox
from infra.local.runtime import LocalPlatform
from panacea.platform import providers
from panacea.platform.providers import BadSignature, ProviderDown, ProviderRefused
from panacea.platform.providers.channels import Channel, Status
from tests.integration.providers.conftest import URDU, callbacks_about, number, outgoing, read, template


def test_an_urdu_template_arrives_and_reads_sent_then_delivered(
    platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str
):
    # Given an approved template with Urdu parameters, to a number that never wrote (no window)
    to = number()
    message = outgoing(
        tenant_id, Channel.WHATSAPP, to, platform, "whatsapp", template=template("appointment_reminder", "ur", URDU)
    )

    # When it is sent
    receipt = providers.send("whatsapp", message)

    # Then the Graph API got a template message in Urdu, and the tenant's callback URL to echo
    [arrived] = sandbox.sent(to=to)
    assert receipt.provider_message_id == arrived["id"]
    assert arrived["id"].startswith("wamid.")
    assert arrived["template"]["language"] == {"code": "ur"}
    assert arrived["template"]["components"][0]["parameters"] == [{"type": "text", "text": URDU}]
    # And its webhooks verify and read as sent, then delivered
    webhooks = callbacks_about(sandbox, arrived["id"], 2)
    assert {w.url for w in webhooks} == {message.callback_url}
    statuses = [s for w in webhooks for s in read("whatsapp", tenant_id, w).statuses]
    assert [(s.provider_message_id, s.status, s.recipient) for s in statuses] == [
        (arrived["id"], Status.SENT, to),
        (arrived["id"], Status.DELIVERED, to),
    ]


def test_free_text_outside_the_window_fails_as_meta_fails_it(
    platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str
):
    # Given a number that has not written in the last 24 hours
    to = number()

    # When a free-form text is sent to it
    receipt = providers.send("whatsapp", outgoing(tenant_id, Channel.WHATSAPP, to, platform, "whatsapp"))

    # Then Meta accepts it, then reports it failed: 131047, re-engagement (rejected: the chain moves on)
    [webhook] = callbacks_about(sandbox, receipt.provider_message_id, 1)
    [status] = read("whatsapp", tenant_id, webhook).statuses
    assert (status.status, status.error_code) == (Status.REJECTED, "131047")


def test_a_persons_message_opens_the_window(platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str):
    # Given a person writes to the tenant's number
    to = number()
    sandbox.whatsapp_inbound(tenant_id, to, "سلام")

    # Then the tenant's endpoint is told, signed, who wrote and what
    [webhook] = callbacks_about(sandbox, to[1:], 1)
    assert webhook.url == f"{platform.api_url}/v1/messaging/callbacks/whatsapp/{tenant_id}"
    [inbound] = read("whatsapp", tenant_id, webhook).inbound
    assert (inbound.provider, inbound.sender, inbound.text) == ("whatsapp", to, "سلام")

    # When a free-form text follows inside the window
    receipt = providers.send("whatsapp", outgoing(tenant_id, Channel.WHATSAPP, to, platform, "whatsapp"))

    # Then it is delivered
    webhooks = callbacks_about(sandbox, receipt.provider_message_id, 2)
    assert [s.status for w in webhooks for s in read("whatsapp", tenant_id, w).statuses] == [
        Status.SENT,
        Status.DELIVERED,
    ]


def test_a_forged_webhook_is_refused(platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str):
    # Given a genuine webhook
    message = outgoing(tenant_id, Channel.WHATSAPP, number(), platform, "whatsapp", template=template())
    receipt = providers.send("whatsapp", message)
    genuine, _ = callbacks_about(sandbox, receipt.provider_message_id, 2)

    # Then a body changed by one status, a wrong or a missing signature do not verify
    payload = json.loads(genuine.body)
    payload["entry"][0]["changes"][0]["value"]["statuses"][0]["status"] = "read"
    wrong = {**genuine.headers, "X-Hub-Signature-256": "sha256=" + "0" * 64}
    unsigned = {k: v for k, v in genuine.headers.items() if k != "X-Hub-Signature-256"}
    for changes in ({"body": json.dumps(payload).encode()}, {"headers": wrong}, {"headers": unsigned}):
        with pytest.raises(BadSignature):
            read("whatsapp", tenant_id, genuine, **changes)


def test_an_outage_is_provider_down(platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str):
    sandbox.behave(down=["whatsapp"])
    with pytest.raises(ProviderDown):
        providers.send("whatsapp", outgoing(tenant_id, Channel.WHATSAPP, number(), platform, "whatsapp"))


def test_a_refused_number_or_template_is_provider_refused(
    platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str
):
    # Given a number outside the allowed list and a template Meta has not approved
    refused_number = number()
    sandbox.behave(refused=[refused_number], unapproved_templates=["promo_unapproved"])

    # Then each send is refused with Meta's code, and nothing was sent
    with pytest.raises(ProviderRefused) as by_number:
        providers.send("whatsapp", outgoing(tenant_id, Channel.WHATSAPP, refused_number, platform, "whatsapp"))
    assert by_number.value.code == "131030"
    other = number()
    unapproved = outgoing(
        tenant_id, Channel.WHATSAPP, other, platform, "whatsapp", template=template("promo_unapproved")
    )
    with pytest.raises(ProviderRefused) as by_template:
        providers.send("whatsapp", unapproved)
    assert by_template.value.code == "132001"
    assert sandbox.sent(to=refused_number) == sandbox.sent(to=other) == []
