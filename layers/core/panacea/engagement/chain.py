"""The reachability chain: when a way to a person fails (refused, every provider down, a failure
status, no receipt in time), the message's next channel gets a new attempt; when none is left the
message has failed. Every move is one trail entry saying why.

Attempt ids after the first (the intake's) are derived from where on the chain they are
(`S<step>P<provider index>`): a move made twice (a retried record, a failure callback racing the
receipt check) names the same attempt, the message's version lets one of them through, and the
other finds the message already moved on."""

from __future__ import annotations

from datetime import datetime

from panacea.engagement import delivery_dal as dal
from panacea.engagement.delivery_models import MessageStatusChanged
from panacea.engagement.message_items import ChannelWork, HopItem, MessageItem
from panacea.platform import queues
from panacea.platform.errors import ConcurrentUpdate
from panacea.platform.observability import logger
from panacea.platform.providers import StatusReport
from panacea.platform.providers.channels import Channel, Status


def attempt_for(step: int, provider_index: int) -> str:
    return f"S{step}P{provider_index}"


def queue_of(channel: Channel | str) -> str:
    return f"engagement-{channel}"


def status_event(
    item: MessageItem, status: Status, at: datetime, *, recipient: str | None = None
) -> MessageStatusChanged:
    return MessageStatusChanged(
        message_id=item.message_id, status=status, timestamp=at, recipient=recipient or item.address,
        channel=Channel(item.channel), provider=item.provider,
    )  # fmt: skip


def move_on(item: MessageItem, reason: str, at: datetime, *, failure: StatusReport | None = None) -> None:
    """The chain's next step for `item` (as read, at its current attempt): a failure report first
    recorded (its status, its raw payload, its event), then the next channel queued, or the message
    failed when the chain is done. One transaction; the next channel's work is queued after it."""
    hops: list[HopItem] = []
    events: list[MessageStatusChanged] = []
    if failure is not None:
        hops.append(dal.hop(item, at, status=failure.status, note=failure.error_code or reason, raw=failure.raw))
        events.append(status_event(item, failure.status, at, recipient=failure.recipient))
    moved_from = item.attempt_id
    nxt = int(item.step) + 1
    if nxt >= len(item.chain):
        _fail(item, at)
        hops.append(dal.hop(item, at, note=f"{reason}; chain exhausted"))
        if failure is None:
            events.append(status_event(item, Status.FAILED, at))
        work, channel = None, ""
    else:
        channel = str(item.chain[nxt])
        item.step, item.channel, item.provider, item.provider_message_id, item.address = nxt, channel, None, None, None
        item.attempt_id, item.status, item.status_at = attempt_for(nxt, 0), Status.QUEUED, at
        hops.append(dal.hop(item, at, note=reason))
        work = ChannelWork(tenant_id=item.tenant_id, message_id=item.message_id, attempt_id=item.attempt_id)
    try:
        dal.commit(item, hops, events=tuple(events))
    except ConcurrentUpdate:
        latest = dal.message(item.tenant_id, item.message_id)
        if work is None or latest is None or latest.attempt_id != work.attempt_id:
            logger.info("message moved on already", extra={"message_id": item.message_id, "from": moved_from})
            return
    if work is not None:  # again after a retried move: the attempt's claim keeps it to one send
        queues.send_batch(queue_of(channel), [work.model_dump_json()])


def _fail(item: MessageItem, at: datetime) -> None:
    item.status, item.status_at = Status.FAILED, at
