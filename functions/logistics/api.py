"""Logistics' HTTP routes: staff open, change and close collection points; members find the active
ones nearest to them and a point's free slots. Appointments' routes are appointment_routes' router,
included here and kits' and labs' are kit_routes' (the labs' own calls are webhooks.py's function)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from functions.logistics import appointment_routes, kit_routes
from panacea.logistics import points
from panacea.logistics.access import Action
from panacea.logistics.point_models import CollectionPoint, NearbyPoints, PointSlots, PointSpec
from panacea.platform.access import requires
from panacea.platform.api import IdempotencyKey, build_resolver, created, current_actor, idempotent, lambda_entry
from panacea.platform.table import MAX_PAGE, Page

app = build_resolver()
app.include_router(appointment_routes.router)
app.include_router(kit_routes.router)

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
TAG = "Collection points"
MANAGE, FIND = requires(Action.MANAGE_POINTS), requires(Action.FIND_POINTS)


@app.post(
    "/v1/collection-points",
    summary="Open a collection point",
    description=f"{MANAGE} Active from now: members find it and book its slots. Send an `Idempotency-Key`.",
    tags=[TAG],
    status_code=201,
)
def open_collection_point(spec: PointSpec, idempotency_key: IdempotencyKey = None) -> Response[CollectionPoint]:
    actor = current_actor()
    made = idempotent(
        actor,
        "logistics.open_point",
        spec,
        CollectionPoint,
        lambda: points.open_point(actor, spec),
        key=idempotency_key,
    )
    return created(made, f"/v1/collection-points/{made.id}")


@app.get("/v1/collection-points", summary="Every collection point, newest first", description=MANAGE, tags=[TAG])
def list_collection_points(cursor: Cursor = None, limit: Limit = 20) -> Page[CollectionPoint]:
    return points.listed(current_actor(), cursor=cursor, limit=limit)


@app.get(
    "/v1/collection-points/nearby",
    summary="Active collection points, nearest first",
    description=f"{FIND} From the position given, with each point's distance and a map link.",
    tags=[TAG],
)
def nearby_collection_points(
    latitude: Annotated[float, Query(ge=-90, le=90)],
    longitude: Annotated[float, Query(ge=-180, le=180)],
    limit: Annotated[int, Query(ge=1, le=points.NEARBY_MAX)] = 10,
) -> NearbyPoints:
    return points.nearest(current_actor(), latitude, longitude, limit=limit)


@app.get(
    "/v1/collection-points/<point_id>",
    summary="A collection point",
    description=f"{FIND} Members see active points only.",
    tags=[TAG],
)
def get_collection_point(point_id: str) -> CollectionPoint:
    return points.get(current_actor(), point_id)


@app.put(
    "/v1/collection-points/<point_id>",
    summary="Change a collection point",
    description=f"{MANAGE} Every field is replaced; appointments already made keep their slots.",
    tags=[TAG],
)
def change_collection_point(point_id: str, spec: PointSpec) -> CollectionPoint:
    return points.change(current_actor(), point_id, spec)


@app.post(
    "/v1/collection-points/<point_id>/deactivate",
    summary="Close a collection point",
    description=f"{MANAGE} No longer listed nor bookable; appointments already made stand.",
    tags=[TAG],
)
def deactivate_collection_point(point_id: str) -> CollectionPoint:
    return points.deactivate(current_actor(), point_id)


@app.get(
    "/v1/collection-points/<point_id>/slots",
    summary="A collection point's slots on a day",
    description=f"{FIND} `date` is the point's local date; each slot says how many places are free.",
    tags=[TAG],
)
def collection_point_slots(point_id: str, date: Annotated[date, Query()]) -> PointSlots:
    return points.slots(current_actor(), point_id, date)


handler = lambda_entry(app)
