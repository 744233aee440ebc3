from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.offer import Offer


T = TypeVar("T", bound="AvailablePromotion")


@_attrs_define
class AvailablePromotion:
    """An automatic campaign running now, as a member sees it.

    Attributes:
        combinable (bool):
        currency (str):
        description (None | str):
        ends_at (datetime.datetime | None):
        first_order_only (bool):
        id (str):
        min_spend (int):
        name (str):
        offer (Offer): The discount and the lines it applies to.
        starts_at (datetime.datetime):
        uses_left_for_you (int | None): how many more of your orders it may discount; absent: no limit
    """

    combinable: bool
    currency: str
    description: None | str
    ends_at: datetime.datetime | None
    first_order_only: bool
    id: str
    min_spend: int
    name: str
    offer: Offer
    starts_at: datetime.datetime
    uses_left_for_you: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        combinable = self.combinable

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

        min_spend = self.min_spend

        name = self.name

        offer = self.offer.to_dict()

        starts_at = self.starts_at.isoformat()

        uses_left_for_you: int | None
        uses_left_for_you = self.uses_left_for_you

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "combinable": combinable,
                "currency": currency,
                "description": description,
                "ends_at": ends_at,
                "first_order_only": first_order_only,
                "id": id,
                "min_spend": min_spend,
                "name": name,
                "offer": offer,
                "starts_at": starts_at,
                "uses_left_for_you": uses_left_for_you,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.offer import Offer

        d = dict(src_dict)
        combinable = d.pop("combinable")

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

        min_spend = d.pop("min_spend")

        name = d.pop("name")

        offer = Offer.from_dict(d.pop("offer"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        def _parse_uses_left_for_you(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        uses_left_for_you = _parse_uses_left_for_you(d.pop("uses_left_for_you"))

        available_promotion = cls(
            combinable=combinable,
            currency=currency,
            description=description,
            ends_at=ends_at,
            first_order_only=first_order_only,
            id=id,
            min_spend=min_spend,
            name=name,
            offer=offer,
            starts_at=starts_at,
            uses_left_for_you=uses_left_for_you,
        )

        available_promotion.additional_properties = d
        return available_promotion

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
