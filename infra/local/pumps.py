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
from infra.local.moto_bridge import Bell
from infra.local.provision import Resources

# A receive waits this long for a message to arrive (SQS long polling, as Lambda's event source
# polls): an idle queue costs one request per 20 s, and a message is taken the moment it is sent.
LONG_POLL_S = 20
# A stream batch its function failed is retried from the first failed record this much later.
STREAM_RETRY_S = 0.1


class Pump(threading.Thread):
    """A daemon loop that calls `step` until stopped; errors are reported, not fatal.

    `step` answers whether it found work (then it is called again at once). When it found none,
    the pump waits `idle_s`, or less when it has a `bell` to wait for (the event that makes work)."""

    def __init__(
        self,
        name: str,
        step: Callable[[], bool],
        *,
        idle_s: float,
        report: Callable[[str], None],
        bell: Bell | None = None,
        waiting: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(name=name, daemon=True)
        self._step, self._idle_s, self._report, self._bell = step, idle_s, report, bell
        self._waiting = waiting  # whether the step is only waiting for work (a long poll): it holds none
        self.stopping = threading.Event()

    @property
    def holds_work(self) -> bool:
        """Whether stopping should wait for it: it is running a step that is not just waiting for work."""
        return self.is_alive() and not self._waiting()

    def run(self) -> None:
        while not self.stopping.is_set():
            rings = self._bell.rings if self._bell else 0
            try:
                busy = self._step()
            except Exception as exc:
                self._report(f"{self.name}: {type(exc).__name__}: {exc}")
                busy = False
            if busy or self.stopping.is_set():
                continue
            if self._bell:
                self._bell.wait(rings, self._idle_s)
            else:
                self.stopping.wait(self._idle_s)

    def stop(self) -> None:
        self.stopping.set()
        if self._bell:
            self._bell.ring()  # wakes its waiters: each looks, finds nothing new, and waits again or ends


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
        read = False  # a page of records was read: there may be more behind it
        if not self.pending:
            for shard_id, iterator in self.iterators.items():
                if iterator is None:
                    continue
                page = self.streams.get_records(ShardIterator=iterator, Limit=self.stream.batch_size)
                self.iterators[shard_id] = page.get("NextShardIterator")
                self.pending += [_lambda_record(r, self.arn) for r in page["Records"]]
                read = read or bool(page["Records"])
        batch = [r for r in self.pending if self.pattern.matches_event(r)]
        if not batch:
            self.pending = []
            return read
        answer = invoke(self.function.handler, {"Records": batch}, function_name=self.function.name)
        failures = (answer or {}).get("batchItemFailures") or []
        if failures:  # retry from the first failed record, as Lambda does for streams
            first = failures[0]["itemIdentifier"]
            self.pending = [r for r in self.pending if int(r["dynamodb"]["SequenceNumber"]) >= int(first)]
            time.sleep(STREAM_RETRY_S)
            return True
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
        self.polling = False

    def waiting(self) -> bool:
        """Whether it is in a receive that waits for a message to arrive."""
        return self.polling

    def step(self) -> bool:
        self.polling = True
        try:
            received = self.sqs.receive_message(
                QueueUrl=self.refs.url,
                MaxNumberOfMessages=self.queue.batch_size,
                WaitTimeSeconds=LONG_POLL_S,
                AttributeNames=["All"],
                MessageAttributeNames=["All"],
            ).get("Messages", [])
        finally:
            self.polling = False
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
    """Fires each schedule's function when it falls due (first run one period after start); each
    period is `scale` times its length (the e2e tests' hourly thaw runs every few seconds)."""

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale
        now = time.monotonic()
        self.due = {s.name: now + self.period(s) for s in wiring.SCHEDULES}

    def period(self, schedule: wiring.Schedule) -> float:
        return interval(schedule.expression).total_seconds() * self.scale

    def step(self) -> bool:
        now = time.monotonic()
        for schedule in wiring.SCHEDULES:
            if now >= self.due[schedule.name]:
                self.due[schedule.name] = now + self.period(schedule)
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
        self.printed = outbox.Sent(emails=0, texts=0)

    def step(self) -> bool:
        if outbox.sent() == self.printed:  # nothing new: no message is read
            return False
        fresh, self.printed = outbox.since(self.printed)
        for message in fresh:
            self.log(outbox.line(message))
        return False
