"""The background work Lambda's event sources and EventBridge Scheduler do in the cloud:
the table's stream into its function (with the same filter), queues into their consumers
(real SQS batches, partial failures honoured, so retries and dead-lettering behave as
deployed), and due schedules fired. And one that exists only here: each email and text
message the platform sends, printed on a line of the dev log (see outbox.py)."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import boto3
from moto.events.models import EventPattern

from infra import wiring
from infra.local import outbox
from infra.local.invoke import REGION, invoke
from infra.local.provision import Resources


class Pump(threading.Thread):
    """A daemon loop that calls `step` until stopped; errors are reported, not fatal."""

    def __init__(self, name: str, step: Callable[[], bool], *, idle_s: float, report: Callable[[str], None]) -> None:
        super().__init__(name=name, daemon=True)
        self._step, self._idle_s, self._report = step, idle_s, report
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                busy = self._step()
            except Exception as exc:
                self._report(f"{self.name}: {type(exc).__name__}: {exc}")
                busy = False
            if not busy:
                self.stopping.wait(self._idle_s)


def _client(service: str, res: Resources) -> Any:
    return boto3.session.Session().client(service, endpoint_url=res.endpoint, region_name=REGION)


class StreamRelay:
    """Reads the table's stream shard by shard and hands filtered batches to the function."""

    def __init__(self, res: Resources, stream: wiring.Stream) -> None:
        self.stream, self.function = stream, wiring.function(stream.function)
        self.streams = _client("dynamodbstreams", res)
        self.arn = _client("dynamodb", res).describe_table(TableName=res.table)["Table"]["LatestStreamArn"]
        self.pattern = EventPattern.load(json.dumps(stream.filter))
        self.iterators: dict[str, str | None] = {}
        self.pending: list[dict[str, Any]] = []

    def step(self) -> bool:
        shards = self.streams.describe_stream(StreamArn=self.arn)["StreamDescription"]["Shards"]
        for shard in shards:
            if shard["ShardId"] not in self.iterators:
                self.iterators[shard["ShardId"]] = self.streams.get_shard_iterator(
                    StreamArn=self.arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
                )["ShardIterator"]
        if not self.pending:
            for shard_id, iterator in self.iterators.items():
                if iterator is None:
                    continue
                page = self.streams.get_records(ShardIterator=iterator, Limit=self.stream.batch_size)
                self.iterators[shard_id] = page.get("NextShardIterator")
                self.pending += [_lambda_record(r, self.arn) for r in page["Records"]]
        batch = [r for r in self.pending if self.pattern.matches_event(r)]
        if not batch:
            self.pending = []
            return False
        answer = invoke(self.function.handler, {"Records": batch}, function_name=self.function.name)
        failures = (answer or {}).get("batchItemFailures") or []
        if failures:  # retry from the first failed record, as Lambda does for streams
            first = failures[0]["itemIdentifier"]
            self.pending = [r for r in self.pending if int(r["dynamodb"]["SequenceNumber"]) >= int(first)]
            return False
        self.pending = []
        return True


def _lambda_record(record: dict[str, Any], arn: str) -> dict[str, Any]:
    """A stream record as the Lambda event source mapping presents it."""
    out = json.loads(json.dumps(record, default=str))
    out.update(eventSourceARN=arn, awsRegion=REGION, eventSource="aws:dynamodb")
    return dict(out)


class QueuePoller:
    """Receives batches from a queue and hands them to its consumer, like the SQS event source."""

    def __init__(self, res: Resources, queue: wiring.Queue) -> None:
        self.queue, self.function = queue, wiring.function(queue.consumer)
        self.refs = res.queues[queue.name]
        self.sqs = _client("sqs", res)

    def step(self) -> bool:
        received = self.sqs.receive_message(
            QueueUrl=self.refs.url,
            MaxNumberOfMessages=self.queue.batch_size,
            WaitTimeSeconds=0,
            AttributeNames=["All"],
            MessageAttributeNames=["All"],
        ).get("Messages", [])
        if not received:
            return False
        records = [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": m.get("Attributes", {}),
                "messageAttributes": m.get("MessageAttributes", {}),
                "md5OfBody": m["MD5OfBody"],
                "eventSource": "aws:sqs",
                "eventSourceARN": self.refs.arn,
                "awsRegion": REGION,
            }
            for m in received
        ]
        try:
            answer = invoke(self.function.handler, {"Records": records}, function_name=self.function.name)
            failed = {f["itemIdentifier"] for f in (answer or {}).get("batchItemFailures", [])}
        except Exception:
            failed = {r["messageId"] for r in records}  # the whole batch returns to the queue
            raise
        finally:
            done = [r for r in records if r["messageId"] not in failed]
            for start in range(0, len(done), 10):
                self.sqs.delete_message_batch(
                    QueueUrl=self.refs.url,
                    Entries=[
                        {"Id": str(i), "ReceiptHandle": r["receiptHandle"]}
                        for i, r in enumerate(done[start : start + 10])
                    ],
                )
        return True


_RATE = re.compile(r"^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$")


def interval(expression: str) -> timedelta:
    """The period of a `rate(...)` schedule (the only kind declared so far)."""
    match = _RATE.match(expression)
    if not match:
        raise NotImplementedError(f"the local runtime fires rate() schedules; {expression!r} is not one")
    amount, unit = int(match.group(1)), match.group(2).rstrip("s")
    return timedelta(**{f"{unit}s": amount})


class Scheduler:
    """Fires each schedule's function when it falls due (first run one period after start)."""

    def __init__(self) -> None:
        now = time.monotonic()
        self.due = {s.name: now + interval(s.expression).total_seconds() for s in wiring.SCHEDULES}

    def step(self) -> bool:
        now = time.monotonic()
        for schedule in wiring.SCHEDULES:
            if now >= self.due[schedule.name]:
                self.due[schedule.name] = now + interval(schedule.expression).total_seconds()
                self.fire(schedule)
        return False

    @staticmethod
    def fire(schedule: wiring.Schedule) -> Any:
        fn = wiring.function(schedule.function)
        return invoke(fn.handler, dict(schedule.payload), function_name=fn.name)


class OutboxPrinter:
    """A pump step: print the messages sent since the last step."""

    def __init__(self, log: Callable[[str], None]) -> None:
        self.log = log
        self.seen: set[tuple[str, str]] = set()

    def step(self) -> bool:
        fresh = [m for m in outbox.messages() if (m["channel"], m["id"]) not in self.seen]
        for message in fresh:
            self.seen.add((message["channel"], message["id"]))
            self.log(outbox.line(message))
        return False
