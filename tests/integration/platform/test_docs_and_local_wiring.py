"""The local runtime runs exactly the wiring the CDK app deploys, and the API describes itself."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import boto3

from infra import wiring
from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from tests.support import resources


def _aws(platform: LocalPlatform, service: str):
    return boto3.client(service, endpoint_url=platform.aws_url, region_name=REGION)


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


def test_every_function_of_the_wiring_exists_with_its_handler(platform: LocalPlatform):
    functions = {f["FunctionName"]: f for f in _aws(platform, "lambda").list_functions()["Functions"]}
    for fn in wiring.FUNCTIONS:
        deployed = functions[f"panacea-local-{fn.name}"]
        assert deployed["Handler"] == fn.handler
        assert deployed["Environment"]["Variables"]["PANACEA_TABLE"] == resources(platform).table


def test_every_queue_has_its_dead_letter_queue_and_its_rule(platform: LocalPlatform):
    sqs, events = _aws(platform, "sqs"), _aws(platform, "events")
    for queue in wiring.QUEUES:
        refs = resources(platform).queues[queue.name]
        policy = json.loads(
            sqs.get_queue_attributes(QueueUrl=refs.url, AttributeNames=["RedrivePolicy"])["Attributes"]["RedrivePolicy"]
        )
        assert policy == {"deadLetterTargetArn": refs.dlq_arn, "maxReceiveCount": queue.max_receive_count}
        if queue.events is None:  # a queue the platform sends to itself: no rule
            continue
        rule = events.describe_rule(Name=f"panacea-local-{queue.name}", EventBusName=resources(platform).bus)
        assert json.loads(rule["EventPattern"]) == queue.events.as_dict()
        targets = events.list_targets_by_rule(Rule=rule["Name"], EventBusName=resources(platform).bus)["Targets"]
        assert [t["Arn"] for t in targets] == [refs.arn]


def test_every_workflow_runs_its_asl_file_with_its_tasks(platform: LocalPlatform):
    sfn = _aws(platform, "stepfunctions")
    for workflow in wiring.WORKFLOWS:
        definition = sfn.describe_state_machine(stateMachineArn=resources(platform).state_machines[workflow.name])
        asl = json.loads(definition["definition"])
        assert asl["States"].keys() == json.loads(workflow.path.read_text())["States"].keys()
        assert _functions_called(asl["States"]) == {resources(platform).functions[f] for f in workflow.tasks.values()}


def _functions_called(states: dict[str, Any]) -> set[str]:
    """The functions a workflow's tasks call: Lambda ARNs as resources, or named by a Lambda
    integration (`arn:aws:states:::lambda:invoke…`), in Map states too."""
    found: set[str] = set()
    for state in states.values():
        resource = state.get("Resource", "")
        if resource.startswith("arn:aws:states:::lambda:invoke"):
            found.add(state["Parameters"]["FunctionName"])
        elif resource:
            found.add(resource)
        processor = state.get("ItemProcessor") or state.get("Iterator")
        if processor:
            found |= _functions_called(processor["States"])
    return found


def test_every_schedule_exists(platform: LocalPlatform):
    scheduler = _aws(platform, "scheduler")
    for schedule in wiring.SCHEDULES:
        found = scheduler.get_schedule(Name=f"panacea-local-{schedule.name}")
        assert found["ScheduleExpression"] == schedule.expression
        assert found["Target"]["Arn"] == resources(platform).functions[schedule.function]


def test_every_route_is_served_by_the_gateway(platform: LocalPlatform):
    # When each route of the wiring is called without a token
    for route in wiring.routes():
        path = route.path.replace("{tenant_id}", "01JZZZZZZZZZZZZZZZZZZZZZZZ").replace("{key_id}", "01JZZZ")
        path = path.replace("{problem_type}", "no-such-route")  # a problem type's page (public): one that exists
        request = urllib.request.Request(platform.api_url + path, method=route.method)
        try:
            with urllib.request.urlopen(request) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        # Then it exists: public routes answer (a body they need missing: 422; a signature missing: 400, the
        # webhooks partners sign; an OPTIONS without Origin is no CORS preflight: 400), the others ask for a token
        public = {400, 422} if route.method == "POST" else {400} if route.method == "OPTIONS" else {200}
        expected = public if route.public else {401}
        assert status in expected, (route, status)


def test_the_api_describes_itself(platform: LocalPlatform):
    status, kind, text = _get(platform.api_url + "/openapi.json")
    document = json.loads(text)
    assert (status, kind) == (200, "application/json")
    documented = {(m.upper(), p) for p, ops in document["paths"].items() for m in ops}
    assert documented == {(r.method, r.path) for r in wiring.routes() if r.documented}
    problem = document["paths"]["/v1/tenants"]["post"]["responses"]["409"]["content"]
    assert problem["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert document["components"]["schemas"]["NewTenant"]["examples"]
    status, kind, page = _get(platform.api_url + "/docs")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    assert "swagger-ui" in page
    assert _get(platform.api_url + "/health")[0] == 200


def test_an_unknown_route_is_a_problem(platform: LocalPlatform):
    status, kind, text = _get(platform.api_url + "/v1/nothing-here")
    assert (status, kind) == (404, "application/problem+json")
    assert json.loads(text)["status"] == 404
