"""Replacement kits: a failed sample's kit is replaced by the next kit in stock for the same line,
the attempts linked both ways; the tenant's policy caps them (the third failure fails the line) and
says whether they are free (else offered, and sent once staff record the fee); staff replace a
lost kit by hand under the same policy."""

from __future__ import annotations

from tests.integration.logistics.kit_support import in_stock, lab, lab_says, member, owner, paid_gene_test
from tests.integration.logistics.replacement_support import (
    barcodes_of,
    events_named,
    fails,
    kit,
    line,
    policy,
    replace,
    sent_and_registered,
)
from tests.integration.stripe_support import shop
from tests.support import call


def dispatch_body(barcode: str, lab_id: str, order_id: str) -> dict[str, object]:
    return {"order_id": order_id, "line_no": 1, "barcode": barcode, "lab_id": lab_id, "carrier": "Royal Mail",
            "tracking_number": "RM555"}  # fmt: skip


def test_a_failed_sample_gets_the_next_kit_in_stock_free_and_linked_both_ways():
    # Given a registered kit whose sample the lab failed, and two kits in stock
    tenant = shop()
    the_lab, key = lab(tenant)
    order_id = paid_gene_test(tenant)
    in_stock(tenant, "GT-RP-0001", "GT-RP-0902", "GT-RP-0901")
    sent_and_registered(tenant, "GT-RP-0001", the_lab["id"], order_id)
    assert fails(key, "GT-RP-0001", "a")["state"] == "sample_error"

    # When the workflow asks for a replacement, twice
    made = replace(tenant, "GT-RP-0001")
    again = replace(tenant, "GT-RP-0001")

    # Then the next barcode in stock is set aside for the same line, free, linked to the failed kit
    assert made is not None
    assert (made["barcode"], made["state"], made["status"], made["fee_due"]) == (
        "GT-RP-0901", "allocated", "received.testkit.ordered", False,
    )  # fmt: skip
    assert (made["member_id"], made["order_id"], made["line_no"], made["lab_id"], made["replaces"]) == (
        "member-1", order_id, 1, the_lab["id"], "GT-RP-0001",
    )  # fmt: skip
    assert kit(tenant, "GT-RP-0001")["replaced_by"] == "GT-RP-0901"
    # And asking again answers the same kit, announced once
    assert again == made
    ordered = events_named(tenant, "kit.replacement_ordered")
    assert [(e["barcode"], e["replaces"], e["attempt"], e["fee_due"]) for e in ordered] == [
        ("GT-RP-0901", "GT-RP-0001", 1, False)
    ]
    # And the member sees both attempts among their kits
    mine = {k["barcode"]: k for k in call("GET", "/v1/me/kits", caller=member(tenant)).body}
    assert (mine["GT-RP-0001"]["replaced_by"], mine["GT-RP-0901"]["replaces"]) == ("GT-RP-0901", "GT-RP-0001")

    # And a kit set aside for a line is not sent for another
    other = paid_gene_test(tenant)
    elsewhere = call("POST", "/v1/kits/dispatches", caller=owner(tenant),
                     body=dispatch_body("GT-RP-0901", the_lab["id"], other))  # fmt: skip
    assert (elsewhere.status, elsewhere.body["errors"][0]["code"]) == (409, "set_aside")

    # When staff dispatch it like any kit
    sent = call("POST", "/v1/kits/dispatches", caller=owner(tenant),
                body=dispatch_body("GT-RP-0901", the_lab["id"], order_id))  # fmt: skip

    # Then it is on its way, announced as a replacement, without taking a new place on the line
    assert sent.status == 200, sent.body
    assert (sent.body["state"], sent.body["replaces"]) == ("dispatched", "GT-RP-0001")
    assert [e["replaces"] for e in events_named(tenant, "kit.dispatched") if e["barcode"] == "GT-RP-0901"] == [
        "GT-RP-0001"
    ]
    assert (int(line(tenant, order_id).kits), int(line(tenant, order_id).replacements or 0)) == (1, 1)
    assert kit(tenant, "GT-RP-0902")["state"] == "in_stock"


def test_the_third_failure_of_a_line_sends_no_kit_and_fails_the_line():
    # Given the default policy (two replacements a line) and a line whose kit failed twice, replaced each time
    tenant = shop()
    the_lab, key = lab(tenant)
    order_id = paid_gene_test(tenant)
    in_stock(tenant, "GT-TF-0001", "GT-TF-0002", "GT-TF-0003", "GT-TF-0004")
    sent_and_registered(tenant, "GT-TF-0001", the_lab["id"], order_id)
    fails(key, "GT-TF-0001", "1")
    first = replace(tenant, "GT-TF-0001")
    assert first is not None
    assert first["barcode"] == "GT-TF-0002"
    sent_and_registered(tenant, "GT-TF-0002", the_lab["id"], order_id)
    fails(key, "GT-TF-0002", "2")
    second = replace(tenant, "GT-TF-0002")
    assert second is not None
    assert (second["barcode"], second["replaces"]) == ("GT-TF-0003", "GT-TF-0002")
    sent_and_registered(tenant, "GT-TF-0003", the_lab["id"], order_id)

    # When the third kit fails too
    fails(key, "GT-TF-0003", "3")
    third = replace(tenant, "GT-TF-0003")

    # Then no kit is sent: the line is failed, announced once even when asked again
    assert third is None
    assert replace(tenant, "GT-TF-0003") is None
    assert line(tenant, order_id).failed
    failed = events_named(tenant, "gene_test.failed")
    assert [(e["order_id"], e["line_no"], e["barcode"], e["replacements"]) for e in failed] == [
        (order_id, 1, "GT-TF-0003", 2)
    ]
    # And the chain of attempts reads both ways; the fourth kit is still in stock
    assert [kit(tenant, b)["replaced_by"] for b in ("GT-TF-0001", "GT-TF-0002", "GT-TF-0003")] == [
        "GT-TF-0002", "GT-TF-0003", None,
    ]  # fmt: skip
    assert kit(tenant, "GT-TF-0004")["state"] == "in_stock"
    assert barcodes_of(tenant, "kit.replacement_ordered") == ["GT-TF-0002", "GT-TF-0003"]


def test_a_replacement_that_is_not_free_is_offered_and_sent_once_the_fee_is_paid():
    # Given a tenant whose replacements are not free, and a failed kit
    tenant = shop()
    assert policy(tenant, replacements={"free": False})["replacements"] == {"max_per_line": 2, "free": False}
    the_lab, key = lab(tenant)
    order_id = paid_gene_test(tenant)
    in_stock(tenant, "GT-FEE-001", "GT-FEE-900")
    sent_and_registered(tenant, "GT-FEE-001", the_lab["id"], order_id)
    fails(key, "GT-FEE-001", "f")

    # When the workflow asks for a replacement
    offered = replace(tenant, "GT-FEE-001")

    # Then a kit is set aside for the member, its fee due: they see it offered among their kits
    assert offered is not None
    assert (offered["barcode"], offered["state"], offered["fee_due"]) == ("GT-FEE-900", "allocated", True)
    mine = {k["barcode"]: k for k in call("GET", "/v1/me/kits", caller=member(tenant)).body}
    assert (mine["GT-FEE-900"]["fee_due"], mine["GT-FEE-900"]["replaces"]) == (True, "GT-FEE-001")
    # And staff cannot send it before the fee is paid
    body = dispatch_body("GT-FEE-900", the_lab["id"], order_id)
    early = call("POST", "/v1/kits/dispatches", caller=owner(tenant), body=body)
    assert early.status == 409, early.body
    assert (early.body["type"], early.body["errors"][0]["field"]) == ("/errors/replacement-fee-due", "barcode")
    # And a member cannot record the fee themselves
    paid = {"reference": "DESK-0042"}
    assert call("POST", "/v1/kits/GT-FEE-900/replacement-fee", caller=member(tenant), body=paid).status == 403

    # When the service desk records the fee as paid
    recorded = call("POST", "/v1/kits/GT-FEE-900/replacement-fee", caller=owner(tenant), body=paid)

    # Then the kit may go out
    assert recorded.status == 200, recorded.body
    assert (recorded.body["fee_due"], recorded.body["fee_reference"]) == (False, "DESK-0042")
    assert call("POST", "/v1/kits/dispatches", caller=owner(tenant), body=body).body["state"] == "dispatched"
    # And recording it again is refused: no fee is due
    again = call("POST", "/v1/kits/GT-FEE-900/replacement-fee", caller=owner(tenant), body=paid)
    assert (again.status, again.body["errors"][0]["code"]) == (409, "no_fee_due")
    assert [e["reference"] for e in events_named(tenant, "kit.replacement_fee_paid")] == ["DESK-0042"]


def test_staff_replace_a_kit_lost_in_the_post_by_hand_under_the_same_policy():
    # Given a tenant allowing one replacement a line, and a kit on its way to the member
    tenant = shop()
    policy(tenant, replacements={"max_per_line": 1})
    the_lab, _key = lab(tenant)
    order_id = paid_gene_test(tenant)
    in_stock(tenant, "GT-LOST-01", "GT-LOST-02", "GT-LOST-03")
    call("POST", "/v1/kits/dispatches", caller=owner(tenant), body=dispatch_body("GT-LOST-01", the_lab["id"], order_id))
    lost = {"reason": "lost_in_post"}
    # And bad requests are refused, naming the field, changing nothing
    assert call("POST", "/v1/kits/GT-LOST-01/replacement", caller=owner(tenant), body={"reason": "Lost!"}).status == 422
    assert call("POST", "/v1/kits/GT-LOST-01/replacement", caller=member(tenant), body=lost).status == 403
    assert call("POST", "/v1/kits/NO-SUCH-KIT/replacement", caller=owner(tenant), body=lost).status == 404
    assert kit(tenant, "GT-LOST-01")["state"] == "dispatched"

    # When staff replace it by hand
    made = call("POST", "/v1/kits/GT-LOST-01/replacement", caller=owner(tenant), body=lost)

    # Then the lost kit is cancelled and linked to the next kit in stock, set aside for the line
    assert made.status == 201, made.body
    assert made.headers["Location"] == "/v1/kits/GT-LOST-02"
    assert (made.body["barcode"], made.body["state"], made.body["replaces"]) == (
        "GT-LOST-02", "allocated", "GT-LOST-01",
    )  # fmt: skip
    gone = kit(tenant, "GT-LOST-01")
    assert (gone["state"], gone["status"], gone["cancel_reason"], gone["replaced_by"]) == (
        "cancelled", "cancelled.testkit.cancelled", "lost_in_post", "GT-LOST-02",
    )  # fmt: skip
    assert [(e["barcode"], e["reason"], e["previous_state"]) for e in events_named(tenant, "kit.voided")] == [
        ("GT-LOST-01", "lost_in_post", "dispatched")
    ]
    # And the lost kit is not replaced twice, nor does the lab's word move it any more
    twice = call("POST", "/v1/kits/GT-LOST-01/replacement", caller=owner(tenant), body=lost)
    assert (twice.status, twice.body["type"]) == (409, "/errors/kit-not-replaceable")
    # And the policy's one replacement is used: the new kit, once sent and lost, is not replaced
    call("POST", "/v1/kits/dispatches", caller=owner(tenant), body=dispatch_body("GT-LOST-02", the_lab["id"], order_id))
    used_up = call("POST", "/v1/kits/GT-LOST-02/replacement", caller=owner(tenant), body=lost)
    assert (used_up.status, used_up.body["type"]) == (409, "/errors/replacements-used-up")
    assert kit(tenant, "GT-LOST-03")["state"] == "in_stock"


def test_a_kit_at_the_lab_or_with_an_empty_stock_is_not_replaced():
    # Given a kit with the lab, and another line's kit on its way while no kit is left in stock
    tenant = shop()
    the_lab, key = lab(tenant)
    order_id, other = paid_gene_test(tenant), paid_gene_test(tenant)
    in_stock(tenant, "GT-NR-0001", "GT-NR-0002")
    sent_and_registered(tenant, "GT-NR-0001", the_lab["id"], order_id)
    call("POST", "/v1/kits/dispatches", caller=owner(tenant), body=dispatch_body("GT-NR-0002", the_lab["id"], other))
    assert lab_says(key, "n1", "received", "GT-NR-0001").status == 200
    lost = {"reason": "lost_in_post"}

    # When staff ask to replace each
    at_lab = call("POST", "/v1/kits/GT-NR-0001/replacement", caller=owner(tenant), body=lost)
    no_stock = call("POST", "/v1/kits/GT-NR-0002/replacement", caller=owner(tenant), body=lost)

    # Then both are refused, naming the barcode, and nothing changed
    assert (at_lab.status, at_lab.body["errors"][0]["code"]) == (409, "received")
    assert (no_stock.status, no_stock.body["type"]) == (409, "/errors/no-kit-in-stock")
    assert kit(tenant, "GT-NR-0002")["state"] == "dispatched"
    assert int(line(tenant, other).replacements or 0) == 0
