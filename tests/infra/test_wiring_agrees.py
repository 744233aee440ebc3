"""The CDK app deploys exactly the wiring: every function, route, queue, rule, stream, workflow and
schedule of `infra.wiring` is in the template, connected as declared. (The local runtime's half
of the agreement is tests/integration/platform/test_docs_and_local_wiring.py.)"""

from __future__ import annotations

import json
from typing import Any

from infra import wiring
from tests.infra.template import STACK, Synthesized, join

RESOURCE_LIMIT = 500  # resources in one CloudFormation stack (a nested stack is one, and holds its own 500)


def _paths(synthesized: Synthesized) -> dict[str, str]:
    """Logical id of every API resource → its full path."""
    resources = synthesized.props("AWS::ApiGateway::Resource")

    def path_of(resource_id: str) -> str:
        props = resources[resource_id]
        parent = props["ParentId"]
        prefix = path_of(parent["Ref"]) if "Ref" in parent else ""
        return f"{prefix}/{props['PathPart']}"

    return {resource_id: path_of(resource_id) for resource_id in resources}


def _methods(synthesized: Synthesized) -> dict[tuple[str, str], dict[str, Any]]:
    """(HTTP method, path) → method properties, for every method of the API."""
    paths = _paths(synthesized)
    found = {}
    for props in synthesized.props("AWS::ApiGateway::Method").values():
        resource = props["ResourceId"]
        path = paths[resource["Ref"]] if "Ref" in resource else "/"
        found[props["HttpMethod"], path] = props
    return found


def test_every_function_of_the_wiring_exists_with_its_handler(synthesized: Synthesized):
    # Given the functions of the template, by name
    functions = {p["FunctionName"]: p for p in synthesized.props("AWS::Lambda::Function").values()}
    # Then each wiring function is there, with its handler and description, and no other
    assert set(functions) == {f"{STACK}-{fn.name}" for fn in wiring.FUNCTIONS}
    for fn in wiring.FUNCTIONS:
        assert functions[f"{STACK}-{fn.name}"]["Handler"] == fn.handler
        assert functions[f"{STACK}-{fn.name}"]["Description"] == fn.description


def test_every_route_is_an_api_method_served_by_its_function(synthesized: Synthesized):
    # Given the routes the resolvers declare and the methods of the API
    routes = wiring.routes()
    methods = _methods(synthesized)
    # Then the API has exactly one method per route
    assert set(methods) == {(r.method, r.path) for r in routes}
    for route in routes:
        method = methods[route.method, route.path]
        # And each proxies to the route's function
        assert synthesized.invoked(route.function) in join(method["Integration"]["Uri"]), route
        # And goes through the wiring's authorizer unless the route is public
        if route.public:
            assert method["AuthorizationType"] == "NONE", route
            assert "AuthorizerId" not in method, route
        else:
            assert method["AuthorizationType"] == "CUSTOM", route
            assert "AuthorizerId" in method, route


def test_every_path_answers_preflights_through_the_preflight_function(synthesized: Synthesized):
    # Given the paths of the routes the resolvers declare, and the methods of the API
    paths = {route.path for route in wiring.routes() if route.function != wiring.PREFLIGHT}
    methods = _methods(synthesized)
    # Then each path has an OPTIONS method, and no method is OPTIONS but those
    assert {path for method, path in methods if method == "OPTIONS"} == paths
    for path in paths:
        options = methods["OPTIONS", path]
        # And it proxies to the preflight function, with no credentials and no usage key (a browser's
        # preflight carries neither)
        assert synthesized.invoked(wiring.PREFLIGHT) in join(options["Integration"]["Uri"]), path
        assert options["Integration"]["Type"] == "AWS_PROXY"
        assert options["AuthorizationType"] == "NONE", path
        assert not options.get("ApiKeyRequired"), path


def test_every_template_fits_in_cloudformations_resource_limit_with_room_for_the_routes_to_grow(
    synthesized: Synthesized,
):
    # Given the stack's template and those of its nested stacks (the API's routes, one per context)
    counts = {name: len(template["Resources"]) for name, template in synthesized.templates.items()}
    # Then each holds fewer resources than the 500 CloudFormation allows in a stack
    for name, count in counts.items():
        assert count <= RESOURCE_LIMIT, f"{name} holds {count} resources, {count - RESOURCE_LIMIT} over the limit"
    # And each context's routes could triple in its own stack (a new context gets a stack of its own)
    for name in synthesized.nested:
        spare = RESOURCE_LIMIT - counts[name]
        assert 3 * counts[name] <= RESOURCE_LIMIT, f"{name}: {counts[name]} resources, {spare} to spare"
    # And routes never land in the parent but the platform's own (health, OpenAPI document, docs pages)
    platform = [r for r in wiring.routes() if wiring.function(r.function).context == "platform"]
    parent_methods = [r for r in synthesized.raw["Resources"].values() if r["Type"] == "AWS::ApiGateway::Method"]
    assert len(parent_methods) == len(platform) + len({r.path for r in platform})  # each path's OPTIONS too
    headroom = {name: RESOURCE_LIMIT - count for name, count in counts.items()}
    assert min(headroom.values()) >= RESOURCE_LIMIT // 5, f"resources to spare per template: {headroom}"


def test_every_api_function_may_be_invoked_by_the_api(synthesized: Synthesized):
    # Given the Lambda permissions for API Gateway
    permissions = [
        p for p in synthesized.props("AWS::Lambda::Permission").values() if p["Principal"] == "apigateway.amazonaws.com"
    ]
    (api,) = synthesized.props("AWS::ApiGateway::RestApi")
    # Then each function serving routes, and the authorizer, may be invoked by this API, and only those
    invoked = {synthesized.function_behind(p["FunctionName"]) for p in permissions}
    expected = {synthesized.function_id(a.function) for a in wiring.APIS} | {
        synthesized.function_id(wiring.AUTHORIZER),
        synthesized.function_id(wiring.PREFLIGHT),
    }
    assert invoked == expected
    assert all(f"<{api}>" in join(p["SourceArn"]) for p in permissions)


def test_every_queue_has_its_dead_letter_queue_rule_and_consumer(synthesized: Synthesized):
    rules = synthesized.props("AWS::Events::Rule")
    mappings = synthesized.props("AWS::Lambda::EventSourceMapping").values()
    (bus,) = synthesized.props("AWS::Events::EventBus")
    for queue in wiring.QUEUES:
        # Given a queue of the wiring
        queue_id, props = synthesized.named("AWS::SQS::Queue", "QueueName", queue.name)
        dlq_id, _ = synthesized.named("AWS::SQS::Queue", "QueueName", f"{queue.name}-dlq")
        # Then it redrives to its dead-letter queue after the declared receives
        assert props["RedrivePolicy"] == {
            "deadLetterTargetArn": {"Fn::GetAtt": [dlq_id, "Arn"]},
            "maxReceiveCount": queue.max_receive_count,
        }
        assert props["VisibilityTimeout"] == queue.visibility_timeout_s
        # And a rule on the bus with the declared pattern feeds it (none feeds a queue the platform sends to)
        targeting = [r for r in rules.values() if {"Fn::GetAtt": [queue_id, "Arn"]} in [t["Arn"] for t in r["Targets"]]]
        if queue.events is None:
            assert targeting == []
        else:
            _, rule = synthesized.named("AWS::Events::Rule", "Name", queue.name)
            assert rule["EventBusName"] == {"Ref": bus}
            assert rule["EventPattern"] == queue.events.as_dict()
            assert [t["Arn"] for t in rule["Targets"]] == [{"Fn::GetAtt": [queue_id, "Arn"]}]
        # And its consumer drains it in batches of the declared size
        (mapping,) = [m for m in mappings if m["EventSourceArn"] == {"Fn::GetAtt": [queue_id, "Arn"]}]
        assert mapping["FunctionName"] == {"Ref": synthesized.function_id(queue.consumer)}
        assert mapping["BatchSize"] == queue.batch_size
    # And the stage's bus has no rule but those (the rule that forwards SES's reports sits on the
    # account's default bus: tests/infra/test_email_reports.py)
    fed = [queue for queue in wiring.QUEUES if queue.events is not None]
    on_bus = [r for r in rules.values() if r.get("EventBusName") == {"Ref": bus}]
    assert len(on_bus) == len(fed) + len([w for w in wiring.WORKFLOWS if w.trigger])
    assert len(rules) == len(on_bus) + 1


def test_every_stream_feeds_its_function_with_its_filter(synthesized: Synthesized):
    (table,) = synthesized.props("AWS::DynamoDB::Table")
    mappings = synthesized.props("AWS::Lambda::EventSourceMapping").values()
    for stream in wiring.STREAMS:
        # Given the mapping of the table's stream to the stream's function
        (mapping,) = [m for m in mappings if m["FunctionName"] == {"Ref": synthesized.function_id(stream.function)}]
        # Then it reads the table's stream through the declared filter
        assert mapping["EventSourceArn"] == {"Fn::GetAtt": [table, "StreamArn"]}
        assert [json.loads(f["Pattern"]) for f in mapping["FilterCriteria"]["Filters"]] == [stream.filter]
        assert mapping["BatchSize"] == stream.batch_size


def test_every_workflow_runs_its_asl_file_with_its_tasks_resolved_to_their_functions(synthesized: Synthesized):
    (bus,) = synthesized.props("AWS::Events::EventBus")
    for workflow in wiring.WORKFLOWS:
        # Given the state machine of a workflow
        machine_id, machine = synthesized.named("AWS::StepFunctions::StateMachine", "StateMachineName", workflow.name)
        # Then its definition is the ASL file as written
        assert join(machine["DefinitionString"]) == workflow.path.read_text()
        # And each placeholder resolves to the ARN of the function the wiring names for it
        assert machine["DefinitionSubstitutions"] == {
            placeholder: {"Fn::GetAtt": [synthesized.function_id(function), "Arn"]}
            for placeholder, function in workflow.tasks.items()
        }
        # And its trigger is a rule on the bus with the declared pattern
        if workflow.trigger:
            _, rule = synthesized.named("AWS::Events::Rule", "Name", workflow.name)
            assert rule["EventBusName"] == {"Ref": bus}
            assert rule["EventPattern"] == workflow.trigger.as_dict()
            assert [t["Arn"] for t in rule["Targets"]] == [{"Ref": machine_id}]
            assert "Input" not in rule["Targets"][0]  # the state machine reads the event itself
    assert len(synthesized.props("AWS::StepFunctions::StateMachine")) == len(wiring.WORKFLOWS)


def test_every_schedule_invokes_its_function_with_its_payload(synthesized: Synthesized):
    for schedule in wiring.SCHEDULES:
        # Given the schedule of the wiring
        _, props = synthesized.named("AWS::Scheduler::Schedule", "Name", schedule.name)
        # Then it runs on the declared expression and invokes its function with the payload
        assert props["ScheduleExpression"] == schedule.expression
        assert props["Target"]["Arn"] == {"Fn::GetAtt": [synthesized.function_id(schedule.function), "Arn"]}
        assert json.loads(props["Target"]["Input"]) == schedule.payload
    assert len(synthesized.props("AWS::Scheduler::Schedule")) == len(wiring.SCHEDULES)
