"""The delivery tests' ground: messages as the intake accepts them (a record queued on its first
channel, with its chain), the people they go to, the senders invoked as SQS delivers to them, and
the message's record and trail read back."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from infra import wiring
from infra.local.invoke import invoke
from panacea.engagement.message_items import ChannelWork, HopItem, MessageItem, message_partition
from panacea.platform import clock
from panacea.platform.ids import new_id
from panacea.platform.providers.channels import Channel, Status
from panacea.platform.table import TableItem


def queued(
    tenant_id: str,
    member_id: str,
    chain: list[Channel],
    *,
    send_at: datetime | None = None,
    receipt_window_s: int = 900,
    data: dict[str, Any] | None = None,
) -> ChannelWork:
    """A message accepted for `member_id`, on its chain's first channel (waiting until `send_at`)."""
    now = clock.now()
    message_id, attempt_id = new_id(), new_id()
    status = Status.WAITING if send_at and send_at > now else Status.QUEUED
    item = MessageItem.new(
        tenant_id, message_id, request_id=new_id(), member_id=member_id, event_type="order.paid",
        data=data or {"order_id": "01M8A2C4E6G8J0K2M4P6R8T0W3"}, locale="en-GB", chain=[str(c) for c in chain],
        step=0, channel=str(chain[0]), attempt_id=attempt_id, status=status, status_at=now, send_at=send_at,
        receipt_window_s=receipt_window_s, created_at=now,
    )  # fmt: skip
    item.save()
    return ChannelWork(tenant_id=tenant_id, message_id=message_id, attempt_id=attempt_id)


def record(body: str) -> dict[str, Any]:
    return {"messageId": str(uuid.uuid4()), "body": body, "eventSource": "aws:sqs"}


def senders(*bodies: str) -> dict[str, Any]:
    """The senders' function handed a batch of these bodies, as the channel queues deliver them."""
    fn = wiring.function("EngagementSenders")
    return dict(invoke(fn.handler, {"Records": [record(b) for b in bodies]}, function_name=fn.name))


def deliveries(*events: dict[str, Any]) -> dict[str, Any]:
    fn = wiring.function("EngagementDeliveries")
    return dict(invoke(fn.handler, {"Records": [record(json.dumps(e)) for e in events]}, function_name=fn.name))


def message(work: ChannelWork) -> MessageItem:
    found = MessageItem.read(work.tenant_id, work.message_id)
    assert found is not None
    return found


def trail(work: ChannelWork) -> list[HopItem]:
    """The message's hops, oldest first."""
    items = TableItem.query(message_partition(work.tenant_id, work.message_id), TableItem.sk.startswith("HOP#"))
    return [i for i in items if isinstance(i, HopItem)]


def attempts(work: ChannelWork) -> list[str]:
    items = TableItem.query(message_partition(work.tenant_id, work.message_id), TableItem.sk.startswith("ATTEMPT#"))
    return [i.sk.removeprefix("ATTEMPT#") for i in items]
