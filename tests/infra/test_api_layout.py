"""The API's routes in one nested stack per context, and a deployment that follows them: a route
added, removed or changed makes a new deployment, which the stage serves (`infra.stacks.routes`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import pytest
from aws_cdk import App, Environment, Stack
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_lambda as lambda_
from aws_cdk.assertions import Template

from infra import wiring
from infra.stacks import Stage
from infra.stacks.api import Api
from infra.stacks.routes import PARENT, layout
from tests.infra.template import STAGE, Synthesized, app_context, join

ACCOUNT, REGION = "123456789012", "eu-west-2"
NEW_PATH = "/v1/orders/{order_id}/history"


def _context_invoked(synthesized: Synthesized, method: dict[str, Any]) -> str:
    """The context of the function a method's integration invokes."""
    uri = join(method["Integration"]["Uri"])
    (name,) = [f.name for f in wiring.FUNCTIONS if synthesized.invoked(f.name) in uri]
    return wiring.function(name).context


def _queues_stack(synthesized: Synthesized) -> str:
    (found,) = [k for k in synthesized.nested if k.startswith("QueuesNestedStack")]
    return found


def test_each_contexts_methods_are_in_a_nested_stack_of_their_own(synthesized: Synthesized):
    # Given the routes' layout, and the methods of the API (their references resolved through the parent)
    plan = layout(wiring.routes())
    methods = synthesized.props("AWS::ApiGateway::Method")
    assert len(synthesized.route_stacks) == len(set(plan.by_context) - {PARENT})
    # (the other nested stack holds the queues, and no method)
    assert [k for k in synthesized.nested if k not in synthesized.route_stacks] == [_queues_stack(synthesized)]
    for logical_id, template in synthesized.route_stacks.items():
        held = [methods[k] for k, r in template["Resources"].items() if r["Type"] == "AWS::ApiGateway::Method"]
        # Then a nested stack's methods, the preflights aside, all invoke one context's functions
        (context,) = {_context_invoked(synthesized, m) for m in held if m["HttpMethod"] != "OPTIONS"}
        assert f"{context.title()}Routes" in logical_id
        # And it holds every route of that context, with an OPTIONS method per path
        assert len(held) == len(plan.by_context[context])


def test_paths_shared_between_stacks_are_made_once_in_the_parent(synthesized: Synthesized):
    # Given the paths more than one context builds on (/v1; /v1/me, where identity and orders have routes)
    plan = layout(wiring.routes())
    assert {"/v1", "/v1/me"} <= set(plan.shared)
    assert "/v1/me/cart" not in plan.shared  # orders' alone
    # Then the parent makes exactly those resources, and each nested stack builds under them
    parent = [r for r in synthesized.raw["Resources"].values() if r["Type"] == "AWS::ApiGateway::Resource"]
    assert len(parent) == len(plan.shared)


def test_the_deployment_waits_for_every_nested_stack(synthesized: Synthesized):
    # Given the API's deployment and the stage that serves it
    ((deployment_id, deployment),) = synthesized.resources("AWS::ApiGateway::Deployment").items()
    (stage,) = synthesized.props("AWS::ApiGateway::Stage").values()
    # Then it is made after the methods of every context (API Gateway deploys the methods that exist then)
    assert set(synthesized.route_stacks) <= set(deployment["DependsOn"])
    # And not after the queues, which hold no route
    assert _queues_stack(synthesized) not in deployment["DependsOn"]
    assert stage["DeploymentId"] == {"Ref": deployment_id}


def _deployment_for(routes: Sequence[wiring.Route]) -> str:
    """The logical id of the deployment the API construct makes for `routes` (in a stack of its own)."""
    app = App(context=app_context(stage=STAGE))
    stack = Stack(app, "ApiAlone", env=Environment(account=ACCOUNT, region=REGION))
    functions: dict[str, lambda_.IFunction] = {
        name: lambda_.Function.from_function_attributes(
            stack, name, function_arn=f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{name}:live", same_environment=True
        )
        for name in {route.function for route in routes} | {wiring.AUTHORIZER}
    }
    users = cognito.UserPool.from_user_pool_id(stack, "Users", f"{REGION}_users")
    Api(stack, "Api", stage=Stage(STAGE), functions=functions, user_pool=users, routes=routes)
    resources = Template.from_stack(stack).to_json()["Resources"]
    (deployment,) = [str(k) for k, r in resources.items() if r["Type"] == "AWS::ApiGateway::Deployment"]
    (stage,) = [r for r in resources.values() if r["Type"] == "AWS::ApiGateway::Stage"]
    assert stage["Properties"]["DeploymentId"] == {"Ref": deployment}  # the stage serves the new deployment
    return deployment


@pytest.fixture(scope="module")
def deployed_today() -> str:
    return _deployment_for(wiring.routes())


def test_the_same_routes_keep_the_same_deployment(deployed_today: str):
    # When the API is synthesized again with the same routes
    # Then its deployment is the same (a deploy that changes no route does not redeploy the API)
    assert _deployment_for(wiring.routes()) == deployed_today


def test_a_route_added_to_a_context_makes_a_new_deployment(deployed_today: str):
    # Given a new route of orders (in its nested stack, which the parent's deployment cannot see into)
    added = [
        wiring.Route("GET", NEW_PATH, "OrdersApi", public=False, documented=True),
        wiring.Route("OPTIONS", NEW_PATH, wiring.PREFLIGHT, public=True, documented=False),
    ]
    # When the API is synthesized with it
    deployment = _deployment_for([*wiring.routes(), *added])
    # Then the deployment is a new one, so CloudFormation deploys the API again and the route is served
    assert deployment != deployed_today


def test_a_route_made_public_makes_a_new_deployment(deployed_today: str):
    # Given a guarded route of identity made public
    routes = wiring.routes()
    index = next(i for i, r in enumerate(routes) if r.path == "/v1/users" and r.method == "GET")
    routes[index] = dataclasses.replace(routes[index], public=True)
    # When the API is synthesized with it, Then the deployment is a new one
    assert _deployment_for(routes) != deployed_today
