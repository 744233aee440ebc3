from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.promotion_method import PromotionMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer import Offer


T = TypeVar("T", bound="NewPromotion")


@_attrs_define
class NewPromotion:
    """A promotion, created as a draft. Activate it to let members use it.

    Attributes:
        currency (str):
        method (PromotionMethod): How a member gets a promotion.
        name (str):
        offer (Offer): The discount and the lines it applies to.
        starts_at (datetime.datetime):
        budget (int | None | Unset): the most it may give away in total
        code (None | str | Unset): the shared code, for method `code` (and only for it)
        combinable (bool | Unset): may combine with one promotion of the other method Default: False.
        description (None | str | Unset):
        ends_at (datetime.datetime | None | Unset): open-ended when absent
        first_order_only (bool | Unset): only a member's first order (once per member) Default: False.
        min_spend (int | Unset): on the scoped lines, before any discount Default: 0.
        per_member_limit (int | None | Unset): the most orders of one member it may discount
        usage_limit (int | None | Unset): the most orders it may discount
    """

    currency: str
    method: PromotionMethod
    name: str
    offer: Offer
    starts_at: datetime.datetime
    budget: int | None | Unset = UNSET
    code: None | str | Unset = UNSET
    combinable: bool | Unset = False
    description: None | str | Unset = UNSET
    ends_at: datetime.datetime | None | Unset = UNSET
    first_order_only: bool | Unset = False
    min_spend: int | Unset = 0
    per_member_limit: int | None | Unset = UNSET
    usage_limit: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        method = self.method.value

        name = self.name

        offer = self.offer.to_dict()

        starts_at = self.starts_at.isoformat()

        budget: int | None | Unset
        if isinstance(self.budget, Unset):
            budget = UNSET
        else:
            budget = self.budget

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        combinable = self.combinable

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        ends_at: None | str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        elif isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        first_order_only = self.first_order_only

        min_spend = self.min_spend

        per_member_limit: int | None | Unset
        if isinstance(self.per_member_limit, Unset):
            per_member_limit = UNSET
        else:
            per_member_limit = self.per_member_limit

        usage_limit: int | None | Unset
        if isinstance(self.usage_limit, Unset):
            usage_limit = UNSET
        else:
            usage_limit = self.usage_limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "method": method,
                "name": name,
                "offer": offer,
                "starts_at": starts_at,
            }
        )
        if budget is not UNSET:
            field_dict["budget"] = budget
        if code is not UNSET:
            field_dict["code"] = code
        if combinable is not UNSET:
            field_dict["combinable"] = combinable
        if description is not UNSET:
            field_dict["description"] = description
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if first_order_only is not UNSET:
            field_dict["first_order_only"] = first_order_only
        if min_spend is not UNSET:
            field_dict["min_spend"] = min_spend
        if per_member_limit is not UNSET:
            field_dict["per_member_limit"] = per_member_limit
        if usage_limit is not UNSET:
            field_dict["usage_limit"] = usage_limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.offer import Offer

        d = dict(src_dict)
        currency = d.pop("currency")

        method = PromotionMethod(d.pop("method"))

        name = d.pop("name")

        offer = Offer.from_dict(d.pop("offer"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        def _parse_budget(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        budget = _parse_budget(d.pop("budget", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        combinable = d.pop("combinable", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))

        first_order_only = d.pop("first_order_only", UNSET)

        min_spend = d.pop("min_spend", UNSET)

        def _parse_per_member_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_member_limit = _parse_per_member_limit(d.pop("per_member_limit", UNSET))

        def _parse_usage_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        usage_limit = _parse_usage_limit(d.pop("usage_limit", UNSET))

        new_promotion = cls(
            currency=currency,
            method=method,
            name=name,
            offer=offer,
            starts_at=starts_at,
            budget=budget,
            code=code,
            combinable=combinable,
            description=description,
            ends_at=ends_at,
            first_order_only=first_order_only,
            min_spend=min_spend,
            per_member_limit=per_member_limit,
            usage_limit=usage_limit,
        )

        return new_promotion
