"""Panacea in one stack, built from `infra.wiring`: the same declaration the local runtime runs.

The API's routes are in nested stacks, one per context (`infra.stacks.routes`), so that the 500
resources CloudFormation allows in a stack bound one context's routes, not the whole platform's."""

from __future__ import annotations

from typing import Any

from aws_cdk import Aws, CfnOutput, Stack, Tags
from constructs import Construct

from infra import wiring
from infra.stacks import messaging
from infra.stacks.alarms import Alarms
from infra.stacks.api import Api
from infra.stacks.bus import Bus
from infra.stacks.cursors import CursorKey
from infra.stacks.data import Table
from infra.stacks.data_keys import DataKey
from infra.stacks.directory import Directory
from infra.stacks.functions import Functions
from infra.stacks.messaging import EmailReports
from infra.stacks.payments import StripeKeys
from infra.stacks.queues import Queues, Undelivered
from infra.stacks.schedules import Schedules
from infra.stacks.stage import Stage
from infra.stacks.storage import Buckets
from infra.stacks.streams import Streams
from infra.stacks.tenant_data import TenantData
from infra.stacks.workflows import Workflows


class PanaceaStack(Stack):
    def __init__(
        self, scope: Construct, id: str, *, stage: Stage, api_gateway_account_role: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(scope, id, description=f"Panacea ({stage.name})", **kwargs)
        Tags.of(self).add("project", "panacea")
        Tags.of(self).add("stage", stage.name)

        self.table = Table(self, "Data", stage=stage)
        self.bus = Bus(self, "Events", stage=stage)
        self.directory = Directory(self, "Directory", stage=stage)
        self.undelivered = Undelivered(self, "Undelivered", stage=stage)
        self.stripe = StripeKeys(self, "Stripe", stage=stage)
        self.cursor_key = CursorKey(self, "Cursors", stage=stage)
        self.data_key = DataKey(self, "DataKeys", stage=stage)
        self.buckets = Buckets(self, "Storage", stage=stage)
        self.email_reports = EmailReports(
            self, "EmailReports", stage=stage, bus=self.bus.bus, undelivered=self.undelivered.queue
        )
        self.functions = Functions(
            self,
            "Functions",
            stage=stage,
            table=self.table,
            bus=self.bus,
            directory=self.directory,
            stripe=self.stripe,
            cursor_key=self.cursor_key,
            data_key=self.data_key,
            buckets=self.buckets,
            undelivered=self.undelivered.queue,
            email_reports=self.email_reports,
        )
        self.tenant_data = TenantData(
            self, "TenantData", stage=stage, table=self.table, functions=self.functions.by_name
        )
        lambdas = self.functions.lambdas
        self.api = Api(
            self,
            "Api",
            stage=stage,
            functions=self.functions.invoked,  # the API functions' `live` aliases where SnapStart is on
            user_pool=self.directory.user_pool,
            routes=wiring.routes(),
            account_logging_role=api_gateway_account_role,
        )
        # Where providers report a message's status (panacea.engagement.sending.callback_url): the API's
        # URL, built from the REST API's id and the stage's name (the deployed stage itself depends on
        # every API function, so a reference to it would make a cycle through the senders).
        callback_base = (
            f"https://{self.api.rest_api.rest_api_id}.execute-api.{Aws.REGION}.{Aws.URL_SUFFIX}/{stage.name}"
        )
        senders = self.functions.by_name["EngagementSenders"].function
        senders.add_environment(messaging.CALLBACK_BASE_VARIABLE, callback_base)
        self.streams = Streams(self, "Streams", table=self.table, functions=lambdas, undelivered=self.undelivered.queue)
        self.queues = Queues(
            self, "Queues", stage=stage, bus=self.bus.bus, functions=lambdas, undelivered=self.undelivered.queue
        )
        self.workflows = Workflows(
            self, "Workflows", stage=stage, bus=self.bus.bus, functions=lambdas, undelivered=self.undelivered.queue
        )
        self.schedules = Schedules(
            self, "Schedules", stage=stage, functions=lambdas, undelivered=self.undelivered.queue
        )
        self.alarms = Alarms(
            self,
            "Alarms",
            stage=stage,
            dead_letter_queues={"undelivered": self.undelivered.queue, **self.queues.dead_letter_queues},
            api=self.api.rest_api,
            state_machines=self.workflows.state_machines,
        )

        CfnOutput(self, "ApiUrl", value=self.api.url, description="Base URL of the API (this stage)")
        CfnOutput(self, "UserPoolId", value=self.directory.user_pool_id)
        CfnOutput(self, "UserPoolClientId", value=self.directory.client.user_pool_client_id)
        CfnOutput(self, "TableName", value=self.table.name)
        CfnOutput(self, "EventBusName", value=self.bus.name)
