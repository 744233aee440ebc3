"""Email's delivery reports: an SES configuration set (`panacea-<stage>-messages`) whose event
destination is Amazon EventBridge. SES puts its events on the account's default bus (`source`
`aws.ses`); a rule there forwards them to the stage's bus, where the `engagement-deliveries` queue's
rule picks them up (`infra.wiring`). The senders name the set on every email
(`PANACEA_SES_CONFIGURATION_SET`)."""

from __future__ import annotations

from aws_cdk import Aws
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_ses as ses
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra.stacks.stage import Stage

ENV_VARIABLE = "PANACEA_SES_CONFIGURATION_SET"
# Where the senders tell providers to report a message's status (panacea.engagement.sending.callback_url).
CALLBACK_BASE_VARIABLE = "PANACEA_MESSAGING_CALLBACK_BASE"
REPORTED = ["SEND", "DELIVERY", "BOUNCE", "COMPLAINT", "REJECT", "RENDERING_FAILURE", "SUBSCRIPTION"]


class EmailReports(Construct):
    def __init__(
        self, scope: Construct, id: str, *, stage: Stage, bus: events.IEventBus, undelivered: sqs.IQueue
    ) -> None:
        super().__init__(scope, id)
        self.name = stage.named("messages")
        configuration_set = ses.CfnConfigurationSet(self, "ConfigurationSet", name=self.name)
        default_bus = f"arn:{Aws.PARTITION}:events:{Aws.REGION}:{Aws.ACCOUNT_ID}:event-bus/default"
        destination = ses.CfnConfigurationSetEventDestination(
            self,
            "ToEventBridge",
            configuration_set_name=self.name,
            event_destination=ses.CfnConfigurationSetEventDestination.EventDestinationProperty(
                name="eventbridge",
                enabled=True,
                matching_event_types=REPORTED,
                event_bridge_destination=ses.CfnConfigurationSetEventDestination.EventBridgeDestinationProperty(
                    event_bus_arn=default_bus
                ),
            ),
        )
        destination.add_dependency(configuration_set)
        self.forward = events.Rule(
            self,
            "Forward",
            rule_name=stage.named("email-reports"),
            description="SES's events about this stage's emails, to the stage's bus",
            event_bus=events.EventBus.from_event_bus_arn(self, "Default", default_bus),
            event_pattern=events.EventPattern(
                source=["aws.ses"], detail={"mail": {"tags": {"ses:configuration-set": [self.name]}}}
            ),
            targets=[targets.EventBus(bus, dead_letter_queue=undelivered)],
        )

    def arn(self) -> str:
        return f"arn:{Aws.PARTITION}:ses:{Aws.REGION}:{Aws.ACCOUNT_ID}:configuration-set/{self.name}"

    def grant_send(self, role: iam.IRole) -> None:
        role.add_to_principal_policy(iam.PolicyStatement(actions=["ses:SendEmail"], resources=[self.arn()]))
