"""Domain events: typed contracts, their envelope, and the outbox that publishes them.

A state change and the event that announces it commit together: `UnitOfWork.emit` writes an
outbox item in the same TransactWriteItems as the change, and the outbox relay (a function on
the table's stream) puts it on the EventBridge bus. There is no dual write anywhere.

On the bus: `source` = `panacea.<context>`, `detail-type` = the event's name, and the detail
is the envelope `{"metadata": {...}, "data": {...}}`.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any, ClassVar

from pydantic import ConfigDict
from pynamodb.attributes import UnicodeAttribute

from panacea.platform import clock
from panacea.platform.context import correlation_id
from panacea.platform.ids import new_id
from panacea.platform.keys import owner_key
from panacea.platform.models import BaseModel
from panacea.platform.settings import settings
from panacea.platform.table import TableItem


class DomainEvent(BaseModel):
    """Base of every event. Subclass with `name=` and `version=`:

        class TenantCreated(DomainEvent, name="tenant.created", version=1): ...

    The source is the producing context, taken from the module that defines the event.
    """

    model_config = ConfigDict(frozen=True)

    # Named so that no business field (an event may well carry a `name`) can shadow them.
    event_type: ClassVar[str]
    event_version: ClassVar[int]
    event_source: ClassVar[str]
    registry: ClassVar[dict[tuple[str, int], type[DomainEvent]]] = {}

    def __init_subclass__(cls, *, name: str | None = None, version: int = 1, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if name is None:
            return
        cls.event_type, cls.event_version = name, version
        cls.event_source = ".".join(cls.__module__.split(".")[:2])  # panacea.<context>
        if (name, version) in DomainEvent.registry:
            raise TypeError(f"event {name} v{version} is defined twice")
        DomainEvent.registry[(name, version)] = cls


class EventMetadata(BaseModel):
    model_config = ConfigDict(frozen=True)

    event_id: str
    event_version: int
    tenant_id: str | None
    correlation_id: str
    occurred_at: datetime


class Envelope(BaseModel):
    """The detail of every event on the bus."""

    model_config = ConfigDict(frozen=True)

    metadata: EventMetadata
    data: dict[str, Any]


class UnknownEvent(ValueError):
    """An event whose name or version this code does not know: refused loudly, never guessed."""


def envelope(event: DomainEvent, *, tenant_id: str | None) -> Envelope:
    return Envelope(
        metadata=EventMetadata(
            event_id=new_id(),
            event_version=event.event_version,
            tenant_id=tenant_id,
            correlation_id=correlation_id(),
            occurred_at=clock.now(),
        ),
        data=event.model_dump(mode="json"),
    )


def parse(detail_type: str, detail: dict[str, Any] | str) -> tuple[EventMetadata, DomainEvent]:
    """Parse an event's detail back into its model (the consumer's side of the contract)."""
    raw = json.loads(detail) if isinstance(detail, str) else detail
    env = Envelope.model_validate(raw)
    model = DomainEvent.registry.get((detail_type, env.metadata.event_version))
    if model is None:
        raise UnknownEvent(f"no model for {detail_type} v{env.metadata.event_version}")
    return env.metadata, model.model_validate(env.data)


class OutboxItem(TableItem, discriminator="outbox"):
    """An event waiting to be relayed to the bus; it expires once relayed.

    PK T#<tenant>#OUTBOX#<event_id> (P#OUTBOX#<event_id> for platform events) · SK OUTBOX
    The table stream carries the INSERT to the outbox relay, which filters on type = outbox.
    """

    source = UnicodeAttribute()
    detail_type = UnicodeAttribute()
    detail = UnicodeAttribute()

    @classmethod
    def of(cls, event: DomainEvent, *, tenant_id: str | None) -> OutboxItem:
        env = envelope(event, tenant_id=tenant_id)
        return cls(
            owner_key(tenant_id, "OUTBOX", env.metadata.event_id),
            "OUTBOX",
            source=event.event_source,
            detail_type=event.event_type,
            detail=env.model_dump_json(),
            expires_at=clock.now() + timedelta(seconds=settings().outbox_ttl_seconds),
        )

    def bus_entry(self, bus_name: str) -> dict[str, str]:
        """This event as a PutEvents entry."""
        return {
            "Source": self.source,
            "DetailType": self.detail_type,
            "Detail": self.detail,
            "EventBusName": bus_name,
        }
