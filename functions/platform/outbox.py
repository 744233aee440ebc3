"""The outbox relay: the table's stream → the EventBridge bus.

The event source mapping delivers only INSERTs of outbox items (a filter on the stream, so no
other write ever invokes this function). Failures are reported per record; Lambda retries from
the first failed one, so events keep their order and none is lost. Consumers dedupe on the
event id, which makes the at-least-once delivery safe.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from panacea.platform import bus, coldstart
from panacea.platform.events import OutboxItem
from panacea.platform.observability import count, logger, metrics
from panacea.platform.settings import settings


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    records = [r for r in event.get("Records", []) if _is_new_outbox_item(r)]
    outbox = [OutboxItem.from_raw_data(r["dynamodb"]["NewImage"]) for r in records]
    failed = bus.put([item.bus_entry(settings().event_bus) for item in outbox])
    count("EventsRelayed", len(outbox) - len(failed))
    if not failed:
        return {"batchItemFailures": []}
    first = min(failed)
    logger.warning("bus refused events", extra={"failed": len(failed)})
    return {"batchItemFailures": [{"itemIdentifier": records[first]["dynamodb"]["SequenceNumber"]}]}


def _is_new_outbox_item(record: dict[str, Any]) -> bool:
    image = record.get("dynamodb", {}).get("NewImage", {})
    return record.get("eventName") == "INSERT" and image.get("type", {}).get("S") == "outbox"


coldstart.loaded()  # the handler module ends here (panacea.platform.coldstart)
