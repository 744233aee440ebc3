"""What the providers' suites share: the running platform's messaging sandbox (its behaviour reset
after each test), a fresh tenant id (the providers' port needs no tenant record: without a secret
of its own, a tenant sends with the sandbox's keys), outgoing messages, and the callbacks the
sandbox sent, read back as the platform's endpoint receives them."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import pytest

from infra.local.messaging_sandbox import MessagingSandbox
from infra.local.messaging_sandbox_callbacks import Callback
from infra.local.runtime import LocalPlatform
from panacea.platform.ids import new_id
from panacea.platform.providers import CallbackRead, Outgoing, Template, read_callback
from panacea.platform.providers.channels import Channel
from tests.support.builders import eventually

URDU = "آپ کی ملاقات کل صبح دس بجے ہے۔ شکریہ!"  # noqa: RUF001 - the Urdu full stop


@pytest.fixture
def sandbox(platform: LocalPlatform) -> Iterator[MessagingSandbox]:
    assert platform.messaging is not None
    yield platform.messaging
    platform.messaging.reset()


@pytest.fixture
def tenant_id() -> str:
    return new_id()


def number() -> str:
    """A fresh UK mobile number (each test its own: the sandbox remembers what each number was sent)."""
    return f"+447700{secrets.randbelow(10**6):06d}"


def outgoing(
    tenant_id: str, channel: Channel, to: str, platform: LocalPlatform, provider: str, **more: Any
) -> Outgoing:
    return Outgoing(
        tenant_id=tenant_id,
        message_id=new_id(),
        attempt_id=new_id(),
        channel=channel,
        to=to,
        text=more.pop("text", URDU),
        callback_url=f"{platform.api_url}/v1/messaging/callbacks/{provider}/{tenant_id}",
        **more,
    )


def template(name: str = "appointment_reminder", language: str = "ur", *params: str, **fields: str) -> Template:
    return Template(name=name, language=language, params=list(params), fields=fields)


def callbacks_about(sandbox: MessagingSandbox, text: str, count: int) -> list[Callback]:
    """The first `count` callbacks whose body mentions `text` (a message id, a number), once sent."""

    def found() -> list[Callback]:
        sent = [c for c in list(sandbox.callbacks) if text in c.body.decode("utf-8", "replace") and c.attempts]
        return sent if len(sent) >= count else []

    sent: list[Callback] = eventually(found, what=f"{count} callbacks about {text}")
    return sent[:count]


def read(provider: str, tenant_id: str, callback: Callback, **changes: Any) -> CallbackRead:
    """The platform's reading of a callback (with its url, headers or body changed, to forge one)."""
    return read_callback(
        provider,
        tenant_id,
        url=changes.get("url", callback.url),
        headers=changes.get("headers", callback.headers),
        body=changes.get("body", callback.body),
    )
