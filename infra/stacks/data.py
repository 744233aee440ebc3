"""The single table (`wiring.TABLE`): keys, overloaded indexes, TTL and the stream the outbox
relay reads."""

from __future__ import annotations

from aws_cdk import Fn
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct

from infra import wiring
from infra.stacks.stage import Stage


class Table(Construct):
    def __init__(self, scope: Construct, id: str, *, stage: Stage, shape: wiring.Table = wiring.TABLE) -> None:
        super().__init__(scope, id)
        self.shape = shape
        self.table = dynamodb.Table(
            self,
            "Table",
            table_name=stage.named("table"),
            partition_key=dynamodb.Attribute(name=shape.partition_key, type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name=shape.sort_key, type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True
            ),
            time_to_live_attribute=shape.ttl_attribute,
            stream=dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
            deletion_protection=not stage.disposable,
            removal_policy=stage.removal_policy,
        )
        for name, pk, sk in shape.indexes:
            self.table.add_global_secondary_index(
                index_name=name,
                partition_key=dynamodb.Attribute(name=pk, type=dynamodb.AttributeType.STRING),
                sort_key=dynamodb.Attribute(name=sk, type=dynamodb.AttributeType.STRING),
                projection_type=dynamodb.ProjectionType.ALL,
            )

    @property
    def name(self) -> str:
        return self.table.table_name

    @property
    def arn(self) -> str:
        return self.table.table_arn

    @property
    def stream_arn(self) -> str:
        arn = self.table.table_stream_arn
        assert arn is not None  # the table is declared with a stream
        return arn

    @property
    def index_arns(self) -> list[str]:
        """One ARN per index, spelled out: never `<table>/index/*`."""
        return [Fn.join("", [self.arn, f"/index/{name}"]) for name, _, _ in self.shape.indexes]
