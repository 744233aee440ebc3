"""Queues and their dead letters, the outbox stream, workflows, schedules and alarms."""

from __future__ import annotations

import json
import re

from infra import wiring
from tests.infra.template import STACK, Synthesized, as_list, join


def _dead_letter_targets(synthesized: Synthesized) -> set[str]:
    """Queues something sends what it gave up on to (redrive, Lambda, rule, schedule, stream)."""
    targets = {
        p["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0]
        for p in synthesized.props("AWS::SQS::Queue").values()
        if "RedrivePolicy" in p
    }
    targets |= {
        p["DeadLetterConfig"]["TargetArn"]["Fn::GetAtt"][0] for p in synthesized.props("AWS::Lambda::Function").values()
    }
    for rule in synthesized.props("AWS::Events::Rule").values():
        targets |= {t["DeadLetterConfig"]["Arn"]["Fn::GetAtt"][0] for t in rule["Targets"]}
    targets |= {
        p["Target"]["DeadLetterConfig"]["Arn"]["Fn::GetAtt"][0]
        for p in synthesized.props("AWS::Scheduler::Schedule").values()
    }
    for mapping in synthesized.props("AWS::Lambda::EventSourceMapping").values():
        if "DestinationConfig" in mapping:
            targets.add(mapping["DestinationConfig"]["OnFailure"]["Destination"]["Fn::GetAtt"][0])
    return targets


def test_every_queue_has_a_dead_letter_queue_or_is_one(synthesized: Synthesized):
    # Given every queue and every place that dead-letters into a queue
    queues = synthesized.props("AWS::SQS::Queue")
    dead_letters = _dead_letter_targets(synthesized)
    for queue_id, props in queues.items():
        # Then a queue is a dead-letter queue, or redrives into one after the wiring's receive count
        if queue_id in dead_letters:
            continue
        policy = props["RedrivePolicy"]
        assert policy["deadLetterTargetArn"]["Fn::GetAtt"][0] in queues
        assert policy["maxReceiveCount"] >= 1
    # And every function, rule target, schedule and the stream relay has somewhere to dead-letter
    assert all("DeadLetterConfig" in p for p in synthesized.props("AWS::Lambda::Function").values())
    assert all("DeadLetterConfig" in t for r in synthesized.props("AWS::Events::Rule").values() for t in r["Targets"])


def test_every_queue_is_encrypted_and_refuses_plain_http(synthesized: Synthesized):
    # Given every queue and the queue policies
    policies = synthesized.props("AWS::SQS::QueuePolicy").values()
    for queue_id, props in synthesized.props("AWS::SQS::Queue").items():
        # Then it is encrypted at rest and its policy denies any request not over TLS
        assert props["SqsManagedSseEnabled"] is True
        denies = [
            s
            for p in policies
            if {"Ref": queue_id} in p["Queues"]
            for s in p["PolicyDocument"]["Statement"]
            if s["Effect"] == "Deny"
        ]
        assert any(s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}} for s in denies), queue_id


def test_the_outbox_relay_reads_only_new_outbox_items_from_the_stream(synthesized: Synthesized):
    # Given the event source mappings on the table's stream
    (table,) = synthesized.props("AWS::DynamoDB::Table")
    on_stream = [
        m for m in synthesized.props("AWS::Lambda::EventSourceMapping").values()
        if m["EventSourceArn"] == {"Fn::GetAtt": [table, "StreamArn"]}
    ]  # fmt: skip
    (stream,) = wiring.STREAMS
    (mapping,) = on_stream
    # Then the wiring's filter, batch size and per-record failures apply, with bounded retries
    assert mapping["FunctionName"] == {"Ref": synthesized.function_id(stream.function)}
    assert [json.loads(f["Pattern"]) for f in mapping["FilterCriteria"]["Filters"]] == [stream.filter]
    assert mapping["BatchSize"] == stream.batch_size
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert mapping["BisectBatchOnFunctionError"] is True
    assert 0 < mapping["MaximumRetryAttempts"] <= 100
    assert mapping["MaximumRecordAgeInSeconds"] <= 24 * 3600
    assert mapping["StartingPosition"] == "TRIM_HORIZON"
    # And a batch it gives up on is dead-lettered
    assert mapping["DestinationConfig"]["OnFailure"]["Destination"]["Fn::GetAtt"][0] in _dead_letter_targets(
        synthesized
    )


def test_queue_consumers_report_failures_per_message(synthesized: Synthesized):
    # Given the event source mappings on queues
    queues = synthesized.props("AWS::SQS::Queue")
    on_queues = [
        m for m in synthesized.props("AWS::Lambda::EventSourceMapping").values()
        if m["EventSourceArn"]["Fn::GetAtt"][0] in queues
    ]  # fmt: skip
    # Then each returns only the failed messages to the queue
    assert len(on_queues) == len(wiring.QUEUES)
    assert all(m["FunctionResponseTypes"] == ["ReportBatchItemFailures"] for m in on_queues)


def test_state_machines_leave_no_placeholder_unresolved(synthesized: Synthesized):
    for machine in synthesized.props("AWS::StepFunctions::StateMachine").values():
        # Given a state machine's definition and its substitutions
        definition = join(machine["DefinitionString"])
        placeholders = set(re.findall(r"\$\{([^}]*)\}", definition))
        substitutions = machine.get("DefinitionSubstitutions", {})
        # Then CloudFormation substitutes every placeholder, and no substitution is unused
        assert placeholders == set(substitutions)
        assert placeholders  # the ASL files call functions through placeholders
        json.loads(definition)


def test_state_machines_log_everything_are_traced_and_invoke_only_their_tasks(synthesized: Synthesized):
    policies = synthesized.props("AWS::IAM::Policy")
    for machine in synthesized.props("AWS::StepFunctions::StateMachine").values():
        # Given a state machine and its role's statements
        assert machine["LoggingConfiguration"]["Level"] == "ALL"
        assert machine["LoggingConfiguration"]["IncludeExecutionData"] is True
        assert machine["TracingConfiguration"] == {"Enabled": True}
        role = machine["RoleArn"]["Fn::GetAtt"][0]
        granted = [
            s for p in policies.values() if {"Ref": role} in p["Roles"] for s in p["PolicyDocument"]["Statement"]
        ]
        invokes = {
            join(r) for s in granted if "lambda:InvokeFunction" in as_list(s["Action"]) for r in as_list(s["Resource"])
        }
        # Then it may invoke exactly the functions its placeholders name
        assert invokes == {join(v) for v in machine["DefinitionSubstitutions"].values()}


def test_schedules_invoke_their_function_through_a_role_that_may_do_only_that(synthesized: Synthesized):
    policies = synthesized.props("AWS::IAM::Policy")
    for schedule in synthesized.props("AWS::Scheduler::Schedule").values():
        # Given a schedule's role
        role = schedule["Target"]["RoleArn"]["Fn::GetAtt"][0]
        granted = [
            s for p in policies.values() if {"Ref": role} in p["Roles"] for s in p["PolicyDocument"]["Statement"]
        ]
        invokes = [
            join(r) for s in granted if "lambda:InvokeFunction" in as_list(s["Action"]) for r in as_list(s["Resource"])
        ]
        # Then the role may invoke the schedule's target, and no other function or version
        assert invokes == [join(schedule["Target"]["Arn"])]
        assert schedule["FlexibleTimeWindow"] == {"Mode": "OFF"}


def test_alarms_watch_dead_letters_api_errors_and_failed_workflows(synthesized: Synthesized):
    # Given the alarms
    alarms = list(synthesized.props("AWS::CloudWatch::Alarm").values())

    def watching(metric: str, dimension: str) -> list[str]:
        return [
            join(d["Value"])
            for a in alarms
            if a["MetricName"] == metric
            for d in a["Dimensions"]
            if d["Name"] == dimension
        ]

    # Then every dead-letter queue alarms on its first visible message
    dead_letters = _dead_letter_targets(synthesized)
    watched_queues = watching("ApproximateNumberOfMessagesVisible", "QueueName")
    assert sorted(watched_queues) == sorted(f"<{q}.QueueName>" for q in dead_letters)
    # And the API alarms on any 5xx, each state machine on any failed execution
    assert watching("5XXError", "ApiName") == [STACK]
    assert len(watching("ExecutionsFailed", "StateMachineArn")) == len(wiring.WORKFLOWS)
    for alarm in alarms:
        assert (alarm["Threshold"], alarm["ComparisonOperator"]) == (0, "GreaterThanThreshold")
        assert alarm["TreatMissingData"] == "notBreaching"


SQS_POLICY_STATEMENTS = 20  # SQS's quotas on a queue policy
SQS_POLICY_BYTES = 8192


def test_every_queue_policy_fits_in_sqs_policy_quotas(synthesized: Synthesized):
    # Given every queue policy (the undelivered queue's grows a statement per bus rule that dead-letters to it)
    for policy_id, props in synthesized.props("AWS::SQS::QueuePolicy").items():
        document = props["PolicyDocument"]
        # Then it holds at most the 20 statements and 8 KB SQS accepts (CloudFormation would fail the deploy)
        assert len(document["Statement"]) <= SQS_POLICY_STATEMENTS, policy_id
        assert len(json.dumps(document, separators=(",", ":"))) <= SQS_POLICY_BYTES, policy_id
