"""What promotions take off an order: members see what is running and preview it, and the orders
context prices an order with `quote` (its face), then redeems it in the order's own transaction
with the writes redeeming.py hands it. The combination rule is in logic.py's docstring."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import FieldError, Unprocessable
from panacea.platform.money import Money
from panacea.promotions import dal, pricing
from panacea.promotions.access import Action
from panacea.promotions.logic import (
    CouponNotApplicable,
)
from panacea.promotions.models import (
    AvailablePromotion,
    AvailablePromotions,
    PromotionMethod,
)
from panacea.promotions.quotes import (
    AppliedPromotion,
    LinePrice,
    Quote,
    QuoteLine,
    QuoteRequest,
)

# --- members ---------------------------------------------------------------------------------


def available(actor: Actor) -> AvailablePromotions:
    """The automatic campaigns running now that the caller can still use: two requests."""
    authorize(actor, Action.USE_PROMOTIONS)
    tenant_id, at = actor.tenant, clock.now()
    automatic = PromotionMethod.AUTOMATIC
    running = [p for p in dal.running(tenant_id, at) if p.current_method == automatic and p.starts_at <= at]
    limited = [p.promotion_id for p in running if _member_limit(p) is not None]
    _, uses = dal.code_and_uses(tenant_id, actor.user_id, None, limited) if limited else (None, {})
    items = []
    for p in running:
        candidate = _candidate(p, uses)
        if candidate.uses_left == 0 or (candidate.budget_left is not None and candidate.budget_left <= 0):
            continue
        limit = candidate.member_limit
        left = None if limit is None else limit - candidate.member_uses
        if left is not None and left <= 0:
            continue
        items.append(
            AvailablePromotion(
                id=p.promotion_id,
                name=p.name,
                description=p.description,
                currency=p.currency,
                offer=p.terms,
                min_spend=int(p.min_spend),
                starts_at=p.starts_at,
                ends_at=p.ends_at,
                first_order_only=p.first_order_only,
                combinable=p.combinable,
                uses_left_for_you=left,
            )
        )
    return AvailablePromotions(items=items)


def preview(actor: Actor, request: QuoteRequest) -> Quote:
    """What the running promotions take off these lines for the caller (nothing is redeemed)."""
    authorize(actor, Action.USE_PROMOTIONS)
    return quote(
        actor.tenant,
        actor.user_id,
        request.lines,
        request.coupon_code,
        first_order=request.first_order,
        at=clock.now(),
    )


# --- quoting: the orders context's entry ---------------------------------------------------------


def quote(
    tenant_id: str,
    member_id: str,
    lines: list[QuoteLine],
    coupon_code: str | None,
    *,
    first_order: bool,
    at: datetime,
) -> Quote:
    """Price `lines` for `member_id` at `at`: the running campaigns and the coupon, combined by
    the rule in this module's docstring. Reads only: one Query for the running promotions and
    one TransactGetItems for the coupon's code and the member's uses (none if neither is needed;
    one more only to explain why a known code's promotion is not running).

    Raises CouponNotApplicable (422 on `coupon_code`) if the coupon does not apply, and
    Unprocessable (422 on `lines`) if the lines are empty, repeat a line_ref or mix currencies.
    """
    currency = _currency_of(lines)
    code = coupon_code.strip().upper() if coupon_code and coupon_code.strip() else None
    running = dal.running(tenant_id, at)
    by_id = {p.promotion_id: p for p in running}
    known_shape = code is not None and _shaped_like_a_code(code)
    shared = next((p for p in running if code is not None and p.code == code), None)
    wanted = [
        p.promotion_id
        for p in running
        if _member_limit(p) is not None
        and (
            p.current_method == PromotionMethod.AUTOMATIC
            or p is shared
            or (known_shape and shared is None and p.current_method == PromotionMethod.SINGLE_USE_CODES)
        )
    ]
    coupon_item, uses = (
        dal.code_and_uses(tenant_id, member_id, code if known_shape else None, wanted)
        if known_shape or wanted
        else (None, {})
    )
    coupon = (
        _coupon(
            tenant_id,
            code,
            found=coupon_item,
            running=by_id,
            uses=uses,
            lines=lines,
            currency=currency,
            first_order=first_order,
            at=at,
        )
        if code
        else None
    )
    automatic = [_candidate(p, uses) for p in running if p.current_method == PromotionMethod.AUTOMATIC]
    campaigns = [
        c for c in automatic if pricing.refusal(c, lines, currency=currency, first_order=first_order, at=at) is None
    ]
    priced = pricing.best(lines, campaigns, coupon, currency=currency)
    return _quote_of(lines, priced, currency=currency, code=code, at=at)


def _currency_of(lines: Sequence[QuoteLine]) -> str:
    if not lines:
        raise Unprocessable("an order has at least one line", errors=[FieldError("lines", "empty")])
    currency = lines[0].amount.currency
    mixed = [i for i, line in enumerate(lines) if line.amount.currency != currency]
    if mixed:
        raise Unprocessable(
            f"every line of an order is in one currency ({currency})",
            errors=[FieldError(f"lines[{i}].amount.currency", "currency_mismatch") for i in mixed],
        )
    refs = [line.line_ref for line in lines]
    repeated = sorted({ref for ref in refs if refs.count(ref) > 1})
    if repeated:
        raise Unprocessable(
            f"each line has its own line_ref; repeated: {', '.join(repeated)}",
            errors=[FieldError("lines", "repeated_line_ref")],
        )
    return currency


def _shaped_like_a_code(code: str) -> bool:
    return len(code) <= 32 and all(c.isascii() and (c.isalnum() or c == "-") for c in code) and code[0] != "-"


def _member_limit(p: dal.PromotionItem) -> int | None:
    return 1 if p.first_order_only else (None if p.per_member_limit is None else int(p.per_member_limit))


def _candidate(
    p: dal.PromotionItem, uses: dict[str, int], *, code: str | None = None, code_used: bool = False
) -> pricing.Candidate:
    return pricing.Candidate(
        promotion_id=p.promotion_id,
        name=p.name,
        method=p.current_method,
        currency=p.currency,
        offer=p.terms,
        status=p.current_status,
        starts_at=p.starts_at,
        ends_at=p.ends_at,
        min_spend=int(p.min_spend),
        first_order_only=p.first_order_only,
        combinable=p.combinable,
        uses_left=None if p.usage_limit is None else int(p.usage_limit) - int(p.redemptions),
        budget_left=None if p.budget is None else int(p.budget_left),
        per_member_limit=None if p.per_member_limit is None else int(p.per_member_limit),
        member_uses=uses.get(p.promotion_id, 0),
        code=code,
        code_used=code_used,
    )


def _coupon(
    tenant_id: str,
    code: str | None,
    *,
    found: dal.CouponCodeItem | None,
    running: dict[str, dal.PromotionItem],
    uses: dict[str, int],
    lines: Sequence[QuoteLine],
    currency: str,
    first_order: bool,
    at: datetime,
) -> pricing.Candidate:
    """The coupon's promotion as a candidate that applies; CouponNotApplicable saying why not."""

    def refuse(code_: str, message: str) -> CouponNotApplicable:
        return CouponNotApplicable(message, errors=[FieldError("coupon_code", code_, message)])

    if found is None:
        raise refuse("unknown", f"there is no coupon {code}")
    promotion = running.get(found.owner) or dal.promotion(tenant_id, found.owner)  # the latter: to say why not
    if promotion is None:
        raise refuse("unknown", f"there is no coupon {code}")
    candidate = _candidate(promotion, uses, code=code, code_used=found.used)
    why = pricing.refusal(candidate, lines, currency=currency, first_order=first_order, at=at)
    if why is not None:
        raise refuse(why.code, why.message)
    return candidate


def _quote_of(
    lines: Sequence[QuoteLine], priced: pricing.Priced, *, currency: str, code: str | None, at: datetime
) -> Quote:
    def money(amount: int) -> Money:
        return Money(amount=amount, currency=currency)

    subtotal = sum(line.amount.amount for line in lines)
    return Quote(
        currency=currency,
        lines=[
            LinePrice(
                line_ref=line.line_ref,
                product_id=line.product_id,
                amount=line.amount,
                discount=money(off),
                total=money(line.amount.amount - off),
                promotion_ids=[a.candidate.promotion_id for a in priced.applied if a.per_line[i] > 0],
            )
            for i, (line, off) in enumerate(zip(lines, priced.line_discounts, strict=True))
        ],
        applied=[
            AppliedPromotion(
                promotion_id=a.candidate.promotion_id,
                name=a.candidate.name,
                kind=a.candidate.offer.kind,
                method=a.candidate.method,
                code=a.candidate.code,
                discount=money(a.discount),
                member_limit=a.candidate.member_limit,
            )
            for a in priced.applied
        ],
        subtotal=money(subtotal),
        discount=money(priced.discount),
        total=money(subtotal - priced.discount),
        coupon_code=code,
        coupon_applied=priced.coupon_applied,
        notes=list(priced.notes),
        quoted_at=at,
    )
