"""Staff run promotions: create a campaign (automatic, no code) or a coupon (one shared code, or
batch-issued single-use codes), change its terms (what members were promised is fixed once it has
been activated), activate, pause and end it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ValidationError

from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, FieldError, Unprocessable
from panacea.platform.ids import is_id, new_id
from panacea.platform.money import Money
from panacea.platform.table import Page
from panacea.platform.transaction import unit_of_work
from panacea.promotions import dal
from panacea.promotions.access import Action
from panacea.promotions.logic import (
    PROMISED,
    REQUIRED,
    CodeTaken,
    LimitBelowUse,
    PromotionNotFound,
    PromotionNotInThatState,
    changed_meanwhile,
)
from panacea.promotions.models import (
    NewPromotion,
    Promotion,
    PromotionActivated,
    PromotionChanged,
    PromotionCreated,
    PromotionEnded,
    PromotionPatch,
    PromotionPaused,
    PromotionStatus,
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
    return promotion_of(actor.tenant, promotion_id).view()


def promotion_of(tenant_id: str, promotion_id: str) -> dal.PromotionItem:
    item = dal.promotion(tenant_id, promotion_id) if is_id(promotion_id) else None
    if item is None:
        raise PromotionNotFound(f"no promotion {promotion_id}", field="promotion_id")
    return item


def update_promotion(actor: Actor, promotion_id: str, patch: PromotionPatch) -> Promotion:
    """Change a promotion. Promised terms only while a draft; limits never below what is used."""
    authorize(actor, Action.MANAGE_PROMOTIONS)
    tenant_id = actor.tenant
    item = promotion_of(tenant_id, promotion_id)
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
                    conflict=changed_meanwhile(promotion_id),
                )
            if after.code:
                uow.create(
                    dal.CouponCodeItem.new(tenant_id, promotion_id, after.code, single_use=False, batch_id=None, at=at),
                    conflict=_taken(after.code),
                )
        uow.update(item, actions, condition=condition, conflict=changed_meanwhile(promotion_id))
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
    item = promotion_of(actor.tenant, promotion_id)
    moving_from(item, {PromotionStatus.DRAFT, PromotionStatus.PAUSED}, "activated")
    at = clock.now()
    if item.ends_at is not None and item.ends_at <= at:
        raise PromotionNotInThatState(
            f"promotion {promotion_id} ended at {item.ends_at.isoformat()}; move ends_at first",
            errors=[FieldError("ends_at", "passed")],
        )
    condition = item.unchanged()
    actions = item.status_actions(actor.tenant, PromotionStatus.ACTIVE, at=at)
    with unit_of_work(actor.tenant) as uow:
        uow.update(item, actions, condition=condition, conflict=changed_meanwhile(promotion_id))
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
    item = promotion_of(actor.tenant, promotion_id)
    moving_from(item, {PromotionStatus.ACTIVE}, "paused")
    condition = item.unchanged()
    actions = item.status_actions(actor.tenant, PromotionStatus.PAUSED, at=clock.now())
    with unit_of_work(actor.tenant) as uow:
        uow.update(item, actions, condition=condition, conflict=changed_meanwhile(promotion_id))
        uow.emit(PromotionPaused(promotion_id=promotion_id))
    return item.view()


def end(actor: Actor, promotion_id: str) -> Promotion:
    """End a promotion for good. Its codes stay claimed, so they are never reused."""
    authorize(actor, Action.MANAGE_PROMOTIONS)
    item = promotion_of(actor.tenant, promotion_id)
    moving_from(item, {PromotionStatus.DRAFT, PromotionStatus.ACTIVE, PromotionStatus.PAUSED}, "ended")
    condition = item.unchanged()
    actions = item.status_actions(actor.tenant, PromotionStatus.ENDED, at=clock.now())
    with unit_of_work(actor.tenant) as uow:
        uow.update(item, actions, condition=condition, conflict=changed_meanwhile(promotion_id))
        uow.emit(
            PromotionEnded(
                promotion_id=promotion_id,
                redemptions=int(item.redemptions),
                discount_given=Money(amount=int(item.discount_given), currency=item.currency),
            )
        )
    return item.view()


def moving_from(item: dal.PromotionItem, allowed: set[PromotionStatus], becoming: str) -> None:
    if item.current_status not in allowed:
        states = " or ".join(sorted(s.value for s in allowed))
        raise PromotionNotInThatState(
            f"only a {states} promotion can be {becoming}; {item.promotion_id} is {item.status}"
        )
