"""The API's authorizer: API Gateway runs it (REQUEST type, identity source `Authorization`)
before any function; the local gateway runs the same handler. It answers

- 401 (raises "Unauthorized", as API Gateway requires) for missing, forged, expired or replayed
  credentials,
- a Deny policy (403) for someone valid who may not come in (suspended tenant, disabled account),
- an Allow policy for the whole API with the actor in `context`, which functions read.

Decisions are cached by API Gateway per `Authorization` value for a minute; signed partner
requests never repeat a value, so each is checked afresh. Each Allow names the usage key the
request is throttled and counted under (`tenancy.usage_key`, from its tiers).
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from panacea import tenancy
from panacea.identity.credentials import Barred, Refused, who_is_calling
from panacea.platform import coldstart
from panacea.platform.observability import bind, logger
from panacea.platform.settings import settings


class Unauthorized(Exception):
    """API Gateway answers 401 when an authorizer raises exactly this message."""

    def __init__(self) -> None:
        super().__init__("Unauthorized")


def _policy(effect: str, method_arn: str, principal: str, context: dict[str, str] | None) -> dict[str, Any]:
    # arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>: allow every route of
    # the stage, so that a cached decision holds for the caller's next request to any route.
    api_and_stage = "/".join(method_arn.split("/")[:2])
    answer: dict[str, Any] = {
        "principalId": principal,
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Action": "execute-api:Invoke", "Effect": effect, "Resource": f"{api_and_stage}/*"}],
        },
    }
    if context:
        answer["context"] = context
    return answer


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    try:
        actor = who_is_calling(
            headers.get("authorization"),
            method=event.get("httpMethod", ""),
            path=event.get("path", ""),
            query=event.get("queryStringParameters"),
            content_sha256=headers.get("x-content-sha256"),
        )
    except Refused as refused:
        logger.info("refused", extra={"why": refused.detail})
        raise Unauthorized from None
    except Barred as barred:
        logger.info("barred", extra={"why": barred.detail})
        return _policy("Deny", event["methodArn"], "barred", None)
    bind(tenant_id=actor.tenant_id)
    answer = _policy("Allow", event["methodArn"], actor.user_id, actor.as_context())
    # Throttling and quota: API Gateway counts the request in the plan holding this key (the tenant's
    # tier, or the platform's plan for platform admins).
    answer["usageIdentifierKey"] = tenancy.usage_key(settings().stage, actor.tenant_id or tenancy.PLATFORM_PLAN)
    return answer


coldstart.loaded()  # the handler module ends here (panacea.platform.coldstart)
