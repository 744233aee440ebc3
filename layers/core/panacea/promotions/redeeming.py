"""Redeeming promotions in an order's transaction, and giving them back.

Promotions hands orders the writes (`redemption_of`, `release_of`), built from what promotions
owns (its `Quote`, and the `Redemption` orders keeps on the order), and orders adds them to the
unit of work that places, cancels, expires or refunds the order: a coupon's limits hold under
concurrency because each is a condition of that transaction. Nothing here reads.
"""

from __future__ import annotations

from datetime import datetime

from panacea.platform import clock
from panacea.platform.errors import Conflict, FieldError
from panacea.platform.transaction import UnitOfWork
from panacea.promotions.dal import CouponCodeItem, MemberUsageItem, PromotionItem, RedemptionItem, code_pk, promotion_pk
from panacea.promotions.models import (
    PromotionMethod,
    PromotionRedeemed,
    PromotionReleased,
    PromotionStatus,
    ReleaseReason,
)
from panacea.promotions.quotes import (
    AppliedPromotion,
    Quote,
    RedeemedPromotion,
    Redemption,
)

# --- errors the order's transaction raises when a condition fails -----------------------------------


class RedemptionRefused(Conflict):
    """A promotion the quote applied can no longer be redeemed for this order: quote again."""

    slug, title = "promotion-not-redeemable", "Promotion not redeemable"


class PromotionUsedUp(RedemptionRefused):
    slug, title = "promotion-used-up", "Promotion used up"


class MemberLimitReached(RedemptionRefused):
    slug, title = "promotion-member-limit", "Promotion already used by this member"


class CodeAlreadyUsed(RedemptionRefused):
    slug, title = "coupon-code-used", "Coupon code already used"


class AlreadyRedeemed(RedemptionRefused):
    slug, title = "promotion-already-redeemed", "Promotion already redeemed for this order"


class NotRedeemed(Conflict):
    slug, title = "promotion-not-redeemed", "Promotion not redeemed for this order"


def _field(code: str | None) -> str:
    """Where a refusal points: the coupon code the member entered, or the order's promotions."""
    return "coupon_code" if code else "promotions"


# --- redeeming and releasing: writes added to the order's unit of work ------------------------


def _same_tenant(uow: UnitOfWork, tenant_id: str) -> None:
    if uow.tenant_id != tenant_id:
        raise ValueError(f"a unit of work of tenant {uow.tenant_id} cannot redeem for tenant {tenant_id}")


def redeem(uow: UnitOfWork, tenant_id: str, quote: Quote, member_id: str, order_id: str) -> Redemption:
    """Add to the order's unit of work what redeeming the quote's promotions takes.

    For each promotion the quote applied (at most two, so at most ten writes):
    - its counters: one more redemption and its discount given, on condition that it is still
      active and inside its window, under its usage limit (`redemptions < usage_limit`), and
      with the discount inside its budget (`budget_left >= discount`)  → PromotionUsedUp;
    - the member's counter, if the member has a limit: `uses < limit`  → MemberLimitReached;
    - a single-use code flips from unused to used by this order  → CodeAlreadyUsed;
    - the ledger entry of the order's redemption (`attribute_not_exists`)  → AlreadyRedeemed;
    - a `promotion.redeemed` event.
    Each error is a 409 naming `coupon_code` (or `promotions`, for a campaign). Nothing is read.
    """
    _same_tenant(uow, tenant_id)
    at = clock.now()
    taken = [_redeem_one(uow, tenant_id, quote, applied, member_id, order_id, at=at) for applied in quote.applied]
    return Redemption(order_id=order_id, member_id=member_id, redeemed_at=at, promotions=taken)


def _redeem_one(  # noqa: PLR0917 - one promotion of the order's redemption
    uow: UnitOfWork,
    tenant_id: str,
    quote: Quote,
    applied: AppliedPromotion,
    member_id: str,
    order_id: str,
    *,
    at: datetime,
) -> RedeemedPromotion:
    code = applied.code
    what = f"coupon {code}" if code else f"promotion “{applied.name}”"
    where = _field(code)
    _count_redemption(uow, tenant_id, quote, applied, what=what, where=where)
    counted = applied.member_limit is not None
    if counted:
        _count_member_use(uow, tenant_id, applied, member_id, what=what, where=where)
    single_use = applied.method == PromotionMethod.SINGLE_USE_CODES
    if single_use and code:
        _use_code(
            uow, tenant_id, applied, code=code, member_id=member_id, order_id=order_id, at=at, what=what, where=where
        )
    uow.create(
        RedemptionItem(
            *RedemptionItem.key(tenant_id, applied.promotion_id, order_id),
            promotion_id=applied.promotion_id,
            order_id=order_id,
            member_id=member_id,
            discount=applied.discount.amount,
            currency=applied.discount.currency,
            code=code,
            redeemed_at=at,
        ),
        conflict=AlreadyRedeemed(
            f"order {order_id} already redeemed {what}", errors=[FieldError(where, "already_redeemed")]
        ),
    )
    uow.emit(
        PromotionRedeemed(
            promotion_id=applied.promotion_id,
            order_id=order_id,
            member_id=member_id,
            discount=applied.discount,
            code=code,
        )
    )
    return RedeemedPromotion(
        promotion_id=applied.promotion_id,
        code=code,
        single_use=single_use,
        discount=applied.discount,
        counted_for_member=counted,
    )


def _use_code(
    uow: UnitOfWork,
    tenant_id: str,
    applied: AppliedPromotion,
    *,
    code: str,
    member_id: str,
    order_id: str,
    at: datetime,
    what: str,
    where: str,
) -> None:
    """A single-use code flips from unused to used by this order."""
    uow.update(
        CouponCodeItem(code_pk(tenant_id, code), "UNIQUE"),
        [
            CouponCodeItem.used_by_order.set(order_id),
            CouponCodeItem.used_by_member.set(member_id),
            CouponCodeItem.used_at.set(at),
        ],
        condition=(CouponCodeItem.owner == applied.promotion_id) & CouponCodeItem.used_by_order.does_not_exist(),
        conflict=CodeAlreadyUsed(
            f"{what} is a single-use code and another order has just used it",
            errors=[FieldError(where, "code_used")],
        ),
    )


def _count_redemption(
    uow: UnitOfWork, tenant_id: str, quote: Quote, applied: AppliedPromotion, *, what: str, where: str
) -> None:
    """One more redemption and its discount on the promotion's counters, while it runs and has room."""
    discount = applied.discount.amount
    running_now = (
        (PromotionItem.status == PromotionStatus.ACTIVE.value)
        & (PromotionItem.starts_at <= quote.quoted_at)
        & (PromotionItem.ends_at.does_not_exist() | (PromotionItem.ends_at > quote.quoted_at))
    )
    within_limits = (
        PromotionItem.usage_limit.does_not_exist() | (PromotionItem.redemptions < PromotionItem.usage_limit)
    ) & (PromotionItem.budget.does_not_exist() | (PromotionItem.budget_left >= discount))
    uow.update(
        PromotionItem(promotion_pk(tenant_id, applied.promotion_id), "PROMOTION"),
        [
            PromotionItem.redemptions.add(1),
            PromotionItem.discount_given.add(discount),
            PromotionItem.budget_left.add(-discount),
        ],
        condition=running_now & within_limits,
        conflict=PromotionUsedUp(
            f"{what} was used up, spent its budget or stopped while this order was placed; quote again",
            errors=[FieldError(where, "used_up")],
        ),
    )


def _count_member_use(
    uow: UnitOfWork, tenant_id: str, applied: AppliedPromotion, member_id: str, *, what: str, where: str
) -> None:
    """One more use on the member's counter, under the member's limit."""
    uow.update(
        MemberUsageItem(*MemberUsageItem.key(tenant_id, applied.promotion_id, member_id)),
        [
            MemberUsageItem.uses.add(1),
            MemberUsageItem.type.set(MemberUsageItem),
            MemberUsageItem.promotion_id.set(applied.promotion_id),
            MemberUsageItem.member_id.set(member_id),
        ],
        condition=MemberUsageItem.pk.does_not_exist() | (MemberUsageItem.uses < applied.member_limit),
        conflict=MemberLimitReached(
            f"you have already used {what} as many times as you may ({applied.member_limit})",
            errors=[FieldError(where, "member_limit_reached")],
        ),
    )


def release(uow: UnitOfWork, tenant_id: str, redemption: Redemption, *, reason: ReleaseReason) -> None:
    """Add to the order's unit of work what gives its promotions back (a cancelled, expired or
    refunded order): the redemption and its discount return to the promotion's usage and budget,
    the member's count goes down, and a single-use code can be used again. The ledger entry is
    deleted on condition that it exists, so a redemption is given back once  → NotRedeemed.
    """
    _same_tenant(uow, tenant_id)
    order_id, member_id = redemption.order_id, redemption.member_id
    for taken in redemption.promotions:
        discount = taken.discount.amount
        uow.delete(
            RedemptionItem(*RedemptionItem.key(tenant_id, taken.promotion_id, order_id)),
            condition=RedemptionItem.pk.exists(),
            conflict=NotRedeemed(f"order {order_id} holds no redemption of promotion {taken.promotion_id}"),
        )
        uow.update(
            PromotionItem(promotion_pk(tenant_id, taken.promotion_id), "PROMOTION"),
            [
                PromotionItem.redemptions.add(-1),
                PromotionItem.discount_given.add(-discount),
                PromotionItem.budget_left.add(discount),
            ],
            condition=PromotionItem.redemptions >= 1,
            conflict=NotRedeemed(f"promotion {taken.promotion_id} has no redemption to give back"),
        )
        if taken.counted_for_member:
            uow.update(
                MemberUsageItem(*MemberUsageItem.key(tenant_id, taken.promotion_id, member_id)),
                [MemberUsageItem.uses.add(-1)],
                condition=MemberUsageItem.uses >= 1,
                conflict=NotRedeemed(f"member {member_id} has no use of promotion {taken.promotion_id} to give back"),
            )
        if taken.single_use and taken.code:
            uow.update(
                CouponCodeItem(code_pk(tenant_id, taken.code), "UNIQUE"),
                [
                    CouponCodeItem.used_by_order.remove(),
                    CouponCodeItem.used_by_member.remove(),
                    CouponCodeItem.used_at.remove(),
                ],
                condition=CouponCodeItem.used_by_order == order_id,
                conflict=NotRedeemed(f"code {taken.code} is not held by order {order_id}"),
            )
        uow.emit(
            PromotionReleased(
                promotion_id=taken.promotion_id,
                order_id=order_id,
                member_id=member_id,
                discount=taken.discount,
                code=taken.code,
                reason=reason,
            )
        )


# --- what orders is handed -----------------------------------------------------------------------


def redemption_of(tenant_id: str, quote: Quote, member_id: str, order_id: str) -> tuple[UnitOfWork, Redemption]:
    """The writes that redeem the quote's promotions for an order (for the transaction that places
    it), and the redemption the order keeps (to give back with `release_of`)."""
    part = UnitOfWork(tenant_id)
    return part, redeem(part, tenant_id, quote, member_id, order_id)


def release_of(tenant_id: str, redemption: Redemption, *, reason: ReleaseReason) -> UnitOfWork:
    """The writes that give an order's promotions back (cancelled, expired or refunded)."""
    part = UnitOfWork(tenant_id)
    release(part, tenant_id, redemption, reason=reason)
    return part
