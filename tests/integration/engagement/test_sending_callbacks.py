"""Each message tells its provider where to report its statuses: the platform's public callback
endpoint for that provider and tenant (`PANACEA_MESSAGING_CALLBACK_BASE`), as Twilio's StatusCallback
and WhatsApp's `biz_opaque_callback_data` carry it; without the setting no URL is given."""

from __future__ import annotations

import pytest

from panacea.engagement import audience, sending
from panacea.platform.ids import new_id
from panacea.platform.providers import Outgoing
from panacea.platform.providers.channels import Channel, Status
from panacea.platform.settings import settings
from tests.integration.engagement.delivery_support import message, queued, senders

API = "https://api.harbour-gene.example/live"  # a stage URL as API Gateway gives it ends in /


def _sent_through(people, provider, chain_of, name: str) -> tuple[str, list[Outgoing]]:
    sms = provider(name, Channel.SMS)
    chain_of(Channel.SMS, (name,))
    tenant_id, member_id = new_id(), new_id()
    people[member_id] = audience.Recipient(member_id=member_id, addresses={Channel.SMS: "+447700900140"})
    work = queued(tenant_id, member_id, [Channel.SMS])
    senders(work.model_dump_json())
    assert message(work).status == Status.SENT
    return tenant_id, sms.sent


def test_a_message_names_the_platforms_callback_endpoint_for_its_provider_and_tenant(
    people, provider, chain_of, monkeypatch: pytest.MonkeyPatch
):
    # Given the platform's API at a public base URL
    configured = settings().model_copy(update={"messaging_callback_base": API + "/"})
    monkeypatch.setattr(sending, "settings", lambda: configured)
    # When a message goes out through a provider
    tenant_id, sent = _sent_through(people, provider, chain_of, "reporting_sms")
    # Then the provider is told to report its statuses to the tenant's endpoint for that provider
    assert [o.callback_url for o in sent] == [f"{API}/v1/messaging/callbacks/reporting_sms/{tenant_id}"]


def test_without_a_public_base_no_callback_url_is_given(people, provider, chain_of, monkeypatch: pytest.MonkeyPatch):
    # Given no public base URL configured
    configured = settings().model_copy(update={"messaging_callback_base": None})
    monkeypatch.setattr(sending, "settings", lambda: configured)
    # When a message goes out, Then the provider is given no callback URL
    _, sent = _sent_through(people, provider, chain_of, "quiet_sms")
    assert [o.callback_url for o in sent] == [None]
