"""Engagement's broadcast pages: each message of `engagement-broadcasts` is one page of a broadcast's
audience (`panacea.engagement.broadcasts.send_page`); a page SQS delivers again is told so, and
writes nothing twice. A failed page returns alone to the queue."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from panacea.engagement import broadcasts
from panacea.platform import coldstart
from panacea.platform.context import invocation
from panacea.platform.isolation import acting_for
from panacea.platform.observability import bind, logger, metrics


def _page(record: dict[str, Any]) -> None:
    work = broadcasts.PageWork.model_validate_json(record["body"])
    retried = int((record.get("attributes") or {}).get("ApproximateReceiveCount", "1")) > 1
    bind(tenant_id=work.tenant_id)
    with invocation(), acting_for(work.tenant_id):
        broadcasts.send_page(work, retried=retried)


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    failed: list[dict[str, str]] = []
    for record in event.get("Records", []):
        try:
            _page(record)
        except Exception:  # the page returns to the queue alone
            logger.exception("broadcast page failed", extra={"message_id": record.get("messageId")})
            failed.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failed}


coldstart.loaded()
