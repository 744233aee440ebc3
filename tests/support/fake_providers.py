"""Test-only messaging providers: real adapters behind the providers' port (no mock of any client),
whose behaviour a test sets: sending (each outgoing message kept), down (`ProviderDown`: an outage)
or refusing (`ProviderRefused`). Their callbacks are JSON signed with an HMAC-SHA256 of the body
(`X-Fake-Signature`). The channels slice's sandboxes replace them where a real provider's exists."""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
import types
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from panacea.platform.ids import new_id
from panacea.platform.providers import (
    BadSignature,
    CallbackRead,
    InboundMessage,
    Outgoing,
    ProviderDown,
    ProviderRefused,
    Receipt,
    StatusReport,
)
from panacea.platform.providers.channels import Channel, Status

SECRET = b"fake-provider-secret"
SIGNATURE = "X-Fake-Signature"


@dataclass
class FakeProvider:
    name: str
    channel: Channel
    behaviour: str = "sending"  # sending · down · refusing
    sent: list[Outgoing] = field(default_factory=list)
    calls: int = 0

    def send(self, outgoing: Outgoing, credentials: dict[str, Any]) -> Receipt:
        self.calls += 1
        if self.behaviour == "down":
            raise ProviderDown(f"{self.name} answered 503")
        if self.behaviour == "refusing":
            raise ProviderRefused("refused", f"{self.name} will not take it")
        self.sent.append(outgoing)
        return Receipt(provider=self.name, provider_message_id=f"{self.name}-{new_id()}")

    def read_callback(
        self, *, url: str, headers: dict[str, str], body: bytes, credentials: dict[str, Any]
    ) -> CallbackRead:
        given = {k.lower(): v for k, v in headers.items()}.get(SIGNATURE.lower(), "")
        if not hmac.compare_digest(given, signature(body)):
            raise BadSignature(f"{SIGNATURE} does not sign the body")
        said = json.loads(body)
        return CallbackRead(
            statuses=[
                StatusReport(provider=self.name, provider_message_id=s["id"], status=Status(s["status"]),
                             timestamp=datetime.fromisoformat(s["at"]), recipient=s.get("to"), raw=s)
                for s in said.get("statuses", [])
            ],
            inbound=[
                InboundMessage(provider=self.name, sender=m["from"], timestamp=datetime.fromisoformat(m["at"]))
                for m in said.get("inbound", [])
            ],
        )  # fmt: skip


def signature(body: bytes) -> str:
    return hmac.new(SECRET, body, hashlib.sha256).hexdigest()


def module_of(provider: FakeProvider) -> tuple[str, types.ModuleType]:
    """A module holding `provider` as its ADAPTER (the port loads adapters by module name)."""
    name = f"tests.support.fake_providers.{provider.name}"
    module = types.ModuleType(name)
    module.ADAPTER = provider  # type: ignore[attr-defined]
    return name, module


def installed(name: str) -> bool:
    return f"tests.support.fake_providers.{name}" in sys.modules
