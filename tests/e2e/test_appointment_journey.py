"""A collection-point appointment on `make dev`'s platform, over HTTP as the apps would make it: a
member buys and pays for a gene test, finds the collection point nearest to them (the demo
tenant's two points in Bristol), books a free slot for the test; the service desk confirms it,
checks the member in and marks the sample collected; the member's appointment and gene test show it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from panacea.platform import clock
from tests.e2e.conftest import Client, member_token, ok, paid_gene_test, staff_member

pytestmark = pytest.mark.slow

BRISTOL_CENTRE = {"latitude": 51.4545, "longitude": -2.5879}


def nearest_points(client: Client, member: str) -> list[dict[str, Any]]:
    query = f"latitude={BRISTOL_CENTRE['latitude']}&longitude={BRISTOL_CENTRE['longitude']}&limit=5"
    return list(ok(client.request("GET", f"/v1/collection-points/nearby?{query}", token=member))["items"])


def first_free_slot(client: Client, member: str, point_id: str) -> dict[str, Any]:
    """The start of the point's first slot with room, from tomorrow on (over a week, so a weekend or
    a day it is closed never matters)."""
    for days in range(1, 9):
        day = (clock.now() + timedelta(days=days)).date().isoformat()
        slots = ok(client.request("GET", f"/v1/collection-points/{point_id}/slots?date={day}", token=member))["slots"]
        free = [s for s in slots if s["free"] > 0]
        if free:
            return dict(free[0])
    raise AssertionError(f"point {point_id} has no free slot in the coming week")


def books(client: Client, member: str, point_id: str, starts_at: str, test: dict[str, Any]) -> dict[str, Any]:
    """The member books the slot starting at `starts_at` for their gene test: the appointment."""
    body = {"point_id": point_id, "starts_at": starts_at, "order_id": test["order_id"], "line_no": test["line_no"],
            "note": "first visit"}  # fmt: skip
    status, headers, booked = client.request("POST", "/v1/me/appointments", token=member, body=body)
    assert status == 201, booked
    assert headers["Location"].endswith(booked["id"])
    return dict(booked)


def desk_moves(client: Client, desk: str, appointment_id: str, move: str) -> dict[str, Any]:
    """The service desk confirms, checks in or marks collected (`move`: confirm, check-in, collected)."""
    return dict(ok(client.request("POST", f"/v1/appointments/{appointment_id}/{move}", token=desk)))


def test_a_member_books_a_collection_point_and_gives_their_sample_there(client: Client, owner_token: str):
    # Given a member who bought and paid for a gene test, and the demo tenant's service desk
    member = member_token(client)
    test = paid_gene_test(client, owner_token, member)
    assert test["appointment_id"] is None
    desk = staff_member(client, owner_token, "service_desk")
    # When they look for collection points from Bristol's centre
    points = nearest_points(client, member)
    # Then the demo's two points are listed nearest first, each with its distance and a map link
    demo_points = [p["id"] for p in client.demo["demo_tenant"]["logistics"]["collection_points"]]
    assert [p["id"] for p in points[:2]] == demo_points, points
    assert all(p["map_url"].startswith("https://") for p in points)
    nearest = points[0]
    assert "saliva_sample" in nearest["services"]
    # When they book the nearest point's first free slot for their gene test
    free = first_free_slot(client, member, nearest["id"])
    starts_at = free["starts_at"]
    booked = books(client, member, nearest["id"], starts_at, test)
    # Then the appointment is requested and holds a place in the slot
    assert (booked["state"], booked["point_id"], booked["order_id"]) == ("requested", nearest["id"], test["order_id"])
    day = starts_at[:10]
    slots = ok(client.request("GET", f"/v1/collection-points/{nearest['id']}/slots?date={day}", token=member))["slots"]
    (slot,) = [s for s in slots if s["starts_at"] == starts_at]
    assert slot["free"] == free["free"] - 1
    # When the service desk finds it on the point's list and confirms it
    listed = ok(client.request("GET", f"/v1/collection-points/{nearest['id']}/appointments", token=desk))["items"]
    assert booked["id"] in [a["id"] for a in listed]
    assert desk_moves(client, desk, booked["id"], "confirm")["state"] == "confirmed"
    # And on the day checks the member in and takes the sample
    assert desk_moves(client, desk, booked["id"], "check-in")["state"] == "checked_in"
    collected = desk_moves(client, desk, booked["id"], "collected")
    # Then the member's appointment shows the sample collected, and their gene test its appointment
    mine = ok(client.request("GET", f"/v1/me/appointments/{booked['id']}", token=member))
    assert mine["state"] == collected["state"] == "collected"
    assert mine["version"] == booked["version"] + 3
    appointments = ok(client.request("GET", "/v1/me/appointments", token=member))["items"]
    assert [(a["id"], a["state"]) for a in appointments] == [(booked["id"], "collected")]
    tests = ok(client.request("GET", "/v1/me/gene-tests", token=member))
    assert [(t["order_id"], t["appointment_id"]) for t in tests] == [(test["order_id"], booked["id"])]
    # And a collected appointment cannot be cancelled any more: a problem naming the appointment
    status, headers, refused = client.request(
        "POST", f"/v1/me/appointments/{booked['id']}/cancel", token=member, body={"reason": "changed my mind"}
    )
    assert (status, headers["Content-Type"]) == (409, "application/problem+json"), refused
    assert [e["field"].rsplit(".", 1)[-1] for e in refused["errors"]] == ["appointment_id"], refused
