"""Broadcasts: one event's message to every member with a tag, a page of the audience at a time.

Staff start one (`start`): its record, and its first page's work on `engagement-broadcasts`. Each
page (`send_page`, the queue's consumer) reads up to `PAGE` members through the audience (Queries of
`AUDIENCE_READ`, never a scan), plans each, then:
1. reserves the page's messages on the month's counter and notes the page reserved on the broadcast,
   in ONE transaction (over the limit: what is left of the month is reserved, the rest skipped);
2. writes the messages by BatchWriteItem (no trail entry each: the message's own `status_at` is its
   first; the budget is one write per message), and puts them on their channels' queues;
3. sends the next page's work, and notes the page done (one write).
A page retried after step 1 (SQS delivered it again) reserves nothing twice: it writes only the
messages not written yet and re-sends the pending ones' attempts (the senders send an attempt once).

BroadcastItem  PK T#<t>#BROADCAST#<broadcast> · SK BROADCAST   its progress (pages reserved and
               done, messages accepted, members skipped by reason)."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import UpdateError

from panacea.engagement import audience, intake, limits, rules
from panacea.engagement.message_access import MessageAction
from panacea.engagement.message_items import MessageItem
from panacea.engagement.message_models import Broadcast, BroadcastRequest
from panacea.platform import clock, queues
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, NotFound, Unprocessable
from panacea.platform.ids import new_id
from panacea.platform.keys import tenant_key
from panacea.platform.observability import logger
from panacea.platform.table import DocumentAttribute, TableItem
from panacea.platform.transaction import unit_of_work

QUEUE = "engagement-broadcasts"
PAGE = 5_000  # members per page of work: 10,000 members are two pages (two reservations, two progress notes)
AUDIENCE_READ = 1_000  # members per audience Query


class PageWork(BaseModel):
    model_config = ConfigDict(frozen=True)

    tenant_id: str
    broadcast_id: str
    page: int
    cursor: str | None = None


class BroadcastItem(TableItem, discriminator="broadcast"):
    tenant_id = UnicodeAttribute()
    broadcast_id = UnicodeAttribute()
    tag = UnicodeAttribute()
    event_type = UnicodeAttribute()
    data = DocumentAttribute()
    pages_reserved = NumberAttribute(default=0)
    pages_done = NumberAttribute(default=0)
    last_page_accepted = NumberAttribute(default=0)  # what the latest reserved page took (its retry writes as many)
    accepted = NumberAttribute(default=0)
    skipped = DocumentAttribute(default=dict)  # reason → members
    finished = UnicodeAttribute(null=True)  # "yes" once the last page is reserved
    created_at = UTCDateTimeAttribute()
    finished_at = UTCDateTimeAttribute(null=True)

    @staticmethod
    def key(tenant_id: str, broadcast_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "BROADCAST", broadcast_id), "BROADCAST"

    @classmethod
    def read(cls, tenant_id: str, broadcast_id: str) -> BroadcastItem | None:
        return cls.find(*cls.key(tenant_id, broadcast_id), consistent_read=True)

    def view(self) -> Broadcast:
        done = self.finished == "yes" and self.pages_done >= self.pages_reserved
        return Broadcast(
            id=self.broadcast_id, tag=self.tag, event_type=self.event_type, status="done" if done else "sending",
            pages_done=int(self.pages_done), accepted=int(self.accepted),
            skipped={k: int(v) for k, v in (self.skipped or {}).items()},
            created_at=self.created_at, finished_at=self.finished_at,
        )  # fmt: skip


def start(actor: Actor, cmd: BroadcastRequest) -> Broadcast:
    """Start telling every member tagged `cmd.tag` (202: the pages follow on the queue)."""
    authorize(actor, MessageAction.BROADCAST)
    tenant_id = actor.tenant
    if rules.rule_for(tenant_id, cmd.event_type) is None:
        raise Unprocessable.on_field("event_type", "no_rule", f"no rule tells members about {cmd.event_type}")
    broadcast_id, now = new_id(), clock.now()
    item = BroadcastItem(*BroadcastItem.key(tenant_id, broadcast_id), tenant_id=tenant_id, broadcast_id=broadcast_id,
                         tag=cmd.tag, event_type=cmd.event_type, data=cmd.data, created_at=now)  # fmt: skip
    item.save(condition=BroadcastItem.pk.does_not_exist())
    queues.send_batch(QUEUE, [PageWork(tenant_id=tenant_id, broadcast_id=broadcast_id, page=0).model_dump_json()])
    return item.view()


def get(actor: Actor, broadcast_id: str) -> Broadcast:
    authorize(actor, MessageAction.BROADCAST)
    item = BroadcastItem.read(actor.tenant, broadcast_id)
    if item is None:
        raise NotFound("no such broadcast", field="broadcast_id")
    return item.view()


def _members(tenant_id: str, tag: str, cursor: str | None) -> tuple[list[str], str | None]:
    """Up to PAGE members of the audience from `cursor`, and where the next page starts."""
    members: list[str] = []
    while len(members) < PAGE:
        found, cursor = audience.audience_page(tenant_id, tag, cursor, min(AUDIENCE_READ, PAGE - len(members)))
        members += found
        if cursor is None:
            break
    return members, cursor


def _drafts(b: BroadcastItem, members: list[str], now: datetime) -> tuple[list[intake.Draft], dict[str, int]]:
    rule = rules.rule_for(b.tenant_id, b.event_type)
    skipped: dict[str, int] = {}
    if rule is None:
        return [], {"no_rule": len(members)}
    found, drafts = audience.recipients(b.tenant_id, members), []
    for member_id in members:
        recipient = found.get(member_id)
        plan = audience.plan(b.tenant_id, recipient, rule, now) if recipient else None
        reason = "unknown_member" if plan is None else (plan.skipped or ("" if plan.channels else "unreachable"))
        if reason:
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        assert plan is not None
        message_id = intake.derived_id(b.created_at, "broadcast", b.broadcast_id, member_id)
        drafts.append(intake.Draft(tenant_id=b.tenant_id, message_id=message_id, request_id=b.broadcast_id,
                                   event_type=b.event_type, data=b.data, rule=rule, recipient=found[member_id],
                                   plan=plan))  # fmt: skip
    return drafts, skipped


def _reserve(b: BroadcastItem, page: int, wanted: int, skipped: dict[str, int], *, last: bool, now: datetime) -> int:
    """Reserve the page's messages with the page noted reserved, in one transaction; how many it took."""
    take = wanted
    for _ in range(2):
        try:
            with unit_of_work(b.tenant_id) as uow:
                if take:
                    limits.reserve(uow, b.tenant_id, take, now)
                refused = {"limit_reached": wanted - take} if wanted > take else {}
                uow.update(b, _progress(b, take, {**skipped, **refused}, last, now),
                           condition=BroadcastItem.pages_reserved == page,
                           conflict=Conflict("page reserved before"))  # fmt: skip
            if wanted > take:
                limits.record_refused(b.tenant_id, wanted - take, now)
            return take
        except limits.MessageLimitReached:
            take = min(wanted, limits.room_left(b.tenant_id, now))
    raise limits.limit_reached(b.tenant_id, limits.monthly_limit(b.tenant_id), limits.month_of(now))


def _progress(b: BroadcastItem, take: int, skipped: dict[str, int], last: bool, now: datetime) -> list[Any]:
    actions = [BroadcastItem.pages_reserved.add(1), BroadcastItem.accepted.add(take),
               BroadcastItem.last_page_accepted.set(take)]  # fmt: skip
    so_far = dict(b.skipped or {})  # read at this page's reservation, which the update is conditioned on
    for reason, n in skipped.items():
        so_far[reason] = int(so_far.get(reason, 0)) + n
    actions.append(BroadcastItem.skipped.set(so_far))
    if last:
        actions += [BroadcastItem.finished.set("yes"), BroadcastItem.finished_at.set(now)]
    return actions


def _write(drafts: list[intake.Draft], now: datetime, *, retried: bool) -> list[MessageItem]:
    """The page's messages written (those not written yet, on a retry); those to put on the queues."""
    made = [intake.records_of(draft, now)[0] for draft in drafts]
    pending: list[MessageItem] = []
    if retried and made:
        before = {m.message_id: m for m in MessageItem.batch_get([(m.pk, m.sk) for m in made])}
        pending = [m for m in before.values() if m.status in intake.PENDING and m.step == 0]
        made = [m for m in made if m.message_id not in before]
    with MessageItem.batch_write() as batch:
        for message in made:
            batch.save(message)
    return pending + made


def send_page(work: PageWork, *, retried: bool = False) -> int:
    """One page of a broadcast (see the module's steps); the messages it put on the queues."""
    b = BroadcastItem.read(work.tenant_id, work.broadcast_id)
    if b is None or b.pages_done > work.page:
        return 0  # gone, or this page was done before
    now = clock.now()
    members, cursor = _members(b.tenant_id, b.tag, work.cursor)
    drafts, skipped = _drafts(b, members, now)
    if b.pages_reserved == work.page:
        take = _reserve(b, work.page, len(drafts), skipped, last=cursor is None, now=now)
    else:
        take, retried = int(b.last_page_accepted), True  # reserved by an earlier delivery of this page
    messages = _write(drafts[:take], now, retried=retried)
    intake.dispatch(messages, now)
    if cursor is not None:
        nxt = PageWork(tenant_id=b.tenant_id, broadcast_id=b.broadcast_id, page=work.page + 1, cursor=cursor)
        queues.send_batch(QUEUE, [nxt.model_dump_json()])
    with contextlib.suppress(UpdateError):  # a concurrent delivery of this page noted it first
        BroadcastItem(*BroadcastItem.key(b.tenant_id, b.broadcast_id)).update(
            actions=[BroadcastItem.pages_done.set(work.page + 1)], condition=BroadcastItem.pages_done <= work.page
        )
    logger.info("broadcast page sent", extra={"broadcast_id": b.broadcast_id, "page": work.page, "messages": take})
    return len(messages)
