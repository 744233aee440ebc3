"""Single-use coupon codes: issued in batches by staff, each claimed unique in the tenant, and
listed with whether (and by which order) it was used; a promotion's redemptions."""

from __future__ import annotations

import secrets

from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict
from panacea.platform.ids import new_id
from panacea.platform.table import Page
from panacea.platform.transaction import unit_of_work
from panacea.promotions import dal
from panacea.promotions.access import Action
from panacea.promotions.campaigns import (
    moving_from,
    promotion_of,
)
from panacea.promotions.logic import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CodeCollision,
    PromotionNotInThatState,
)
from panacea.promotions.models import (
    CouponCodesIssued,
    PromotionMethod,
    PromotionStatus,
)
from panacea.promotions.quotes import (
    CodeBatchRequest,
    CouponCodeState,
    IssuedCodes,
    RedemptionRecord,
)

# --- staff: single-use codes -----------------------------------------------------------------


def issue_codes(actor: Actor, promotion_id: str, request: CodeBatchRequest) -> IssuedCodes:
    """Issue a batch of single-use codes (up to 98 in one transaction, with the event)."""
    authorize(actor, Action.MANAGE_PROMOTIONS)
    tenant_id = actor.tenant
    item = promotion_of(tenant_id, promotion_id)
    if item.current_method != PromotionMethod.SINGLE_USE_CODES:
        raise PromotionNotInThatState(
            f"promotion {promotion_id} is a {item.method} promotion; codes are issued to single-use-code promotions"
        )
    moving_from(item, {PromotionStatus.DRAFT, PromotionStatus.ACTIVE, PromotionStatus.PAUSED}, "given codes")
    for _attempt in range(3):
        try:
            return _issue(tenant_id, item, request)
        except CodeCollision:
            continue  # a new code met one that exists (about 1 in 10^13): draw the batch again
    raise Conflict("could not draw codes that are all new; retry")


def new_code(prefix: str | None) -> str:
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{prefix}-{body}" if prefix else body


def _issue(tenant_id: str, item: dal.PromotionItem, request: CodeBatchRequest) -> IssuedCodes:
    batch_id, at = new_id(), clock.now()
    codes = sorted({new_code(request.prefix) for _ in range(request.count)})
    if len(codes) < request.count:
        raise CodeCollision("")
    with unit_of_work(tenant_id) as uow:
        for code in codes:
            uow.create(
                dal.CouponCodeItem.new(tenant_id, item.promotion_id, code, single_use=True, batch_id=batch_id, at=at),
                conflict=CodeCollision(""),
            )
        uow.update(
            dal.item_for_update(tenant_id, item.promotion_id),
            [dal.PromotionItem.codes_issued.add(len(codes))],
            condition=dal.PromotionItem.status != PromotionStatus.ENDED.value,
            conflict=PromotionNotInThatState(f"promotion {item.promotion_id} ended meanwhile"),
        )
        uow.emit(CouponCodesIssued(promotion_id=item.promotion_id, batch_id=batch_id, count=len(codes)))
    return IssuedCodes(promotion_id=item.promotion_id, batch_id=batch_id, codes=codes)


def list_codes(actor: Actor, promotion_id: str, *, cursor: str | None, limit: int) -> Page[CouponCodeState]:
    authorize(actor, Action.READ_PROMOTIONS)
    item = promotion_of(actor.tenant, promotion_id)
    return dal.codes(actor.tenant, item.promotion_id, cursor=cursor, limit=limit)


def list_redemptions(actor: Actor, promotion_id: str, *, cursor: str | None, limit: int) -> Page[RedemptionRecord]:
    authorize(actor, Action.READ_PROMOTIONS)
    item = promotion_of(actor.tenant, promotion_id)
    return dal.redemptions(actor.tenant, item.promotion_id, cursor=cursor, limit=limit)
