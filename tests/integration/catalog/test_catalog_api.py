"""The mall through its routes: staff classify, create, price and publish products; members see
only what is published, by category, tag and words of the name, a page at a time."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
import uuid
from typing import Any

import boto3
import pytest

from infra import wiring
from infra.local.invoke import REGION
from tests.integration.catalog_support import (
    catalog_staff,
    category,
    member,
    names,
    ok,
    on_sale,
    product,
    publish,
    sku,
    tag,
)
from tests.support import call, onboard, staff
from tests.support.documents import post_form


@pytest.fixture(scope="module")
def tenant():
    return onboard()  # GBP


def test_a_product_is_seen_by_members_only_once_published(tenant):
    t = tenant["id"]
    # Given a category in two dimensions, a tag, and a draft product in them
    panels, screening = category(t, "Hereditary cancer"), category(t, "Screening", "use")
    seller = tag(t, "bestseller")
    draft = product(
        t,
        "BRCA1/2 Hereditary Cancer Panel",
        description="Saliva test",
        category_ids=[panels["id"], screening["id"]],
        tag_ids=[seller["id"]],
        cashback_bps=500,
    )
    assert (draft["status"], draft["store_id"], draft["skus"]) == ("draft", t, [])
    # When it gets a SKU with a price
    added = sku(t, draft["id"], price=29900, specs={"panel": "standard", "sample": "saliva"})
    assert added["prices"] == [{"amount": 29900, "currency": "GBP"}]
    # Then members do not see the draft, by id or in any list
    assert call("GET", f"/v1/catalog/products/{draft['id']}", caller=member(t)).status == 404
    assert draft["id"] not in [p["id"] for p in ok(call("GET", "/v1/catalog/products", caller=member(t)))["items"]]
    # But staff do, among the drafts
    drafts = ok(call("GET", "/v1/catalog/products?status=draft", caller=catalog_staff(t)))
    assert draft["id"] in [p["id"] for p in drafts["items"]]
    # When it is published
    published = publish(t, draft["id"])
    assert (published["status"], published["prices_from"]) == ("published", [{"amount": 29900, "currency": "GBP"}])
    # Then members find it by category, by tag and by words of its name, with its price and cashback
    for query in [f"category={panels['id']}", f"category={screening['id']}", f"tag={seller['id']}", "q=hered"]:
        page = ok(call("GET", f"/v1/catalog/products?{query}", caller=member(t)))
        assert [p["id"] for p in page["items"]] == [draft["id"]], query
        assert page["items"][0]["prices_from"] == [{"amount": 29900, "currency": "GBP"}]
        assert page["items"][0]["cashback_bps"] == 500
    seen = ok(call("GET", f"/v1/catalog/products/{draft['id']}", caller=member(t)))
    assert [s["specs"] for s in seen["skus"]] == [{"panel": "standard", "sample": "saliva"}]


def test_the_tenant_itself_is_a_store_made_on_first_use_and_pharmacies_join(tenant):
    t = tenant["id"]
    product(t, "Vitamin D3 drops", kind="medicine")
    # Then the tenant's own store exists, named after the tenant
    stores = ok(call("GET", "/v1/catalog/stores", caller=member(t)))["items"]
    assert stores[0] == {**stores[0], "id": t, "kind": "tenant", "name": tenant["name"], "status": "active"}
    # When a pharmacy opens, and another store claims its licence
    licence = f"GPhC-{uuid.uuid4().hex[:8]}"
    body = {"name": "Quayside Pharmacy", "kind": "pharmacy", "licence_number": licence}
    pharmacy = ok(call("POST", "/v1/catalog/stores", caller=catalog_staff(t), body=body), 201)
    again = call("POST", "/v1/catalog/stores", caller=catalog_staff(t), body={**body, "name": "Copy"})
    # Then the licence is its alone
    assert (again.status, again.body["type"], again.problem_fields) == (
        409,
        "/errors/licence-taken",
        ["licence_number"],
    )
    # And its details change by merge patch (a licence in another case is still its own)
    path = f"/v1/catalog/stores/{pharmacy['id']}"
    patch = {"licence_number": licence.lower(), "contact": {"phone": "+441632960124"}}
    changed = ok(call("PATCH", path, caller=catalog_staff(t), body=patch))
    assert (changed["licence_number"], given(changed["contact"])) == (licence.lower(), {"phone": "+441632960124"})
    patch = {"contact": {"email": "orders@quayside.example"}}
    changed = ok(call("PATCH", path, caller=catalog_staff(t), body=patch))
    assert given(changed["contact"]) == {"phone": "+441632960124", "email": "orders@quayside.example"}
    # When it is suspended, members no longer see it; staff do
    path = f"/v1/catalog/stores/{pharmacy['id']}"
    assert ok(call("PATCH", path, caller=catalog_staff(t), body={"status": "suspended"}))["status"] == "suspended"
    assert call("GET", path, caller=member(t)).status == 404
    assert ok(call("GET", path, caller=catalog_staff(t)))["status"] == "suspended"
    # And once closed it stays closed, and the tenant's own store is never closed
    assert ok(call("PATCH", path, caller=catalog_staff(t), body={"status": "closed"}))["status"] == "closed"
    reopened = call("PATCH", path, caller=catalog_staff(t), body={"status": "active"})
    assert (reopened.status, reopened.body["type"]) == (409, "/errors/store-state")
    own = call("PATCH", f"/v1/catalog/stores/{t}", caller=catalog_staff(t), body={"status": "closed"})
    assert (own.status, own.problem_fields) == (409, ["status"])


def given(contact: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in contact.items() if v is not None}


def test_product_states_move_only_as_allowed(tenant):
    t = tenant["id"]
    draft = product(t, "Carrier screening", kind="gene_test")
    path = f"/v1/catalog/products/{draft['id']}"
    # A product without a priced SKU is not published
    early = call("POST", f"{path}/publish", caller=catalog_staff(t))
    assert (early.status, early.body["type"], early.problem_fields) == (409, "/errors/product-not-ready", ["skus"])
    sku(t, draft["id"])
    assert publish(t, draft["id"])["status"] == "published"
    again = call("POST", f"{path}/publish", caller=catalog_staff(t))
    assert (again.status, again.body["type"]) == (409, "/errors/product-state")
    # Archived, members lose it; published again, they find it
    assert ok(call("POST", f"{path}/archive", caller=catalog_staff(t)))["status"] == "archived"
    assert call("GET", path, caller=member(t)).status == 404
    assert call("POST", f"{path}/archive", caller=catalog_staff(t)).status == 409
    assert publish(t, draft["id"])["status"] == "published"
    assert ok(call("GET", path, caller=member(t)))["status"] == "published"


def test_a_sku_is_priced_in_the_tenants_currency_and_its_code_is_unique(tenant):
    t = tenant["id"]
    draft = product(t, "Pharmacogenomics panel")
    path = f"/v1/catalog/products/{draft['id']}/skus"
    dollars = call(
        "POST", path, caller=catalog_staff(t), body={"code": "PGX-1", "prices": [{"amount": 100, "currency": "USD"}]}
    )
    assert (dollars.status, dollars.problem_fields) == (422, ["prices"])
    twice = call(
        "POST",
        path,
        caller=catalog_staff(t),
        body={"code": "PGX-1", "prices": [{"amount": 100, "currency": "GBP"}, {"amount": 120, "currency": "GBP"}]},
    )
    assert (twice.status, twice.problem_fields) == (422, ["prices"])
    first = sku(t, draft["id"], code="PGX-1")
    taken = call(
        "POST", path, caller=catalog_staff(t), body={"code": "pgx-1", "prices": [{"amount": 1, "currency": "GBP"}]}
    )
    assert (taken.status, taken.body["type"], taken.problem_fields) == (409, "/errors/sku-code-taken", ["code"])
    # A code may change its case (it is still the same claim)
    recased = call("PATCH", f"/v1/catalog/skus/{first['id']}", caller=catalog_staff(t), body={"code": "pgx-1"})
    assert (recased.status, recased.body["code"]) == (200, "pgx-1")
    # When its price changes and a second currency is added, the product's lowest price follows
    patch = {"prices": [{"amount": 19900, "currency": "GBP"}, {"amount": 24900, "currency": "EUR"}]}
    changed = ok(call("PATCH", f"/v1/catalog/skus/{first['id']}", caller=catalog_staff(t), body=patch))
    assert changed["prices"] == [{"amount": 24900, "currency": "EUR"}, {"amount": 19900, "currency": "GBP"}]
    seen = ok(call("GET", f"/v1/catalog/products/{draft['id']}", caller=catalog_staff(t)))
    assert seen["prices_from"] == changed["prices"]


def test_references_to_missing_things_are_named(tenant):
    t = tenant["id"]
    body = {
        "name": "Mystery box",
        "kind": "goods",
        "category_ids": ["01JDQ4B0000000000000000000"],
        "tag_ids": ["not-an-id"],
        "store_id": "01JDQ4D0000000000000000000",
        "images": ["tenants/01JDQ3V6N1W2X3Y4Z5A6B7C8D9/catalog/images/01JDQ4A0000000000000000000.jpg"],
    }
    refused = call("POST", "/v1/catalog/products", caller=catalog_staff(t), body=body)
    assert (refused.status, refused.problem_fields) == (422, ["images[0]"])
    refused = call("POST", "/v1/catalog/products", caller=catalog_staff(t), body={**body, "images": []})
    assert (refused.status, refused.body["type"]) == (422, "/errors/bad-reference")
    assert refused.problem_fields == ["store_id", "category_ids[0]", "tag_ids[0]"]


def test_members_browse_a_page_at_a_time_newest_first(tenant):
    t = tenant["id"]
    shelf = category(t, f"Shelf {uuid.uuid4().hex[:6]}")
    made = [on_sale(t, f"Kit {n}", category_ids=[shelf["id"]])[0]["id"] for n in range(5)]
    # When a member reads the shelf two at a time
    seen, cursor = [], None
    for _ in range(4):
        query = f"category={shelf['id']}&limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = ok(call("GET", f"/v1/catalog/products?{query}", caller=member(t)))
        seen += [p["id"] for p in page["items"]]
        cursor = page.get("next_cursor")
        if not cursor:
            break
    # Then they see every product once, the latest published first
    assert seen == list(reversed(made))
    # And a cursor of another list is refused
    other = call("GET", f"/v1/catalog/products?cursor={cursor or page_cursor(t)}", caller=member(t))
    assert (other.status, other.problem_fields) == (400, ["cursor"])


def page_cursor(t: str) -> str:
    shelf = category(t, f"Other {uuid.uuid4().hex[:6]}")
    for n in range(2):
        on_sale(t, f"Other {n}", category_ids=[shelf["id"]])
    page = ok(call("GET", f"/v1/catalog/products?category={shelf['id']}&limit=1", caller=member(t)))
    return str(page["next_cursor"])


def test_words_find_products_by_the_start_of_words_of_their_name():
    t = onboard()["id"]
    for name in ["Home Blood Pressure Monitor", "Blood Glucose Meter", "基因检测套餐", "Crème de la crème"]:
        on_sale(t, name)

    def found(q: str) -> list[str]:
        # (as API Gateway hands query parameters to functions: decoded)
        return names(ok(call("GET", f"/v1/catalog/products?q={q}", caller=member(t))))

    assert found("blood pres") == ["Home Blood Pressure Monitor"]
    assert sorted(found("BLOOD")) == ["Blood Glucose Meter", "Home Blood Pressure Monitor"]
    assert found("pressure") == ["Home Blood Pressure Monitor"]
    assert found("检测") == ["基因检测套餐"]
    assert found("creme") == ["Crème de la crème"]
    assert found("ressure") == []
    # And words combine with a category and a tag, and categories with tags
    shelf, offer = category(t, "Monitors", "use"), tag(t, "offer")
    monitor, _ = on_sale(t, "Wrist Blood Pressure Monitor", category_ids=[shelf["id"]], tag_ids=[offer["id"]])
    on_sale(t, "Wrist Blood Pressure Cuff", category_ids=[shelf["id"]])
    by = f"category={shelf['id']}"
    assert names(ok(call("GET", f"/v1/catalog/products?q=blood&{by}", caller=member(t)))) == [
        "Wrist Blood Pressure Cuff",
        "Wrist Blood Pressure Monitor",
    ]
    for query in (f"q=wrist&tag={offer['id']}", f"{by}&tag={offer['id']}", f"q=monitor&{by}&tag={offer['id']}"):
        assert [p["id"] for p in ok(call("GET", f"/v1/catalog/products?{query}", caller=member(t)))["items"]] == [
            monitor["id"]
        ], query
    refused = call("GET", "/v1/catalog/products?q=!!", caller=member(t))
    assert (refused.status, refused.problem_fields) == (422, ["query.q"])


def test_a_renamed_recategorised_product_moves_between_lists(tenant):
    t = tenant["id"]
    first, second = category(t, f"First {uuid.uuid4().hex[:6]}"), category(t, f"Second {uuid.uuid4().hex[:6]}")
    made, _ = on_sale(t, "Sleep tracker", kind="device", category_ids=[first["id"]])
    patch = {"name": "Heart rhythm patch", "category_ids": [second["id"]]}
    assert ok(call("PATCH", f"/v1/catalog/products/{made['id']}", caller=catalog_staff(t), body=patch))["name"] == (
        "Heart rhythm patch"
    )

    def listed(query: str) -> list[str]:
        return [p["id"] for p in ok(call("GET", f"/v1/catalog/products?{query}", caller=member(t)))["items"]]

    assert made["id"] not in listed(f"category={first['id']}")
    assert listed(f"category={second['id']}") == [made["id"]]
    assert made["id"] not in listed("q=sleep")
    assert made["id"] in listed("q=rhythm")


def test_images_are_uploaded_by_presigned_post_and_shown_by_presigned_url(tenant):
    t = tenant["id"]
    # When staff ask to upload a JPEG
    form = ok(call("POST", "/v1/catalog/images", caller=catalog_staff(t), body={"content_type": "image/jpeg"}))
    assert form["key"].startswith(f"tenants/{t}/catalog/images/")
    assert form["key"].endswith(".jpg")
    assert form["max_bytes"] == 5 * 1024 * 1024
    # And post the file to the bucket with the form's fields
    status = post_form(form["url"], form["fields"], b"\xff\xd8\xff fake jpeg")
    assert status in (200, 201, 204)
    # Then a product can show it, through a URL that serves the bytes
    made, _ = on_sale(t, "Smart scale", kind="device", images=[form["key"]])
    seen = ok(call("GET", f"/v1/catalog/products/{made['id']}", caller=member(t)))
    with urllib.request.urlopen(seen["images"][0]["url"]) as response:  # the moto server, on loopback
        assert response.read() == b"\xff\xd8\xff fake jpeg"
    listed = ok(call("GET", "/v1/catalog/products?q=smart", caller=member(t)))["items"][0]
    assert listed["image"]["key"] == form["key"]
    assert listed["image"]["url"]
    # And the bucket holds the form to its policy: no more than 5 MB, no other content type, not this key twice over
    form = ok(call("POST", "/v1/catalog/images", caller=catalog_staff(t), body={"content_type": "image/jpeg"}))
    assert post_form(form["url"], form["fields"], b"x" * (5 * 1024 * 1024 + 1)) == 400
    assert post_form(form["url"], {**form["fields"], "Content-Type": "image/png"}, b"png") == 403
    assert post_form(form["url"], {**form["fields"], "key": f"tenants/{t}/catalog/images/other.jpg"}, b"x") == 403
    # But other types and sizes above 5 MB are refused before any URL is signed
    gif = call("POST", "/v1/catalog/images", caller=catalog_staff(t), body={"content_type": "image/gif"})
    big = call(
        "POST", "/v1/catalog/images", caller=catalog_staff(t), body={"content_type": "image/png", "size": 6 << 20}
    )
    assert (gif.status, gif.problem_fields) == (422, ["content_type"])
    assert (big.status, big.problem_fields) == (422, ["size"])


def test_only_catalog_staff_write_and_a_retry_creates_nothing_new(tenant):
    t = tenant["id"]
    body = {"name": "Flu vaccination", "kind": "service"}
    for caller in [member(t), staff(t, "order_manager"), staff(t, "finance")]:
        refused = call("POST", "/v1/catalog/products", caller=caller, body=body)
        assert (refused.status, refused.body["type"]) == (403, "/errors/forbidden")
    for role in ("catalog_manager", "admin", "owner"):
        assert (
            call("POST", "/v1/catalog/tags", caller=staff(t, role), body={"name": f"t-{uuid.uuid4().hex[:8]}"}).status
            == 201
        )
    key = {"Idempotency-Key": f"create-{uuid.uuid4()}"}
    first = call("POST", "/v1/catalog/products", caller=catalog_staff(t), body=body, headers=key)
    retry = call("POST", "/v1/catalog/products", caller=catalog_staff(t), body=body, headers=key)
    assert (first.status, retry.status) == (201, 201)
    assert first.body["id"] == retry.body["id"]
    assert json.dumps(first.body["skus"]) == "[]"


def test_the_local_uploads_bucket_is_made_as_the_wiring_declares(platform):
    # Given the bucket the local runtime made for the wiring's uploads
    s3 = boto3.client("s3", endpoint_url=platform.aws_url, region_name=REGION)
    name = platform.resources.buckets[wiring.UPLOADS.name]
    # Then functions are told its name, and it is encrypted, closed to the public and aborts abandoned uploads
    assert os.environ[wiring.UPLOADS.environment] == name
    (rule,) = s3.get_bucket_encryption(Bucket=name)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    assert all(s3.get_public_access_block(Bucket=name)["PublicAccessBlockConfiguration"].values())
    (lifecycle,) = s3.get_bucket_lifecycle_configuration(Bucket=name)["Rules"]
    assert lifecycle["AbortIncompleteMultipartUpload"] == {"DaysAfterInitiation": wiring.UPLOADS.abandoned_upload_days}
    (cors,) = s3.get_bucket_cors(Bucket=name)["CORSRules"]
    assert sorted(cors["AllowedMethods"]) == ["GET", "POST"]
