from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.promotion_method import PromotionMethod
from ..models.promotion_status import PromotionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer import Offer
    from ..models.usage import Usage


T = TypeVar("T", bound="Promotion")


@_attrs_define
class Promotion:
    """
    Attributes:
        budget (int | None):
        code (None | str):
        combinable (bool):
        created_at (datetime.datetime):
        currency (str):
        description (None | str):
        ends_at (datetime.datetime | None):
        first_order_only (bool):
        id (str):
        method (PromotionMethod): How a member gets a promotion.
        min_spend (int):
        name (str):
        offer (Offer): The discount and the lines it applies to.
        per_member_limit (int | None):
        starts_at (datetime.datetime):
        status (PromotionStatus):
        updated_at (datetime.datetime):
        usage (Usage):
        usage_limit (int | None):
        activated_at (datetime.datetime | None | Unset):
        ended_at (datetime.datetime | None | Unset):
    """

    budget: int | None
    code: None | str
    combinable: bool
    created_at: datetime.datetime
    currency: str
    description: None | str
    ends_at: datetime.datetime | None
    first_order_only: bool
    id: str
    method: PromotionMethod
    min_spend: int
    name: str
    offer: Offer
    per_member_limit: int | None
    starts_at: datetime.datetime
    status: PromotionStatus
    updated_at: datetime.datetime
    usage: Usage
    usage_limit: int | None
    activated_at: datetime.datetime | None | Unset = UNSET
    ended_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        budget: int | None
        budget = self.budget

        code: None | str
        code = self.code

        combinable = self.combinable

        created_at = self.created_at.isoformat()

        currency = self.currency

        description: None | str
        description = self.description

        ends_at: None | str
        if isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        first_order_only = self.first_order_only

        id = self.id

        method = self.method.value

        min_spend = self.min_spend

        name = self.name

        offer = self.offer.to_dict()

        per_member_limit: int | None
        per_member_limit = self.per_member_limit

        starts_at = self.starts_at.isoformat()

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        usage = self.usage.to_dict()

        usage_limit: int | None
        usage_limit = self.usage_limit

        activated_at: None | str | Unset
        if isinstance(self.activated_at, Unset):
            activated_at = UNSET
        elif isinstance(self.activated_at, datetime.datetime):
            activated_at = self.activated_at.isoformat()
        else:
            activated_at = self.activated_at

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "budget": budget,
                "code": code,
                "combinable": combinable,
                "created_at": created_at,
                "currency": currency,
                "description": description,
                "ends_at": ends_at,
                "first_order_only": first_order_only,
                "id": id,
                "method": method,
                "min_spend": min_spend,
                "name": name,
                "offer": offer,
                "per_member_limit": per_member_limit,
                "starts_at": starts_at,
                "status": status,
                "updated_at": updated_at,
                "usage": usage,
                "usage_limit": usage_limit,
            }
        )
        if activated_at is not UNSET:
            field_dict["activated_at"] = activated_at
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.offer import Offer
        from ..models.usage import Usage

        d = dict(src_dict)

        def _parse_budget(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        budget = _parse_budget(d.pop("budget"))

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        combinable = d.pop("combinable")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_ends_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ends_at = _parse_ends_at(d.pop("ends_at"))

        first_order_only = d.pop("first_order_only")

        id = d.pop("id")

        method = PromotionMethod(d.pop("method"))

        min_spend = d.pop("min_spend")

        name = d.pop("name")

        offer = Offer.from_dict(d.pop("offer"))

        def _parse_per_member_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        per_member_limit = _parse_per_member_limit(d.pop("per_member_limit"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        status = PromotionStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        usage = Usage.from_dict(d.pop("usage"))

        def _parse_usage_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        usage_limit = _parse_usage_limit(d.pop("usage_limit"))

        def _parse_activated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_at_type_0 = datetime.datetime.fromisoformat(data)

                return activated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        activated_at = _parse_activated_at(d.pop("activated_at", UNSET))

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        promotion = cls(
            budget=budget,
            code=code,
            combinable=combinable,
            created_at=created_at,
            currency=currency,
            description=description,
            ends_at=ends_at,
            first_order_only=first_order_only,
            id=id,
            method=method,
            min_spend=min_spend,
            name=name,
            offer=offer,
            per_member_limit=per_member_limit,
            starts_at=starts_at,
            status=status,
            updated_at=updated_at,
            usage=usage,
            usage_limit=usage_limit,
            activated_at=activated_at,
            ended_at=ended_at,
        )

        promotion.additional_properties = d
        return promotion

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
