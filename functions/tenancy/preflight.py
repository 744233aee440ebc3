"""Browsers' CORS preflights: `OPTIONS` on any API path (infra.wiring.PREFLIGHT), answered from the
registry of tenants' web origins. A preflight carries no credentials; the origin alone says
whose web app is asking (panacea.platform.cors)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from panacea.platform import coldstart, cors
from panacea.platform.observability import logger
from panacea.tenancy import origins


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return cors.preflight(event, origins.owner_of)


coldstart.loaded()  # the handler module ends here (panacea.platform.coldstart)
