"""The REST API: one method per route of `wiring.routes()` (read from each API function's
resolver), each a Lambda proxy to the function that serves it. Every route but the public ones
(declared on the route with `security=PUBLIC`: health, OpenAPI document, docs page) needs a token; the
functions read the verified claims the authorizer passes on. Each path also has an `OPTIONS`
method to the preflight function (`wiring.PREFLIGHT`), which answers browsers' CORS preflights
(`panacea.platform.cors`); the functions add CORS headers to their own answers.

The methods live in one nested stack per context (`infra.stacks.routes`); this construct keeps, in
the parent stack, what belongs to the API as a whole: the REST API, its deployment and stage
(access logs, throttling, tracing), the authorizer, the request validator, the gateway responses,
the usage plans and API Gateway's permission to invoke each function.

Errors API Gateway answers itself (no token, throttled, unknown route, …) carry the same
`application/problem+json` bodies as the functions' errors, and the same as the local gateway's,
with CORS headers so that a browser's script can read them (`GATEWAY_CORS`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct

from infra import wiring
from infra.stacks.checks import acknowledge
from infra.stacks.routes import PARENT, Built, ContextRoutes, Guards, add_routes, layout
from infra.stacks.stage import Stage
from panacea.finance.models import XLSX
from panacea.platform.cors import ALLOWED_HEADERS
from panacea.tenancy.tiers import LIMITS, PLATFORM, PLATFORM_PLAN, usage_key

PROBLEM = "application/problem+json"
BINARY_MEDIA_TYPES = (XLSX, "image/png")  # finance's Excel export; a share link's QR code as a PNG
THROTTLING_RATE_LIMIT = 200  # requests per second, steady, across the stage
THROTTLING_BURST_LIMIT = 400
AUTHORIZER_CACHE_S = 60  # an Allow is kept this long per Authorization header

# Gateway responses: (type, status or None to keep API Gateway's, problem slug, title, detail or None
# for API Gateway's own message). A body without "status" keeps the status line as the only one,
# where API Gateway chooses it (RFC 9457 makes the member optional).
GATEWAY_RESPONSES: tuple[tuple[apigw.ResponseType, int | None, str, str, str | None], ...] = (
    (apigw.ResponseType.UNAUTHORIZED, 401, "not-authenticated", "Not authenticated",
     "a valid bearer token (Cognito ID token) is required"),
    (apigw.ResponseType.ACCESS_DENIED, 403, "forbidden", "Forbidden", None),
    (apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN, 404, "no-such-route", "No such route",
     "no route for this method and path"),
    (apigw.ResponseType.BAD_REQUEST_PARAMETERS, 400, "bad-request", "Bad request", None),
    (apigw.ResponseType.BAD_REQUEST_BODY, 400, "bad-request", "Bad request", None),
    (apigw.ResponseType.THROTTLED, 429, "rate-limited", "Too many requests", None),
    (apigw.ResponseType.REQUEST_TOO_LARGE, 413, "bad-request", "Request too large", None),  # over 10 MB
    (apigw.ResponseType.DEFAULT_4_XX, None, "bad-request", "Bad request", None),
    (apigw.ResponseType.DEFAULT_5_XX, None, "internal", "Internal error", None),
)  # fmt: skip


# What a gateway response says to browsers. API Gateway answers these itself, before any function
# runs, so it cannot consult the tenants' lists of origins (the preflight function and the functions'
# answers do, `panacea.platform.cors`): it shares them with whichever origin asked. These bodies are
# the problem's type, title and API Gateway's own message, never tenant data, and without
# `Access-Control-Allow-Credentials` a browser sends no cookies with them. (A request without `Origin`,
# not a browser's cross-origin one, has nothing to map and no use for the header.)
GATEWAY_CORS = {
    "Access-Control-Allow-Origin": "method.request.header.Origin",
    "Access-Control-Allow-Headers": f"'{', '.join(ALLOWED_HEADERS)}'",
    "Vary": "'Origin'",
}

# The field errors a gateway response names, by problem slug: an unknown route blames the path.
GATEWAY_ERRORS: dict[str, list[dict[str, str]]] = {"no-such-route": [{"field": "path", "code": "not_found"}]}


def problem_template(status: int | None, slug: str, title: str, detail: str | None) -> str:
    """A gateway response body: problem+json, with API Gateway's message as detail unless given."""
    fields = [f'"type":"/errors/{slug}"', f'"title":{json.dumps(title)}']
    if status is not None:
        fields.append(f'"status":{status}')
    fields.append(f'"detail":{json.dumps(detail) if detail else "$context.error.messageString"}')
    if slug in GATEWAY_ERRORS:
        fields.append(f'"errors":{json.dumps(GATEWAY_ERRORS[slug], separators=(",", ":"))}')
    return "{" + ",".join(fields) + "}"


class Api(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        stage: Stage,
        functions: Mapping[str, lambda_.IFunction],
        user_pool: cognito.IUserPool,
        routes: Sequence[wiring.Route],
        account_logging_role: bool = False,
    ) -> None:
        super().__init__(scope, id)
        self.rest_api = apigw.RestApi(
            self,
            "RestApi",
            rest_api_name=stage.prefix,
            description=f"Panacea API ({stage.name})",
            # Usage (throttling and quota per tier) is counted under the key the authorizer returns.
            api_key_source_type=apigw.ApiKeySourceType.AUTHORIZER,
            # Answers of these types (finance's Excel export) leave as bytes: a function returns them
            # base64-encoded, and API Gateway decodes them for a request that accepts the type.
            binary_media_types=list(BINARY_MEDIA_TYPES),
            endpoint_types=[apigw.EndpointType.REGIONAL],
            # API Gateway writes logs (access and execution) through one role per account and
            # region. A stage's stack sets it up only when asked (`-c api_gateway_account_role=true`),
            # once per account: it is a singleton that every stage in the account shares.
            cloud_watch_role=account_logging_role,
            cloud_watch_role_removal_policy=RemovalPolicy.RETAIN if account_logging_role else None,
            deploy=False,  # the deployment below waits for the methods of every nested stack
        )
        if account_logging_role:
            acknowledge(
                self.rest_api.node.find_child("CloudWatchRole"),
                "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
                "AmazonAPIGatewayPushToCloudWatchLogs]",
                "API Gateway's account logging role uses the managed policy AWS publishes for exactly "
                "that purpose; it is created once per account and region, only when asked for.",
            )
        # The wiring's authorizer function verifies Cognito ID tokens (as a Cognito authorizer
        # would, plus the caller's standing) and partner requests signed with a tenant API key.
        self.authorizer = apigw.RequestAuthorizer(
            self,
            "Authorizer",
            authorizer_name=f"{stage.prefix}-credentials",
            handler=functions[wiring.AUTHORIZER],
            identity_sources=[apigw.IdentitySource.header("Authorization")],
            results_cache_ttl=Duration.seconds(AUTHORIZER_CACHE_S),
        )
        self.validator = self.rest_api.add_request_validator(
            "Validator",
            request_validator_name=f"{stage.prefix}-parameters-and-body",
            validate_request_parameters=True,
            validate_request_body=True,
        )
        self.gateway_responses = self._gateway_responses()
        self._let_the_api_invoke(functions, sorted({route.function for route in routes}))

        plan = layout(routes)
        anchors: dict[str, apigw.IResource] = {"/": self.rest_api.root}
        for path in plan.shared:  # parents before children: sorted
            anchors[path] = self.rest_api.root.resource_for_path(path.lstrip("/"))
        guards = Guards(authorizer=self.authorizer, validator=self.validator)
        targets = {name: functions[name].function_arn for name in sorted({route.function for route in routes})}
        built = [add_routes(PARENT, anchors, plan.by_context.get(PARENT, []), targets=targets, guards=guards)]
        self.contexts: dict[str, ContextRoutes] = {}
        for context in sorted(set(plan.by_context) - {PARENT}):
            self.contexts[context] = ContextRoutes(
                self,
                f"{context.title()}Routes",
                context=context,
                rest_api=self.rest_api,
                shared={path: anchors[path] for path in plan.anchors_of(context)},
                routes=plan.by_context[context],
                targets=targets,
                guards=guards,
            )
            built.append(self.contexts[context].built)
        self.methods = {key: method for b in built for key, method in b.methods.items()}
        self.stage = self._deploy(stage, built, functions)
        self._usage_plans(stage)

    def _gateway_responses(self) -> list[dict[str, Any]]:
        """API Gateway's own error answers as problem+json, readable by browsers (`GATEWAY_CORS`);
        returns what they are, for the deployment's hash (a changed response needs a deployment)."""
        made = []
        for response_type, status, slug, title, detail in GATEWAY_RESPONSES:
            body = problem_template(status, slug, title, detail)
            headers = {"Content-Type": f"'{PROBLEM}'", **GATEWAY_CORS}
            self.rest_api.add_gateway_response(
                f"{response_type.response_type}",
                type=response_type,
                status_code=None if status is None else str(status),
                response_headers=headers,
                templates={"application/json": body, PROBLEM: body},
            )
            made.append({"type": response_type.response_type, "status": status, "body": body, "headers": headers})
        return made

    def _let_the_api_invoke(self, functions: Mapping[str, lambda_.IFunction], names: Sequence[str]) -> None:
        """One invoke permission per function for the whole API, not one per method (or per nested stack)."""
        for name in names:
            functions[name].add_permission(
                f"InvokedBy{name}",
                principal=iam.ServicePrincipal("apigateway.amazonaws.com"),
                source_arn=self.rest_api.arn_for_execute_api(),
                scope=self,
            )

    def _deploy(self, stage: Stage, built: Sequence[Built], functions: Mapping[str, lambda_.IFunction]) -> apigw.Stage:
        """The deployment (after every nested stack's methods) and the stage that serves it.

        A deployment is a snapshot: API Gateway serves a route only from a deployment made after it.
        CloudFormation makes a new one only when its logical id changes, so the id is hashed over
        every method (routes, their functions and guards), how functions are invoked, the gateway
        responses and the authorizer; CDK adds the REST API's own properties."""
        deployment = apigw.Deployment(
            self.rest_api, "Deployment", api=self.rest_api, description="Panacea API: the routes of every context"
        )
        for nested in self.contexts.values():
            deployment.node.add_dependency(nested)
        for response in self.rest_api.node.children:
            if isinstance(response, apigw.GatewayResponse):
                deployment.node.add_dependency(response)
        deployment.add_to_logical_id(
            {
                "methods": [shape for b in built for shape in b.shape],
                "invoked": {name: type(fn).__name__ for name, fn in functions.items()},  # alias or $LATEST
                "gateway_responses": self.gateway_responses,
                "authorizer": {"function": wiring.AUTHORIZER, "identity": "Authorization", "ttl_s": AUTHORIZER_CACHE_S},
            }
        )
        access_logs = logs.LogGroup(
            self,
            "AccessLogs",
            log_group_name=f"/aws/apigateway/{stage.prefix}/access",
            retention=stage.log_retention,
            removal_policy=stage.removal_policy,
        )
        served = apigw.Stage(
            self.rest_api,  # where RestApi puts the stage it makes itself: the logical id stays
            f"DeploymentStage.{stage.name}",
            deployment=deployment,
            stage_name=stage.name,
            tracing_enabled=True,
            throttling_rate_limit=THROTTLING_RATE_LIMIT,
            throttling_burst_limit=THROTTLING_BURST_LIMIT,
            metrics_enabled=True,
            logging_level=apigw.MethodLoggingLevel.ERROR,
            data_trace_enabled=False,  # never log request or response bodies: they hold health data
            access_log_destination=apigw.LogGroupLogDestination(access_logs),
            access_log_format=apigw.AccessLogFormat.json_with_standard_fields(
                caller=False,
                http_method=True,
                ip=True,
                protocol=True,
                request_time=True,
                resource_path=True,
                response_length=True,
                status=True,
                user=True,
            ),
        )
        self.rest_api.deployment_stage = served
        acknowledge(
            served,
            "AwsSolutions-APIG3",
            "No WAF web ACL by default: it is billed per ACL and request and its rules are per deployment; "
            "the stage throttles, and every non-public route needs a Cognito token.",
        )
        return served

    def _usage_plans(self, stage: Stage) -> None:
        self.usage_plans = {
            name: self.rest_api.add_usage_plan(
                f"Plan{name.title().replace('_', '')}",
                name=f"{stage.prefix}-{name}",  # what panacea.platform.usage.plan_name looks for
                description=f"API throttling and daily quota of the {name} tier",
                throttle=apigw.ThrottleSettings(rate_limit=limit.per_second, burst_limit=limit.burst),
                quota=apigw.QuotaSettings(limit=limit.per_day, period=apigw.Period.DAY),
                api_stages=[apigw.UsagePlanPerApiStage(api=self.rest_api, stage=self.stage)],
            )
            for name, limit in [*((tier.value, limit) for tier, limit in LIMITS.items()), (PLATFORM_PLAN, PLATFORM)]
        }
        # The platform admins' key; tenants' keys are enrolled by their onboarding (panacea.platform.usage).
        platform_key = self.rest_api.add_api_key(
            "PlatformUsageKey", api_key_name=f"{stage.prefix}-platform", value=usage_key(stage.name, PLATFORM_PLAN)
        )
        self.usage_plans[PLATFORM_PLAN].add_api_key(platform_key)

    @property
    def url(self) -> str:
        return self.rest_api.url
