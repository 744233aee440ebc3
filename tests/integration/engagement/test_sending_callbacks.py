"""Each message tells its provider where to report its statuses: the platform's public callback
endpoint for that provider and tenant (`PANACEA_MESSAGING_CALLBACK_BASE`), as Twilio's StatusCallback
and WhatsApp's `biz_opaque_callback_data` carry it; without the setting no URL is given."""

from __future__ import annotations

import pytest

from panacea.engagement import audience, sending
from panacea.platform.ids import new_id
from panacea.platform.providers.channels import Channel, Status
from panacea.platform.settings import settings
from tests.integration.engagement.conftest import mobile
from tests.integration.engagement.delivery_support import message, queued, senders

API = "https://api.harbour-gene.example/live"  # a stage URL as API Gateway gives it ends in /


def _sent_through_twilio(people, sandbox, chain_of) -> tuple[str, list[str | None]]:
    """A tenant's SMS sent by Twilio's client to the sandbox, and the StatusCallback Twilio was given."""
    chain_of(Channel.SMS, ("twilio",))
    tenant_id, member_id, number = new_id(), new_id(), mobile()
    people[member_id] = audience.Recipient(member_id=member_id, addresses={Channel.SMS: number})
    work = queued(tenant_id, member_id, [Channel.SMS])
    senders(work.model_dump_json())
    assert message(work).status == Status.SENT
    return tenant_id, [m.get("callback_url") for m in sandbox.sent(to=number)]


def test_a_message_names_the_platforms_callback_endpoint_for_its_provider_and_tenant(
    people, sandbox, chain_of, monkeypatch: pytest.MonkeyPatch
):
    # Given the platform's API at a public base URL
    configured = settings().model_copy(update={"messaging_callback_base": API + "/"})
    monkeypatch.setattr(sending, "settings", lambda: configured)
    # When a message goes out through a provider
    tenant_id, callbacks = _sent_through_twilio(people, sandbox, chain_of)
    # Then the provider is told to report its statuses to the tenant's endpoint for that provider
    assert callbacks == [f"{API}/v1/messaging/callbacks/twilio/{tenant_id}"]


def test_without_a_public_base_no_callback_url_is_given(people, sandbox, chain_of, monkeypatch: pytest.MonkeyPatch):
    # Given no public base URL configured
    configured = settings().model_copy(update={"messaging_callback_base": None})
    monkeypatch.setattr(sending, "settings", lambda: configured)
    # When a message goes out, Then the provider is given no callback URL
    _, callbacks = _sent_through_twilio(people, sandbox, chain_of)
    assert callbacks == [None]
