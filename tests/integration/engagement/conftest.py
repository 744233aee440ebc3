"""The engagement suites' fixtures: a known audience and what went on the queues (intake_support.py);
who the engine can reach (`people`); the running platform's messaging sandbox (the real Twilio and
WhatsApp clients talk to it; its behaviour reset after each test) and the order of a channel's
providers."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest

from infra.local.messaging_sandbox import MessagingSandbox
from infra.local.runtime import LocalPlatform
from panacea.engagement import audience
from panacea.platform import providers
from panacea.platform.providers.channels import Channel
from tests.integration.engagement.intake_support import members, sent


@pytest.fixture
def people(monkeypatch: pytest.MonkeyPatch) -> dict[str, audience.Recipient]:
    """Who the engine can reach, by member id (what the preferences slice's profiles will say)."""
    directory: dict[str, audience.Recipient] = {}

    def recipients(tenant_id: str, member_ids: list[str]) -> dict[str, audience.Recipient]:
        return {m: directory[m] for m in member_ids if m in directory}

    monkeypatch.setattr(audience, "recipients", recipients)
    return directory


@pytest.fixture
def sandbox(platform: LocalPlatform) -> Iterator[MessagingSandbox]:
    """The platform's messaging sandbox: `sandbox.behave(down=["twilio"], refused=[number], withheld=[…])`."""
    assert platform.messaging is not None
    yield platform.messaging
    platform.messaging.reset()


def mobile() -> str:
    """A fresh UK mobile number (the sandbox remembers what each number was sent)."""
    return f"+447700{secrets.randbelow(10**6):06d}"


@pytest.fixture
def chain_of(monkeypatch: pytest.MonkeyPatch) -> Callable[[Channel, tuple[str, ...]], None]:
    """Set a channel's providers, in the order they are tried."""

    def set_(channel: Channel, names: tuple[str, ...]) -> None:
        monkeypatch.setitem(providers.CHANNEL_PROVIDERS, channel, names)

    return set_


@pytest.fixture
def inbound(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, datetime]]:
    """People's own messages the engine noted (the preferences slice keeps their window)."""
    noted: list[tuple[str, str, datetime]] = []

    def note_inbound(tenant_id: str, sender: str, at: datetime) -> Any:
        noted.append((tenant_id, sender, at))

    monkeypatch.setattr(audience, "note_inbound", note_inbound)
    return noted


__all__ = ["members", "sent"]
