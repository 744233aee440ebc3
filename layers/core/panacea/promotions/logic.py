"""Promotions' use cases: staff run campaigns (automatic, no code) and coupons (one shared code,
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

import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from panacea.platform import clock
from panacea.platform.access import Action, Actor, authorize
from panacea.platform.errors import ConcurrentUpdate, Conflict, FieldError, NotFound, Unprocessable
from panacea.platform.ids import is_id, new_id
from panacea.platform.money import Money
from panacea.platform.table import Page
from panacea.platform.transaction import unit_of_work
from panacea.promotions import dal, pricing
from panacea.promotions.models import (
    AppliedPromotion,
    AvailablePromotion,
    AvailablePromotions,
    CodeBatchRequest,
    CouponCodesIssued,
    CouponCodeState,
    IssuedCodes,
    LinePrice,
    Method,
    NewPromotion,
    Promotion,
    PromotionActivated,
    PromotionChanged,
    PromotionCreated,
    PromotionEnded,
    PromotionPatch,
    PromotionPaused,
    PromotionStatus,
    Quote,
    QuoteLine,
    QuoteRequest,
    RedemptionRecord,
)

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


class _CodeCollision(Conflict):
    pass


def _changed_meanwhile(promotion_id: str) -> PromotionChangedMeanwhile:
    return PromotionChangedMeanwhile(
        f"promotion {promotion_id} was changed or used while this was being done; read it again and retry"
    )


# --- staff: running promotions ---------------------------------------------------------------


def create_promotion(actor: Actor, draft: NewPromotion) -> Promotion:
    """A new promotion, as a draft; a shared code is claimed for it in the same transaction."""
    authorize(actor, Action.MANAGE_PROMOTIONS)
    tenant_id, promotion_id, at = actor.tenant, new_id(), clock.now()
    item = dal.PromotionItem.new(tenant_id, promotion_id, draft, at=at)
    with unit_of_work(tenant_id) as uow:
        uow.create(item, conflict=Conflict(f"promotion {promotion_id} exists"))
        if draft.code:
            uow.create(
                dal.CouponCodeItem.new(tenant_id, promotion_id, draft.code, single_use=False, batch_id=None, at=at),
                conflict=_taken(draft.code),
            )
        uow.emit(
            PromotionCreated(
                promotion_id=promotion_id,
                name=draft.name,
                method=draft.method,
                kind=draft.offer.kind,
                currency=draft.currency,
            )
        )
    return item.view()


def _taken(code: str) -> CodeTaken:
    return CodeTaken(f"another promotion uses the code {code}", errors=[FieldError("code", "taken")])


def list_promotions(actor: Actor, *, status: PromotionStatus | None, cursor: str | None, limit: int) -> Page[Promotion]:
    authorize(actor, Action.READ_PROMOTIONS)
    return dal.promotions(actor.tenant, status=status, cursor=cursor, limit=limit)


def get_promotion(actor: Actor, promotion_id: str) -> Promotion:
    authorize(actor, Action.READ_PROMOTIONS)
    return _promotion(actor.tenant, promotion_id).view()


def _promotion(tenant_id: str, promotion_id: str) -> dal.PromotionItem:
    item = dal.promotion(tenant_id, promotion_id) if is_id(promotion_id) else None
    if item is None:
        raise PromotionNotFound(f"no promotion {promotion_id}")
    return item


def update_promotion(actor: Actor, promotion_id: str, patch: PromotionPatch) -> Promotion:
    """Change a promotion. Promised terms only while a draft; limits never below what is used."""
    authorize(actor, Action.MANAGE_PROMOTIONS)
    tenant_id = actor.tenant
    item = _promotion(tenant_id, promotion_id)
    status = item.current_status
    if status == PromotionStatus.ENDED:
        raise PromotionNotInThatState(f"promotion {promotion_id} has ended; it changes no more")
    sent = patch.model_dump(mode="json", exclude_unset=True)
    fixed = [name for name in PROMISED if name in sent] if status != PromotionStatus.DRAFT else []
    if fixed:
        raise PromotionNotInThatState(
            f"promotion {promotion_id} is {status}: what members were promised ({', '.join(fixed)}) is fixed",
            errors=[FieldError(name, "fixed_once_activated") for name in fixed],
        )
    cleared = [name for name in REQUIRED if name in sent and sent[name] is None]
    if cleared:
        raise Unprocessable(
            f"{', '.join(cleared)} cannot be cleared", errors=[FieldError(name, "required") for name in cleared]
        )
    before = item.view().model_dump(mode="json")
    after = _validated({**before, **sent})
    _fits_what_is_used(item, after)
    now = after.model_dump(mode="json")
    changed = [name for name in sent if before[name] != now[name]]
    if not changed:
        return item.view()
    at = clock.now()
    actions, condition = _edit(item, after, changed, at=at)
    with unit_of_work(tenant_id) as uow:
        if "code" in changed:
            if item.code:
                uow.delete(
                    dal.CouponCodeItem.new(tenant_id, promotion_id, item.code, single_use=False, batch_id=None, at=at),
                    condition=dal.CouponCodeItem.owner == promotion_id,
                    conflict=_changed_meanwhile(promotion_id),
                )
            if after.code:
                uow.create(
                    dal.CouponCodeItem.new(tenant_id, promotion_id, after.code, single_use=False, batch_id=None, at=at),
                    conflict=_taken(after.code),
                )
        uow.update(item, actions, condition=condition, conflict=_changed_meanwhile(promotion_id))
        uow.emit(PromotionChanged(promotion_id=promotion_id, changed=sorted(changed)))
    _apply_in_memory(item, after, changed, at=at)
    return item.view()


def _validated(merged: dict[str, Any]) -> NewPromotion:
    fields = {name: merged.get(name) for name in NewPromotion.model_fields}
    try:
        return NewPromotion.model_validate(fields)
    except ValidationError as exc:
        raise Unprocessable(
            "the promotion would not hold together",
            errors=[
                FieldError(".".join(str(p) for p in e["loc"]) or "body", e["type"], e["msg"]) for e in exc.errors()
            ],
        ) from None


def _fits_what_is_used(item: dal.PromotionItem, after: NewPromotion) -> None:
    if after.usage_limit is not None and after.usage_limit < item.redemptions:
        raise LimitBelowUse(
            f"usage_limit {after.usage_limit} is below the {int(item.redemptions)} orders it already discounts",
            errors=[FieldError("usage_limit", "below_use")],
        )
    if after.budget is not None and after.budget < item.discount_given:
        raise LimitBelowUse(
            f"budget {after.budget} is below the {int(item.discount_given)} it has already given",
            errors=[FieldError("budget", "below_use")],
        )


def _edit(item: dal.PromotionItem, after: NewPromotion, changed: list[str], *, at: datetime) -> tuple[list[Any], Any]:
    """The update expressions of an edit, and its condition: the version read, and limits that
    still cover what concurrent orders have used since."""
    P = dal.PromotionItem
    attributes: dict[str, Any] = {
        "name": P.name,
        "description": P.description,
        "code": P.code,
        "starts_at": P.starts_at,
        "ends_at": P.ends_at,
        "min_spend": P.min_spend,
        "budget": P.budget,
        "usage_limit": P.usage_limit,
        "per_member_limit": P.per_member_limit,
        "first_order_only": P.first_order_only,
        "combinable": P.combinable,
    }
    actions: list[Any] = []
    for name in changed:
        if name == "offer":
            actions.append(P.offer.set(after.offer.model_dump(mode="json")))
            continue
        value = getattr(after, name)
        actions.append(attributes[name].remove() if value is None else attributes[name].set(value))
    condition = item.unchanged()
    if "budget" in changed:
        delta = (after.budget or 0) - int(item.budget or 0)
        actions.append(P.budget_left.add(delta))  # keeps budget_left = budget - discount_given
        if after.budget is not None:
            condition &= P.discount_given <= after.budget
    if "usage_limit" in changed and after.usage_limit is not None:
        condition &= P.redemptions <= after.usage_limit
    actions += [P.updated_at.set(at), P.version.add(1)]
    return actions, condition


def _apply_in_memory(item: dal.PromotionItem, after: NewPromotion, changed: list[str], *, at: datetime) -> None:
    for name in changed:
        if name == "offer":
            item.offer = after.offer.model_dump(mode="json")
        else:
            setattr(item, name, getattr(after, name))
    if "budget" in changed:
        item.budget_left = (after.budget or 0) - int(item.discount_given)
    item.updated_at, item.version = at, item.version + 1


def activate(actor: Actor, promotion_id: str) -> Promotion:
    """Let members use a draft or paused promotion (inside its window)."""
    authorize(actor, Action.MANAGE_PROMOTIONS)
    item = _promotion(actor.tenant, promotion_id)
    _from(item, {PromotionStatus.DRAFT, PromotionStatus.PAUSED}, "activated")
    at = clock.now()
    if item.ends_at is not None and item.ends_at <= at:
        raise PromotionNotInThatState(
            f"promotion {promotion_id} ended at {item.ends_at.isoformat()}; move ends_at first",
            errors=[FieldError("ends_at", "passed")],
        )
    condition = item.unchanged()
    actions = item.status_actions(actor.tenant, PromotionStatus.ACTIVE, at=at)
    with unit_of_work(actor.tenant) as uow:
        uow.update(item, actions, condition=condition, conflict=_changed_meanwhile(promotion_id))
        uow.emit(
            PromotionActivated(
                promotion_id=promotion_id,
                name=item.name,
                method=item.current_method,
                kind=item.terms.kind,
                starts_at=item.starts_at,
                ends_at=item.ends_at,
            )
        )
    return item.view()


def pause(actor: Actor, promotion_id: str) -> Promotion:
    """Stop new orders from taking an active promotion, until it is activated again."""
    authorize(actor, Action.MANAGE_PROMOTIONS)
    item = _promotion(actor.tenant, promotion_id)
    _from(item, {PromotionStatus.ACTIVE}, "paused")
    condition = item.unchanged()
    actions = item.status_actions(actor.tenant, PromotionStatus.PAUSED, at=clock.now())
    with unit_of_work(actor.tenant) as uow:
        uow.update(item, actions, condition=condition, conflict=_changed_meanwhile(promotion_id))
        uow.emit(PromotionPaused(promotion_id=promotion_id))
    return item.view()


def end(actor: Actor, promotion_id: str) -> Promotion:
    """End a promotion for good. Its codes stay claimed, so they are never reused."""
    authorize(actor, Action.MANAGE_PROMOTIONS)
    item = _promotion(actor.tenant, promotion_id)
    _from(item, {PromotionStatus.DRAFT, PromotionStatus.ACTIVE, PromotionStatus.PAUSED}, "ended")
    condition = item.unchanged()
    actions = item.status_actions(actor.tenant, PromotionStatus.ENDED, at=clock.now())
    with unit_of_work(actor.tenant) as uow:
        uow.update(item, actions, condition=condition, conflict=_changed_meanwhile(promotion_id))
        uow.emit(
            PromotionEnded(
                promotion_id=promotion_id,
                redemptions=int(item.redemptions),
                discount_given=Money(amount=int(item.discount_given), currency=item.currency),
            )
        )
    return item.view()


def _from(item: dal.PromotionItem, allowed: set[PromotionStatus], becoming: str) -> None:
    if item.current_status not in allowed:
        states = " or ".join(sorted(s.value for s in allowed))
        raise PromotionNotInThatState(
            f"only a {states} promotion can be {becoming}; {item.promotion_id} is {item.status}"
        )


# --- staff: single-use codes -----------------------------------------------------------------


def issue_codes(actor: Actor, promotion_id: str, request: CodeBatchRequest) -> IssuedCodes:
    """Issue a batch of single-use codes (up to 98 in one transaction, with the event)."""
    authorize(actor, Action.MANAGE_PROMOTIONS)
    tenant_id = actor.tenant
    item = _promotion(tenant_id, promotion_id)
    if item.current_method != Method.SINGLE_USE_CODES:
        raise PromotionNotInThatState(
            f"promotion {promotion_id} is a {item.method} promotion; codes are issued to single-use-code promotions"
        )
    _from(item, {PromotionStatus.DRAFT, PromotionStatus.ACTIVE, PromotionStatus.PAUSED}, "given codes")
    for _attempt in range(3):
        try:
            return _issue(tenant_id, item, request)
        except _CodeCollision:
            continue  # a new code met one that exists (about 1 in 10^13): draw the batch again
    raise Conflict("could not draw codes that are all new; retry")


def new_code(prefix: str | None) -> str:
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{prefix}-{body}" if prefix else body


def _issue(tenant_id: str, item: dal.PromotionItem, request: CodeBatchRequest) -> IssuedCodes:
    batch_id, at = new_id(), clock.now()
    codes = sorted({new_code(request.prefix) for _ in range(request.count)})
    if len(codes) < request.count:
        raise _CodeCollision("")
    with unit_of_work(tenant_id) as uow:
        for code in codes:
            uow.create(
                dal.CouponCodeItem.new(tenant_id, item.promotion_id, code, single_use=True, batch_id=batch_id, at=at),
                conflict=_CodeCollision(""),
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
    item = _promotion(actor.tenant, promotion_id)
    return dal.codes(actor.tenant, item.promotion_id, cursor=cursor, limit=limit)


def list_redemptions(actor: Actor, promotion_id: str, *, cursor: str | None, limit: int) -> Page[RedemptionRecord]:
    authorize(actor, Action.READ_PROMOTIONS)
    item = _promotion(actor.tenant, promotion_id)
    return dal.redemptions(actor.tenant, item.promotion_id, cursor=cursor, limit=limit)


# --- members ---------------------------------------------------------------------------------


def available(actor: Actor) -> AvailablePromotions:
    """The automatic campaigns running now that the caller can still use: two requests."""
    authorize(actor, Action.USE_PROMOTIONS)
    tenant_id, at = actor.tenant, clock.now()
    running = [p for p in dal.running(tenant_id, at) if p.current_method == Method.AUTOMATIC and p.starts_at <= at]
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
            p.current_method == Method.AUTOMATIC
            or p is shared
            or (known_shape and shared is None and p.current_method == Method.SINGLE_USE_CODES)
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
    campaigns = []
    for p in running:
        if p.current_method == Method.AUTOMATIC:
            candidate = _candidate(p, uses)
            if pricing.refusal(candidate, lines, currency=currency, first_order=first_order, at=at) is None:
                campaigns.append(candidate)
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
