"""Promotions' use cases, by family (campaigns.py: staff run promotions; codes.py: single-use
codes; quoting.py: what a promotion takes off an order; redeeming.py: the writes of an order's
transaction), and what they share here (errors, what is promised once a promotion is active).

Staff run campaigns (automatic, no code) and coupons (one shared code,
or batch-issued single-use codes); members see what is running and preview what it takes off
an order; the orders context prices an order with `quote` and redeems it in the order's own
transaction with the writes `redeeming.redemption_of` hands it (and gives it back with
`redeeming.release_of`).

What combines with what (also in the API description, from `models.COMBINATION_RULE`):

- An order takes at most one coupon code and at most one automatic campaign. A campaign and a
  coupon combine only when both are marked `combinable`; otherwise one of them applies. Of the
  allowed combinations the quote applies the one with the largest total discount; ties go to
  the one with the member's coupon, then to fewer promotions, then to the campaign created first.
  A valid coupon that loses is not refused: `coupon_applied` is false and `notes` says why.
- A promotion's minimum spend and spend-and-save tier (the highest reached applies) are
  measured on its scoped lines before any discount. Its discount (an amount, basis points
  rounded down, or the tier's amount) never exceeds what is left of those lines, and is spread
  over them in proportion, rounding down, the remainder on the last scoped line (or the one
  before it, if that line has nothing left). Combined, the campaign applies first and the
  coupon is worked out on what it left, so no line goes below zero.
- A promotion applies when it is active, inside its window, in the lines' currency, its
  minimum spend is met, first orders only if so marked, it has uses and budget left (its
  discount must fit the budget left), the member is under their limit (a first-order
  promotion counts as one use per member) and a single-use code is unused. A coupon that does
  not apply is refused with a 422 naming `coupon_code` and saying why.

The contract with the orders context (promotions' face):

    quote(tenant_id, member_id, lines, coupon_code, *, first_order, at) -> Quote              (reads)
    redemption_of(tenant_id, quote, member_id, order_id) -> (writes, Redemption)              (for its transaction)
    release_of(tenant_id, redemption, *, reason) -> writes                                    (for its transaction)
"""

from __future__ import annotations

from panacea.platform.errors import ConcurrentUpdate, Conflict, NotFound, Unprocessable

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: codes are read aloud and typed


CODE_LENGTH = 10


# What members were promised: fixed once a promotion has been activated.
PROMISED = ("code", "offer", "starts_at", "min_spend", "first_order_only")


REQUIRED = ("name", "offer", "starts_at", "min_spend", "first_order_only", "combinable")


class PromotionNotFound(NotFound):
    slug, title = "promotion-not-found", "Promotion not found"


class PromotionNotInThatState(Conflict):
    slug, title = "promotion-state", "Promotion is not in a state that allows this"


class CodeTaken(Conflict):
    slug, title = "coupon-code-taken", "Coupon code taken"


class LimitBelowUse(Conflict):
    slug, title = "limit-below-use", "Limit below what is already used"


class PromotionChangedMeanwhile(ConcurrentUpdate):
    slug, title = "promotion-changed", "Promotion changed by someone else"


class CouponNotApplicable(Unprocessable):
    """The coupon code does not apply to this order; `errors[0].code` says why: unknown, inactive,
    expired, not_started, currency, first_order_only, not_for_these_products, min_spend_not_met,
    used_up, member_limit_reached, code_used, no_discount."""

    slug, title = "coupon-not-applicable", "Coupon not applicable"


class CodeCollision(Conflict):
    pass


def changed_meanwhile(promotion_id: str) -> PromotionChangedMeanwhile:
    return PromotionChangedMeanwhile(
        f"promotion {promotion_id} was changed or used while this was being done; read it again and retry"
    )
