"""The lab: its signed calls about its kits (each event type, duplicates, out of order, unknown
types, another lab's kit, a wrong signature), the signed manifest webhook posted to the lab's
endpoint when a sample is on its way, and the CSV manifest."""

from __future__ import annotations

import csv
import io
import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from panacea.logistics.kit_models import SampleInTransit
from panacea.platform import signed_posts
from tests.integration.logistics.kit_support import (
    KITS,
    dispatched,
    in_stock,
    lab,
    lab_says,
    lims,
    member,
    owner,
    paid_gene_test,
)
from tests.integration.stripe_support import shop
from tests.support import call, gateway_request, signed_headers
from tests.support.in_process import deliver


@pytest.fixture(scope="module")
def tenant() -> str:
    return shop()


def registered_kit(tenant: str, barcode: str, lab_id: str, member_id: str = "member-1") -> None:
    order_id = paid_gene_test(tenant, member_id)
    in_stock(tenant, barcode)
    dispatched(tenant, barcode, lab_id, order_id)
    assert call("POST", "/v1/me/kits", caller=member(tenant, member_id), body={"barcode": barcode}).status == 200


def kit(tenant: str, barcode: str) -> dict[str, Any]:
    return dict(call("GET", f"/v1/kits/{barcode}", caller=owner(tenant)).body)


def test_each_lab_event_moves_the_kit_once_and_never_backwards(tenant):
    # Given a registered kit of the lab
    the_lab, key = lab(tenant)
    registered_kit(tenant, "GT-LAB-0001", the_lab["id"])
    # When the lab accessions it
    got = lab_says(key, "e1", "received", "GT-LAB-0001")
    # Then it is with the lab
    assert got.status == 200, got.body
    assert got.body["outcome"] == "applied"
    assert (got.body["kit"]["state"], got.body["kit"]["status"]) == (
        "received", "sample_with_lab.testkit.delivered_to_lab",
    )  # fmt: skip
    # And the same event again changes nothing
    assert lab_says(key, "e1", "received", "GT-LAB-0001").body["outcome"] == "duplicate"
    # When the lab blocks it for a missing birth date (a reason code is required)
    assert lab_says(key, "e2", "processing_blocked", "GT-LAB-0001").status == 422
    blocked = lab_says(key, "e2", "processing_blocked", "GT-LAB-0001", "missing_birth_date").body
    assert (blocked["outcome"], blocked["kit"]["state"], blocked["kit"]["reason_code"]) == (
        "applied", "processing_blocked", "missing_birth_date",
    )  # fmt: skip
    # And the member fixes their details: the kit stays blocked until the lab moves on
    fixed = call("PUT", "/v1/kits/GT-LAB-0001/demographics", caller=member(tenant),
                 body={"full_name": "Li Wei", "birth_date": "1985-04-12"})  # fmt: skip
    assert fixed.status == 200, fixed.body
    assert (fixed.body["state"], fixed.body["demographics"]["birth_date"]) == ("processing_blocked", "1985-04-12")
    # When the lab resumes, and a late `received` arrives after it
    assert lab_says(key, "e3", "processing", "GT-LAB-0001").body["kit"]["state"] == "processing"
    late = lab_says(key, "e0", "received", "GT-LAB-0001").body
    # Then the late one is kept as stale and the kit does not move back
    assert (late["outcome"], late["kit"]["state"]) == ("stale", "processing")
    # When the report is ready, a later error for it is stale too
    ready = lab_says(key, "e4", "report_ready", "GT-LAB-0001").body
    assert (ready["kit"]["state"], ready["kit"]["status"]) == ("report_ready", "completed.testkit.completed")
    assert lab_says(key, "e5", "sample_error", "GT-LAB-0001", "hemolyzed").body["outcome"] == "stale"
    # And an event type unknown here is acknowledged and changes nothing
    unknown = lab_says(key, "e6", "sample_rescanned", "GT-LAB-0001").body
    assert (unknown["outcome"], unknown["kit"]["state"]) == ("ignored", "report_ready")
    assert lab_says(key, "e6", "sample_rescanned", "GT-LAB-0001").body["outcome"] == "duplicate"


def test_a_sample_error_is_final(tenant):
    # Given a kit the lab is processing
    the_lab, key = lab(tenant)
    registered_kit(tenant, "GT-ERR-0001", the_lab["id"])
    lab_says(key, "x1", "received", "GT-ERR-0001")
    lab_says(key, "x2", "processing", "GT-ERR-0001")
    # When the lab reports a sample error
    error = lab_says(key, "x3", "sample_error", "GT-ERR-0001", "insufficient_sample").body
    # Then the kit failed for that reason, and nothing the lab says later moves it
    assert (error["kit"]["state"], error["kit"]["status"], error["kit"]["reason_code"]) == (
        "sample_error", "failed.testkit.sample_error", "insufficient_sample",
    )  # fmt: skip
    assert lab_says(key, "x4", "report_ready", "GT-ERR-0001").body["outcome"] == "stale"
    assert kit(tenant, "GT-ERR-0001")["state"] == "sample_error"
    # And its details can no longer be changed
    fix = call("PUT", "/v1/kits/GT-ERR-0001/demographics", caller=owner(tenant), body={"full_name": "Li Wei"})
    assert fix.status == 409


def test_a_lab_reports_only_on_its_own_registered_kits(tenant):
    # Given two labs, a kit of the first, and one still in stock
    first, first_key = lab(tenant)
    _, second_key = lab(tenant)
    registered_kit(tenant, "GT-OWN-0001", first["id"])
    in_stock(tenant, "GT-OWN-0002")
    # Then the second lab is told there is no such kit, and the kit did not move
    other = lab_says(second_key, "o1", "received", "GT-OWN-0001")
    assert (other.status, other.problem_fields) == (404, ["barcode"])
    assert kit(tenant, "GT-OWN-0001")["state"] == "registered"
    # And a kit in stock (no lab's yet) is none of the first lab's either
    assert lab_says(first_key, "o2", "received", "GT-OWN-0002").status == 404
    # And staff (not a lab's key) cannot call as a lab
    body = {"event_id": "o3", "type": "received", "barcode": "GT-OWN-0001"}
    assert call("POST", "/v1/lab/events", caller=owner(tenant), body=body).status == 403


def test_a_lab_call_signed_wrongly_is_refused(tenant):
    # Given a lab's kit
    the_lab, key = lab(tenant)
    registered_kit(tenant, "GT-SIG-0001", the_lab["id"])
    body = json.dumps({"event_id": "s1", "type": "received", "barcode": "GT-SIG-0001"}).encode()
    headers = signed_headers(key, "POST", "/v1/lab/events", body=body)
    # When the body is changed by one byte after signing, or signed with another secret
    tampered = gateway_request("POST", "/v1/lab/events", headers=headers, body=body.replace(b"s1", b"s2"))
    forged = signed_headers({**key, "secret": key["secret"] + "x"}, "POST", "/v1/lab/events", body=body)
    wrong = gateway_request("POST", "/v1/lab/events", headers=forged, body=body)
    # Then both are refused (the body is not what was signed; the signature is no key's), and the kit did not move
    assert (tampered.status, tampered.problem_fields) == (400, ["header.X-Content-SHA256"])
    assert wrong.status == 401
    assert kit(tenant, "GT-SIG-0001")["state"] == "registered"
    # And a fresh right signature is taken, once (the authorizer refuses its replay)
    fresh = signed_headers(key, "POST", "/v1/lab/events", body=body)
    assert gateway_request("POST", "/v1/lab/events", headers=fresh, body=body).status == 200
    assert gateway_request("POST", "/v1/lab/events", headers=fresh, body=body).status == 401
    assert kit(tenant, "GT-SIG-0001")["state"] == "received"


def test_a_sample_on_its_way_is_announced_to_its_lab_signed(tenant):
    with lims() as (url, received):
        # Given a lab whose endpoint is up, and its kit registered and collected
        the_lab, _ = lab(tenant, url)
        secret = the_lab["webhook_secret"]
        registered_kit(tenant, "GT-MAN-0001", the_lab["id"])
        call("POST", "/v1/kits/GT-MAN-0001/collection", caller=member(tenant), body={})
        # When the member sends it back, and logistics follows `sample.in_transit`
        back = call("POST", "/v1/kits/GT-MAN-0001/return", caller=member(tenant),
                    body={"carrier": "Royal Mail", "tracking_number": "RM1"})  # fmt: skip
        assert back.status == 200
        event = SampleInTransit(barcode="GT-MAN-0001", member_id="member-1", order_id=back.body["order_id"], line_no=1,
                                lab_id=the_lab["id"], carrier="Royal Mail", tracking_number="RM1")  # fmt: skip
        assert not deliver(KITS, event, tenant_id=tenant)["batchItemFailures"]
        # Then the lab received the manifest, signed with its secret over the raw body
        assert received
        headers, raw = received[-1]
        signed_posts.verify(headers[signed_posts.HEADER], raw, secret, now=int(time.time()))
        manifest = json.loads(raw)
        assert (manifest["barcode"], manifest["tracking_number"]) == ("GT-MAN-0001", "RM1")
        # And a body changed by one byte, or another secret, does not verify
        with pytest.raises(signed_posts.BadSignature):
            signed_posts.verify(headers[signed_posts.HEADER], raw + b" ", secret, now=int(time.time()))
        with pytest.raises(signed_posts.BadSignature):
            signed_posts.verify(headers[signed_posts.HEADER], raw, secret + "x", now=int(time.time()))
    # When the lab's endpoint is down, the record fails so the queue delivers it again
    assert deliver(KITS, event, tenant_id=tenant)["batchItemFailures"]
    # And staff export the lab's manifest of samples in transit as CSV
    exported = call("GET", f"/v1/labs/{the_lab['id']}/manifest", caller=owner(tenant))
    assert exported.status == 200
    assert exported.headers["Content-Type"].startswith("text/csv")
    text = exported.body if isinstance(exported.body, str) else exported.body.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["barcode"], r["return_tracking"], r["member_id"]) for r in rows] == [("GT-MAN-0001", "RM1", "member-1")]


def test_the_same_lab_event_sent_many_times_at_once_applies_once(tenant):
    # Given a registered kit of the lab
    the_lab, key = lab(tenant)
    registered_kit(tenant, "GT-RACE-0001", the_lab["id"])
    # When the lab's retries send the same `received` eight times at once (each signed afresh)
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: lab_says(key, "r1", "received", "GT-RACE-0001"), range(8)))
    # Then one applied it and the rest were told it was a duplicate; the kit was received once
    assert sorted(a.body["outcome"] for a in answers) == ["applied"] + ["duplicate"] * 7, [a.body for a in answers]
    assert kit(tenant, "GT-RACE-0001")["state"] == "received"
    # And the same holds for an event that changes nothing (a type unknown here): kept once, then duplicates
    with ThreadPoolExecutor(8) as pool:
        unknown = list(pool.map(lambda _: lab_says(key, "r2", "sample_rescanned", "GT-RACE-0001"), range(8)))
    assert sorted(a.body["outcome"] for a in unknown) == ["duplicate"] * 7 + ["ignored"], [a.body for a in unknown]
