from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_view_limits import PlanViewLimits
    from ..models.plan_view_prices import PlanViewPrices


T = TypeVar("T", bound="PlanView")


@_attrs_define
class PlanView:
    """A plan as the price list shows it.

    Attributes:
        audience (str):
        features (list[str]):
        key (str):
        limits (PlanViewLimits): None: unlimited
        name (str):
        prices (PlanViewPrices): currency → monthly price in minor units
        trial_days (int):
    """

    audience: str
    features: list[str]
    key: str
    limits: PlanViewLimits
    name: str
    prices: PlanViewPrices
    trial_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audience = self.audience

        features = self.features

        key = self.key

        limits = self.limits.to_dict()

        name = self.name

        prices = self.prices.to_dict()

        trial_days = self.trial_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audience": audience,
                "features": features,
                "key": key,
                "limits": limits,
                "name": name,
                "prices": prices,
                "trial_days": trial_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.plan_view_limits import PlanViewLimits
        from ..models.plan_view_prices import PlanViewPrices

        d = dict(src_dict)
        audience = d.pop("audience")

        features = cast(list[str], d.pop("features"))

        key = d.pop("key")

        limits = PlanViewLimits.from_dict(d.pop("limits"))

        name = d.pop("name")

        prices = PlanViewPrices.from_dict(d.pop("prices"))

        trial_days = d.pop("trial_days")

        plan_view = cls(
            audience=audience,
            features=features,
            key=key,
            limits=limits,
            name=name,
            prices=prices,
            trial_days=trial_days,
        )

        plan_view.additional_properties = d
        return plan_view

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
