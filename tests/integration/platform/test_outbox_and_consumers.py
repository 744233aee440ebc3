"""A state change and its event commit together; consumers handle each event once."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import boto3
import pytest

from infra import wiring
from infra.local.invoke import REGION, invoke
from infra.local.runtime import LocalPlatform
from panacea.analytics import logic as analytics
from panacea.platform import clock
from panacea.platform.events import OutboxItem, envelope
from panacea.platform.ids import new_id
from panacea.platform.transaction import UnitOfWork, unit_of_work
from panacea.tenancy.logic import SlugTaken
from panacea.tenancy.models import TenantSuspended
from tests.support import eventually, onboard, resources


def _outbox_of(platform: LocalPlatform, tenant_id: str) -> list[dict[str, Any]]:
    ddb = boto3.client("dynamodb", endpoint_url=platform.aws_url, region_name=REGION)
    pages = ddb.get_paginator("scan").paginate(  # a test may look at the whole table; no request path ever scans
        TableName=resources(platform).table,
        FilterExpression="begins_with(PK, :p)",
        ExpressionAttributeValues={":p": {"S": f"T#{tenant_id}#OUTBOX#"}},
    )  # every page: past 1 MB of table (the whole suite's data) one page does not hold them all
    return [item for page in pages for item in page["Items"]]


def test_a_cancelled_change_announces_nothing(platform: LocalPlatform):
    # Given a slug already held by a tenant
    taken = onboard()["slug"]
    tenant_id = new_id()
    # When a unit of work announces an event but its claim on that slug fails
    uow = UnitOfWork(tenant_id)
    uow.emit(TenantSuspended(tenant_id=tenant_id, reason="never"))
    uow.claim(None, "tenant_slug", taken, tenant_id, taken=SlugTaken("taken"))
    with pytest.raises(SlugTaken):
        uow.commit()
    # Then no outbox item was written, so nothing will reach the bus
    assert _outbox_of(platform, tenant_id) == []


def test_a_committed_change_reaches_the_bus_through_the_outbox(platform: LocalPlatform):
    tenant_id = new_id()
    # When a unit of work commits with an event
    with unit_of_work(tenant_id) as uow:
        uow.emit(TenantSuspended(tenant_id=tenant_id, reason="unpaid"))
    # Then the outbox holds it, with a TTL, and the relay delivers it to the analytics consumer
    [item] = _outbox_of(platform, tenant_id)
    assert int(item["expires_at"]["N"]) > clock.now().timestamp()
    day = _day_of(item)  # counted on the day the event occurred, whatever the day is now
    eventually(lambda: analytics.counts(tenant_id, day).get("tenant.suspended") == 1)


def _day_of_detail(detail: str) -> date:
    return datetime.fromisoformat(json.loads(detail)["metadata"]["occurred_at"]).date()


def _day_of(outbox_item: dict[str, Any]) -> date:
    return _day_of_detail(outbox_item["detail"]["S"])


def _sqs_record(detail_type: str, detail: str, message_id: str) -> dict[str, Any]:
    body = {
        "version": "0",
        "id": message_id,
        "detail-type": detail_type,
        "source": "panacea.tenancy",
        "detail": json.loads(detail),
    }
    return {
        "messageId": message_id,
        "receiptHandle": message_id,
        "body": json.dumps(body),
        "attributes": {},
        "messageAttributes": {},
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn",
        "awsRegion": REGION,
    }


def test_a_redelivered_event_is_counted_once_and_a_poison_one_alone_returns_to_the_queue():
    # Given an event, delivered twice (SQS is at-least-once), an event of a kind no model here
    # knows (a newer producer's), and a message whose detail is not an event's envelope
    tenant_id = new_id()
    detail = envelope(TenantSuspended(tenant_id=tenant_id, reason="x"), tenant_id=tenant_id).model_dump_json()
    newer = envelope(TenantSuspended(tenant_id=tenant_id, reason="y"), tenant_id=tenant_id).model_dump_json()
    batch = {
        "Records": [
            _sqs_record("tenant.suspended", detail, "m-1"),
            _sqs_record("tenant.suspended", detail, "m-2"),
            _sqs_record("tenant.renamed", newer, "m-3"),
            _sqs_record("tenant.suspended", json.dumps({"data": {"tenant_id": tenant_id}}), "m-4"),
        ]
    }
    consumer = wiring.function("AnalyticsConsumers")
    # When the consumer handles the batch
    answer = invoke(consumer.handler, batch, function_name=consumer.name)
    # Then each event counts once by its name, and only the poison message is reported failed
    assert analytics.counts(tenant_id, _day_of_detail(detail)) == {"tenant.suspended": 1, "tenant.renamed": 1}
    assert answer == {"batchItemFailures": [{"itemIdentifier": "m-4"}]}


def test_the_relay_puts_only_outbox_inserts_on_the_bus():
    relay = wiring.function("OutboxRelay")
    tenant_id = new_id()
    item = OutboxItem.of(TenantSuspended(tenant_id=tenant_id, reason="x"), tenant_id=tenant_id)
    image = item.serialize()
    records = [
        {"eventName": "INSERT", "dynamodb": {"NewImage": image, "SequenceNumber": "1"}},
        {"eventName": "REMOVE", "dynamodb": {"OldImage": image, "SequenceNumber": "2"}},
        {"eventName": "INSERT", "dynamodb": {"NewImage": {"type": {"S": "tenant"}}, "SequenceNumber": "3"}},
    ]
    answer = invoke(relay.handler, {"Records": records}, function_name=relay.name)
    assert answer == {"batchItemFailures": []}
    day = _day_of_detail(item.detail)
    eventually(lambda: analytics.counts(tenant_id, day).get("tenant.suspended") == 1)
