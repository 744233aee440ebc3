"""Collection points' contracts: what staff send to open and run a point, what members see of
the points near them, and the events a point's life announces."""

from __future__ import annotations

import itertools
import re
from datetime import datetime, time
from enum import StrEnum
from typing import Annotated, Any
from zoneinfo import available_timezones

from pydantic import AfterValidator, ConfigDict, Field, model_validator

from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, Country, FromString, Text
from panacea.platform.models import BaseModel

Name = Annotated[Text, Field(min_length=1, max_length=120)]
Line = Annotated[Text, Field(min_length=1, max_length=200)]
Service = Annotated[Text, Field(min_length=1, max_length=60, examples=["blood_draw"])]
Latitude = Annotated[float, Field(ge=-90, le=90, examples=[31.2304])]
Longitude = Annotated[float, Field(ge=-180, le=180, examples=[121.4737])]
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _clock_time(value: str) -> str:
    if not HHMM.match(value):
        raise ValueError("a time of day as HH:MM (00:00 to 23:59)")
    return value


def _zone(value: str) -> str:
    if value not in available_timezones():
        raise ValueError("an IANA time zone, such as Asia/Shanghai")
    return value


ClockTime = Annotated[str, AfterValidator(_clock_time), Field(examples=["09:00"])]
TimeZone = Annotated[str, AfterValidator(_zone), Field(description="IANA time zone", examples=["Asia/Shanghai"])]


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


WEEKDAYS = list(Weekday)  # in date.weekday() order


class OpeningHours(Command):
    day: FromString[Weekday]
    opens: ClockTime
    closes: ClockTime = Field(examples=["17:00"])

    @model_validator(mode="after")
    def _closes_after_opening(self) -> OpeningHours:
        if self.closes <= self.opens:
            raise ValueError("closes must be later than opens")
        return self

    def window(self) -> tuple[time, time]:
        return time.fromisoformat(self.opens), time.fromisoformat(self.closes)


class PointAddress(Command):
    line1: Line
    line2: Line | None = None
    city: Annotated[Text, Field(min_length=1, max_length=80)]
    postcode: Annotated[Text, Field(min_length=1, max_length=20)] | None = None
    country: Country


class PointContact(Command):
    phone: Annotated[str, Field(pattern=r"^\+[1-9]\d{6,14}$", examples=["+862100000000"])] | None = None
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)] | None = None


SlotMinutes = Annotated[int, Field(ge=5, le=240, description="length of one appointment slot, in minutes")]
Capacity = Annotated[int, Field(ge=1, le=100, description="appointments one slot takes")]

EXAMPLE: dict[str, Any] = {
    "name": "Jing'an collection point",
    "address": {"line1": "1 Nanjing West Road", "city": "Shanghai", "postcode": "200040", "country": "CN"},
    "latitude": 31.2304,
    "longitude": 121.4737,
    "time_zone": "Asia/Shanghai",
    "opening_hours": [
        {"day": "mon", "opens": "09:00", "closes": "17:00"},
        {"day": "sat", "opens": "09:00", "closes": "12:00"},
    ],
    "contact": {"phone": "+862100000000", "email": "jingan@harbour-gene.example"},
    "services": ["saliva_sample", "blood_draw"],
    "slot_minutes": 30,
    "capacity": 2,
}


class PointSpec(Command):
    """A collection point as staff describe it (creating it, or replacing every field when editing)."""

    model_config = ConfigDict(strict=True, json_schema_extra={"examples": [EXAMPLE]})

    name: Name
    address: PointAddress
    latitude: Latitude
    longitude: Longitude
    time_zone: TimeZone
    opening_hours: list[OpeningHours] = Field(min_length=1, max_length=21)
    contact: PointContact = PointContact()
    services: list[Service] = Field(default=[], max_length=20)
    slot_minutes: SlotMinutes = 30
    capacity: Capacity = 1

    @model_validator(mode="after")
    def _no_overlap(self) -> PointSpec:
        for day in Weekday:
            windows = sorted(h.window() for h in self.opening_hours if h.day == day)
            if any(b[0] < a[1] for a, b in itertools.pairwise(windows)):
                raise ValueError(f"opening hours of {day.value} overlap")
        return self


class PointStatus(StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"


class CollectionPoint(PointSpec):
    """A collection point as staff see it."""

    model_config = ConfigDict(
        strict=False,
        json_schema_extra={
            "examples": [
                {
                    **EXAMPLE,
                    "id": "01JD6Q3W8M0000000000000000",
                    "status": "active",
                    "map_url": "https://www.openstreetmap.org/?mlat=51.4545&mlon=-2.5879#map=17/51.4545/-2.5879",
                    "version": 1,
                    "created_at": "2026-12-01T09:00:00Z",
                    "updated_at": "2026-12-01T09:00:00Z",
                }
            ]
        },
    )

    id: str
    status: PointStatus
    map_url: str
    version: int
    created_at: datetime
    updated_at: datetime


class NearbyPoint(BaseModel):
    """An active point, and how far it is from the position asked about."""

    id: str
    name: str
    address: PointAddress
    latitude: float
    longitude: float
    time_zone: str
    opening_hours: list[OpeningHours]
    contact: PointContact
    services: list[str]
    slot_minutes: int
    distance_km: float = Field(description="great-circle distance, rounded to 0.1 km")
    map_url: str = Field(description="the point on OpenStreetMap")


class NearbyPoints(BaseModel):
    items: list[NearbyPoint]


class Slot(BaseModel):
    starts_at: datetime
    ends_at: datetime
    free: int = Field(description="appointments the slot can still take")


class PointSlots(BaseModel):
    point_id: str
    date: str
    slots: list[Slot]


# --- events ---------------------------------------------------------------------------------------


class CollectionPointOpened(DomainEvent, name="collection_point.opened", version=1):
    """Staff opened a collection point: members can find it and book its slots."""

    point_id: str
    name: str
    latitude: float
    longitude: float


class CollectionPointChanged(DomainEvent, name="collection_point.changed", version=1):
    """Staff changed a point's details (hours, capacity …); appointments already made stand."""

    point_id: str
    name: str


class CollectionPointDeactivated(DomainEvent, name="collection_point.deactivated", version=1):
    """Staff closed a point: it is no longer listed nor bookable; appointments already made stand."""

    point_id: str
    name: str
