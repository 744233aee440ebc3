"""The event bus (`panacea-<stage>`) and its archive, from which any past event can be replayed."""

from __future__ import annotations

from aws_cdk import Duration
from aws_cdk import aws_events as events
from constructs import Construct

from infra.stacks.stage import Stage

SOURCE_PREFIX = "panacea."  # every context publishes as panacea.<context>


class Bus(Construct):
    def __init__(self, scope: Construct, id: str, *, stage: Stage) -> None:
        super().__init__(scope, id)
        self.bus = events.EventBus(
            self, "Bus", event_bus_name=stage.prefix, description=f"Panacea events ({stage.name})"
        )
        self.archive = self.bus.archive(
            "Archive",
            archive_name=stage.named("events"),
            description="Every Panacea event, for replay",
            event_pattern=events.EventPattern(source=events.Match.prefix(SOURCE_PREFIX)),
            retention=Duration.days(30 if stage.disposable else 365),
        )

    @property
    def name(self) -> str:
        return self.bus.event_bus_name

    @property
    def arn(self) -> str:
        return self.bus.event_bus_arn
