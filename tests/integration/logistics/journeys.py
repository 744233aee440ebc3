"""What the sample-logistics workflow's tests share: a paid gene-test order (through the API, the
Stripe sandbox and the bus, so order.paid starts both workflows), the events logistics, records and
orders announce put on the platform's bus as their outbox relay puts them, and the samples'
journeys and the workflow's execution read back."""

from __future__ import annotations

import json
from typing import Any

import boto3

from infra.local.invoke import REGION
from infra.local.runtime import LocalPlatform
from panacea.logistics import KitDispatched, journey
from panacea.logistics.journey_items import JourneyItem
from panacea.logistics.journey_models import SampleJourney
from panacea.orders import LineFact, OrderRefunded, OrderState
from panacea.platform.events import DomainEvent, OutboxItem, envelope
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from panacea.records import ReportReleased
from tests.integration.commerce import Shop, add_address, checkout, pay, reaches, shop, waiting_on
from tests.support import eventually, resources
from tests.support.builders import PATIENCE_S


class PaidTest:
    """A member's paid order of one gene-test line (`quantity` samples), fulfilment under way."""

    def __init__(self, platform: LocalPlatform, quantity: int = 1) -> None:
        self.platform = platform
        self.store: Shop = shop()
        self.member = self.store.member()
        address = add_address(self.store, self.member)
        placed = checkout(self.store, self.member, [self.store.line("gene_test", quantity)], address_id=address)
        assert placed.status == 201, placed.body
        self.order_id: str = placed.body["order"]["id"]
        waiting_on(self.store, self.order_id, "payment")
        pay(platform, self.store, placed.body)
        reaches(self.store, self.order_id, "fulfilling")

    @property
    def tenant_id(self) -> str:
        return self.store.tenant_id

    @property
    def member_id(self) -> str:
        return self.member["user_id"]

    # --- what happens, as its owners announce it --------------------------------------------------

    def announce(self, event: DomainEvent) -> None:
        events = boto3.client("events", endpoint_url=self.platform.aws_url, region_name=REGION)
        detail = envelope(event, tenant_id=self.tenant_id).model_dump_json()
        entry = {"Source": event.event_source, "DetailType": event.event_type, "Detail": detail,
                 "EventBusName": resources(self.platform).bus}  # fmt: skip
        assert events.put_events(Entries=[entry])["FailedEntryCount"] == 0

    def kit(self, model: Any, barcode: str, **more: Any) -> None:
        """A kit event of the order's line 1 (the fields every kit and lab event carries filled in)."""
        fields: dict[str, Any] = {"barcode": barcode, "member_id": self.member_id, "order_id": self.order_id,
                                  "line_no": 1}  # fmt: skip
        if model is KitDispatched:
            fields |= {"lab_id": "LAB1", "carrier": "Royal Mail", "tracking_number": "RM1"}
        for name in ("lab_id", "lab_event_id", "registered_by", "collected_at", "carrier", "tracking_number"):
            if name in model.model_fields and name not in fields and name not in more:
                fields[name] = _filler(name)
        self.announce(model(**fields, **more))

    def released(self, report_id: str | None = None) -> None:
        self.announce(
            ReportReleased(
                report_id=report_id or new_id(),
                member_id=self.member_id,
                order_id=self.order_id,
                line_id="G1",
                test_name="Health DNA",
                by="staff-1",
            )
        )

    def refunded(self, quantity: int = 1) -> None:
        money = Money(amount=29900 * quantity, currency="GBP")
        line = LineFact(line_no=1, sku_id=self.store.skus["gene_test"], store_id=self.store.store_id,
                        product_id="P", kind="gene_test", quantity=quantity, amount=money)  # fmt: skip
        self.announce(
            OrderRefunded(
                order_id=self.order_id,
                member_id=self.member_id,
                refund_id=new_id(),
                amount=money,
                refunded_total=money,
                full=False,
                state=OrderState.FULFILLING,
                lines=[line],
                referral_code=None,
            )
        )

    # --- what the journeys and the workflow show ---------------------------------------------------

    def samples(self) -> list[SampleJourney]:
        with acting_for(self.tenant_id):
            return journey.journeys_of(self.tenant_id, self.order_id, 1)

    def waiting_at(self, stage: str, sample_no: int = 1, timeout_s: float = PATIENCE_S) -> SampleJourney:
        """The sample once the workflow waits on it at `stage` (its token kept)."""

        def waiting() -> SampleJourney | None:
            with acting_for(self.tenant_id):
                item = JourneyItem.read(self.tenant_id, self.order_id, 1, sample_no)
            return item.view() if item and item.token and item.token_stage == stage else None

        return eventually(waiting, timeout_s=timeout_s, what=f"sample {sample_no} never waited at {stage}")  # type: ignore[no-any-return]

    def at(self, stage: str, sample_no: int = 1, timeout_s: float = PATIENCE_S) -> SampleJourney:
        def there() -> SampleJourney | None:
            found = [s for s in self.samples() if s.sample_no == sample_no and s.stage == stage]
            return found[0] if found else None

        return eventually(there, timeout_s=timeout_s, what=f"sample {sample_no} never reached {stage}")  # type: ignore[no-any-return]

    def execution(self, *, done: bool, timeout_s: float = PATIENCE_S) -> dict[str, Any]:
        sfn = boto3.client("stepfunctions", endpoint_url=self.platform.aws_url, region_name=REGION)
        arn = resources(self.platform).state_machines["sample-logistics"]

        def find() -> dict[str, Any] | None:
            for page in sfn.get_paginator("list_executions").paginate(stateMachineArn=arn):
                for execution in page["executions"]:
                    described = sfn.describe_execution(executionArn=execution["executionArn"])
                    if self.order_id in described.get("input", "") and (not done or described["status"] != "RUNNING"):
                        return dict(described)
            return None

        return eventually(find, timeout_s=timeout_s, what=f"no sample-logistics execution for {self.order_id}")  # type: ignore[no-any-return]

    def states_entered(self, execution_arn: str) -> list[str]:
        sfn = boto3.client("stepfunctions", endpoint_url=self.platform.aws_url, region_name=REGION)
        history = sfn.get_execution_history(executionArn=execution_arn, maxResults=1000)["events"]
        return [e["stateEnteredEventDetails"]["name"] for e in history if "stateEnteredEventDetails" in e]

    def emitted(self, detail_type: str) -> list[dict[str, Any]]:
        """The data of the events of `detail_type` logistics emitted for this order (its outbox)."""
        found = OutboxItem.scan(OutboxItem.detail_type == detail_type)
        details = [json.loads(item.detail) for item in found]
        return [d["data"] for d in details if d["metadata"]["tenant_id"] == self.tenant_id
                and d["data"].get("order_id") == self.order_id]  # fmt: skip


def _filler(name: str) -> Any:
    from datetime import UTC, datetime  # noqa: PLC0415

    return {"lab_id": "LAB1", "lab_event_id": new_id(), "registered_by": "member", "collected_at": datetime.now(UTC),
            "carrier": "Royal Mail", "tracking_number": "RM2"}[name]  # fmt: skip
