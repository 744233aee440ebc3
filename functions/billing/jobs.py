"""Billing's scheduled job: the nightly reconcile of every tenant's entitlements with Stripe."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from panacea.billing import reconcile
from panacea.platform import coldstart
from panacea.platform.observability import logger, metrics


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return reconcile.reconcile_all().model_dump()


coldstart.loaded()  # the handler module ends here (panacea.platform.coldstart)
