"""The local outbox shows every channel's messages with their provider; a tenant's own provider
account (a white-label sender) in Secrets Manager is used before the platform's, and the platform's
before the local sandbox's."""

from __future__ import annotations

import json
from datetime import timedelta

import boto3
import pytest

from infra.local.invoke import REGION
from infra.local.messaging_sandbox import MessagingSandbox
from infra.local.runtime import LocalPlatform
from panacea.platform import clock, providers
from panacea.platform.ids import new_id
from panacea.platform.providers import ProviderDown, credentials_of
from panacea.platform.providers.channels import Channel
from panacea.platform.providers.credentials import SANDBOX, secret_name
from panacea.platform.settings import settings
from tests.integration.providers.conftest import URDU, number, outgoing, template
from tests.support import outbox


def test_the_outbox_shows_every_channel_with_its_provider(
    platform: LocalPlatform, sandbox: MessagingSandbox, tenant_id: str
):
    # Given one message on every channel (SMS by both providers)
    to, mail, follower, device = number(), f"{new_id().lower()}@example.com", "o" + new_id(), f"apns:{new_id()}"
    sends = [
        ("twilio", outgoing(tenant_id, Channel.SMS, to, platform, "twilio")),
        ("sns_sms", outgoing(tenant_id, Channel.SMS, to, platform, "sns_sms")),
        ("whatsapp", outgoing(tenant_id, Channel.WHATSAPP, to, platform, "whatsapp", template=template())),
        ("ses", outgoing(tenant_id, Channel.EMAIL, mail, platform, "ses", subject="Reminder")),
        ("wechat", outgoing(tenant_id, Channel.WECHAT, follower, platform, "wechat", template=template("t1", "zh_CN"))),
        ("sns_push", outgoing(tenant_id, Channel.PUSH, device, platform, "sns_push")),
    ]

    # When each is sent
    for provider, message in sends:
        providers.send(provider, message)

    # Then the outbox shows each with its channel and provider
    found = {(m["channel"], m["provider"]) for address in (to, mail, follower, device) for m in outbox(address)}
    assert found == {
        ("sms", "twilio"),
        ("sms", "sns_sms"),
        ("whatsapp", "whatsapp"),
        ("email", "ses"),
        ("wechat", "wechat"),
        ("push", "sns_push"),
    }
    assert [m["text"] for m in outbox(to) if m["provider"] == "twilio"] == [URDU]


def test_a_tenants_own_account_comes_before_the_platforms_and_the_sandboxs(platform: LocalPlatform, tenant_id: str):
    # Given a tenant without an account of its own: it sends with the sandbox's keys
    secrets = boto3.client("secretsmanager", region_name=REGION)
    assert credentials_of(tenant_id, "twilio")["auth_token"] == SANDBOX["twilio"]["auth_token"]

    # When the tenant's own Twilio account is stored, and the cached miss has aged out
    own = {"account_sid": "AC" + "1" * 32, "auth_token": "the-tenants-own-token", "from_number": "+15005550006"}
    secrets.create_secret(Name=secret_name(tenant_id, "twilio"), SecretString=json.dumps(own))
    with clock.use_clock(clock.FixedClock(clock.now() + timedelta(seconds=settings().secrets_max_age_seconds + 1))):
        found = credentials_of(tenant_id, "twilio")

        # Then the tenant's account is used (which the sandbox does not know: 401, as good as down)
        assert found == own
        with pytest.raises(ProviderDown):
            providers.send("twilio", outgoing(tenant_id, Channel.SMS, number(), platform, "twilio"))


def test_the_platforms_account_comes_before_the_sandboxs(tenant_id: str):
    # Given the platform's own account for a provider, and none of the tenant's
    provider = f"acme_{new_id()[-6:].lower()}"
    platform_keys = {"api_key": "the-platforms-key"}
    boto3.client("secretsmanager", region_name=REGION).create_secret(
        Name=secret_name("platform", provider), SecretString=json.dumps(platform_keys)
    )

    # Then the tenant sends with the platform's
    assert credentials_of(tenant_id, provider) == platform_keys
