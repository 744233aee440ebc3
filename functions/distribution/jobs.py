"""Distribution's scheduled job: every frozen commission whose thaw time has come becomes
available, in batches (panacea.distribution.thawing)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from panacea.distribution import thawing
from panacea.platform import coldstart
from panacea.platform.context import invocation
from panacea.platform.observability import logger, metrics


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    with invocation():
        released = thawing.thaw_every_tenant()
    return {"shares": released.shares, "distributors": released.distributors, "transactions": released.transactions}


coldstart.loaded()  # the handler module ends here (panacea.platform.coldstart)
