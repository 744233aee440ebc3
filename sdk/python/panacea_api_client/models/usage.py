from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Usage")


@_attrs_define
class Usage:
    """
    Attributes:
        budget_left (int | None): minor units of budget left; absent without a budget
        codes_issued (int): single-use codes issued so far
        discount_given (int): minor units it has taken off those orders
        redemptions (int): orders it discounts now (cancelled orders give theirs back)
    """

    budget_left: int | None
    codes_issued: int
    discount_given: int
    redemptions: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        budget_left: int | None
        budget_left = self.budget_left

        codes_issued = self.codes_issued

        discount_given = self.discount_given

        redemptions = self.redemptions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "budget_left": budget_left,
                "codes_issued": codes_issued,
                "discount_given": discount_given,
                "redemptions": redemptions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_budget_left(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        budget_left = _parse_budget_left(d.pop("budget_left"))

        codes_issued = d.pop("codes_issued")

        discount_given = d.pop("discount_given")

        redemptions = d.pop("redemptions")

        usage = cls(
            budget_left=budget_left,
            codes_issued=codes_issued,
            discount_given=discount_given,
            redemptions=redemptions,
        )

        usage.additional_properties = d
        return usage

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
