from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.promotion_kind import PromotionKind
from ..models.scope import Scope
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.spend_tier import SpendTier


T = TypeVar("T", bound="Offer")


@_attrs_define
class Offer:
    """The discount and the lines it applies to.

    Attributes:
        kind (PromotionKind):
        amount_off (int | None | Unset): for `amount_off`
        category_ids (list[str] | Unset): for scope `categories`
        percentage_bps (int | None | Unset): for `percentage_off`: 1/100 of a percent (1500 = 15%)
        product_ids (list[str] | Unset): for scope `products`
        scope (Scope | Unset):
        tiers (list[SpendTier] | Unset): for `spend_and_save`: ascending spend, each taking more off
    """

    kind: PromotionKind
    amount_off: int | None | Unset = UNSET
    category_ids: list[str] | Unset = UNSET
    percentage_bps: int | None | Unset = UNSET
    product_ids: list[str] | Unset = UNSET
    scope: Scope | Unset = UNSET
    tiers: list[SpendTier] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        amount_off: int | None | Unset
        if isinstance(self.amount_off, Unset):
            amount_off = UNSET
        else:
            amount_off = self.amount_off

        category_ids: list[str] | Unset = UNSET
        if not isinstance(self.category_ids, Unset):
            category_ids = self.category_ids

        percentage_bps: int | None | Unset
        if isinstance(self.percentage_bps, Unset):
            percentage_bps = UNSET
        else:
            percentage_bps = self.percentage_bps

        product_ids: list[str] | Unset = UNSET
        if not isinstance(self.product_ids, Unset):
            product_ids = self.product_ids

        scope: str | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope.value

        tiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tiers, Unset):
            tiers = []
            for tiers_item_data in self.tiers:
                tiers_item = tiers_item_data.to_dict()
                tiers.append(tiers_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if amount_off is not UNSET:
            field_dict["amount_off"] = amount_off
        if category_ids is not UNSET:
            field_dict["category_ids"] = category_ids
        if percentage_bps is not UNSET:
            field_dict["percentage_bps"] = percentage_bps
        if product_ids is not UNSET:
            field_dict["product_ids"] = product_ids
        if scope is not UNSET:
            field_dict["scope"] = scope
        if tiers is not UNSET:
            field_dict["tiers"] = tiers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.spend_tier import SpendTier

        d = dict(src_dict)
        kind = PromotionKind(d.pop("kind"))

        def _parse_amount_off(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_off = _parse_amount_off(d.pop("amount_off", UNSET))

        category_ids = cast(list[str], d.pop("category_ids", UNSET))

        def _parse_percentage_bps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        percentage_bps = _parse_percentage_bps(d.pop("percentage_bps", UNSET))

        product_ids = cast(list[str], d.pop("product_ids", UNSET))

        _scope = d.pop("scope", UNSET)
        scope: Scope | Unset
        if isinstance(_scope, Unset):
            scope = UNSET
        else:
            scope = Scope(_scope)

        _tiers = d.pop("tiers", UNSET)
        tiers: list[SpendTier] | Unset = UNSET
        if _tiers is not UNSET:
            tiers = []
            for tiers_item_data in _tiers:
                tiers_item = SpendTier.from_dict(tiers_item_data)

                tiers.append(tiers_item)

        offer = cls(
            kind=kind,
            amount_off=amount_off,
            category_ids=category_ids,
            percentage_bps=percentage_bps,
            product_ids=product_ids,
            scope=scope,
            tiers=tiers,
        )

        return offer
