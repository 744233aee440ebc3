"""Promotions' items in the single table and every query that reads them (the writes an order's
transaction takes to redeem a promotion and give it back are in redeeming.py).

PromotionItem    PK T#<tenant>#PROMOTION#<id> · SK PROMOTION            terms, status, and its counters:
                                                                         redemptions, discount_given, budget_left
                 GSI1 T#<tenant>#PROMOTIONS · <id>                       every promotion, newest first
                 GSI2 T#<tenant>#PROMOTIONS#<status> · <id>              promotions in one status, newest first;
                                                                         `active` is what quotes read (one Query)
MemberUsageItem  PK T#<tenant>#PROMOTION#<id> · SK MEMBER#<member>       how many orders of a member it discounts
RedemptionItem   PK T#<tenant>#PROMOTION#<id> · SK REDEMPTION#<order>    an order it discounts (the ledger entry of
                                                                         its counters), newest first by order ULID
CouponCodeItem   PK T#<tenant>#UNIQUE#coupon_code#<code> · SK UNIQUE     a code (lower-cased in the key): the claim
                                                                         that makes it unique in the tenant, which
                                                                         promotion it belongs to (`owner`) and, for a
                                                                         single-use code, the order that used it
                 GSI1 T#<tenant>#PROMOTION#<id>#CODES · <code>           a promotion's codes, in code order

Counters move only by update expressions inside conditions, never by putting the whole item,
so concurrent redemptions cannot lose each other's counts. `version` is bumped by staff edits
and status changes only (not by redemptions), so staff edits never conflict with orders.
Invariant: budget_left = (budget or 0) - discount_given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import DoesNotExist
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.transactions import TransactGet

from panacea.platform.keys import owner_key, tenant_key
from panacea.platform.money import Money
from panacea.platform.table import DocumentAttribute, Page, TableItem, Uniqueness, connection, decode_cursor, page_of
from panacea.promotions.models import (
    NewPromotion,
    Offer,
    Promotion,
    PromotionMethod,
    PromotionStatus,
    Usage,
)
from panacea.promotions.quotes import (
    CouponCodeState,
    RedemptionRecord,
)

CODE_KIND = "coupon_code"
TRANSACT_GET_LIMIT = 100


def promotion_pk(tenant_id: str, promotion_id: str) -> str:
    return tenant_key(tenant_id, "PROMOTION", promotion_id)


def _all(tenant_id: str) -> str:
    return tenant_key(tenant_id, "PROMOTIONS")


def _in_status(tenant_id: str, status: PromotionStatus) -> str:
    return tenant_key(tenant_id, "PROMOTIONS", status.value)


def code_pk(tenant_id: str, code: str) -> str:
    return owner_key(tenant_id, "UNIQUE", CODE_KIND, code.lower())


def _codes_of(tenant_id: str, promotion_id: str) -> str:
    return tenant_key(tenant_id, "PROMOTION", promotion_id, "CODES")


# --- items -----------------------------------------------------------------------------------


class PromotionItem(TableItem, discriminator="promotion"):
    promotion_id = UnicodeAttribute()
    name = UnicodeAttribute()
    description = UnicodeAttribute(null=True)
    currency = UnicodeAttribute()
    method = UnicodeAttribute()
    code = UnicodeAttribute(null=True)
    offer = DocumentAttribute()
    starts_at = UTCDateTimeAttribute()
    ends_at = UTCDateTimeAttribute(null=True)
    min_spend = NumberAttribute(default=0)
    budget = NumberAttribute(null=True)
    usage_limit = NumberAttribute(null=True)
    per_member_limit = NumberAttribute(null=True)
    first_order_only = BooleanAttribute(default=False)
    combinable = BooleanAttribute(default=False)
    status = UnicodeAttribute()
    redemptions = NumberAttribute(default=0)
    discount_given = NumberAttribute(default=0)
    budget_left = NumberAttribute(default=0)
    codes_issued = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    activated_at = UTCDateTimeAttribute(null=True)
    ended_at = UTCDateTimeAttribute(null=True)
    version = NumberAttribute(default=1)  # bumped by staff edits only (see the module docstring)

    @classmethod
    def new(cls, tenant_id: str, promotion_id: str, draft: NewPromotion, *, at: datetime) -> PromotionItem:
        return cls(
            promotion_pk(tenant_id, promotion_id),
            "PROMOTION",
            gsi1pk=_all(tenant_id),
            gsi1sk=promotion_id,
            gsi2pk=_in_status(tenant_id, PromotionStatus.DRAFT),
            gsi2sk=promotion_id,
            promotion_id=promotion_id,
            name=draft.name,
            description=draft.description,
            currency=draft.currency,
            method=draft.method.value,
            code=draft.code,
            offer=draft.offer.model_dump(mode="json"),
            starts_at=draft.starts_at,
            ends_at=draft.ends_at,
            min_spend=draft.min_spend,
            budget=draft.budget,
            usage_limit=draft.usage_limit,
            per_member_limit=draft.per_member_limit,
            first_order_only=draft.first_order_only,
            combinable=draft.combinable,
            status=PromotionStatus.DRAFT.value,
            budget_left=draft.budget or 0,
            created_at=at,
            updated_at=at,
        )

    @property
    def current_status(self) -> PromotionStatus:
        return PromotionStatus(self.status)

    @property
    def current_method(self) -> PromotionMethod:
        return PromotionMethod(self.method)

    @property
    def terms(self) -> Offer:
        return Offer.model_validate(self.offer)

    def status_actions(self, tenant_id: str, status: PromotionStatus, *, at: datetime) -> list[Action]:
        """Move to `status` (in memory too), with the GSI2 partition that lists it."""
        self.status, self.gsi2pk, self.updated_at = status.value, _in_status(tenant_id, status), at
        actions: list[Action] = [
            PromotionItem.status.set(status.value),
            PromotionItem.gsi2pk.set(self.gsi2pk),
            PromotionItem.updated_at.set(at),
            PromotionItem.version.add(1),
        ]
        if status == PromotionStatus.ACTIVE and self.activated_at is None:
            self.activated_at = at
            actions.append(PromotionItem.activated_at.set(at))
        if status == PromotionStatus.ENDED:
            self.ended_at = at
            actions.append(PromotionItem.ended_at.set(at))
        self.version += 1
        return actions

    def unchanged(self) -> Condition:
        """The item is still at the version it was read at."""
        return PromotionItem.version == self.version

    def view(self) -> Promotion:
        return Promotion(
            id=self.promotion_id,
            name=self.name,
            description=self.description,
            currency=self.currency,
            method=self.current_method,
            code=self.code,
            offer=self.terms,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            min_spend=int(self.min_spend),
            budget=None if self.budget is None else int(self.budget),
            usage_limit=None if self.usage_limit is None else int(self.usage_limit),
            per_member_limit=None if self.per_member_limit is None else int(self.per_member_limit),
            first_order_only=self.first_order_only,
            combinable=self.combinable,
            status=self.current_status,
            usage=Usage(
                redemptions=int(self.redemptions),
                discount_given=int(self.discount_given),
                budget_left=None if self.budget is None else int(self.budget_left),
                codes_issued=int(self.codes_issued),
            ),
            created_at=self.created_at,
            updated_at=self.updated_at,
            activated_at=self.activated_at,
            ended_at=self.ended_at,
        )


class MemberUsageItem(TableItem, discriminator="promotion_member_usage"):
    promotion_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    uses = NumberAttribute(default=0)

    @classmethod
    def key(cls, tenant_id: str, promotion_id: str, member_id: str) -> tuple[str, str]:
        return promotion_pk(tenant_id, promotion_id), f"MEMBER#{member_id}"


class RedemptionItem(TableItem, discriminator="promotion_redemption"):
    promotion_id = UnicodeAttribute()
    order_id = UnicodeAttribute()
    member_id = UnicodeAttribute()
    discount = NumberAttribute()
    currency = UnicodeAttribute()
    code = UnicodeAttribute(null=True)
    redeemed_at = UTCDateTimeAttribute()

    @classmethod
    def key(cls, tenant_id: str, promotion_id: str, order_id: str) -> tuple[str, str]:
        return promotion_pk(tenant_id, promotion_id), f"REDEMPTION#{order_id}"

    def view(self) -> RedemptionRecord:
        return RedemptionRecord(
            order_id=self.order_id,
            member_id=self.member_id,
            discount=Money(amount=int(self.discount), currency=self.currency),
            code=self.code,
            redeemed_at=self.redeemed_at,
        )


class CouponCodeItem(Uniqueness, discriminator="coupon_code"):
    """A coupon code: its uniqueness claim (owner = the promotion) and, if single-use, its use."""

    code = UnicodeAttribute()
    single_use = BooleanAttribute(default=False)
    batch_id = UnicodeAttribute(null=True)
    issued_at = UTCDateTimeAttribute()
    used_by_order = UnicodeAttribute(null=True)
    used_by_member = UnicodeAttribute(null=True)
    used_at = UTCDateTimeAttribute(null=True)

    @classmethod
    def new(
        cls, tenant_id: str, promotion_id: str, code: str, *, single_use: bool, batch_id: str | None, at: datetime
    ) -> CouponCodeItem:
        return cls(
            code_pk(tenant_id, code),
            "UNIQUE",
            gsi1pk=_codes_of(tenant_id, promotion_id),
            gsi1sk=code,
            owner=promotion_id,
            code=code,
            single_use=single_use,
            batch_id=batch_id,
            issued_at=at,
        )

    @property
    def used(self) -> bool:
        return self.single_use and self.used_by_order is not None

    def view(self) -> CouponCodeState:
        return CouponCodeState(
            code=self.code,
            single_use=self.single_use,
            batch_id=self.batch_id,
            issued_at=self.issued_at,
            used_by_order=self.used_by_order,
            used_by_member=self.used_by_member,
            used_at=self.used_at,
        )


# --- reads -----------------------------------------------------------------------------------


def promotion(tenant_id: str, promotion_id: str) -> PromotionItem | None:
    return PromotionItem.find(promotion_pk(tenant_id, promotion_id), "PROMOTION")


def promotions(tenant_id: str, *, status: PromotionStatus | None, cursor: str | None, limit: int) -> Page[Promotion]:
    """A tenant's promotions newest first, all (GSI1) or in one status (GSI2): one Query a page."""
    index, attribute = (PromotionItem.by_gsi2, "GSI2PK") if status else (PromotionItem.by_gsi1, "GSI1PK")
    partition = _in_status(tenant_id, status) if status else _all(tenant_id)
    results = index.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=(attribute, partition)),
    )
    return page_of(results, PromotionItem.view)  # type: ignore[arg-type]


def running(tenant_id: str, at: datetime) -> list[PromotionItem]:
    """The active promotions that have not ended by `at` (those not yet started included): one
    Query on GSI2 (more only if they outgrow a 1 MB page)."""
    results: Iterable[PromotionItem] = PromotionItem.by_gsi2.query(  # type: ignore[assignment]
        _in_status(tenant_id, PromotionStatus.ACTIVE),
        filter_condition=PromotionItem.ends_at.does_not_exist() | (PromotionItem.ends_at > at),
    )
    return [item for item in results if isinstance(item, PromotionItem)]


def code_and_uses(
    tenant_id: str, member_id: str, code: str | None, promotion_ids: list[str]
) -> tuple[CouponCodeItem | None, dict[str, int]]:
    """A coupon code's item and the member's uses of each promotion, in one request (one per
    100 items): what a quote needs besides the running promotions."""
    keys: list[tuple[type[TableItem], tuple[str, str]]] = [
        (MemberUsageItem, MemberUsageItem.key(tenant_id, promotion_id, member_id)) for promotion_id in promotion_ids
    ]
    if code is not None:
        keys.insert(0, (CouponCodeItem, (code_pk(tenant_id, code), "UNIQUE")))
    found = list(_transact_get(keys))
    coupon = next((item for item in found if isinstance(item, CouponCodeItem)), None)
    uses = {item.promotion_id: int(item.uses) for item in found if isinstance(item, MemberUsageItem)}
    return coupon, uses


def _transact_get(keys: list[tuple[type[TableItem], tuple[str, str]]]) -> Iterator[TableItem]:
    for start in range(0, len(keys), TRANSACT_GET_LIMIT):
        with TransactGet(connection=connection()) as tx:
            futures = [tx.get(cls, pk, sk) for cls, (pk, sk) in keys[start : start + TRANSACT_GET_LIMIT]]
        for future in futures:
            try:
                yield future.get()
            except DoesNotExist:
                continue


def coupon_code(tenant_id: str, code: str) -> CouponCodeItem | None:
    return CouponCodeItem.find(code_pk(tenant_id, code), "UNIQUE")


def codes(tenant_id: str, promotion_id: str, *, cursor: str | None, limit: int) -> Page[CouponCodeState]:
    """A promotion's codes in code order, with their use: one Query on GSI1 a page."""
    partition = _codes_of(tenant_id, promotion_id)
    results = CouponCodeItem.by_gsi1.query(
        partition, limit=limit, last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition))
    )
    return page_of(results, CouponCodeItem.view)  # type: ignore[arg-type]


def redemptions(tenant_id: str, promotion_id: str, *, cursor: str | None, limit: int) -> Page[RedemptionRecord]:
    """The orders a promotion discounts, newest first: one Query on its partition a page."""
    partition = promotion_pk(tenant_id, promotion_id)
    results = RedemptionItem.query(
        partition,
        RedemptionItem.sk.startswith("REDEMPTION#"),
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("PK", partition)),
    )
    return page_of(results, RedemptionItem.view)


def item_for_update(tenant_id: str, promotion_id: str) -> PromotionItem:
    """A promotion's key, to update by expressions in a unit of work."""
    return PromotionItem(promotion_pk(tenant_id, promotion_id), "PROMOTION")
