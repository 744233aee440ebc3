"""Appointments through logistics' API: a member with a paid gene test books a slot (its capacity
held in the booking's transaction: never overbooked, even by 30 members at once); the service desk
confirms or declines, checks in, records the collection or a no-show; members cancel before the
cut-off, staff at any time before check-in; reminders go out once, a day before."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

from panacea.logistics import following, reminders
from panacea.orders import LineFact, OrderRefunded
from panacea.platform import clock
from panacea.platform.events import EventMetadata
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from tests.integration.logistics.points_api import (
    BEFORE,
    MONDAY_9_SHANGHAI,
    desk,
    events_named,
    member,
    paid_gene_test,
    point,
)
from tests.integration.stripe_support import shop
from tests.support import call

SLOT = "2026-12-07T01:00:00Z"


def booking(point_id: str, order_id: str, starts_at: str = SLOT) -> dict[str, Any]:
    return {"point_id": point_id, "starts_at": starts_at, "order_id": order_id, "line_no": 1}


def booked(tenant: str, point_id: str) -> tuple[str, dict[str, str], dict[str, Any]]:
    """A member with a paid gene test who booked the Monday 09:00 slot; their id, caller, appointment."""
    member_id, me = member(tenant)
    order_id = paid_gene_test(tenant, member_id)
    answer = call("POST", "/v1/me/appointments", caller=me, body=booking(point_id, order_id))
    assert answer.status == 201, answer.body
    return member_id, me, dict(answer.body)


def free_at_nine(tenant: str, point_id: str, caller: dict[str, str]) -> int:
    slots = call("GET", f"/v1/collection-points/{point_id}/slots?date=2026-12-07", caller=caller).body["slots"]
    return int(next(s["free"] for s in slots if s["starts_at"] == SLOT))


def test_an_appointment_goes_from_requested_to_collected():
    tenant = shop()
    made = point(tenant)
    with clock.use_clock(clock.FixedClock(BEFORE)) as time:
        # Given a member who booked a slot for their paid gene test
        _member_id, me, appointment = booked(tenant, made["id"])
        assert appointment["state"] == "requested"
        assert call("GET", "/v1/me/gene-tests", caller=me).body[0]["appointment_id"] == appointment["id"]

        # When the service desk confirms it, and on the day checks the member in and collects the sample
        path = f"/v1/appointments/{appointment['id']}"
        confirmed = call("POST", f"{path}/confirm", caller=desk(tenant))
        time.advance(days=5, hours=17)  # Monday 09:00 Shanghai
        checked_in = call("POST", f"{path}/check-in", caller=desk(tenant))
        collected = call("POST", f"{path}/collected", caller=desk(tenant))

    # Then each move answers the new state, and each is an event
    assert [a.body["state"] for a in (confirmed, checked_in, collected)] == ["confirmed", "checked_in", "collected"]
    for name in ("requested", "confirmed", "checked_in", "collected"):
        assert [e["appointment_id"] for e in events_named(tenant, f"appointment.{name}")] == [appointment["id"]]
    # and the member sees it collected; a collected appointment cannot be cancelled
    assert call("GET", f"/v1/me/appointments/{appointment['id']}", caller=me).body["state"] == "collected"
    again = call("POST", f"{path}/cancel", caller=desk(tenant), body={})
    assert again.status == 409
    assert again.body["errors"][0]["field"].endswith("appointment_id")


def test_a_declined_appointment_gives_its_place_and_the_gene_test_back():
    tenant = shop()
    made = point(tenant)
    with clock.use_clock(clock.FixedClock(BEFORE)):
        # Given a booked slot (one of its two places taken)
        _, me, appointment = booked(tenant, made["id"])
        assert free_at_nine(tenant, made["id"], me) == 1

        # When the service desk declines it with a reason
        path = f"/v1/appointments/{appointment['id']}/decline"
        declined = call("POST", path, caller=desk(tenant), body={"reason": "the nurse is away"})

        # Then it is declined with the reason, the place is free again, and the test can be booked again
        assert (declined.body["state"], declined.body["reason"]) == ("declined", "the nurse is away")
        assert free_at_nine(tenant, made["id"], me) == 2
        order_id = appointment["order_id"]
        rebooked = call("POST", "/v1/me/appointments", caller=me, body=booking(made["id"], order_id))
        assert rebooked.status == 201, rebooked.body
    assert events_named(tenant, "appointment.declined")[0]["reason"] == "the nurse is away"


def test_members_cancel_only_before_the_cut_off_and_staff_any_time_before_check_in():
    tenant = shop()
    made = point(tenant)
    with clock.use_clock(clock.FixedClock(BEFORE)) as time:
        # Given two members' appointments at Monday 09:00, confirmed
        _, first, one = booked(tenant, made["id"])
        _, second, two = booked(tenant, made["id"])
        for each in (one, two):
            call("POST", f"/v1/appointments/{each['id']}/confirm", caller=desk(tenant))

        # When the first cancels two days ahead, and the second 23 hours ahead
        early = call("POST", f"/v1/me/appointments/{one['id']}/cancel", caller=first, body={"reason": "travelling"})
        time.advance(days=4, hours=18)
        late = call("POST", f"/v1/me/appointments/{two['id']}/cancel", caller=second, body={})
        # and another member tries to cancel the second's
        _, stranger = member(tenant)
        theirs = call("POST", f"/v1/me/appointments/{two['id']}/cancel", caller=stranger, body={})
        # and staff then cancel the second's
        by_staff = call("POST", f"/v1/appointments/{two['id']}/cancel", caller=desk(tenant), body={"reason": "closed"})

    # Then the early one is cancelled by the member, the late one refused at the cut-off, the
    # stranger told there is no such appointment, and staff's cancellation goes through
    assert (early.body["state"], early.body["cancelled_by"]) == ("cancelled", "member")
    assert late.status == 409
    assert late.body["errors"][0]["code"] == "cut_off"
    assert theirs.status == 404
    assert (by_staff.body["state"], by_staff.body["cancelled_by"]) == ("cancelled", "staff")


def test_a_no_show_is_recorded_only_once_the_appointment_started_and_frees_the_test():
    tenant = shop()
    made = point(tenant)
    with clock.use_clock(clock.FixedClock(BEFORE)) as time:
        # Given a confirmed appointment
        _, me, appointment = booked(tenant, made["id"])
        path = f"/v1/appointments/{appointment['id']}"
        call("POST", f"{path}/confirm", caller=desk(tenant))

        # When the desk records a no-show before it starts, then after
        early = call("POST", f"{path}/no-show", caller=desk(tenant))
        time.advance(days=6)
        late = call("POST", f"{path}/no-show", caller=desk(tenant))

        # Then the early one is refused, the late one recorded, and the gene test is free again
        assert early.status == 409
        assert early.body["errors"][0]["code"] == "not_yet"
        assert late.body["state"] == "no_show"
        assert call("GET", "/v1/me/gene-tests", caller=me).body[0]["appointment_id"] is None


def test_bookings_without_a_paid_gene_test_or_off_the_slots_are_refused_naming_the_field():
    tenant = shop()
    made = point(tenant)
    with clock.use_clock(clock.FixedClock(BEFORE)):
        # Given a member with a paid gene test, another whose order holds only a device
        member_id, me = member(tenant)
        order_id = paid_gene_test(tenant, member_id)
        device_buyer, them = member(tenant)
        device_order = paid_gene_test(tenant, device_buyer, kind="device")

        # When they book: off the slots, on another's order, without a gene test, twice for one test
        off = call("POST", "/v1/me/appointments", caller=me, body=booking(made["id"], order_id, "2026-12-07T01:10:00Z"))
        not_theirs = call("POST", "/v1/me/appointments", caller=them, body=booking(made["id"], order_id))
        no_test = call("POST", "/v1/me/appointments", caller=them, body=booking(made["id"], device_order))
        first = call("POST", "/v1/me/appointments", caller=me, body=booking(made["id"], order_id))
        twice = call(
            "POST", "/v1/me/appointments", caller=me, body=booking(made["id"], order_id, "2026-12-07T01:30:00Z")
        )

    # Then each refusal names the field at fault
    assert (off.status, off.body["errors"][0]["field"]) == (422, "starts_at")
    assert (not_theirs.status, not_theirs.body["errors"][0]["field"]) == (404, "order_id")
    assert (no_test.status, no_test.body["errors"][0]["field"]) == (404, "order_id")
    assert first.status == 201
    assert (twice.status, twice.body["type"]) == (409, "/errors/gene-test-booked")
    assert free_at_nine(tenant, made["id"], me) == 1  # the refused bookings held nothing


def test_a_refunded_gene_test_cannot_be_booked():
    tenant = shop()
    made = point(tenant)
    with clock.use_clock(clock.FixedClock(BEFORE)):
        # Given a member whose paid gene test was refunded
        member_id, me = member(tenant)
        order_id = paid_gene_test(tenant, member_id)
        line = LineFact(
            line_no=1, sku_id="S1", store_id="ST1", product_id="P1", kind="gene_test", quantity=1,
            amount=Money(amount=29900, currency="GBP"),
        )  # fmt: skip
        refund = OrderRefunded(
            order_id=order_id, member_id=member_id, refund_id="r1", amount=line.amount, refunded_total=line.amount,
            full=True, state="refunded", lines=[line], referral_code=None,
        )  # fmt: skip
        meta = EventMetadata(
            event_id=new_id(), event_version=1, tenant_id=tenant, correlation_id="c", occurred_at=BEFORE
        )
        with acting_for(tenant):
            following.follow(meta, refund)

        # When they book a slot for it
        answer = call("POST", "/v1/me/appointments", caller=me, body=booking(made["id"], order_id))

    # Then it is refused, naming the order
    assert answer.status == 409
    assert (answer.body["errors"][0]["field"], answer.body["errors"][0]["code"]) == ("order_id", "refunded")


def test_thirty_members_booking_one_slot_at_once_never_overbook_it():
    # Given a point whose slots take 3, and 30 members each with a paid gene test
    tenant = shop()
    made = point(tenant, capacity=3)
    members = [member(tenant) for _ in range(30)]
    orders = [paid_gene_test(tenant, member_id) for member_id, _ in members]

    # When all 30 book the same slot at once
    def book(i: int) -> Any:
        return call("POST", "/v1/me/appointments", caller=members[i][1], body=booking(made["id"], orders[i]))

    with clock.use_clock(clock.FixedClock(BEFORE)), ThreadPoolExecutor(max_workers=30) as pool:
        answers = list(pool.map(book, range(30)))
        free = free_at_nine(tenant, made["id"], members[0][1])

    # Then exactly three get it, every other is told the slot is full, and no place is left
    statuses = sorted(a.status for a in answers)
    assert statuses.count(201) == 3, [(a.status, a.body) for a in answers if a.status != 409]
    assert all(a.body["type"] == "/errors/slot-full" for a in answers if a.status != 201)
    assert free == 0
    listed = call("GET", f"/v1/collection-points/{made['id']}/appointments", caller=desk(tenant)).body["items"]
    assert len(listed) == 3


def test_reminders_go_out_once_a_day_before_and_never_for_cancelled_appointments():
    tenant = shop()
    made = point(tenant)
    with clock.use_clock(clock.FixedClock(BEFORE)) as time:
        # Given two confirmed appointments on Monday 09:00, one then cancelled by staff
        _, _, kept = booked(tenant, made["id"])
        _, _, dropped = booked(tenant, made["id"])
        for each in (kept, dropped):
            call("POST", f"/v1/appointments/{each['id']}/confirm", caller=desk(tenant))
        call("POST", f"/v1/appointments/{dropped['id']}/cancel", caller=desk(tenant), body={})

        # When the job runs two days before, then a day before, then again
        with acting_for(tenant):
            too_early = reminders.remind_due(tenant)
            time.advance(days=4, hours=17, minutes=1)
            assert clock.now() >= MONDAY_9_SHANGHAI - timedelta(days=1)
            due = reminders.remind_due(tenant)
            again = reminders.remind_due(tenant)

    # Then one reminder went out, for the kept appointment, once
    assert (too_early.sent, due.sent, again.sent) == (0, 1, 0)
    assert [e["appointment_id"] for e in events_named(tenant, "appointment.reminder_due")] == [kept["id"]]
