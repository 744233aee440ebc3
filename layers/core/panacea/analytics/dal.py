"""Analytics' items.

EventCount   PK T#<tenant>#EVENTS#<yyyy-mm-dd> (P#EVENTS#<day> for platform events) · SK <event name>
             how many of each event a tenant had on a day: the tenant's local day (its time zone's,
             logic.py), a UTC day for platform events; one request per count
"""

from __future__ import annotations

from datetime import date

from pynamodb.attributes import NumberAttribute, UnicodeAttribute

from panacea.platform.keys import owner_key
from panacea.platform.table import TableItem


class EventCount(TableItem, discriminator="event_count"):
    day = UnicodeAttribute()
    event_name = UnicodeAttribute()
    total = NumberAttribute(default=0)


def _partition(tenant_id: str | None, day: date) -> str:
    return owner_key(tenant_id, "EVENTS", day.isoformat())


def count_event(tenant_id: str | None, day: date, event_name: str) -> None:
    item = EventCount(_partition(tenant_id, day), event_name)
    item.update(
        actions=[
            EventCount.total.add(1),
            EventCount.type.set(EventCount),  # an update does not write the discriminator by itself
            EventCount.day.set(day.isoformat()),
            EventCount.event_name.set(event_name),
        ]
    )


def event_counts(tenant_id: str | None, day: date) -> dict[str, int]:
    return {item.event_name: int(item.total) for item in EventCount.query(_partition(tenant_id, day))}
