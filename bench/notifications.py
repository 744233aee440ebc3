"""Notifications' figures: one notification from the event on the bus to its delivered receipt, by
channel; a broadcast to 10,000 members against the issue's budget; and their list-price cost.

A platform of its own (`LocalPlatform` in a fresh process, as bench/gene_tests.py runs it) with a
`bench.costs.UnitsLedger`, every client watched and the safety nets of bench/requests.py. Set up, not
counted: a tenant onboarded (professional tier: 25,000 messages a month), and its members written
straight to the table (identity's user item, the member's notification settings with marketing
consent, the audience's membership): the bench's own writes, booked outside any function.

**One notification** (`one_notification`), per channel the member prefers (their `channel_order`):
`order.paid` put on the bus as orders' relay puts it, then everything until the platform is quiet:
the rule to the fan-out queue, EngagementFanout (rule, recipient, plan, the accepting transaction,
SendMessageBatch), EngagementSenders (the message read, the recipient, the attempt claimed, the
breaker, the provider's API on the local messaging sandbox or SES/SNS on moto, the sent transaction
with its status event, the receipt check queued), the provider's signed status callbacks through API
Gateway to EngagementWebhooks (SES's delivery event through the bus to EngagementDeliveries), the
relay publishing `message.status_changed`, and whatever consumes it. Then the receipt check, run when
its window is over (the bench invokes the senders with the check's body at its due time: SQS holds it
for the rule's window, 15 minutes for order.paid).

**The broadcast** (`broadcast`): staff `POST /v1/broadcasts` of `news.published` (marketing, the
quiet chain: push, wechat, email) to a tag of BROADCAST_MEMBERS members who consented and have only
an email; the channel senders' queue pollers are stopped first, so the figure is the broadcast itself
(its pages, the messages accepted and put on the email queue), not the 10,000 sends. Counted: the
requests of EngagementApi and EngagementBroadcasts, by operation; DynamoDB writes as items written
(a BatchWriteItem's 25 count 25, a transaction's items one each) beside write request units (a
transaction's items bill twice); SQS requests the functions sent plus Lambda's poller's ReceiveMessage
and DeleteMessageBatch for each page message (not seen by the ledger: estimated); the wall time from
the POST until the broadcast is done.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import boto3

from bench import requests as bench_requests
from bench.costs import UnitsLedger
from bench.ledger import aws_only, wait_until_quiet
from bench.notification_steps import SENDERS, Row, Spent, Watched, by_service, merged, seed_members
from infra import wiring
from infra.local.invoke import REGION, invoke
from infra.local.runtime import LocalPlatform
from panacea.platform import clock
from panacea.platform.ids import new_id
from tests.support import PLATFORM_ADMIN, builders, in_process, resources, staff

BROADCAST_MEMBERS = 10_000
BUDGET_SQS, BUDGET_WRITES = 1_100, 10_010  # the budget for a broadcast to 10,000 members
CHANNELS = ("whatsapp", "sms", "email")  # one notification's figures, by the channel the member prefers
PER = 1_000  # cost quoted per this many notifications
POLLER_REQUESTS_PER_PAGE = 2  # Lambda's SQS poller: ReceiveMessage, then DeleteMessageBatch, per page message
BROADCASTS = "EngagementBroadcasts"
FANOUT, API, RELAY = "EngagementFanout", "EngagementApi", "OutboxRelay"


# --- one notification, per channel ---------------------------------------------------------------


@dataclass
class Notification:
    channel: str  # the channel the member prefers (their channel_order's first)
    delivered: Spent  # from the event on the bus until quiet (its provider's callbacks included)
    receipt_check: Spent  # the receipt check, at its due time
    status: str  # the message's status at the end
    provider: str | None
    trail: list[str]  # its hops' statuses and notes

    @property
    def whole(self) -> Spent:
        return merged(f"one notification by {self.channel}", [self.delivered, self.receipt_check])

    def as_dict(self) -> dict[str, Any]:
        whole = self.whole
        return {
            "channel": self.channel,
            "provider": self.provider,
            "status": self.status,
            "trail": self.trail,
            "delivered": self.delivered.as_dict(),
            "receipt_check": self.receipt_check.as_dict(),
            "total": whole.as_dict() | by_service(whole),
            f"cost_per_{PER}_usd": {k: round(v * PER, 5) for k, v in whole.cost().items()},
        }


def _paid(member_id: str) -> Any:
    from panacea.orders import OrderPaid  # noqa: PLC0415 - orders' event, as its relay puts it on the bus
    from tests.integration.distribution.network import gbp, line  # noqa: PLC0415

    return OrderPaid(order_id=new_id(), member_id=member_id, total=gbp(4_999), payment_id=new_id(),
                     payment_method="card", lines=[line(1, 4_999)], referral_code=None)  # fmt: skip


def _message_of(tenant_id: str, member_id: str) -> Any:
    """The member's newest message (the bench's read, uncounted)."""
    from panacea.engagement.message_items import MessageItem, member_messages  # noqa: PLC0415
    from panacea.platform.isolation import acting_for  # noqa: PLC0415

    with acting_for(tenant_id):
        found = list(MessageItem.by_gsi1.query(member_messages(tenant_id, member_id), scan_index_forward=False,
                                               limit=1))  # fmt: skip
        return found[0] if found else None


def _trail(tenant_id: str, message_id: str) -> list[str]:
    from panacea.engagement.message_items import HopItem, message_partition  # noqa: PLC0415
    from panacea.platform.isolation import acting_for  # noqa: PLC0415
    from panacea.platform.table import TableItem  # noqa: PLC0415

    with acting_for(tenant_id):
        hops = sorted((i for i in TableItem.query(message_partition(tenant_id, message_id)) if isinstance(i, HopItem)),
                      key=lambda h: h.sk)  # fmt: skip
    return [f"{h.status} {h.channel}/{h.provider or '-'}" + (f" ({h.note})" if h.note else "") for h in hops]


def one_notification(watched: Watched, tenant_id: str, channel: str) -> Notification:
    """order.paid for a member who prefers `channel`, from the bus to the delivered receipt."""
    member_id = f"bench-{channel}-{new_id()}"
    email, phone = f"{member_id.lower()}@bench.example", f"+4477009{time.time_ns() % 100_000:05d}"
    seed_members(tenant_id, [(member_id, email, phone, {"channel_order": [channel]})])
    delivered = watched.measure(f"order.paid by {channel}: bus to delivered",
                                lambda: watched.publish(tenant_id, _paid(member_id)), only=engagement)  # fmt: skip
    message = _message_of(tenant_id, member_id)
    if message is None:
        watched.warnings.append(f"{channel}: no message was accepted")
        empty = Spent("receipt check", {}, {}, Counter(), Counter(), 0, 0.0)
        return Notification(channel, delivered, empty, "none", None, [])
    check = receipt_check(watched, message)
    message = _message_of(tenant_id, member_id)
    if message.status not in ("delivered", "read"):
        watched.warnings.append(f"{channel}: the message ended {message.status} on {message.channel}")
    if message.channel != channel:
        watched.warnings.append(f"{channel}: the message went by {message.channel}")
    return Notification(channel, delivered, check, str(message.status), message.provider,
                        _trail(tenant_id, message.message_id))  # fmt: skip


def engagement(caller: str) -> bool:
    """The callers a notification is booked to: engagement's functions and the relay publishing its
    status events (order.paid's other consumers, in distribution and logistics, are not the notification's)."""
    return caller.startswith("Engagement") or caller == RELAY


def receipt_check(watched: Watched, message: Any) -> Spent:
    """The check the sender queued for the rule's window, run at its due time (SQS holds it until then):
    the senders invoked with its body, as the poller hands it over."""
    import json  # noqa: PLC0415

    from panacea.engagement.delivery_models import ReceiptCheck  # noqa: PLC0415

    window = int(message.receipt_window_s or 0)
    due = ReceiptCheck(tenant_id=message.tenant_id, message_id=message.message_id, attempt_id=message.attempt_id,
                       due_at=message.status_at + timedelta(seconds=window))  # fmt: skip
    record = {
        "messageId": new_id(),
        "receiptHandle": "bench",
        "body": json.dumps(due.model_dump(mode="json")),
        "attributes": {"ApproximateReceiveCount": "1"},
        "messageAttributes": {},
        "eventSource": "aws:sqs",
    }
    senders = wiring.function(SENDERS)

    def run() -> None:
        with clock.use_clock(clock.FixedClock(due.due_at + timedelta(seconds=1))):
            invoke(senders.handler, {"Records": [record]}, function_name=senders.name)

    return watched.measure("receipt check at its due time", run, only=engagement)


# --- the broadcast to 10,000 ---------------------------------------------------------------------


@dataclass
class Broadcast:
    members: int
    seeded_s: float
    spent: Spent  # from the POST until the broadcast is done and the platform quiet
    answer: int
    view: dict[str, Any]  # the broadcast as GET /v1/broadcasts/{id} shows it at the end
    queued: int  # messages on the email queue afterwards

    @property
    def callers(self) -> tuple[str, str]:
        return (API, BROADCASTS)

    @property
    def pages(self) -> int:
        return int(self.spent.messages[BROADCASTS])

    @property
    def sqs_requests(self) -> int:
        """The functions' SQS requests, and Lambda's poller's for each page message (estimated)."""
        return self.spent.of("sqs", *self.callers) + POLLER_REQUESTS_PER_PAGE * self.pages

    @property
    def writes(self) -> int:
        return self.spent.items_written(*self.callers)

    def cost(self) -> dict[str, float]:
        return self.spent.cost(*self.callers)

    def as_dict(self) -> dict[str, Any]:
        own = self.spent.operations(*self.callers)
        return {
            "members": self.members,
            "answer": self.answer,
            "broadcast": self.view,
            "seconds": round(self.spent.seconds, 1),
            "seeding_seconds": round(self.seeded_s, 1),
            "operations": dict(sorted(own.items())),
            "by_caller": {c: dict(sorted(aws_only(ops).items())) for c, ops in self.spent.by_caller.items()},
            "page_messages": self.pages,
            "sqs_requests": self.sqs_requests,
            "sqs_requests_method": f"the functions' own, plus {POLLER_REQUESTS_PER_PAGE} per page message for "
            "Lambda's poller (ReceiveMessage, DeleteMessageBatch), which the ledger does not see",
            "sqs_budget": BUDGET_SQS,
            "dynamodb_requests": self.spent.of("dynamodb", *self.callers),
            "dynamodb_items_written": self.writes,
            "dynamodb_wru": round(self.spent.unit("dynamodb:WRU", *self.callers), 1),
            "dynamodb_rru": round(self.spent.unit("dynamodb:RRU", *self.callers), 1),
            "dynamodb_writes_budget": BUDGET_WRITES,
            "within_budget": self.sqs_requests <= BUDGET_SQS and self.writes <= BUDGET_WRITES,
            "transactions": [n for c, n in self.spent.transactions if c in self.callers],
            "messages_on_the_email_queue": self.queued,
            "cost_usd": {k: round(v, 6) for k, v in self.cost().items()},
            "set_off_by_others": {
                c: dict(sorted(aws_only(ops).items()))
                for c, ops in self.spent.by_caller.items()
                if c not in self.callers
            },
        }


def _queued(watched: Watched, queue: str) -> int:
    sqs = boto3.client("sqs", endpoint_url=watched.platform.aws_url, region_name=REGION)
    url = resources(watched.platform).queues[queue].url
    got = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])
    return int(got["Attributes"]["ApproximateNumberOfMessages"])


def broadcast(
    watched: Watched, tenant_id: str, log: Callable[[str], None], members: int = BROADCAST_MEMBERS
) -> Broadcast:
    from panacea.engagement.broadcasts import BroadcastItem  # noqa: PLC0415 - the bench's reads of its progress
    from panacea.platform.isolation import acting_for  # noqa: PLC0415

    tag = f"bench-{new_id().lower()}"
    log(f"  broadcast: seeding {members:,} members of audience {tag} (direct writes, not counted)")
    started = time.perf_counter()
    rows: list[Row] = [(f"B{n:05d}{tag[-6:]}", f"b{n:05d}@{tag}.example", None, {}) for n in range(members)]
    for start in range(0, members, 2_000):
        seed_members(tenant_id, rows[start : start + 2_000], tag)
    seeded_s = time.perf_counter() - started
    # the senders' pollers stopped (the 10,000 messages stay on the email queue); the pages handed over by
    # the bench as the broadcasts' poller hands them (a page on a slow moto outlasts the queue's visibility)
    watched.stop_pollers({**dict.fromkeys(wiring.CHANNEL_QUEUES, SENDERS), wiring.BROADCAST_QUEUE: BROADCASTS})
    wait_until_quiet(watched.ledger)
    before_queue = _queued(watched, "engagement-email")
    answer: dict[str, Any] = {}

    def post() -> None:
        body = {
            "tag": tag,
            "event_type": "news.published",
            "data": {"article_id": "A1", "title": "Winter flu clinics", "summary": "Book yours", "tag_ids": [tag]},
        }
        answer["reply"] = in_process.call("POST", "/v1/broadcasts", caller=staff(tenant_id, "owner"), body=body)

    def done() -> bool:
        reply = answer.get("reply")
        if reply is None or reply.status != 202:
            return True
        with acting_for(tenant_id):
            item = BroadcastItem.read(tenant_id, reply.body["id"])
        return bool(item and item.view().status == "done")

    log(f"  broadcast: news.published to {members:,} members …")

    def sent() -> None:
        post()
        watched.deliver(wiring.BROADCAST_QUEUE, BROADCASTS, until=done)

    spent = watched.measure(f"broadcast to {members:,}", sent, done=done)
    reply = answer["reply"]
    view: dict[str, Any] = {}
    if reply.status == 202:
        with acting_for(tenant_id):
            item = BroadcastItem.read(tenant_id, reply.body["id"])
        view = item.view().model_dump(mode="json") if item else {}
    else:
        watched.warnings.append(f"broadcast: answered {reply.status}: {reply.body}")
    queued = _queued(watched, "engagement-email") - before_queue
    log(f"  … done in {spent.seconds:.0f}s")
    return Broadcast(members, seeded_s, spent, reply.status, view, queued)


# --- the run ---------------------------------------------------------------------------------------


@dataclass
class NotificationFigures:
    notifications: list[Notification]
    broadcast: Broadcast | None
    warnings: list[str] = field(default_factory=list)

    def per_broadcast(self) -> dict[str, float]:
        """A broadcast to BROADCAST_MEMBERS by email, sent: the broadcast's own cost, and each message's
        sending and receipt (one email notification less its fan-out: the senders', the callbacks', the
        receipt check's and what their status events set off)."""
        email = next((n for n in self.notifications if n.channel == "email"), None)
        if self.broadcast is None or email is None:
            return {}
        whole = email.whole
        fanout = whole.cost(FANOUT)
        each = {k: v - fanout.get(k, 0.0) for k, v in whole.cost().items()}
        own = self.broadcast.cost()
        members = self.broadcast.members
        keys = set(own) | set(each)
        return {k: own.get(k, 0.0) + members * each.get(k, 0.0) for k in sorted(keys)}

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": "LocalPlatform in a fresh process, botocore hooks booked to the function that sent each "
            "request (bench/ledger.py), DynamoDB units estimated (bench/costs.py); US list prices without free "
            "tiers; the providers' own prices (Twilio, Meta, WeChat, SES's and SNS's per-message fees) excluded",
            "notifications": [n.as_dict() for n in self.notifications],
            "broadcast": self.broadcast.as_dict() if self.broadcast else None,
            "broadcast_sent_cost_usd": {k: round(v, 5) for k, v in self.per_broadcast().items()},
            "warnings": self.warnings,
        }


def measure(log: Callable[[str], None], *, members: int = BROADCAST_MEMBERS) -> NotificationFigures:
    ledger = UnitsLedger()
    bench_requests.book_invocations(ledger)
    bench_requests.watch_new_clients(ledger)  # before the platform makes any client
    platform_log: list[str] = []
    platform = LocalPlatform(port=0, aws_port=0, stripe_port=0, time_scale=0, log=platform_log.append)
    with bench_requests.safety_nets(ledger):
        platform.start()
        try:
            bench_requests.watch_shared_connection(ledger)
            watched = Watched(ledger, platform)
            handlers = in_process.Handlers(in_process.ThroughGateway(platform.gateway))
            tenant_id = str(builders.tenant(handlers, as_=PLATFORM_ADMIN)["id"])
            watched.quiet()
            log("  notifications: one order.paid per channel, from the bus to the delivered receipt")
            for channel in CHANNELS:  # the process's first of each (cold containers, first clients): not reported
                one_notification(watched, tenant_id, channel)
            notes = [one_notification(watched, tenant_id, channel) for channel in CHANNELS]
            sent = broadcast(watched, tenant_id, log, members) if members else None
        finally:
            platform.stop()
        warnings = watched.warnings + bench_requests.unwatched_clients(ledger)
    warnings += [f"failure: {f}" for f in ledger.failures]
    routine = lambda line: bench_requests.ROUTINE.match(line) or line.startswith("messaging sandbox: ")  # noqa: E731
    warnings += [f"platform log: {line}" for line in platform_log if not routine(line)]
    return NotificationFigures(notes, sent, warnings)
