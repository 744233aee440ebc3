"""Promotions' HTTP routes: staff run campaigns and coupons and issue single-use codes; members
see the campaigns running and preview what promotions take off an order (orders price again
on the server and redeem in the order's own transaction)."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.platform.access import requires
from panacea.platform.api import (
    IdempotencyKey,
    build_resolver,
    created,
    current_actor,
    header,
    idempotent,
    lambda_entry,
)
from panacea.platform.table import MAX_PAGE, Page
from panacea.promotions import campaigns, codes, quoting
from panacea.promotions.access import Action
from panacea.promotions.models import (
    COMBINATION_RULE,
    AvailablePromotions,
    NewPromotion,
    Promotion,
    PromotionPatch,
    PromotionStatus,
)
from panacea.promotions.quotes import (
    CodeBatchRequest,
    CouponCodeState,
    IssuedCodes,
    Quote,
    QuoteRequest,
    RedemptionRecord,
)

app = build_resolver()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
STAFF, CODES, MEMBERS = "Promotions", "Coupon codes", "Promotions for members"
MANAGE, READ, USE = (requires(a) for a in (Action.MANAGE_PROMOTIONS, Action.READ_PROMOTIONS, Action.USE_PROMOTIONS))


# --- staff ---------------------------------------------------------------------------------------


@app.post(
    "/v1/promotions",
    summary="Create a promotion (a draft): a campaign, a coupon with a shared code, or single-use codes",
    description=f"{MANAGE}\n\n{COMBINATION_RULE}",
    tags=[STAFF],
    status_code=201,
)
def create_promotion(promotion: NewPromotion, idempotency_key: IdempotencyKey = None) -> Response[Promotion]:
    actor = current_actor()
    made = idempotent(
        actor,
        "promotions.create",
        promotion,
        Promotion,
        lambda: campaigns.create_promotion(actor, promotion),
        key=idempotency_key,
    )
    return created(made, f"/v1/promotions/{made.id}")


@app.get("/v1/promotions", summary="List promotions, newest first", description=READ, tags=[STAFF])
def list_promotions(
    status: Annotated[PromotionStatus | None, Query()] = None, cursor: Cursor = None, limit: Limit = 20
) -> Page[Promotion]:
    return campaigns.list_promotions(current_actor(), status=status, cursor=cursor, limit=limit)


@app.get(
    "/v1/promotions/available",
    summary="The automatic campaigns running now that you can still use",
    description=USE,
    tags=[MEMBERS],
)
def available() -> AvailablePromotions:
    return quoting.available(current_actor())


@app.post(
    "/v1/promotions/quote",
    summary="Preview what the running promotions and a coupon take off an order",
    description=f"{USE} Nothing is redeemed: placing the order prices it again on the server.\n\n{COMBINATION_RULE}",
    tags=[MEMBERS],
)
def quote(request: QuoteRequest) -> Quote:
    return quoting.preview(current_actor(), request)


@app.get("/v1/promotions/<promotion_id>", summary="Read a promotion and its usage", description=READ, tags=[STAFF])
def get_promotion(promotion_id: str) -> Promotion:
    return campaigns.get_promotion(current_actor(), promotion_id)


@app.patch(
    "/v1/promotions/<promotion_id>",
    summary="Change a promotion",
    description=f"{MANAGE} What members were promised (offer, min_spend, first_order_only, code, starts_at) "
    "changes only while a draft; limits never go below what is already used.",
    tags=[STAFF],
)
def update_promotion(promotion_id: str, patch: PromotionPatch, idempotency_key: IdempotencyKey = None) -> Promotion:
    actor = current_actor()
    return idempotent(
        actor,
        f"promotions.update.{promotion_id}",
        patch,
        Promotion,
        lambda: campaigns.update_promotion(actor, promotion_id, patch),
        key=idempotency_key,
    )


def _transition(name: str, promotion_id: str, idempotency_key: str | None) -> Promotion:
    actor = current_actor()
    use_case = {"activate": campaigns.activate, "pause": campaigns.pause, "end": campaigns.end}[name]
    return idempotent(
        actor,
        f"promotions.{name}.{promotion_id}",
        None,
        Promotion,
        lambda: use_case(actor, promotion_id),
        key=idempotency_key,
    )


@app.post(
    "/v1/promotions/<promotion_id>/activate",
    summary="Activate a draft or paused promotion",
    description=MANAGE,
    tags=[STAFF],
)
def activate(promotion_id: str, idempotency_key: IdempotencyKey = None) -> Promotion:
    return _transition("activate", promotion_id, idempotency_key)


@app.post("/v1/promotions/<promotion_id>/pause", summary="Pause an active promotion", description=MANAGE, tags=[STAFF])
def pause(promotion_id: str, idempotency_key: IdempotencyKey = None) -> Promotion:
    return _transition("pause", promotion_id, idempotency_key)


@app.post("/v1/promotions/<promotion_id>/end", summary="End a promotion for good", description=MANAGE, tags=[STAFF])
def end(promotion_id: str, idempotency_key: IdempotencyKey = None) -> Promotion:
    return _transition("end", promotion_id, idempotency_key)


@app.get(
    "/v1/promotions/<promotion_id>/redemptions",
    summary="The orders a promotion discounts, newest first",
    description=READ,
    tags=[STAFF],
)
def list_redemptions(promotion_id: str, cursor: Cursor = None, limit: Limit = 20) -> Page[RedemptionRecord]:
    return codes.list_redemptions(current_actor(), promotion_id, cursor=cursor, limit=limit)


# --- single-use codes ------------------------------------------------------------------------------


@app.post(
    "/v1/promotions/<promotion_id>/codes",
    summary="Issue a batch of single-use codes (JSON, or CSV with `Accept: text/csv`)",
    description=f"{MANAGE} Up to 98 codes a batch; call again for more. A retry with the same "
    "Idempotency-Key returns the same batch.",
    tags=[CODES],
    status_code=201,
    responses={
        201: {
            "description": "The batch: JSON, or with `Accept: text/csv` a CSV of its codes (a `code` column)",
            "content": {
                "application/json": {"model": IssuedCodes},
                "text/csv": {
                    "schema": {"type": "string"},
                    "examples": {"batch": {"value": "code\r\nNEW-7KQ4MX9PWD\r\nNEW-C3TR8HVN2F\r\n"}},
                },
            },
        }
    },
)
def issue_codes(promotion_id: str, request: CodeBatchRequest, idempotency_key: IdempotencyKey = None) -> Response[Any]:
    actor = current_actor()
    batch = idempotent(
        actor,
        f"promotions.issue_codes.{promotion_id}",
        request,
        IssuedCodes,
        lambda: codes.issue_codes(actor, promotion_id, request),
        key=idempotency_key,
    )
    location = f"/v1/promotions/{promotion_id}/codes"
    if "text/csv" in (header("Accept") or ""):
        return Response(status_code=201, content_type="text/csv", body=batch.csv(), headers={"Location": location})
    return created(batch, location)


@app.get(
    "/v1/promotions/<promotion_id>/codes",
    summary="A promotion's codes and whether each was used",
    description=READ,
    tags=[CODES],
)
def list_codes(promotion_id: str, cursor: Cursor = None, limit: Limit = 20) -> Page[CouponCodeState]:
    return codes.list_codes(current_actor(), promotion_id, cursor=cursor, limit=limit)


handler: Any = lambda_entry(app)
