"""Logistics' scheduled job: reminders of confirmed appointments due a day before they start
(panacea.logistics.reminders)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from panacea.logistics import reminders
from panacea.platform import coldstart
from panacea.platform.context import invocation
from panacea.platform.observability import logger, metrics


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    with invocation():
        done = reminders.remind_every_tenant()
    return {"sent": done.sent, "skipped": done.skipped}


coldstart.loaded()  # the handler module ends here (panacea.platform.coldstart)
