"""Accepting a message: from a rule's plan for one member to its record and its channel's queue.

One message is accepted by ONE transaction: the MessageItem (queued, or waiting until `send_at`),
its first HopItem, and the month's counter under the tier's limit (`limits.reserve`). Its id is
derived from where it came from (an event, a request, a broadcast) and whom it tells, so the same
source accepted twice writes nothing twice: the second time finds the first's record and puts its
attempt on the queue again (the senders send an attempt at most once).

`dispatch` puts accepted messages on their first channel's queue (`engagement-<channel>`) in batches
of ten, `ChannelWork` bodies, delayed by SQS until a `send_at` up to 15 minutes away (the senders
re-delay a longer wait)."""

from __future__ import annotations

import base64
import hashlib
import math
import random
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from panacea.engagement import limits
from panacea.engagement.audience import Plan, Recipient
from panacea.engagement.message_items import ChannelWork, HopItem, MessageItem
from panacea.engagement.rules import Rule
from panacea.platform import queues
from panacea.platform.errors import ConcurrentUpdate, Conflict
from panacea.platform.ids import id_at, time_prefix
from panacea.platform.providers.channels import Status
from panacea.platform.transaction import unit_of_work

_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ")
CONFLICT_RETRIES = 5  # transactions on one tenant's month counter may collide under load
PENDING = frozenset({Status.QUEUED.value, Status.WAITING.value})


def derived_id(at: datetime, *parts: str) -> str:
    """A ULID-shaped id sorted by `at`, the same every time for the same `parts`."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()[:10]  # 80 bits: 16 base32 characters
    return time_prefix(at) + base64.b32encode(digest).decode().translate(_CROCKFORD)


class AlreadyAccepted(Conflict):
    """This message was accepted before (the same source, the same member)."""


@dataclass(frozen=True)
class Draft:
    """One message to accept: for `recipient`, by `rule`'s `plan`, from request `request_id`."""

    tenant_id: str
    message_id: str
    request_id: str
    event_type: str
    data: dict[str, Any]
    rule: Rule
    recipient: Recipient
    plan: Plan


@dataclass
class Outcome:
    accepted: list[MessageItem] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # member → reason


def records_of(draft: Draft, at: datetime) -> tuple[MessageItem, HopItem]:
    """The message's record and the first entry of its trail."""
    plan, rule = draft.plan, draft.rule
    waits = plan.send_at is not None and plan.send_at > at
    status = Status.WAITING if waits else Status.QUEUED
    first, attempt = plan.channels[0].value, id_at(at)
    message = MessageItem.new(
        draft.tenant_id, draft.message_id,
        request_id=draft.request_id, member_id=draft.recipient.member_id, event_type=draft.event_type,
        data=draft.data, critical=rule.critical, marketing=rule.marketing, locale=draft.recipient.locale,
        chain=[c.value for c in plan.channels], step=0, channel=first, attempt_id=attempt, status=status.value,
        status_at=at, send_at=plan.send_at if waits else None, receipt_window_s=rule.receipt_window_s, created_at=at,
    )  # fmt: skip
    hop = HopItem.new(draft.tenant_id, draft.message_id, attempt, status=status.value, channel=first,
                      attempt_id=attempt, note="accepted", at=at)  # fmt: skip
    return message, hop


def accept(draft: Draft, at: datetime, *, limit: int | None = None) -> MessageItem | None:
    """Accept one message (MessageLimitReached over the month's limit). The message to dispatch: the
    new one, or the one accepted before if it still waits for its first attempt; None if it moved on."""
    message, hop = records_of(draft, at)
    for attempt in range(CONFLICT_RETRIES):
        try:
            with unit_of_work(draft.tenant_id) as uow:
                uow.create(message, conflict=AlreadyAccepted("message accepted before"))
                uow.create(hop, conflict=AlreadyAccepted("message accepted before"))
                limits.reserve(uow, draft.tenant_id, 1, at, limit=limit)
            return message
        except AlreadyAccepted:
            before = MessageItem.read(draft.tenant_id, draft.message_id)
            pending = before is not None and before.status in PENDING and before.step == 0
            return before if pending else None
        except ConcurrentUpdate:
            if attempt == CONFLICT_RETRIES - 1:
                raise
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))  # noqa: S311 - jitter, not a secret
    return None  # unreachable: the last conflict is raised


def delay_of(message: MessageItem, now: datetime) -> int:
    """Seconds SQS holds a message back: until its `send_at`, at most 15 minutes."""
    if message.send_at is None or message.send_at <= now:
        return 0
    return min(queues.MAX_DELAY_S, math.ceil((message.send_at - now).total_seconds()))


def dispatch(messages: Iterable[MessageItem], now: datetime) -> int:
    """Put each message's attempt on its channel's queue; returns the SQS requests made."""
    batches: dict[tuple[str, int], list[str]] = defaultdict(list)
    for message in messages:
        work = ChannelWork(tenant_id=message.tenant_id, message_id=message.message_id, attempt_id=message.attempt_id)
        batches[(message.channel, delay_of(message, now))].append(work.model_dump_json())
    return sum(
        queues.send_batch(f"engagement-{channel}", bodies, delay_s=delay)
        for (channel, delay), bodies in sorted(batches.items())
    )
