"""Mail-in kits through logistics' routes: barcode batches (bad rows named by line, nothing
half-written), the kit's state table from stock to the lab, one registration per barcode and only
by the member whose order it is, staff registering clinic stock for a member."""

from __future__ import annotations

import pytest

from tests.integration.logistics.kit_support import dispatched, in_stock, lab, member, owner, paid_gene_test
from tests.integration.stripe_support import shop
from tests.support import call


@pytest.fixture(scope="module")
def tenant() -> str:
    return shop()


def test_a_batch_with_bad_rows_is_refused_by_line_and_nothing_is_imported(tenant):
    # Given a CSV whose line 3 is no barcode and line 4 repeats line 2
    csv = "barcode,note\nGT-BAD-0001,ok\nnot a code!,x\nGT-BAD-0001,again\nGT-BAD-0002,ok\n"
    # When staff import it
    answer = call("POST", "/v1/kits/batches", caller=owner(tenant), body={"csv": csv})
    # Then it is refused, naming each bad line, and no kit of it exists
    assert answer.status == 422, answer.body
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert answer.problem_fields == ["csv.line[3]", "csv.line[4]"]
    assert call("GET", "/v1/kits/GT-BAD-0001", caller=owner(tenant)).status == 404
    # And a CSV without a barcode column, or with both sources, is a 422 naming the field
    no_column = call("POST", "/v1/kits/batches", caller=owner(tenant), body={"csv": "code\nGT-BAD-0003\n"})
    assert (no_column.status, no_column.problem_fields) == (422, ["csv"])
    both = {"csv": "barcode\n", "barcodes": []}
    assert call("POST", "/v1/kits/batches", caller=owner(tenant), body=both).status == 422


def test_a_good_batch_imports_every_kit_once(tenant):
    # When staff import a batch from CSV
    answer = call("POST", "/v1/kits/batches", caller=owner(tenant), body={"csv": "barcode\nGT-OK-0001\nGT-OK-0002\n"})
    # Then both kits are in stock, with Junction's status
    assert answer.status == 201, answer.body
    assert answer.body["imported"] == 2
    kit = call("GET", "/v1/kits/GT-OK-0002", caller=owner(tenant)).body
    assert (kit["state"], kit["status"]) == ("in_stock", "received.testkit.ordered")
    # And importing a barcode again names it as existing
    again = call("POST", "/v1/kits/batches", caller=owner(tenant), body={"barcodes": ["GT-OK-0003", "GT-OK-0001"]})
    assert (again.status, again.problem_fields) == (422, ["barcodes[1]"])
    assert call("GET", "/v1/kits/GT-OK-0003", caller=owner(tenant)).status == 404


def test_a_kit_goes_from_stock_to_the_lab_by_its_state_table(tenant):
    # Given a paid gene-test line, a lab and a kit in stock
    order_id = paid_gene_test(tenant, "member-1")
    the_lab, _ = lab(tenant)
    in_stock(tenant, "GT-FLOW-0001", "GT-FLOW-0002")
    # When staff dispatch it for the line
    kit = dispatched(tenant, "GT-FLOW-0001", the_lab["id"], order_id)
    # Then it is the member's, on its way to them
    assert (kit["state"], kit["status"], kit["member_id"]) == (
        "dispatched", "collecting_sample.testkit.transit_customer", "member-1",
    )  # fmt: skip
    # And the line (one test) takes no second kit, and a device line takes none
    full = call("POST", "/v1/kits/dispatches", caller=owner(tenant), body={
        "order_id": order_id, "line_no": 1, "barcode": "GT-FLOW-0002", "lab_id": the_lab["id"], "carrier": "RM",
        "tracking_number": "X1"})  # fmt: skip
    assert (full.status, full.problem_fields) == (409, ["line_no"])
    device = call("POST", "/v1/kits/dispatches", caller=owner(tenant), body={
        "order_id": order_id, "line_no": 2, "barcode": "GT-FLOW-0002", "lab_id": the_lab["id"], "carrier": "RM",
        "tracking_number": "X1"})  # fmt: skip
    assert (device.status, device.problem_fields) == (404, ["order_id"])
    # And the sample cannot be collected before the kit is registered
    early = call("POST", "/v1/kits/GT-FLOW-0001/collection", caller=member(tenant), body={})
    assert (early.status, early.problem_fields) == (409, ["barcode"])
    # When another member tries to register it, they are told there is no such kit
    other = call("POST", "/v1/me/kits", caller=member(tenant, "member-2"), body={"barcode": "GT-FLOW-0001"})
    assert (other.status, other.problem_fields) == (404, ["barcode"])
    # When the member registers it
    body = {"barcode": "GT-FLOW-0001", "demographics": {"full_name": "Li Wei", "sex": "female"}}
    registered = call("POST", "/v1/me/kits", caller=member(tenant), body=body)
    assert registered.status == 200, registered.body
    assert registered.body["state"] == "registered"
    assert registered.body["registered_by"] == "member-1"
    # Then a second registration of the barcode is refused
    again = call("POST", "/v1/me/kits", caller=member(tenant), body={"barcode": "GT-FLOW-0001"})
    assert (again.status, again.problem_fields) == (409, ["barcode"])
    # When they collect the sample and send it back
    collected = call("POST", "/v1/kits/GT-FLOW-0001/collection", caller=member(tenant),
                     body={"collected_at": "2026-01-02T08:30:00Z"})  # fmt: skip
    assert collected.status == 200, collected.body
    assert collected.body["collected_at"].startswith("2026-01-02T08:30")
    back = call("POST", "/v1/kits/GT-FLOW-0001/return", caller=member(tenant),
                body={"carrier": "Royal Mail", "tracking_number": "RM987654321GB"})  # fmt: skip
    # Then the sample is on its way to the lab, and the member sees it among their kits
    assert (back.body["state"], back.body["status"]) == ("in_transit", "sample_with_lab.testkit.transit_lab")
    assert back.body["return_tracking"] == "RM987654321GB"
    mine = call("GET", "/v1/me/kits", caller=member(tenant)).body
    assert [k["barcode"] for k in mine] == ["GT-FLOW-0001"]
    # And another member cannot read it
    assert call("GET", "/v1/kits/GT-FLOW-0001", caller=member(tenant, "member-2")).status == 404


def test_staff_register_clinic_stock_for_a_member(tenant):
    # Given a member's paid gene-test line and a kit in the clinic's stock
    order_id = paid_gene_test(tenant, "member-7")
    the_lab, _ = lab(tenant)
    in_stock(tenant, "GT-CLINIC-0001")
    path = "/v1/kits/GT-CLINIC-0001/registration"
    # When staff register it without naming the line, they are told what is missing
    bare = call("POST", path, caller=owner(tenant), body={"member_id": "member-7"})
    assert (bare.status, sorted(bare.problem_fields)) == (422, ["lab_id", "line_no", "order_id"])
    # And a line of another member is none
    wrong = {"member_id": "member-8", "order_id": order_id, "line_no": 1, "lab_id": the_lab["id"]}
    assert call("POST", path, caller=owner(tenant), body=wrong).status == 404
    # When staff register it for the member's line
    right = {"member_id": "member-7", "order_id": order_id, "line_no": 1, "lab_id": the_lab["id"]}
    answer = call("POST", path, caller=owner(tenant), body=right)
    # Then it is registered to the member by staff, and counted on the line
    assert answer.status == 200, answer.body
    assert (answer.body["state"], answer.body["member_id"], answer.body["registered_by"]) == (
        "registered", "member-7", "owner-1",
    )  # fmt: skip
    assert call("POST", path, caller=owner(tenant), body=right).status == 409
    # And a member may not register for someone else
    assert call("POST", path, caller=member(tenant, "member-7"), body=right).status == 403
