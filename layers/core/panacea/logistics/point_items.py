"""Collection points' items in the single table (the only place their keys are built):

PointItem   PK T#<t>#POINT#<id> · SK POINT               a collection point: its details as a document,
                                                         its status; `version` guards every change
            GSI1 T#<t>#POINTS#ACTIVE · <geohash>#<id>    active points, in geohash order (sparse: a
                                                         deactivated point leaves it). Members' nearest
                                                         points are one Query of it
            GSI2 T#<t>#POINTS · <id>                     every point, for staff, newest first
SlotItem    PK T#<t>#POINT#<id> · SK SLOT#<starts_at>    one slot of a point: how many appointments hold
                                                         it. Changed only by ADD, under the condition
                                                         `booked < capacity` (appointments.py); made by
                                                         the first booking. A day's slots: one Query,
                                                         SK between SLOT#<day start> and SLOT#<day end>
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.expressions.update import Action

from panacea.logistics import geohash
from panacea.logistics.point_models import CollectionPoint, NearbyPoint, PointSpec, PointStatus
from panacea.platform.keys import tenant_key
from panacea.platform.table import DocumentAttribute, TableItem

Key = tuple[str, str]
SLOT = "SLOT#"


def point_key(tenant_id: str, point_id: str) -> Key:
    return tenant_key(tenant_id, "POINT", point_id), "POINT"


def active_points(tenant_id: str) -> str:
    return tenant_key(tenant_id, "POINTS", "ACTIVE")


def every_point(tenant_id: str) -> str:
    return tenant_key(tenant_id, "POINTS")


def slot_sort_key(starts_at: datetime) -> str:
    return f"{SLOT}{starts_at.strftime('%Y-%m-%dT%H:%MZ')}"


def map_url(latitude: float, longitude: float) -> str:
    return (
        f"https://www.openstreetmap.org/?mlat={latitude:.6f}&mlon={longitude:.6f}#map=17/{latitude:.6f}/{longitude:.6f}"
    )


class PointItem(TableItem, discriminator="collection_point"):
    tenant_id = UnicodeAttribute()
    point_id = UnicodeAttribute()
    name = UnicodeAttribute()
    status = UnicodeAttribute()
    spec = DocumentAttribute()
    latitude = NumberAttribute()
    longitude = NumberAttribute()
    capacity = NumberAttribute()
    slot_minutes = NumberAttribute()
    version = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()

    @classmethod
    def new(cls, tenant_id: str, point_id: str, spec: PointSpec, at: datetime) -> PointItem:
        item = cls(*point_key(tenant_id, point_id), tenant_id=tenant_id, point_id=point_id, created_at=at)
        item.gsi2pk, item.gsi2sk = every_point(tenant_id), point_id
        item.status = PointStatus.ACTIVE.value
        item.version = 0
        item.described(spec, at)
        return item

    def described(self, spec: PointSpec, at: datetime) -> None:
        """Take `spec`'s details (its place in the active index follows its position)."""
        self.spec = spec.model_dump(mode="json")
        self.name, self.latitude, self.longitude = spec.name, spec.latitude, spec.longitude
        self.capacity, self.slot_minutes, self.updated_at = spec.capacity, spec.slot_minutes, at
        if self.status == PointStatus.ACTIVE.value:
            self.gsi1pk = active_points(self.tenant_id)
            self.gsi1sk = f"{geohash.encode(spec.latitude, spec.longitude)}#{self.point_id}"

    def deactivated(self, at: datetime) -> None:
        self.status, self.updated_at = PointStatus.INACTIVE.value, at
        self.gsi1pk = self.gsi1sk = None

    def described_as(self) -> PointSpec:
        return PointSpec.model_validate(self.spec, strict=False)

    def view(self) -> CollectionPoint:
        return CollectionPoint(
            **self.spec,
            id=self.point_id,
            status=PointStatus(self.status),
            map_url=map_url(self.latitude, self.longitude),
            version=int(self.version),
            created_at=self.created_at,
            updated_at=self.updated_at,
        )

    def nearby(self, latitude: float, longitude: float) -> NearbyPoint:
        spec = self.spec
        away = geohash.distance_km(latitude, longitude, self.latitude, self.longitude)
        fields = ("name", "address", "time_zone", "opening_hours", "contact", "services", "slot_minutes")
        return NearbyPoint.model_validate(
            {
                **{name: spec[name] for name in fields},
                "id": self.point_id,
                "latitude": self.latitude,
                "longitude": self.longitude,
                "distance_km": round(away, 1),
                "map_url": map_url(self.latitude, self.longitude),
            }
        )


class SlotItem(TableItem, discriminator="point_slot"):
    booked = NumberAttribute(default=0)

    @classmethod
    def of(cls, tenant_id: str, point_id: str, starts_at: datetime) -> SlotItem:
        """The slot's key, to update in a unit of work (nothing is read)."""
        return cls(point_key(tenant_id, point_id)[0], slot_sort_key(starts_at))

    @classmethod
    def taken(cls, delta: int) -> list[Action]:
        return [cls.type.set(cls), cls.booked.add(delta)]  # an update that makes the item says what it is

    @classmethod
    def on_day(cls, tenant_id: str, point_id: str, start: datetime, end: datetime) -> dict[str, int]:
        """Appointments held per slot (by sort key) between `start` and `end`: one Query."""
        found = cls.query(
            point_key(tenant_id, point_id)[0],
            cls.sk.between(slot_sort_key(start), slot_sort_key(end)),
            consistent_read=True,
        )
        return {item.sk: int(item.booked) for item in found if isinstance(item, SlotItem)}


def active_in(tenant_id: str) -> list[PointItem]:
    """Every active point of the tenant, in geohash order (one Query, paged by DynamoDB)."""
    found: Any = TableItem.by_gsi1.query(active_points(tenant_id))
    return [item for item in found if isinstance(item, PointItem)]
