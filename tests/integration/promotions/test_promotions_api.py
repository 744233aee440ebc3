"""Promotions' routes, run by their handler against moto as API Gateway would call them: staff
run campaigns and coupons, members see what is running and preview what it takes off."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra import wiring
from infra.local.invoke import REGION, invoke
from infra.local.runtime import LocalPlatform
from panacea.platform.ids import new_id
from panacea.promotions.models import (
    NewPromotion,
)
from panacea.promotions.quotes import (
    QuoteRequest,
)
from tests.support import call, resources, staff

NOW = datetime.now(UTC)


def iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


def example(model: Any, index: int = 0) -> dict[str, Any]:
    """The documented example, its window (if any) moved to start tomorrow and last as long: the
    document shows fixed dates, a test never depends on the date it runs."""
    body: dict[str, Any] = copy.deepcopy(model.model_config["json_schema_extra"]["examples"][index])
    if "starts_at" in body and "ends_at" in body:
        starts, ends = (datetime.fromisoformat(body[k].replace("Z", "+00:00")) for k in ("starts_at", "ends_at"))
        tomorrow = NOW + timedelta(days=1)
        body.update(starts_at=iso(tomorrow), ends_at=iso(tomorrow + (ends - starts)))
    return body


def campaign_body(**overrides: Any) -> dict[str, Any]:
    """Spend ¥200 take ¥20, spend ¥500 take ¥60: an automatic campaign running now."""
    body = example(NewPromotion, 1)
    body.update(starts_at=iso(NOW - timedelta(days=1)), ends_at=iso(NOW + timedelta(days=7)), budget=None)
    body.update(overrides)
    return body


def coupon_body(code: str, **overrides: Any) -> dict[str, Any]:
    body = {
        "name": f"¥15 off with {code}",
        "currency": "CNY",
        "method": "code",
        "code": code,
        "offer": {"kind": "amount_off", "amount_off": 1500},
        "starts_at": iso(NOW - timedelta(days=1)),
        "combinable": True,
    }
    body.update(overrides)
    return body


def quote_body(*amounts: int, coupon: str | None = None, **extra: Any) -> dict[str, Any]:
    lines = [
        {
            "line_ref": str(i),
            "product_id": f"p{i}",
            "category_ids": ["gene-tests"],
            "amount": {"amount": a, "currency": "CNY"},
        }
        for i, a in enumerate(amounts, 1)
    ]
    return {"lines": lines, "coupon_code": coupon, **extra}


@pytest.fixture
def tenant_id() -> str:
    return new_id()


@pytest.fixture
def manager(tenant_id) -> dict[str, str]:
    return staff(tenant_id, "catalog_manager")


@pytest.fixture
def member(tenant_id) -> dict[str, str]:
    return staff(tenant_id, "member", user_id=f"member-{new_id()}")


def running(manager: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
    made = call("POST", "/v1/promotions", caller=manager, body=body)
    assert made.status == 201, made.body
    active = call("POST", f"/v1/promotions/{made.body['id']}/activate", caller=manager)
    assert active.status == 200, active.body
    promotion: dict[str, Any] = active.body
    return promotion


def events_of(platform: LocalPlatform, tenant_id: str) -> list[str]:
    ddb = boto3.client("dynamodb", endpoint_url=platform.aws_url, region_name=REGION)
    pages = ddb.get_paginator("scan").paginate(  # a test may look at the whole table; no request path ever scans
        TableName=resources(platform).table,
        FilterExpression="begins_with(PK, :p)",
        ExpressionAttributeValues={":p": {"S": f"T#{tenant_id}#OUTBOX#"}},
    )  # every page: past 1 MB of table (the whole suite's data) one page does not hold them all
    return sorted(item["detail_type"]["S"] for page in pages for item in page["Items"])


# --- staff ---------------------------------------------------------------------------------------


def test_a_catalog_manager_drafts_a_promotion_and_activates_it(platform, tenant_id, manager):
    # Given the documented example of a single-use-code coupon
    body = example(NewPromotion)
    # When a catalog manager creates it
    made = call("POST", "/v1/promotions", caller=manager, body=body)
    # Then it is a draft, at the place the Location header names
    assert made.status == 201, made.body
    assert made.body["status"] == "draft"
    assert made.headers["Location"] == f"/v1/promotions/{made.body['id']}"
    assert made.body["usage"] == {"redemptions": 0, "discount_given": 0, "budget_left": 3000000, "codes_issued": 0}
    # And when it is activated, it is active and both changes were announced
    active = call("POST", f"{made.headers['Location']}/activate", caller=manager)
    assert (active.status, active.body["status"]) == (200, "active")
    assert active.body["activated_at"] is not None
    assert events_of(platform, tenant_id) == ["promotion.activated", "promotion.created"]


def test_a_shared_code_belongs_to_one_promotion_whatever_its_case(manager):
    assert call("POST", "/v1/promotions", caller=manager, body=coupon_body("Harbour15")).status == 201
    again = call("POST", "/v1/promotions", caller=manager, body=coupon_body("HARBOUR15"))
    assert again.status == 409
    assert again.body["type"] == "/errors/coupon-code-taken"
    assert again.problem_fields == ["code"]


def test_bad_promotions_name_the_fields_at_fault(manager):
    # A code without method `code`, tiers going down, and an end before the start
    body = campaign_body(code="NOPE1", ends_at=iso(NOW - timedelta(days=2)))
    body["offer"]["tiers"].reverse()
    answer = call("POST", "/v1/promotions", caller=manager, body=body)
    assert answer.status == 422
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert "offer" in answer.problem_fields


def test_members_and_finance_cannot_run_promotions(tenant_id, member):
    finance = staff(tenant_id, "finance")
    assert call("POST", "/v1/promotions", caller=member, body=campaign_body()).status == 403
    assert call("POST", "/v1/promotions", caller=finance, body=campaign_body()).status == 403
    assert call("GET", "/v1/promotions", caller=member).status == 403
    assert call("GET", "/v1/promotions", caller=finance).status == 200


def test_promotions_list_newest_first_and_by_status(manager):
    first = running(manager, campaign_body(name="first"))
    second = call("POST", "/v1/promotions", caller=manager, body=campaign_body(name="second")).body
    everything = call("GET", "/v1/promotions?limit=1", caller=manager)
    rest = call("GET", f"/v1/promotions?limit=1&cursor={everything.body['next_cursor']}", caller=manager)
    assert [p["id"] for p in everything.body["items"] + rest.body["items"]] == [second["id"], first["id"]]
    drafts = call("GET", "/v1/promotions?status=draft", caller=manager)
    assert [p["id"] for p in drafts.body["items"]] == [second["id"]]


def test_what_members_were_promised_is_fixed_once_active_but_limits_can_move(manager):
    # Given an active campaign
    promotion = running(manager, campaign_body(usage_limit=100))
    path = f"/v1/promotions/{promotion['id']}"
    # When its offer is changed
    offer = call("PATCH", path, caller=manager, body={"offer": {"kind": "amount_off", "amount_off": 100}})
    # Then it is refused on that field
    assert offer.status == 409
    assert offer.problem_fields == ["offer"]
    # But its limits, end and name can change
    moved = call("PATCH", path, caller=manager, body={"usage_limit": 500, "budget": 100000, "name": "Spring, longer"})
    assert moved.status == 200, moved.body
    assert (moved.body["usage_limit"], moved.body["budget"], moved.body["name"]) == (500, 100000, "Spring, longer")
    assert moved.body["usage"]["budget_left"] == 100000


def test_a_draft_changes_freely_and_its_code_moves_with_it(manager):
    draft = call("POST", "/v1/promotions", caller=manager, body=coupon_body("OLDCODE1")).body
    moved = call("PATCH", f"/v1/promotions/{draft['id']}", caller=manager, body={"code": "newcode1"})
    assert (moved.status, moved.body["code"]) == (200, "NEWCODE1")
    # The old code is free again, the new one is taken
    assert call("POST", "/v1/promotions", caller=manager, body=coupon_body("OLDCODE1")).status == 201
    assert call("POST", "/v1/promotions", caller=manager, body=coupon_body("NEWCODE1")).status == 409


def test_a_promotion_pauses_resumes_and_ends_for_good(platform, tenant_id, manager):
    promotion = running(manager, campaign_body())
    path = f"/v1/promotions/{promotion['id']}"
    assert call("POST", f"{path}/pause", caller=manager).body["status"] == "paused"
    assert call("POST", f"{path}/pause", caller=manager).status == 409
    assert call("POST", f"{path}/activate", caller=manager).body["status"] == "active"
    ended = call("POST", f"{path}/end", caller=manager)
    assert (ended.status, ended.body["status"]) == (200, "ended")
    assert call("POST", f"{path}/activate", caller=manager).status == 409
    assert call("PATCH", path, caller=manager, body={"name": "again"}).status == 409
    assert "promotion.ended" in events_of(platform, tenant_id)


def test_an_unknown_promotion_is_not_found(manager):
    for path in (f"/v1/promotions/{new_id()}", "/v1/promotions/not-an-id", "/v1/promotions/a%23b"):
        answer = call("GET", path, caller=manager)
        assert (answer.status, answer.body["type"]) == (404, "/errors/promotion-not-found")


# --- single-use codes ----------------------------------------------------------------------------


def test_single_use_codes_are_issued_in_batches_as_json_or_csv(platform, tenant_id, manager):
    # Given a single-use-code coupon
    promotion = call("POST", "/v1/promotions", caller=manager, body=example(NewPromotion)).body
    path = f"/v1/promotions/{promotion['id']}/codes"
    # When 20 codes are issued, then 5 more as CSV
    batch = call("POST", path, caller=manager, body={"count": 20, "prefix": "new"}, headers={"Idempotency-Key": "b-1"})
    csv = call("POST", path, caller=manager, body={"count": 5}, headers={"Accept": "text/csv"})
    # Then the first batch lists 20 distinct codes with the prefix, the second is a CSV of 5
    assert batch.status == 201, batch.body
    assert len(set(batch.body["codes"])) == 20
    assert all(code.startswith("NEW-") for code in batch.body["codes"])
    assert csv.status == 201
    assert csv.headers["Content-Type"] == "text/csv"
    assert csv.body.splitlines()[0] == "code"
    assert len(csv.body.splitlines()) == 6
    # And a retry of the first batch returns the same codes, issuing none
    retry = call("POST", path, caller=manager, body={"count": 20, "prefix": "new"}, headers={"Idempotency-Key": "b-1"})
    assert retry.body == batch.body
    listed = call("GET", f"{path}?limit=100", caller=manager).body["items"]
    assert len(listed) == 25
    assert not any(c["used_by_order"] for c in listed)
    assert call("GET", f"/v1/promotions/{promotion['id']}", caller=manager).body["usage"]["codes_issued"] == 25
    assert events_of(platform, tenant_id).count("coupon_codes.issued") == 2


def test_codes_are_issued_only_to_single_use_code_promotions(manager):
    promotion = call("POST", "/v1/promotions", caller=manager, body=coupon_body("SHARED9")).body
    answer = call("POST", f"/v1/promotions/{promotion['id']}/codes", caller=manager, body={"count": 3})
    assert (answer.status, answer.body["type"]) == (409, "/errors/promotion-state")
    too_many = call("POST", f"/v1/promotions/{promotion['id']}/codes", caller=manager, body={"count": 99})
    assert (too_many.status, too_many.problem_fields) == (422, ["count"])


# --- members -------------------------------------------------------------------------------------


def test_a_member_sees_the_campaigns_running_now(manager, member):
    # Given a running campaign, a paused one, one not started and a coupon
    live = running(manager, campaign_body(name="live", per_member_limit=2))
    paused = running(manager, campaign_body(name="paused"))
    call("POST", f"/v1/promotions/{paused['id']}/pause", caller=manager)
    running(manager, campaign_body(name="later", starts_at=iso(NOW + timedelta(days=1))))
    running(manager, coupon_body("MEMBERS5"))
    # When a member asks what is available
    answer = call("GET", "/v1/promotions/available", caller=member)
    # Then only the running campaign is listed, with the uses left to them
    assert answer.status == 200
    assert [(p["id"], p["uses_left_for_you"]) for p in answer.body["items"]] == [(live["id"], 2)]


def test_a_quote_applies_the_campaign_and_a_combinable_coupon(manager, member):
    # Given spend ¥200 take ¥20 (combinable) and a combinable ¥15 coupon
    campaign = running(manager, campaign_body())
    coupon = running(manager, coupon_body("SPRING15"))
    # When a member previews an order of ¥150 + ¥100 with the coupon
    answer = call("POST", "/v1/promotions/quote", caller=member, body=quote_body(15000, 10000, coupon="spring15"))
    # Then ¥20 and then ¥15 come off, spread over the lines
    assert answer.status == 200, answer.body
    quote = answer.body
    assert [(a["promotion_id"], a["discount"]["amount"]) for a in quote["applied"]] == [
        (campaign["id"], 2000),
        (coupon["id"], 1500),
    ]
    assert (quote["subtotal"]["amount"], quote["discount"]["amount"], quote["total"]["amount"]) == (25000, 3500, 21500)
    assert [line["discount"]["amount"] for line in quote["lines"]] == [2100, 1400]
    assert quote["coupon_code"] == "SPRING15"
    assert quote["coupon_applied"]


def test_the_documented_quote_example_is_answered(member):
    answer = call("POST", "/v1/promotions/quote", caller=member, body=example(QuoteRequest))
    assert answer.status == 422  # no coupon SPRING20 at a new tenant
    assert answer.problem_fields == ["coupon_code"]


@pytest.mark.parametrize(
    "case",
    [
        ({}, (1000,), {"coupon": "NOSUCHCODE"}, "unknown"),
        ({"starts_at": iso(NOW + timedelta(days=1))}, (5000,), {}, "not_started"),
        ({"starts_at": iso(NOW - timedelta(days=3)), "ends_at": iso(NOW - timedelta(days=1))}, (5000,), {}, "expired"),
        ({"min_spend": 20000}, (5000, 5000), {}, "min_spend_not_met"),
        ({"first_order_only": True}, (5000,), {}, "first_order_only"),
        (
            {"offer": {"kind": "amount_off", "amount_off": 500, "scope": "products", "product_ids": ["bp-a1"]}},
            (5000,),
            {},
            "not_for_these_products",
        ),
        ({"currency": "GBP"}, (5000,), {}, "currency"),
    ],
)
def test_a_coupon_that_does_not_apply_is_refused_on_coupon_code(manager, member, case):
    terms, amounts, extra, why = case
    # Given a coupon with these terms, running (or ended, if its window has passed)
    code = f"C{new_id()[-8:]}"
    made = call("POST", "/v1/promotions", caller=manager, body=coupon_body(code, **terms))
    assert made.status == 201, made.body
    if why != "expired":
        call("POST", f"/v1/promotions/{made.body['id']}/activate", caller=manager)
    else:
        call("POST", f"/v1/promotions/{made.body['id']}/end", caller=manager)
    # When a member quotes with it
    answer = call("POST", "/v1/promotions/quote", caller=member, body=quote_body(*amounts, **{"coupon": code, **extra}))
    # Then it is a 422 naming coupon_code and saying why
    assert answer.status == 422, answer.body
    assert answer.body["type"] == "/errors/coupon-not-applicable"
    assert [(e["field"], e["code"]) for e in answer.body["errors"]] == [("coupon_code", why)]


def test_a_paused_coupon_is_not_running(manager, member):
    coupon = running(manager, coupon_body("PAUSED12"))
    call("POST", f"/v1/promotions/{coupon['id']}/pause", caller=manager)
    answer = call("POST", "/v1/promotions/quote", caller=member, body=quote_body(5000, coupon="PAUSED12"))
    assert [(e["field"], e["code"]) for e in answer.body["errors"]] == [("coupon_code", "inactive")]


def test_lines_in_two_currencies_are_refused(member):
    body = quote_body(1000, 2000)
    body["lines"][1]["amount"]["currency"] = "GBP"
    answer = call("POST", "/v1/promotions/quote", caller=member, body=body)
    assert (answer.status, answer.problem_fields) == (422, ["lines[1].amount.currency"])


def test_every_route_is_in_the_api_document_with_the_combination_rule():
    from functions.platform import docs  # noqa: PLC0415 - the merged document of every context

    document = json.loads(docs.document())
    quote = document["paths"]["/v1/promotions/quote"]["post"]
    assert "combine only when both are marked `combinable`" in quote["description"]
    assert "promotions:use" in quote["description"]


def test_the_sample_events_of_the_function_are_answered():
    # Given the samples in events/PromotionsApi (what API Gateway sends, with the authorizer's claims)
    samples = Path(__file__).resolve().parents[3] / "events" / "PromotionsApi"
    fn = wiring.function("PromotionsApi")

    def run(name: str) -> dict[str, Any]:
        answer: dict[str, Any] = invoke(fn.handler, json.loads((samples / name).read_text()), function_name=fn.name)
        return answer

    # Then a catalog manager's campaign is created, and a member's quote and list are answered
    assert run("create-campaign.json")["statusCode"] == 201
    assert run("quote.json")["statusCode"] == 200
    assert run("available.json")["statusCode"] == 200
