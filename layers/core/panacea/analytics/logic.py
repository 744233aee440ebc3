"""Analytics' use cases."""

from __future__ import annotations

from datetime import date

from panacea.analytics import dal
from panacea.platform.events import DomainEvent, EventMetadata


def count(metadata: EventMetadata, event: DomainEvent) -> None:
    """Count one event for its tenant and day (each event once: the consumer dedupes by id)."""
    dal.count_event(metadata.tenant_id, metadata.occurred_at.date(), event.event_type)


def counts(tenant_id: str | None, day: date) -> dict[str, int]:
    return dal.event_counts(tenant_id, day)
