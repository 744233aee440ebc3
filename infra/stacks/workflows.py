"""State machines from their ASL files (`wiring.WORKFLOWS`), the same files the local runtime
executes. Each `${Substitution}` becomes the ARN of the function the wiring names for it, the
state machine's role may invoke exactly those functions, and a workflow with a trigger is
started by a bus rule with the triggering event as its input."""

from __future__ import annotations

from collections.abc import Mapping

from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sqs as sqs
from aws_cdk import aws_stepfunctions as sfn
from constructs import Construct

from infra import wiring
from infra.stacks.checks import acknowledge
from infra.stacks.queues import event_pattern
from infra.stacks.stage import Stage

LOG_DELIVERY_AND_X_RAY = (
    "Logging to CloudWatch needs the logs:*LogDelivery and resource-policy actions and tracing needs "
    "xray:PutTraceSegments and friends; none of them supports resource-level permissions."
)


class Workflows(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        stage: Stage,
        bus: events.IEventBus,
        functions: Mapping[str, lambda_.IFunction],
        undelivered: sqs.IQueue,
        declared: tuple[wiring.Workflow, ...] = wiring.WORKFLOWS,
    ) -> None:
        super().__init__(scope, id)
        self.state_machines: dict[str, sfn.StateMachine] = {}
        self.rules: dict[str, events.Rule] = {}
        for spec in declared:
            scope_ = Construct(self, spec.name)
            log_group = logs.LogGroup(
                scope_,
                "Logs",
                log_group_name=f"/aws/vendedlogs/states/{stage.named(spec.name)}",
                retention=stage.log_retention,
                removal_policy=stage.removal_policy,
            )
            machine = sfn.StateMachine(
                scope_,
                "StateMachine",
                state_machine_name=stage.named(spec.name),
                definition_body=sfn.DefinitionBody.from_string(spec.path.read_text()),
                definition_substitutions={
                    placeholder: functions[name].function_arn for placeholder, name in spec.tasks.items()
                },
                logs=sfn.LogOptions(destination=log_group, level=sfn.LogLevel.ALL, include_execution_data=True),
                tracing_enabled=True,
            )
            tasks = sorted(set(spec.tasks.values()))
            machine.add_to_role_policy(
                iam.PolicyStatement(
                    actions=["lambda:InvokeFunction"], resources=[functions[name].function_arn for name in tasks]
                )
            )
            acknowledge(machine, "AwsSolutions-IAM5[Resource::*]", LOG_DELIVERY_AND_X_RAY)
            if spec.trigger:
                self.rules[spec.name] = events.Rule(
                    scope_,
                    "Trigger",
                    rule_name=stage.named(spec.name),
                    description=f"Starts {spec.name}",
                    event_bus=bus,
                    event_pattern=event_pattern(spec.trigger),
                    targets=[targets.SfnStateMachine(machine, dead_letter_queue=undelivered)],
                )
            self.state_machines[spec.name] = machine
