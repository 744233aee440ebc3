"""EventBridge Scheduler schedules (`wiring.SCHEDULES`), each invoking its function with its
payload through a role that may invoke that function and nothing else.

The L1 resource, not the L2 target: the L2's grant also allows every version and alias of the
function (`<arn>:*`), which this app does not publish."""

from __future__ import annotations

import json
from collections.abc import Mapping

from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_scheduler as scheduler
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra import wiring
from infra.stacks.stage import Stage

RETRY_ATTEMPTS = 3
MAX_EVENT_AGE_S = 3600  # a job missed by more than an hour waits for its next run


class Schedules(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        stage: Stage,
        functions: Mapping[str, lambda_.IFunction],
        undelivered: sqs.IQueue,
        declared: tuple[wiring.Schedule, ...] = wiring.SCHEDULES,
    ) -> None:
        super().__init__(scope, id)
        self.schedules: dict[str, scheduler.CfnSchedule] = {}
        for spec in declared:
            scope_ = Construct(self, spec.name)
            target = functions[spec.function]
            role = iam.Role(
                scope_,
                "Role",
                assumed_by=iam.ServicePrincipal(
                    "scheduler.amazonaws.com",
                    conditions={"StringEquals": {"aws:SourceAccount": Stack.of(self).account}},
                ),
                description=f"{stage.named(spec.name)}: invokes {spec.function}",
            )
            role.add_to_principal_policy(
                iam.PolicyStatement(actions=["lambda:InvokeFunction"], resources=[target.function_arn])
            )
            undelivered.grant_send_messages(role)
            self.schedules[spec.name] = scheduler.CfnSchedule(
                scope_,
                "Schedule",
                name=stage.named(spec.name),
                description=f"Invokes {spec.function}",
                schedule_expression=spec.expression,
                flexible_time_window=scheduler.CfnSchedule.FlexibleTimeWindowProperty(mode="OFF"),
                state="ENABLED",
                target=scheduler.CfnSchedule.TargetProperty(
                    arn=target.function_arn,
                    role_arn=role.role_arn,
                    input=json.dumps(spec.payload),
                    retry_policy=scheduler.CfnSchedule.RetryPolicyProperty(
                        maximum_retry_attempts=RETRY_ATTEMPTS, maximum_event_age_in_seconds=MAX_EVENT_AGE_S
                    ),
                    dead_letter_config=scheduler.CfnSchedule.DeadLetterConfigProperty(arn=undelivered.queue_arn),
                ),
            )
            self.schedules[spec.name].node.add_dependency(role)
