"""A refund of a gene-test line (`order.refunded`, followed by logistics' consumer): the line's
kits that have not reached the lab are voided (`cancelled`, `kit.voided`), the least advanced first
and never more than the refund takes; a kit at the lab is left and noted; the line gets no more
kits nor replacements; its open appointment is cancelled. Delivered twice, nothing happens twice."""

from __future__ import annotations

from panacea.platform import clock
from tests.integration.logistics.kit_support import dispatched, in_stock, lab, lab_says, owner, paid_gene_test
from tests.integration.logistics.points_api import BEFORE, point
from tests.integration.logistics.points_api import member as new_member
from tests.integration.logistics.points_api import paid_gene_test as bookable_gene_test
from tests.integration.logistics.replacement_support import (
    barcodes_of,
    events_named,
    kit,
    line,
    refund,
    replace,
    sent_and_registered,
)
from tests.integration.stripe_support import shop
from tests.support import call


def test_a_refunded_line_voids_its_kits_before_the_lab_and_notes_the_one_at_the_lab():
    # Given a line of three tests: one kit on its way, one registered, one at the lab
    tenant = shop()
    the_lab, key = lab(tenant)
    order_id = paid_gene_test(tenant, quantity=3)
    in_stock(tenant, "GT-RF-0001", "GT-RF-0002", "GT-RF-0003", "GT-RF-0004")
    dispatched(tenant, "GT-RF-0001", the_lab["id"], order_id)
    sent_and_registered(tenant, "GT-RF-0002", the_lab["id"], order_id)
    sent_and_registered(tenant, "GT-RF-0003", the_lab["id"], order_id)
    assert lab_says(key, "rf-1", "received", "GT-RF-0003").status == 200

    # When the whole line is refunded, and the refund delivered twice
    refund(tenant, order_id, 3)
    refund(tenant, order_id, 3)

    # Then the two kits that had not reached the lab are cancelled, once
    for barcode, was in (("GT-RF-0001", "dispatched"), ("GT-RF-0002", "registered")):
        voided = kit(tenant, barcode)
        assert (voided["state"], voided["status"], voided["cancel_reason"]) == (
            "cancelled", "cancelled.testkit.cancelled", "refunded",
        )  # fmt: skip
        assert [e["previous_state"] for e in events_named(tenant, "kit.voided") if e["barcode"] == barcode] == [was]
    # And the kit at the lab is left there, noted once for staff to settle with the lab
    at_lab = kit(tenant, "GT-RF-0003")
    assert (at_lab["state"], at_lab["line_refunded"]) == ("received", True)
    assert barcodes_of(tenant, "kit.refunded_at_lab") == ["GT-RF-0003"]
    assert (int(line(tenant, order_id).quantity), int(line(tenant, order_id).kits)) == (0, 1)
    # And the line takes no new kit
    more = {"order_id": order_id, "line_no": 1, "barcode": "GT-RF-0004", "lab_id": the_lab["id"],
            "carrier": "Royal Mail", "tracking_number": "RM1"}  # fmt: skip
    refused = call("POST", "/v1/kits/dispatches", caller=owner(tenant), body=more)
    assert (refused.status, refused.body["errors"][0]["code"]) == (409, "has_kits")
    # And a cancelled kit's sample reaching the lab after all changes nothing
    assert lab_says(key, "rf-2", "received", "GT-RF-0001").body["outcome"] == "stale"
    # And when the sample at the lab fails, no replacement goes out and the line is not failed
    assert lab_says(key, "rf-3", "sample_error", "GT-RF-0003", "insufficient_dna").status == 200
    assert replace(tenant, "GT-RF-0003") is None
    assert not events_named(tenant, "gene_test.failed")
    assert kit(tenant, "GT-RF-0004")["state"] == "in_stock"


def test_a_partial_refund_voids_only_as_many_kits_as_it_takes_back_least_advanced_first():
    # Given a line of two tests, one kit registered and the other still on its way
    tenant = shop()
    the_lab, _key = lab(tenant)
    order_id = paid_gene_test(tenant, quantity=2)
    in_stock(tenant, "GT-PR-0001", "GT-PR-0002")
    sent_and_registered(tenant, "GT-PR-0001", the_lab["id"], order_id)
    dispatched(tenant, "GT-PR-0002", the_lab["id"], order_id)

    # When one of the two tests is refunded, the refund delivered twice
    refund(tenant, order_id, 1, refund_id="r1")
    refund(tenant, order_id, 1, refund_id="r1")

    # Then only the kit still on its way is voided; the registered one stays
    assert (kit(tenant, "GT-PR-0001")["state"], kit(tenant, "GT-PR-0002")["state"]) == ("registered", "cancelled")
    assert barcodes_of(tenant, "kit.voided") == ["GT-PR-0002"]
    assert (int(line(tenant, order_id).quantity), int(line(tenant, order_id).kits)) == (1, 1)

    # When the other test is refunded by a second refund
    refund(tenant, order_id, 1, refund_id="r2")

    # Then its kit is voided too
    assert kit(tenant, "GT-PR-0001")["state"] == "cancelled"
    assert barcodes_of(tenant, "kit.voided") == ["GT-PR-0001", "GT-PR-0002"]


def test_a_refunded_gene_test_loses_its_open_appointment():
    # Given a member who booked an appointment for their paid gene test
    tenant = shop()
    made = point(tenant)
    with clock.use_clock(clock.FixedClock(BEFORE)):
        member_id, me = new_member(tenant)
        order_id = bookable_gene_test(tenant, member_id)
        body = {"point_id": made["id"], "starts_at": "2026-12-07T01:00:00Z", "order_id": order_id, "line_no": 1}
        booked = call("POST", "/v1/me/appointments", caller=me, body=body)
        assert booked.status == 201, booked.body

        # When the gene test is refunded, the refund delivered twice
        refund(tenant, order_id, 1, member_id=member_id)
        refund(tenant, order_id, 1, member_id=member_id)

        # Then the appointment is cancelled once, for the refund, and its slot is free again
        mine = call("GET", f"/v1/me/appointments/{booked.body['id']}", caller=me).body
        slots = call("GET", f"/v1/collection-points/{made['id']}/slots?date=2026-12-07", caller=me).body["slots"]
    assert (mine["state"], mine["cancelled_by"]) == ("cancelled", "refunded")
    assert [e["appointment_id"] for e in events_named(tenant, "appointment.cancelled")] == [booked.body["id"]]
    nine = next(s for s in slots if s["starts_at"] == "2026-12-07T01:00:00Z")
    assert nine["free"] == made["slot_capacity"] if "slot_capacity" in made else nine["free"] >= 1
