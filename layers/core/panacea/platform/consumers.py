"""Queue consumers: an SQS batch of EventBridge events, each parsed back into its typed event,
handled at most once per consumer (Powertools idempotency keyed by the event id), and only the
records that failed returned to the queue (partial batch response), so one poison message
cannot hold back the rest and reaches the dead-letter queue after its retries.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel

from panacea.platform.context import invocation
from panacea.platform.events import DomainEvent, EventMetadata, parse
from panacea.platform.idempotency import once, remember_invocation
from panacea.platform.isolation import acting_for
from panacea.platform.observability import bind, logger, metrics

EventHandler = Callable[[EventMetadata, DomainEvent], None]


class Handled(BaseModel):
    event_id: str


def consumer_entry(name: str, handle: EventHandler) -> Callable[[dict[str, Any], LambdaContext], dict[str, Any]]:
    """The Lambda handler of consumer `name` (also its idempotency scope)."""

    def record(record: SQSRecord) -> None:
        event = json.loads(record.body)
        metadata, domain_event = parse(event["detail-type"], event["detail"])
        bind(tenant_id=metadata.tenant_id, correlation_id=metadata.correlation_id)

        def work() -> Handled:
            handle(metadata, domain_event)
            return Handled(event_id=metadata.event_id)

        with invocation(), acting_for(metadata.tenant_id):  # a tenant's event is handled with that tenant's credentials
            once(work, returns=Handled, operation=name, tenant_id=metadata.tenant_id, key=metadata.event_id)

    @logger.inject_lambda_context(clear_state=True)
    @metrics.log_metrics
    def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
        remember_invocation(context)
        answer = process_partial_response(
            event=event, record_handler=record, processor=BatchProcessor(EventType.SQS), context=context
        )
        return dict(answer)

    return handler
