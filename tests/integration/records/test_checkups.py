"""Members' own checkup records: uploaded by presigned POST under the member's own prefix,
described in a category, listed (by category too) and downloaded; no one else reaches them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import call, onboard, staff
from tests.support.builders import ok
from tests.support.documents import fetched, pdf, post_form


@pytest.fixture(scope="module")
def tenant() -> dict[str, Any]:
    return onboard()


def member(tenant_id: str, member_id: str) -> dict[str, str]:
    return staff(tenant_id, "member", user_id=member_id)


def upload(caller: dict[str, str], content_type: str, content: bytes) -> str:
    form = ok(call("POST", "/v1/me/records/uploads", caller=caller, body={"content_type": content_type}))
    assert post_form(form["url"], form["fields"], content, filename="checkup") in (200, 201, 204)
    return str(form["key"])


def test_a_member_keeps_checkup_records_by_category(tenant):
    t = tenant["id"]
    me = member(t, "member-1")
    # Given a photo and a PDF uploaded by the member
    photo = b"\xff\xd8\xff a photo of a blood test"
    photo_key, pdf_key = upload(me, "image/jpeg", photo), upload(me, "application/pdf", pdf(["Chest X-ray: clear"]))
    assert photo_key.startswith(f"tenants/{t}/records/members/member-1/")
    # When the member describes them
    blood = {"file_key": photo_key, "category": "blood_test", "title": "Annual blood panel", "taken_on": "2026-11-20"}
    made = ok(call("POST", "/v1/me/records", caller=me, body=blood), 201)
    xray = {"file_key": pdf_key, "category": "imaging", "title": "Chest X-ray"}
    ok(call("POST", "/v1/me/records", caller=me, body=xray), 201)
    assert (made["content_type"], made["size"], made["taken_on"]) == ("image/jpeg", len(photo), "2026-11-20")
    # Then they are listed, newest first, and by category
    assert [r["title"] for r in ok(call("GET", "/v1/me/records", caller=me))["items"]] == [
        "Chest X-ray",
        "Annual blood panel",
    ]
    by_category = ok(call("GET", "/v1/me/records?category=blood_test", caller=me))["items"]
    assert [r["id"] for r in by_category] == [made["id"]]
    # And the file comes back through a short-lived link
    assert ok(call("GET", f"/v1/me/records/{made['id']}", caller=me))["title"] == "Annual blood panel"
    assert fetched(ok(call("GET", f"/v1/me/records/{made['id']}/download", caller=me))["url"]) == photo
    # But another member sees none of it
    other = member(t, "member-2")
    assert ok(call("GET", "/v1/me/records", caller=other))["items"] == []
    for path in (f"/v1/me/records/{made['id']}", f"/v1/me/records/{made['id']}/download"):
        refused = call("GET", path, caller=other)
        assert (refused.status, refused.problem_fields) == (404, ["path.record_id"])


def test_a_record_needs_the_members_own_uploaded_file_once(tenant):
    t = tenant["id"]
    me, other = member(t, "member-3"), member(t, "member-4")
    theirs = upload(other, "image/png", b"\x89PNG someone else's")
    missing = ok(call("POST", "/v1/me/records/uploads", caller=me, body={"content_type": "image/png"}))["key"]
    # When the member names another member's file, or a key nothing was uploaded under
    for key in (theirs, missing):
        body = {"file_key": key, "category": "other", "title": "Not mine"}
        refused = call("POST", "/v1/me/records", caller=me, body=body)
        # Then it is refused naming file_key, and nothing is listed
        assert (refused.status, refused.problem_fields) == (422, ["file_key"])
    assert ok(call("GET", "/v1/me/records", caller=me))["items"] == []
    # And one file makes one record
    body = {"file_key": upload(me, "image/png", b"\x89PNG mine"), "category": "vaccination", "title": "Flu jab"}
    ok(call("POST", "/v1/me/records", caller=me, body=body), 201)
    twice = call("POST", "/v1/me/records", caller=me, body=body)
    assert twice.status == 409
    # And a bad category or a file type beyond photos and PDFs is a 422 naming the field
    bad = call("POST", "/v1/me/records", caller=me, body={**body, "category": "horoscope"})
    assert (bad.status, bad.problem_fields) == (422, ["category"])
    gif = call("POST", "/v1/me/records/uploads", caller=me, body={"content_type": "image/gif"})
    assert (gif.status, gif.problem_fields) == (422, ["content_type"])
