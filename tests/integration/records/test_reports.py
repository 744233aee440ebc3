"""Gene reports through their routes: staff upload a PDF by presigned POST, file and release it;
the text is extracted and searchable; members see only their own released reports and download
them by a short-lived link; every read lands in the audit trail."""

from __future__ import annotations

import os
import uuid
from typing import Any

import boto3
import pytest

from infra.local.invoke import REGION
from panacea.platform.schema import GSI1
from tests.integration.stripe_support import events_of
from tests.support import call, onboard, signed_up_member, staff
from tests.support.builders import ok
from tests.support.documents import fetched, pdf, post_form

PASSWORD = "Records-Member-2026!"


@pytest.fixture(scope="module")
def tenant() -> dict[str, Any]:
    return onboard()


@pytest.fixture(scope="module")
def members(tenant: dict[str, Any]) -> tuple[str, str]:
    slug = tenant["slug"]
    return tuple(  # type: ignore[return-value]
        signed_up_member(slug, f"rec-{uuid.uuid4().hex[:8]}@example.com", PASSWORD) for _ in range(2)
    )


def desk(tenant_id: str) -> dict[str, str]:
    return staff(tenant_id, "service_desk", user_id="desk-1")


def member(tenant_id: str, member_id: str) -> dict[str, str]:
    return staff(tenant_id, "member", user_id=member_id)


def uploaded(tenant_id: str, content: bytes) -> str:
    form = ok(call("POST", "/v1/reports/uploads", caller=desk(tenant_id), body={"content_type": "application/pdf"}))
    assert post_form(form["url"], form["fields"], content) in (200, 201, 204)
    return str(form["key"])


def filed(tenant_id: str, member_id: str, lines: list[str], **fields: Any) -> dict[str, Any]:
    body = {
        "file_key": uploaded(tenant_id, pdf(lines)),
        "member_id": member_id,
        "test_name": fields.pop("test_name", "BRCA1/2 Hereditary Cancer Panel"),
        **fields,
    }
    return ok(call("POST", "/v1/reports", caller=desk(tenant_id), body=body), 201)  # type: ignore[no-any-return]


def test_a_report_is_filed_released_and_read_by_its_member_only(tenant, members):
    t, (mine, theirs) = tenant["id"], members
    # Given a report PDF uploaded by presigned POST and filed for a member's order line
    content = pdf(["Pharmacogenomics report", "CYP2C19 poor metaboliser"])
    body = {
        "file_key": uploaded(t, content),
        "member_id": mine,
        "order_id": "01JD6Q3W8M0000000000000001",
        "line_id": "G1",
        "test_name": "Pharmacogenomics panel",
        "markers_summary": "One actionable variant.",
        "findings": [{"marker": "CYP2C19", "result": "*2/*2", "interpretation": "Poor metaboliser"}],
    }
    report = ok(call("POST", "/v1/reports", caller=desk(t), body=body), 201)
    assert (report["state"], report["pages"], report["line_id"]) == ("draft", 1, "G1")
    # Then the member does not see the draft
    assert ok(call("GET", "/v1/me/reports", caller=member(t, mine)))["items"] == []
    assert call("GET", f"/v1/me/reports/{report['id']}", caller=member(t, mine)).status == 404
    # When staff release it (twice: the second changes nothing)
    released = ok(call("POST", f"/v1/reports/{report['id']}/release", caller=desk(t)))
    again = ok(call("POST", f"/v1/reports/{report['id']}/release", caller=desk(t)))
    assert released["state"] == again["state"] == "released"
    assert released["released_at"] == again["released_at"]
    # And report.released was announced once, naming the order and its gene-test line
    announced = [e for e in events_of(t, "report.released") if e["report_id"] == report["id"]]
    assert [(e["member_id"], e["order_id"], e["line_id"]) for e in announced] == [
        (mine, "01JD6Q3W8M0000000000000001", "G1")
    ]
    # Then the member lists it, reads it and downloads the very PDF through a short-lived link
    listed = ok(call("GET", "/v1/me/reports", caller=member(t, mine)))["items"]
    assert [r["id"] for r in listed] == [report["id"]]
    seen = ok(call("GET", f"/v1/me/reports/{report['id']}", caller=member(t, mine)))
    assert seen["findings"][0]["result"] == "*2/*2"
    link = ok(call("GET", f"/v1/me/reports/{report['id']}/download", caller=member(t, mine)))
    assert fetched(link["url"]) == content
    # But another member neither lists, reads nor downloads it
    assert ok(call("GET", "/v1/me/reports", caller=member(t, theirs)))["items"] == []
    for path in (f"/v1/me/reports/{report['id']}", f"/v1/me/reports/{report['id']}/download"):
        refused = call("GET", path, caller=member(t, theirs))
        assert (refused.status, refused.problem_fields) == (404, ["path.report_id"])
    # And members cannot reach staff's routes
    assert call("GET", f"/v1/reports/{report['id']}", caller=member(t, mine)).status == 403


def test_every_read_of_a_report_is_in_the_audit_trail(tenant, members):
    t, mine = tenant["id"], members[0]
    report = filed(t, mine, ["Lactose intolerance: MCM6 variant"], test_name="Nutrigenomics")
    ok(call("POST", f"/v1/reports/{report['id']}/release", caller=desk(t)))
    # When the member reads and downloads it, and staff read it
    ok(call("GET", f"/v1/me/reports/{report['id']}", caller=member(t, mine)))
    ok(call("GET", f"/v1/me/reports/{report['id']}/download", caller=member(t, mine)))
    ok(call("GET", f"/v1/reports/{report['id']}", caller=desk(t)))
    ok(call("GET", f"/v1/reports/{report['id']}/download", caller=desk(t)))
    # Then the audit trail about the member shows each read: who, which report, how, when
    trail = ok(call("GET", f"/v1/audit?user_id={mine}", caller=staff(t, "owner")))["items"]
    reads = [e for e in trail if e["action"] == "record.read" and e["detail"]["record_id"] == report["id"]]
    assert sorted((e["actor_id"], e["detail"]["how"]) for e in reads) == sorted(
        [(mine, "view"), (mine, "download"), ("desk-1", "view"), ("desk-1", "download")]
    )
    assert all(e["subject_id"] == mine and e["detail"]["record_kind"] == "gene_report" and e["at"] for e in reads)


def test_staff_find_reports_by_the_words_of_their_pdf(tenant, members):
    t, mine = tenant["id"], members[0]
    # Given two reports whose PDFs say different things
    apoe = filed(t, mine, ["APOE genotype e3/e4", "Moderately raised Alzheimer risk"], test_name="Longevity")
    mthfr = filed(t, mine, ["MTHFR C677T heterozygous", "Folate metabolism reduced"], test_name="Wellness")

    def found(q: str) -> list[str]:
        return [r["id"] for r in ok(call("GET", f"/v1/reports?q={q}", caller=desk(t)))["items"]]

    # Then a word of a PDF finds its report, by its start too, and a word of the metadata as well
    assert found("alzheimer") == [apoe["id"]]
    assert found("alzh") == [apoe["id"]]
    assert found("folate+metab") == [mthfr["id"]]
    assert found("wellness") == [mthfr["id"]]
    # And every word must match, and a longer word than its prefix must match whole
    assert found("folate+alzheimer") == []
    assert found("alzheimers") == []
    # And a query of no word worth looking up is refused, naming q
    refused = call("GET", "/v1/reports?q=a", caller=desk(t))
    assert (refused.status, refused.problem_fields) == (422, ["q"])


def test_filing_refuses_what_is_not_an_uploaded_pdf_and_writes_nothing(tenant, members):
    t, mine = tenant["id"], members[0]
    before = ok(call("GET", "/v1/reports?limit=25", caller=desk(t)))["items"]
    # When staff file a key nothing was uploaded under, a file that is no PDF, another tenant's key,
    # a member who is not the tenant's
    key = ok(call("POST", "/v1/reports/uploads", caller=desk(t), body={"content_type": "application/pdf"}))["key"]
    not_pdf = uploaded(t, b"this is plain text, not a PDF")
    elsewhere = key.replace(t, "01JDQ3V6N1W2X3Y4Z5A6B7C8D9")
    cases = [
        ({"file_key": key, "member_id": mine}, "file_key"),
        ({"file_key": not_pdf, "member_id": mine}, "file_key"),
        ({"file_key": elsewhere, "member_id": mine}, "file_key"),
        ({"file_key": uploaded(t, pdf(["x"])), "member_id": "nobody-here"}, "member_id"),
    ]
    for body, field in cases:
        refused = call("POST", "/v1/reports", caller=desk(t), body={**body, "test_name": "Panel"})
        # Then each is a 422 naming the field, and no report was written
        assert (refused.status, refused.problem_fields) == (422, [field]), refused.body
    assert ok(call("GET", "/v1/reports?limit=25", caller=desk(t)))["items"] == before
    # And a file filed once cannot be filed for a second report, whose words are not indexed either
    body = {"file_key": uploaded(t, pdf(["once zygosity"])), "member_id": mine, "test_name": "Panel"}
    ok(call("POST", "/v1/reports", caller=desk(t), body=body), 201)
    twice = call("POST", "/v1/reports", caller=desk(t), body=body)
    assert (twice.status, twice.problem_fields) == (409, ["file_key"])
    assert len(_indexed(t, "zygosi")) == 1


def _indexed(tenant_id: str, prefix: str) -> list[dict[str, Any]]:
    """The index items of a word prefix, read straight from the table (one Query)."""
    table = boto3.client("dynamodb", region_name=REGION)
    return table.query(  # type: ignore[no-any-return]
        TableName=os.environ["PANACEA_TABLE"],
        IndexName=GSI1.name,
        KeyConditionExpression="GSI1PK = :p",
        ExpressionAttributeValues={":p": {"S": f"T#{tenant_id}#REPORT_WORDS#{prefix}"}},
    )["Items"]


def test_the_upload_form_takes_only_a_pdf_within_the_cap(tenant):
    t = tenant["id"]
    form = ok(call("POST", "/v1/reports/uploads", caller=desk(t), body={"content_type": "application/pdf"}))
    # Then the key is under the tenant's prefix, and the bucket holds the form to its policy
    assert form["key"].startswith(f"tenants/{t}/records/reports/")
    assert form["key"].endswith(".pdf")
    assert post_form(form["url"], {**form["fields"], "Content-Type": "image/png"}, b"png") == 403
    assert post_form(form["url"], form["fields"], b"%PDF-" + b"x" * form["max_bytes"]) == 400
    # And other types, or a size over the cap, are refused before anything is signed
    png = call("POST", "/v1/reports/uploads", caller=desk(t), body={"content_type": "image/png"})
    big = call(
        "POST", "/v1/reports/uploads", caller=desk(t), body={"content_type": "application/pdf", "size": 21 << 20}
    )
    assert (png.status, png.problem_fields) == (422, ["content_type"])
    assert (big.status, big.problem_fields) == (422, ["size"])
    # And members cannot upload reports
    assert (
        call("POST", "/v1/reports/uploads", caller=staff(t, "member"), body={"content_type": "application/pdf"}).status
        == 403
    )
