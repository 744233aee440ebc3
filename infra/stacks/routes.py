"""The API's routes: one nested stack of methods per bounded context, so that routes can grow.

A CloudFormation stack holds at most 500 resources, and every route is one `AWS::ApiGateway::Method`
plus, for a new path, an `OPTIONS` method and an `AWS::ApiGateway::Resource` per new segment: in one
stack, the API alone had reached 300 of them. Here each context's resources and methods live in a
nested stack of their own (`<Context>Routes`), on the REST API imported by id
(`RestApi.from_rest_api_attributes`); the parent keeps what is the API's as a whole: the REST API,
its stage and deployment, the authorizer, the request validator, the gateway responses, the usage
plans, API Gateway's permissions to invoke each function, and the platform's own routes (health,
OpenAPI document, docs page: CDK wants a REST API to hold a method of its own).

Where paths are shared (`/v1`, or `/v1/me`, whose children belong to identity and orders), the
parent makes the `AWS::ApiGateway::Resource` and each nested stack that builds under it imports it
by id. A path's `OPTIONS` method (the CORS preflight) goes with the path's context.

The parent's deployment does not see methods made in other stacks: it depends on every nested
stack, and its logical id is hashed over what the methods are (`Built.shape`), so that adding,
removing or changing a route makes a new deployment, which the stage then serves.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from aws_cdk import NestedStack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct

from infra import wiring
from infra.stacks.checks import acknowledge

PARENT = "platform"  # the context whose routes stay in the parent stack, on the REST API itself

CREDENTIALS_AUTHORIZER = (
    "A Lambda REQUEST authorizer verifies the user pool's ID tokens (signature, issuer, audience, expiry) "
    "and the caller's standing, and also partner requests signed with tenant API keys, which a Cognito "
    "authorizer cannot."
)
PUBLIC_BY_DESIGN = (
    "A public route (declared with security=PUBLIC): the health check, the OpenAPI document and "
    "the docs page answer without a token and return no tenant data."
)
PREFLIGHT_BY_DESIGN = (
    "A browser's CORS preflight (OPTIONS) carries no credentials by the Fetch standard; the preflight "
    "function answers it from the registry of tenants' web origins and returns no tenant data."
)


@dataclass(frozen=True)
class Layout:
    """Which stack makes which method and which resource: `by_context` holds each context's routes
    (its paths' `OPTIONS` included), `shared` the resource paths the parent makes because more than
    one stack builds on them (or the parent's own routes need them)."""

    by_context: dict[str, list[wiring.Route]]
    shared: list[str]

    def anchors_of(self, context: str) -> list[str]:
        """The shared paths a context's stack builds on: the deepest shared ancestor of each of its paths."""
        return sorted({_deepest(route.path, self.shared) for route in self.by_context[context]} - {"/"})


def layout(routes: Sequence[wiring.Route]) -> Layout:
    owner: dict[str, str] = {}  # path → the context of its operations (the first, by name, if several)
    for route in routes:
        if route.function != wiring.PREFLIGHT:
            context = wiring.function(route.function).context
            owner[route.path] = min(owner.get(route.path, context), context)
    by_context: dict[str, list[wiring.Route]] = {}
    builders: dict[str, set[str]] = {}  # resource path → the contexts whose routes are on or under it
    for route in routes:
        context = owner[route.path] if route.function == wiring.PREFLIGHT else wiring.function(route.function).context
        by_context.setdefault(context, []).append(route)
        for prefix in _prefixes(route.path):
            builders.setdefault(prefix, set()).add(context)
    shared = sorted(path for path, contexts in builders.items() if len(contexts) > 1 or PARENT in contexts)
    return Layout(by_context, shared)


def _prefixes(path: str) -> list[str]:
    """`/v1/me/cart` → `/v1`, `/v1/me`, `/v1/me/cart`."""
    parts = path.strip("/").split("/")
    return ["/" + "/".join(parts[: i + 1]) for i in range(len(parts)) if parts[0]]


def _deepest(path: str, anchors: Sequence[str]) -> str:
    """The deepest of `anchors` that is `path` or one of its ancestors (`/` when none is)."""
    found = [a for a in anchors if path == a or path.startswith(a + "/")]
    return max(found, key=len, default="/")


@dataclass
class Built:
    """The methods made for some routes, and what they are, written without tokens (for the
    deployment's hash)."""

    methods: dict[tuple[str, str], apigw.Method] = field(default_factory=dict)
    shape: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Guards:
    """What every method is checked by, made once in the parent."""

    authorizer: apigw.IAuthorizer
    validator: apigw.IRequestValidator


def add_routes(
    stack: str,
    anchors: Mapping[str, apigw.IResource],
    routes: Sequence[wiring.Route],
    *,
    targets: Mapping[str, str],
    guards: Guards,
) -> Built:
    """One method per route, each a Lambda proxy to `targets[route.function]` (the ARN API Gateway
    invokes: the `live` alias where SnapStart is on), on resources made under `anchors` (path →
    resource: `/` and the shared paths); `stack` names where, in the methods' shape. API Gateway's
    permission to invoke each function is the parent's (`Api`), one per function for the whole API."""
    integrations = {
        name: apigw.AwsIntegration(service="lambda", proxy=True, path=f"2015-03-31/functions/{arn}/invocations")
        for name, arn in targets.items()
    }
    built = Built()
    for route in routes:
        anchor = _deepest(route.path, list(anchors))
        resource = anchors[anchor].resource_for_path(route.path[len(anchor) :].strip("/"))
        parameters = {f"method.request.path.{p}": True for p in re.findall(r"{(\w+)}", route.path)}
        method = resource.add_method(
            route.method,
            integrations[route.function],
            authorization_type=apigw.AuthorizationType.NONE if route.public else apigw.AuthorizationType.CUSTOM,
            authorizer=None if route.public else guards.authorizer,
            request_validator=guards.validator,
            request_parameters=parameters or None,
            api_key_required=not route.public,
        )
        if route.function == wiring.PREFLIGHT:  # cdk-nag's COG4 passes OPTIONS methods by itself
            acknowledge(method, "AwsSolutions-APIG4", PREFLIGHT_BY_DESIGN)
        elif route.public:
            acknowledge(method, "AwsSolutions-APIG4", PUBLIC_BY_DESIGN)
            acknowledge(method, "AwsSolutions-COG4", PUBLIC_BY_DESIGN)
        else:
            acknowledge(method, "AwsSolutions-COG4", CREDENTIALS_AUTHORIZER)
        built.methods[route.method, route.path] = method
        built.shape.append(
            {
                "method": route.method,
                "path": route.path,
                "function": route.function,
                "public": route.public,
                "parameters": sorted(parameters),
                "stack": stack,
            }
        )
    return built


class ContextRoutes(NestedStack):
    """One context's resources and methods, on the REST API imported by id."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        context: str,
        rest_api: apigw.IRestApi,
        shared: Mapping[str, apigw.IResource],
        routes: Sequence[wiring.Route],
        targets: Mapping[str, str],
        guards: Guards,
    ) -> None:
        super().__init__(scope, id, description=f"Panacea API: the {context} context's routes")
        api = apigw.RestApi.from_rest_api_attributes(
            self, "RestApi", rest_api_id=rest_api.rest_api_id, root_resource_id=rest_api.rest_api_root_resource_id
        )
        anchors: dict[str, apigw.IResource] = {"/": api.root}
        for path, resource in shared.items():
            anchors[path] = apigw.Resource.from_resource_attributes(
                self, f"Shared{path.replace('/', '.')}", resource_id=resource.resource_id, rest_api=api, path=path
            )
        used = {name: arn for name, arn in targets.items() if name in {route.function for route in routes}}
        self.built = add_routes(context, anchors, routes, targets=used, guards=guards)
