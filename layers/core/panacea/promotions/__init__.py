"""Promotions: campaigns and coupons, what they take off an order, and the limits they keep.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`).
Orders quotes an order's promotions (`quote`), then adds the writes promotions hands it to the
order's own transaction: `redemption_of` when it is placed, `release_of` when it is cancelled,
expires or is refunded in full."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.promotions.logic import CouponNotApplicable
    from panacea.promotions.models import (
        CouponCodesIssued,
        PromotionActivated,
        PromotionChanged,
        PromotionCreated,
        PromotionEnded,
        PromotionPaused,
        PromotionRedeemed,
        PromotionReleased,
        ReleaseReason,
    )
    from panacea.promotions.quotes import (
        AppliedPromotion,
        Quote,
        QuoteLine,
        Redemption,
    )
    from panacea.promotions.quoting import quote
    from panacea.promotions.redeeming import RedemptionRefused, redemption_of, release_of

__all__ = [
    "AppliedPromotion",
    "CouponCodesIssued",
    "CouponNotApplicable",
    "PromotionActivated",
    "PromotionChanged",
    "PromotionCreated",
    "PromotionEnded",
    "PromotionPaused",
    "PromotionRedeemed",
    "PromotionReleased",
    "Quote",
    "QuoteLine",
    "Redemption",
    "RedemptionRefused",
    "ReleaseReason",
    "quote",
    "redemption_of",
    "release_of",
]
__getattr__ = face(
    __name__,
    {
        "quote": "panacea.promotions.quoting",
        "CouponNotApplicable": "panacea.promotions.logic",
        "redemption_of": "panacea.promotions.redeeming",
        "release_of": "panacea.promotions.redeeming",
        "RedemptionRefused": "panacea.promotions.redeeming",
        "AppliedPromotion": "panacea.promotions.quotes",
        "CouponCodesIssued": "panacea.promotions.models",
        "PromotionActivated": "panacea.promotions.models",
        "PromotionChanged": "panacea.promotions.models",
        "PromotionCreated": "panacea.promotions.models",
        "PromotionEnded": "panacea.promotions.models",
        "PromotionPaused": "panacea.promotions.models",
        "PromotionRedeemed": "panacea.promotions.models",
        "PromotionReleased": "panacea.promotions.models",
        "Quote": "panacea.promotions.quotes",
        "QuoteLine": "panacea.promotions.quotes",
        "Redemption": "panacea.promotions.quotes",
        "ReleaseReason": "panacea.promotions.models",
    },
)
