"""Queues: each `wiring.Queue` with its dead-letter queue, the bus rule that feeds it (none for a
queue the platform sends to itself) and the consumer that drains it; and the one queue where the
plumbing itself leaves what it could not
deliver (`Undelivered`)."""

from __future__ import annotations

from collections.abc import Mapping

from aws_cdk import Duration, NestedStack
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra import wiring
from infra.stacks.checks import acknowledge
from infra.stacks.stage import Stage

# What the SQS event source needs of its consumer's role (what `grant_consume_messages` grants).
CONSUME_ACTIONS = ["sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage",
                   "sqs:GetQueueAttributes"]  # fmt: skip
DEAD_LETTER_RETENTION = Duration.days(14)  # SQS's longest
END_OF_THE_LINE = (
    "A dead-letter queue is the end of the line: an alarm fires on its first message, and an "
    "operator inspects and redrives it; a redrive policy of its own would only hide failures."
)


def dead_letter_queue(scope: Construct, id: str, *, queue_name: str) -> sqs.Queue:
    queue = sqs.Queue(
        scope,
        id,
        queue_name=queue_name,
        encryption=sqs.QueueEncryption.SQS_MANAGED,
        enforce_ssl=True,
        retention_period=DEAD_LETTER_RETENTION,
    )
    acknowledge(queue, "Serverless-SQSRedrivePolicy", END_OF_THE_LINE)
    return queue


class Undelivered(Construct):
    """Where asynchronous plumbing leaves what it gave up on: failed asynchronous invocations of
    every function, bus rule targets and schedules that could not be reached, and the stream
    batches the outbox relay could not publish."""

    def __init__(self, scope: Construct, id: str, *, stage: Stage) -> None:
        super().__init__(scope, id)
        self.queue = dead_letter_queue(self, "Queue", queue_name=stage.named("undelivered"))


class Queues(NestedStack):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        stage: Stage,
        bus: events.IEventBus,
        functions: Mapping[str, lambda_.IFunction],
        undelivered: sqs.IQueue,
        declared: tuple[wiring.Queue, ...] = wiring.QUEUES,
    ) -> None:
        super().__init__(scope, id, description="Panacea: the queues, their dead letters, rules and consumers")
        self.queues: dict[str, sqs.Queue] = {}
        self.dead_letter_queues: dict[str, sqs.Queue] = {}
        self.rules: dict[str, events.Rule] = {}
        for spec in declared:
            scope_ = Construct(self, spec.name)
            dlq = dead_letter_queue(scope_, "DeadLetters", queue_name=stage.named(f"{spec.name}-dlq"))
            queue = sqs.Queue(
                scope_,
                "Queue",
                queue_name=stage.named(spec.name),
                encryption=sqs.QueueEncryption.SQS_MANAGED,
                enforce_ssl=True,
                visibility_timeout=Duration.seconds(spec.visibility_timeout_s),
                dead_letter_queue=sqs.DeadLetterQueue(queue=dlq, max_receive_count=spec.max_receive_count),
            )
            if spec.events is not None:  # else the platform sends to it itself (a function's `sends_to`)
                self.rules[spec.name] = events.Rule(
                    scope_,
                    "Rule",
                    rule_name=stage.named(spec.name),
                    description=f"Events for the {spec.name} queue",
                    event_bus=bus,
                    event_pattern=event_pattern(spec.events),
                    targets=[targets.SqsQueue(queue, dead_letter_queue=undelivered)],
                )
            consumer = functions[spec.consumer]
            # A policy of this stack on the consumer's role, not a statement in the role's default policy:
            # the function (in the parent) depends on that one, and this stack on the function: a cycle.
            consuming = iam.Policy(scope_, "Consuming", roles=[consumer.role] if consumer.role else [],
                                   statements=[iam.PolicyStatement(actions=CONSUME_ACTIONS,
                                                                   resources=[queue.queue_arn])])  # fmt: skip
            mapping = lambda_.EventSourceMapping(
                scope_,
                "Consumer",
                target=consumer,
                event_source_arn=queue.queue_arn,
                batch_size=spec.batch_size,
                report_batch_item_failures=True,
            )
            mapping.node.add_dependency(consuming)  # Lambda checks the role may receive when it makes the mapping
            acknowledge(
                mapping,
                "Serverless-LambdaEventSourceMappingDestination",
                "An SQS event source takes no on-failure destination: a message the consumer keeps "
                "failing moves to the queue's own dead-letter queue after maxReceiveCount receives.",
            )
            self.queues[spec.name], self.dead_letter_queues[spec.name] = queue, dlq


def event_pattern(pattern: wiring.EventPattern) -> events.EventPattern:
    """The CDK form of a wiring pattern (it renders exactly as `pattern.as_dict()`)."""
    return events.EventPattern(source=list(pattern.sources), detail_type=list(pattern.detail_types) or None)
