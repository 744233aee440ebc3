"""Alarms on what should never happen quietly: a message in any dead-letter queue, a 5xx from
the API (a 5xx is a bug), a failed workflow execution. They carry no action yet: subscribe the
on-call channel of each deployment to them."""

from __future__ import annotations

from collections.abc import Mapping

from aws_cdk import Duration
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_sqs as sqs
from aws_cdk import aws_stepfunctions as sfn
from constructs import Construct

from infra.stacks.stage import Stage

PERIOD = Duration.minutes(1)


class Alarms(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        stage: Stage,
        dead_letter_queues: Mapping[str, sqs.IQueue],
        api: apigw.RestApi,
        state_machines: Mapping[str, sfn.IStateMachine],
    ) -> None:
        super().__init__(scope, id)
        self.alarms: dict[str, cloudwatch.Alarm] = {}
        for name, queue in dead_letter_queues.items():
            self._above_zero(
                f"DeadLetters-{name}",
                stage.named(f"{name}-dead-letters"),
                f"Messages wait in {name}: inspect, fix and redrive them",
                queue.metric_approximate_number_of_messages_visible(period=PERIOD, statistic="Maximum"),
            )
        self._above_zero(
            "Api5xx",
            stage.named("api-5xx"),
            "The API answered 5xx: a bug (see the access log and the function's log)",
            api.metric_server_error(period=PERIOD, statistic="Sum"),
        )
        for name, machine in state_machines.items():
            self._above_zero(
                f"WorkflowFailed-{name}",
                stage.named(f"{name}-failed"),
                f"An execution of {name} failed",
                machine.metric_failed(period=PERIOD, statistic="Sum"),
            )

    def _above_zero(self, id: str, name: str, description: str, metric: cloudwatch.IMetric) -> None:
        self.alarms[id] = cloudwatch.Alarm(
            self,
            id,
            alarm_name=name,
            alarm_description=description,
            metric=metric,
            threshold=0,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
