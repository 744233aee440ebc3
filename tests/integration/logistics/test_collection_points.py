"""Collection points through logistics' API: staff open, change and close them; members find the
active ones nearest first with a map link, and a point's free slots; bad input is a 4xx naming the
field."""

from __future__ import annotations

from datetime import date

from panacea.platform import clock
from tests.integration.logistics.points_api import BEFORE, POINT, member, owner, point
from tests.integration.stripe_support import shop
from tests.support import call

SHANGHAI = (31.2304, 121.4737)
PUDONG = (31.2215, 121.5440)  # ~7 km east of Jing'an
BEIJING = (39.9042, 116.4074)


def test_members_find_active_points_nearest_first_with_a_map_link():
    # Given three points opened by staff, and one of them closed
    tenant = shop()
    far = point(tenant, name="Beijing", latitude=BEIJING[0], longitude=BEIJING[1], time_zone="Asia/Shanghai")
    near = point(tenant, name="Pudong", latitude=PUDONG[0], longitude=PUDONG[1])
    closed = point(tenant, name="Closed", latitude=SHANGHAI[0], longitude=SHANGHAI[1])
    assert call("POST", f"/v1/collection-points/{closed['id']}/deactivate", caller=owner(tenant)).status == 200
    _, me = member(tenant)

    # When a member in Jing'an asks for the points near them
    answer = call("GET", "/v1/collection-points/nearby?latitude=31.2304&longitude=121.4737", caller=me)

    # Then the active points come nearest first, each with its distance and a map link
    assert answer.status == 200, answer.body
    items = answer.body["items"]
    assert [p["id"] for p in items] == [near["id"], far["id"]]
    assert 6 < items[0]["distance_km"] < 8
    assert 1000 < items[1]["distance_km"] < 1100
    assert items[0]["map_url"].startswith("https://www.openstreetmap.org/?mlat=31.221500&mlon=121.544000")
    # and the closed point is not theirs to read
    assert call("GET", f"/v1/collection-points/{closed['id']}", caller=me).status == 404


def test_staff_change_a_point_and_its_place_in_the_index_follows():
    # Given a point in Beijing
    tenant = shop()
    made = point(tenant, name="Moving", latitude=BEIJING[0], longitude=BEIJING[1])
    _, me = member(tenant)

    # When staff move it to Pudong and change its capacity
    body = {**POINT, "name": "Moved", "latitude": PUDONG[0], "longitude": PUDONG[1], "capacity": 5}
    changed = call("PUT", f"/v1/collection-points/{made['id']}", caller=owner(tenant), body=body)

    # Then it is changed, and members find it where it is now
    assert changed.status == 200, changed.body
    assert (changed.body["name"], changed.body["capacity"], changed.body["version"]) == ("Moved", 5, 1)
    near = call("GET", "/v1/collection-points/nearby?latitude=31.2304&longitude=121.4737&limit=1", caller=me)
    assert near.body["items"][0]["id"] == made["id"]
    assert near.body["items"][0]["distance_km"] < 8
    listed = call("GET", "/v1/collection-points", caller=owner(tenant)).body["items"]
    assert [p["id"] for p in listed] == [made["id"]]


def test_bad_points_are_refused_naming_the_field():
    # Given a tenant's owner
    tenant = shop()

    # When they send hours that close before they open, an unknown zone, a latitude off the globe
    hours = {**POINT, "opening_hours": [{"day": "mon", "opens": "12:00", "closes": "09:00"}]}
    zone = {**POINT, "time_zone": "Mars/Olympus"}
    latitude = {**POINT, "latitude": 91}
    answers = [call("POST", "/v1/collection-points", caller=owner(tenant), body=b) for b in (hours, zone, latitude)]

    # Then each is a 422 naming the field, and nothing was made
    assert [a.status for a in answers] == [422, 422, 422]
    fields = [[e["field"] for e in a.body["errors"]] for a in answers]
    assert any("opening_hours" in f for f in fields[0]), fields[0]
    assert any("time_zone" in f for f in fields[1]), fields[1]
    assert any("latitude" in f for f in fields[2]), fields[2]
    assert call("GET", "/v1/collection-points", caller=owner(tenant)).body["items"] == []


def test_members_cannot_run_points_and_unknown_ids_are_404():
    # Given a member
    tenant = shop()
    _, me = member(tenant)

    # When they try to open a point, and ask for one that does not exist
    opened = call("POST", "/v1/collection-points", caller=me, body=POINT)
    missing = call("GET", "/v1/collection-points/01JD6Q3W8M0000000000000000", caller=me)

    # Then they are refused, and told which id is unknown
    assert opened.status == 403
    assert missing.status == 404
    assert missing.body["errors"][0]["field"] == "path.point_id"


def test_a_points_slots_on_a_day_follow_its_opening_hours():
    # Given a point open 09:00 to 12:00 on Mondays, in 30-minute slots of 2 places
    tenant = shop()
    made = point(tenant)
    _, me = member(tenant)

    # When a member asks for its slots on a Monday and on a Tuesday
    with clock.use_clock(clock.FixedClock(BEFORE)):
        monday = call("GET", f"/v1/collection-points/{made['id']}/slots?date=2026-12-07", caller=me)
        tuesday = call("GET", f"/v1/collection-points/{made['id']}/slots?date=2026-12-08", caller=me)

    # Then Monday has six slots from 09:00 local (01:00 UTC), each with 2 free; Tuesday none
    assert monday.status == 200, monday.body
    slots = monday.body["slots"]
    assert [s["starts_at"] for s in slots][:2] == ["2026-12-07T01:00:00Z", "2026-12-07T01:30:00Z"]
    assert len(slots) == 6
    assert {s["free"] for s in slots} == {2}
    assert tuesday.body["slots"] == []
    assert date.fromisoformat(monday.body["date"]) == date(2026, 12, 7)
