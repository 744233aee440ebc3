"""Analytics' use cases: every event counted for its tenant on the tenant's local day.

A tenant's day is a day of its time zone (its settings' `time_zone`, read through tenancy's face
once per invocation): an event at 17:30 UTC on 1 March counts on 2 March for a Shanghai tenant, and
a London tenant's 29 March (23 hours) and 25 October (25 hours) hold exactly what happened between
their local midnights. Platform events, and a tenant's before onboarding gave it settings, count on
UTC days. Reads ask for the tenant's local dates."""

from __future__ import annotations

from datetime import date, datetime

from panacea import tenancy
from panacea.analytics import dal
from panacea.platform import zones
from panacea.platform.events import Envelope


def count(event_type: str, event: Envelope) -> None:
    """Count one event for its tenant on the tenant's day it occurred (each event once: the
    consumer dedupes by id)."""
    tenant_id = event.metadata.tenant_id
    dal.count_event(tenant_id, day_of(tenant_id, event.metadata.occurred_at), event_type)


def day_of(tenant_id: str | None, at: datetime) -> date:
    """The tenant's local day of instant `at` (a UTC day for the platform's own events)."""
    return zones.local_day(at, zone_of(tenant_id))


def zone_of(tenant_id: str | None) -> str:
    """The time zone the tenant's days are cut in: its settings' (UTC before it has settings)."""
    settings = tenancy.settings_of(tenant_id) if tenant_id is not None else None
    return settings.time_zone if settings is not None else zones.UTC_ZONE


def counts(tenant_id: str | None, day: date) -> dict[str, int]:
    """How many of each event the tenant had on `day`, a day of its own time zone."""
    return dal.event_counts(tenant_id, day)
