"""Collection points: staff open, change and close them; members find the active ones nearest to a
position, and a point's free slots on a day."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from panacea.logistics import point_items
from panacea.logistics.access import Action
from panacea.logistics.point_items import PointItem, SlotItem, point_key, slot_sort_key
from panacea.logistics.point_models import (
    WEEKDAYS,
    CollectionPoint,
    CollectionPointChanged,
    CollectionPointDeactivated,
    CollectionPointOpened,
    NearbyPoints,
    PointSlots,
    PointSpec,
    PointStatus,
    Slot,
)
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Conflict, NotFound
from panacea.platform.ids import is_id, new_id
from panacea.platform.table import Page, TableItem, decode_cursor, page_of
from panacea.platform.transaction import unit_of_work

NEARBY_MAX = 50  # points one answer lists


class PointNotFound(NotFound):
    slug, title = "collection-point-not-found", "Collection point not found"


class PointClosed(Conflict):
    slug, title = "collection-point-closed", "Collection point closed"


def load(tenant_id: str, point_id: str, *, field: str = "point_id") -> PointItem:
    found = PointItem.find(*point_key(tenant_id, point_id), consistent_read=True) if is_id(point_id) else None
    if found is None:
        raise PointNotFound(f"no collection point {point_id}", field=field)
    return found


def open_point(actor: Actor, spec: PointSpec) -> CollectionPoint:
    """Open a collection point: active, listed for members from now on."""
    authorize(actor, Action.MANAGE_POINTS)
    item = PointItem.new(actor.tenant, new_id(), spec, clock.now())
    with unit_of_work(actor.tenant) as uow:
        uow.create(item, conflict=Conflict("this collection point exists"))
        uow.emit(
            CollectionPointOpened(
                point_id=item.point_id, name=spec.name, latitude=spec.latitude, longitude=spec.longitude
            )
        )
    return item.view()


def _changed(item: PointItem) -> Any:
    return ConcurrentUpdate(f"collection point {item.point_id} changed meanwhile; read it and retry")


def _save(item: PointItem, read_version: int, event: Any) -> None:
    with unit_of_work(item.tenant_id) as uow:
        item.version = read_version + 1
        uow.save(item, condition=PointItem.version == read_version, conflict=_changed(item))
        uow.emit(event)


def change(actor: Actor, point_id: str, spec: PointSpec) -> CollectionPoint:
    """Replace a point's details; appointments already made keep their slots."""
    authorize(actor, Action.MANAGE_POINTS)
    item = load(actor.tenant, point_id)
    read = int(item.version)
    item.described(spec, clock.now())
    _save(item, read, CollectionPointChanged(point_id=point_id, name=spec.name))
    return item.view()


def deactivate(actor: Actor, point_id: str) -> CollectionPoint:
    """Close a point: no longer listed nor bookable (again: nothing changes)."""
    authorize(actor, Action.MANAGE_POINTS)
    item = load(actor.tenant, point_id)
    if item.status == PointStatus.INACTIVE.value:
        return item.view()
    read = int(item.version)
    item.deactivated(clock.now())
    _save(item, read, CollectionPointDeactivated(point_id=point_id, name=item.name))
    return item.view()


def get(actor: Actor, point_id: str) -> CollectionPoint:
    authorize(actor, Action.FIND_POINTS)
    item = load(actor.tenant, point_id)
    if item.status != PointStatus.ACTIVE.value and not actor.can(Action.MANAGE_POINTS):
        raise PointNotFound(f"no collection point {point_id}", field="point_id")
    return item.view()


def listed(actor: Actor, *, cursor: str | None, limit: int) -> Page[CollectionPoint]:
    """Every point of the tenant, active or not, newest first (staff)."""
    authorize(actor, Action.MANAGE_POINTS)
    partition = point_items.every_point(actor.tenant)
    start = decode_cursor(cursor, partition=(TableItem.gsi2pk.attr_name, partition))
    found: Any = TableItem.by_gsi2.query(partition, scan_index_forward=False, limit=limit, last_evaluated_key=start)
    return page_of(found, lambda item: item.view())


def nearest(actor: Actor, latitude: float, longitude: float, *, limit: int) -> NearbyPoints:
    """Active points, nearest first from the position: one Query of the active points (kept in
    geohash order), ranked by great-circle distance."""
    authorize(actor, Action.FIND_POINTS)
    ranked = sorted(
        (item.nearby(latitude, longitude) for item in point_items.active_in(actor.tenant)),
        key=lambda point: (point.distance_km, point.id),
    )
    return NearbyPoints(items=ranked[: min(limit, NEARBY_MAX)])


def slot_starts(item: PointItem, day: date) -> list[datetime]:
    """The starts of a point's slots on `day` (its local date), in UTC: every `slot_minutes` from
    each opening, the last one ending by the closing time."""
    spec = item.described_as()
    zone = ZoneInfo(spec.time_zone)
    step = timedelta(minutes=spec.slot_minutes)
    starts = []
    for hours in spec.opening_hours:
        if WEEKDAYS[day.weekday()] != hours.day:
            continue
        opens, closes = hours.window()
        at = datetime.combine(day, opens, zone)
        end = datetime.combine(day, closes, zone)
        while at + step <= end:
            starts.append(at.astimezone(ZoneInfo("UTC")))
            at += step
    return sorted(starts)


def slots(actor: Actor, point_id: str, day: date) -> PointSlots:
    """A point's slots on a day (its local date) and how many appointments each can still take."""
    authorize(actor, Action.FIND_POINTS)
    item = load(actor.tenant, point_id)
    if item.status != PointStatus.ACTIVE.value:
        raise PointClosed.on_field("point_id", "inactive", f"collection point {point_id} is closed")
    starts = slot_starts(item, day)
    step = timedelta(minutes=int(item.slot_minutes))
    held = SlotItem.on_day(actor.tenant, point_id, starts[0], starts[-1]) if starts else {}
    now = clock.now()
    return PointSlots(
        point_id=point_id,
        date=day.isoformat(),
        slots=[
            Slot(starts_at=at, ends_at=at + step, free=max(0, int(item.capacity) - held.get(slot_sort_key(at), 0)))
            for at in starts
            if at > now
        ],
    )
