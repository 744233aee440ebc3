"""Queue consumers: an SQS batch of EventBridge events, each parsed back into its typed event
(`consumer_entry`), or taken as sent, by its name and envelope, by a consumer of any event
(`envelope_entry`: analytics); handled at most once per consumer (Powertools idempotency keyed by
the event id), and only the records that failed returned to the queue (partial batch response,
`ReportBatchItemFailures` on the event source mapping), so one poison message cannot hold back the
rest and reaches the dead-letter queue after its retries.

The batch is walked here rather than by Powertools' `BatchProcessor`: the loop is a dozen lines,
and importing `aws_lambda_powertools.utilities.batch` loads its parser models, every event data
class and asyncio, ~75 ms of every consumer's cold start (`make bench`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel

from panacea.platform import coldstart
from panacea.platform.context import invocation
from panacea.platform.errors import NotYet
from panacea.platform.events import DomainEvent, Envelope, EventMetadata, parse
from panacea.platform.idempotency import once, remember_invocation
from panacea.platform.isolation import acting_for
from panacea.platform.observability import bind, logger, metrics

EventHandler = Callable[[EventMetadata, DomainEvent], None]
EnvelopeHandler = Callable[[str, Envelope], None]  # the event's name, and its envelope as sent


class Handled(BaseModel):
    event_id: str


def consumer_entry(name: str, handle: EventHandler) -> Callable[[dict[str, Any], LambdaContext], dict[str, Any]]:
    """The Lambda handler of consumer `name` (also its idempotency scope): each event parsed back
    into its model (the producer's `models.py`, which the consumer imports) and handed to `handle`."""

    def typed(detail_type: str, detail: dict[str, Any] | str) -> tuple[EventMetadata, Callable[[], None]]:
        metadata, domain_event = parse(detail_type, detail)
        return metadata, lambda: handle(metadata, domain_event)

    return _batch_entry(name, typed)


def envelope_entry(name: str, handle: EnvelopeHandler) -> Callable[[dict[str, Any], LambdaContext], dict[str, Any]]:
    """The Lambda handler of a consumer of any event by its name and envelope, whatever context
    sent it (analytics counts them all): the data is left as sent, so the consumer imports no
    context's models, and an event of a kind it has never seen is still taken."""

    def untyped(detail_type: str, detail: dict[str, Any] | str) -> tuple[EventMetadata, Callable[[], None]]:
        sent = Envelope.model_validate(json.loads(detail) if isinstance(detail, str) else detail)
        return sent.metadata, lambda: handle(detail_type, sent)

    return _batch_entry(name, untyped)


def _batch_entry(
    name: str, read: Callable[[str, dict[str, Any] | str], tuple[EventMetadata, Callable[[], None]]]
) -> Callable[[dict[str, Any], LambdaContext], dict[str, Any]]:
    """An SQS batch of EventBridge events, each `read` into its metadata and its work, done once."""

    def record(record: dict[str, Any]) -> None:
        event = json.loads(record["body"])
        metadata, handle = read(event["detail-type"], event["detail"])
        bind(tenant_id=metadata.tenant_id, correlation_id=metadata.correlation_id)

        def work() -> Handled:
            handle()
            return Handled(event_id=metadata.event_id)

        with invocation(), acting_for(metadata.tenant_id):  # a tenant's event is handled with that tenant's credentials
            once(
                work, returns=Handled, operation=name, tenant_id=metadata.tenant_id, caller=None, key=metadata.event_id
            )

    @logger.inject_lambda_context(clear_state=True)
    @metrics.log_metrics
    def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
        remember_invocation(context)
        failed: list[dict[str, str]] = []
        for each in event.get("Records", []):
            try:
                record(each)
            except NotYet as waiting:  # expected: the record comes back from the queue shortly
                logger.info(f"record handed back: {waiting}", extra={"message_id": each.get("messageId")})
                failed.append({"itemIdentifier": each["messageId"]})
            except Exception:  # one record's failure returns that record alone to the queue
                logger.exception("record failed", extra={"message_id": each.get("messageId")})
                failed.append({"itemIdentifier": each["messageId"]})
        return {"batchItemFailures": failed}

    coldstart.loaded()  # the handler module ends here
    return handler


BodyHandler = Callable[[dict[str, Any]], None]


def body_entry(name: str, handle: BodyHandler) -> Callable[[dict[str, Any], LambdaContext], dict[str, Any]]:
    """The Lambda handler of consumer `name` of a queue whose bodies are not the platform's events
    (work the platform put there itself, an AWS service's own events): each body, parsed from JSON,
    handed to `handle`, which makes its own work idempotent (a claim, a forward-only status); only the
    records that failed go back to the queue."""

    @logger.inject_lambda_context(clear_state=True)
    @metrics.log_metrics
    def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
        failed: list[dict[str, str]] = []
        for each in event.get("Records", []):
            try:
                with invocation():
                    handle(json.loads(each["body"]))
            except NotYet as waiting:  # expected: the record comes back from the queue shortly
                logger.info(f"{name}: record handed back: {waiting}", extra={"message_id": each.get("messageId")})
                failed.append({"itemIdentifier": each["messageId"]})
            except Exception:  # one record's failure returns that record alone to the queue
                logger.exception(f"{name}: record failed", extra={"message_id": each.get("messageId")})
                failed.append({"itemIdentifier": each["messageId"]})
        return {"batchItemFailures": failed}

    coldstart.loaded()  # the handler module ends here
    return handler
