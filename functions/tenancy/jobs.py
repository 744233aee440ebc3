"""Tenancy's scheduled job: onboardings that never finished are marked failed, so a platform
admin sees them instead of a tenant stuck in `onboarding` for ever."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from panacea.platform import coldstart
from panacea.platform.observability import logger, metrics
from panacea.tenancy import logic


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    stalled = logic.fail_stalled_onboardings(older_than_minutes=int(event.get("older_than_minutes", 60)))
    return {"failed": stalled}


coldstart.loaded()  # the handler module ends here (panacea.platform.coldstart)
