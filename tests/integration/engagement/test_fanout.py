"""Members' events into messages: the default rule's event becomes its member's message on the first
channel of their plan, put on that channel's queue; the same event delivered again makes nothing
twice; a member the plan leaves out gets no message."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from infra import wiring
from infra.local.invoke import invoke
from panacea.engagement import fanout, intake, limits
from panacea.engagement.message_items import MessageItem
from panacea.platform.events import Envelope, EventMetadata
from panacea.platform.isolation import acting_for
from panacea.platform.providers.channels import Channel
from tests.integration.engagement.intake_support import owner
from tests.integration.stripe_support import shop
from tests.support import call

FANOUT = "EngagementFanout"


@pytest.fixture(scope="module")
def tenant() -> str:
    return shop()


def paid(tenant_id: str, member_id: str, *, event_id: str | None = None) -> Envelope:
    metadata = EventMetadata(event_id=event_id or uuid.uuid4().hex, event_version=1, tenant_id=tenant_id,
                             correlation_id="c-1", occurred_at=datetime(2026, 3, 1, 9, tzinfo=UTC))  # fmt: skip
    return Envelope(metadata=metadata, data={"order_id": "A-1", "member_id": member_id})


def delivered(sent_: Envelope, *, source: str = "panacea.orders", detail_type: str = "order.paid") -> dict[str, Any]:
    """The event as the queue delivers it to the fan-out (an SQS batch of one EventBridge event)."""
    body = {"source": source, "detail-type": detail_type, "detail": json.loads(sent_.model_dump_json())}
    record = {"messageId": str(uuid.uuid4()), "body": json.dumps(body), "eventSource": "aws:sqs"}
    fn = wiring.function(FANOUT)
    return dict(invoke(fn.handler, {"Records": [record]}, function_name=fn.name))


def test_an_event_with_a_default_rule_becomes_its_members_message_on_the_first_channel(tenant, members, sent):
    # Given a member reachable on every channel
    member = members.member(f"m-{uuid.uuid4().hex[:8]}")
    # When the fan-out takes their order.paid (default rule: WhatsApp, WeChat, push, SMS, then email)
    assert delivered(paid(tenant, member)) == {"batchItemFailures": []}
    # Then one message waits on the WhatsApp queue, its attempt's work put there
    (work,) = sent.bodies("engagement-whatsapp")
    assert work["tenant_id"] == tenant
    message = call("GET", f"/v1/notifications/{work['message_id']}", caller=owner(tenant))
    assert message.status == 200, message.body
    assert (message.body["status"], message.body["channel"], message.body["chain"]) == (
        "queued", "whatsapp", ["whatsapp", "wechat", "push", "sms", "email"],
    )  # fmt: skip
    assert message.body["member_id"] == member
    # And its trail starts with its acceptance, for the attempt on the queue
    assert [(h["status"], h["note"], h["attempt_id"]) for h in message.body["hops"]] == [
        ("queued", "accepted", work["attempt_id"])
    ]


def test_the_same_event_delivered_again_creates_nothing_twice(tenant, members, sent):
    # Given an event already fanned out
    member = members.member(f"m-{uuid.uuid4().hex[:8]}", channels=(Channel.SMS,))
    event = paid(tenant, member)
    month = limits.month_of(datetime.now(UTC))
    before = limits.usage(tenant, month)
    with acting_for(tenant):
        first = fanout.fan_out("order.paid", event)
        # When it arrives again (a redelivery past the consumer's own dedupe)
        again = fanout.fan_out("order.paid", event)
    # Then it names the same message, counted once, and its same attempt goes on the queue again
    assert first.message_id == again.message_id is not None
    assert limits.usage(tenant, month)[0] == before[0] + 1
    works = sent.bodies("engagement-sms")
    assert len(works) == 2
    assert works[0] == works[1]
    with acting_for(tenant):
        stored = MessageItem.read(tenant, str(first.message_id))
    assert stored is not None
    assert stored.chain == ["sms"]


def test_a_member_the_plan_leaves_out_gets_no_message_and_an_event_without_a_rule_is_ignored(tenant, members, sent):
    # Given a member with no address at all (no channel of the rule reaches them)
    member = members.member(f"m-{uuid.uuid4().hex[:8]}", channels=())
    # When their order.paid, and an event no rule names, are fanned out
    assert delivered(paid(tenant, member)) == {"batchItemFailures": []}
    assert delivered(paid(tenant, member), detail_type="order.placed") == {"batchItemFailures": []}
    # Then nothing is sent to them (the earlier tests' messages may still move along their chains meanwhile)
    with acting_for(tenant):
        works = {work["message_id"] for q, _, _ in sent.batches for work in sent.bodies(q)}
        queued_for = [MessageItem.read(tenant, message_id) for message_id in works]
        assert [m.message_id for m in queued_for if m is not None and m.member_id == member] == []
        assert fanout.fan_out("order.paid", paid(tenant, member)).skipped == "unreachable"
        assert fanout.fan_out("order.paid", paid(tenant, "nobody")).skipped == "unknown_member"


def test_message_ids_are_derived_from_their_source_and_sort_by_its_time():
    # Given the same source twice, and another member
    at = datetime(2026, 3, 1, 9, tzinfo=UTC)
    one, same = intake.derived_id(at, "event", "e-1", "m-1"), intake.derived_id(at, "event", "e-1", "m-1")
    other = intake.derived_id(at, "event", "e-1", "m-2")
    # Then the id is the same for the same source, another for another, ULID-shaped and time-ordered
    assert one == same != other
    assert len(one) == 26
    assert one[:10] == other[:10]
    assert intake.derived_id(datetime(2026, 3, 2, tzinfo=UTC), "event", "e-0", "m-1") > one
