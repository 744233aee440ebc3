"""What the intake's suites share: an audience of known members (the preferences slice's contract,
played by a small in-memory stand-in: who has which addresses and tags), a tenant, and what the
intake put on the channels' queues (the real `send_batch`, watched)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from panacea.engagement import audience
from panacea.platform import queues
from panacea.platform.providers.channels import Channel
from tests.support import staff


@dataclass
class Audience:
    """Members the engine can reach (by id), and the tags they carry, in order."""

    reachable: dict[str, dict[Channel, str]] = field(default_factory=dict)
    tags: dict[str, list[str]] = field(default_factory=dict)
    consenting: set[str] = field(default_factory=set)

    def member(
        self, member_id: str, *tags: str, channels: tuple[Channel, ...] = tuple(Channel), consent: bool = True
    ) -> str:
        """A member reachable on `channels`, in `tags`, who agreed to marketing unless `consent` is False."""
        self.reachable[member_id] = {c: f"{c.value}:{member_id}" for c in channels}
        if consent:
            self.consenting.add(member_id)
        for tag in tags:
            self.tags.setdefault(tag, []).append(member_id)
        return member_id

    def recipients(self, tenant_id: str, member_ids: list[str]) -> dict[str, audience.Recipient]:
        return {m: audience.Recipient(member_id=m, addresses=self.reachable[m], marketing_consent=m in self.consenting)
                for m in member_ids if m in self.reachable}  # fmt: skip

    def page(self, tenant_id: str, tag: str, cursor: str | None, limit: int) -> tuple[list[str], str | None]:
        members, start = self.tags.get(tag, []), int(cursor or 0)
        end = start + limit
        return members[start:end], (str(end) if end < len(members) else None)


@dataclass
class Sent:
    """What `send_batch` was asked to send, by queue."""

    batches: list[tuple[str, list[str], int]] = field(default_factory=list)

    def bodies(self, queue: str) -> list[dict[str, Any]]:
        return [json.loads(b) for q, bodies, _ in self.batches if q == queue for b in bodies]


@pytest.fixture
def members(monkeypatch: pytest.MonkeyPatch) -> Audience:
    known = Audience()
    monkeypatch.setattr(audience, "recipients", known.recipients)
    monkeypatch.setattr(audience, "audience_page", known.page)
    return known


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Sent:
    seen, real = Sent(), queues.send_batch

    def watched(queue: str, bodies: Any, *, delay_s: int = 0) -> int:
        seen.batches.append((queue, list(bodies), delay_s))
        return real(queue, bodies, delay_s=delay_s)

    monkeypatch.setattr(queues, "send_batch", watched)
    return seen


def owner(tenant_id: str) -> dict[str, str]:
    return staff(tenant_id, "owner", user_id="owner-1")


def member_caller(tenant_id: str, member_id: str) -> dict[str, str]:
    return staff(tenant_id, "member", user_id=member_id)
