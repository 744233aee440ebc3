from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer import Offer


T = TypeVar("T", bound="PromotionPatch")


@_attrs_define
class PromotionPatch:
    """A merge patch. What members were promised (offer, minimum spend, first orders only, code,
    start) can change only while a draft; limits, end, name and combinability always can.

        Attributes:
            budget (int | None | Unset):
            code (None | str | Unset):
            combinable (bool | None | Unset):
            description (None | str | Unset):
            ends_at (datetime.datetime | None | Unset):
            first_order_only (bool | None | Unset):
            min_spend (int | None | Unset):
            name (None | str | Unset):
            offer (None | Offer | Unset):
            per_member_limit (int | None | Unset):
            starts_at (datetime.datetime | None | Unset):
            usage_limit (int | None | Unset):
    """

    budget: int | None | Unset = UNSET
    code: None | str | Unset = UNSET
    combinable: bool | None | Unset = UNSET
    description: None | str | Unset = UNSET
    ends_at: datetime.datetime | None | Unset = UNSET
    first_order_only: bool | None | Unset = UNSET
    min_spend: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    offer: None | Offer | Unset = UNSET
    per_member_limit: int | None | Unset = UNSET
    starts_at: datetime.datetime | None | Unset = UNSET
    usage_limit: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.offer import Offer

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

        combinable: bool | None | Unset
        if isinstance(self.combinable, Unset):
            combinable = UNSET
        else:
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

        first_order_only: bool | None | Unset
        if isinstance(self.first_order_only, Unset):
            first_order_only = UNSET
        else:
            first_order_only = self.first_order_only

        min_spend: int | None | Unset
        if isinstance(self.min_spend, Unset):
            min_spend = UNSET
        else:
            min_spend = self.min_spend

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        offer: dict[str, Any] | None | Unset
        if isinstance(self.offer, Unset):
            offer = UNSET
        elif isinstance(self.offer, Offer):
            offer = self.offer.to_dict()
        else:
            offer = self.offer

        per_member_limit: int | None | Unset
        if isinstance(self.per_member_limit, Unset):
            per_member_limit = UNSET
        else:
            per_member_limit = self.per_member_limit

        starts_at: None | str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        elif isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        usage_limit: int | None | Unset
        if isinstance(self.usage_limit, Unset):
            usage_limit = UNSET
        else:
            usage_limit = self.usage_limit

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        if name is not UNSET:
            field_dict["name"] = name
        if offer is not UNSET:
            field_dict["offer"] = offer
        if per_member_limit is not UNSET:
            field_dict["per_member_limit"] = per_member_limit
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if usage_limit is not UNSET:
            field_dict["usage_limit"] = usage_limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.offer import Offer

        d = dict(src_dict)

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

        def _parse_combinable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        combinable = _parse_combinable(d.pop("combinable", UNSET))

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

        def _parse_first_order_only(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        first_order_only = _parse_first_order_only(d.pop("first_order_only", UNSET))

        def _parse_min_spend(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_spend = _parse_min_spend(d.pop("min_spend", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_offer(data: object) -> None | Offer | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                offer_type_0 = Offer.from_dict(data)

                return offer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Offer | Unset, data)

        offer = _parse_offer(d.pop("offer", UNSET))

        def _parse_per_member_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_member_limit = _parse_per_member_limit(d.pop("per_member_limit", UNSET))

        def _parse_starts_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)

                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))

        def _parse_usage_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        usage_limit = _parse_usage_limit(d.pop("usage_limit", UNSET))

        promotion_patch = cls(
            budget=budget,
            code=code,
            combinable=combinable,
            description=description,
            ends_at=ends_at,
            first_order_only=first_order_only,
            min_spend=min_spend,
            name=name,
            offer=offer,
            per_member_limit=per_member_limit,
            starts_at=starts_at,
            usage_limit=usage_limit,
        )

        return promotion_patch
