"""The table's stream into the outbox relay (`wiring.STREAMS`), filtered so that only new outbox
items invoke it.

The relay reports failures per record and Lambda retries from the first failed one, so events
keep their order. A batch that still fails after bisecting and the retries below goes, as a
pointer to its stream records, to the `Undelivered` queue; the outbox items themselves stay in
the table until their TTL, so they can be relayed again.
"""

from __future__ import annotations

from collections.abc import Mapping

from aws_cdk import Duration
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_event_sources as sources
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra import wiring
from infra.stacks.data import Table

RETRY_ATTEMPTS = 10
MAX_RECORD_AGE = Duration.hours(12)  # well inside the stream's 24 h and the outbox items' TTL
STREAM_READ_ACTIONS = (
    "dynamodb:DescribeStream",
    "dynamodb:GetRecords",
    "dynamodb:GetShardIterator",
    "dynamodb:ListStreams",
)


class Streams(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        table: Table,
        functions: Mapping[str, lambda_.Function],
        undelivered: sqs.IQueue,
        declared: tuple[wiring.Stream, ...] = wiring.STREAMS,
    ) -> None:
        super().__init__(scope, id)
        self.mappings: dict[str, lambda_.EventSourceMapping] = {}
        for spec in declared:
            relay = functions[spec.function]
            # Granted by hand: CDK's stream grant adds dynamodb:ListStreams on '*'.
            relay.add_to_role_policy(
                iam.PolicyStatement(actions=list(STREAM_READ_ACTIONS), resources=[table.stream_arn])
            )
            self.mappings[spec.function] = lambda_.EventSourceMapping(
                self,
                spec.function,
                target=relay,
                event_source_arn=table.stream_arn,
                starting_position=lambda_.StartingPosition.TRIM_HORIZON,
                batch_size=spec.batch_size,
                filters=[lambda_.FilterCriteria.filter(spec.filter)],
                report_batch_item_failures=True,
                bisect_batch_on_error=True,
                retry_attempts=RETRY_ATTEMPTS,
                max_record_age=MAX_RECORD_AGE,
                parallelization_factor=1,  # one batch per shard at a time: events stay in order
                on_failure=sources.SqsDlq(undelivered),
            )
