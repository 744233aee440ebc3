from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.entitlements_view_limits import EntitlementsViewLimits


T = TypeVar("T", bound="EntitlementsView")


@_attrs_define
class EntitlementsView:
    """What the tenant may do now, as billing last rebuilt it from Stripe.

    Attributes:
        access (str): full, read_only, suspended, or none (no plan)
        features (list[str]):
        limits (EntitlementsViewLimits):
        plan_key (None | str):
        status (None | str): the subscription's status in Stripe
        complimentary (bool | Unset):  Default: False.
        period_end (datetime.datetime | None | Unset):
        trial_end (datetime.datetime | None | Unset):
    """

    access: str
    features: list[str]
    limits: EntitlementsViewLimits
    plan_key: None | str
    status: None | str
    complimentary: bool | Unset = False
    period_end: datetime.datetime | None | Unset = UNSET
    trial_end: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access = self.access

        features = self.features

        limits = self.limits.to_dict()

        plan_key: None | str
        plan_key = self.plan_key

        status: None | str
        status = self.status

        complimentary = self.complimentary

        period_end: None | str | Unset
        if isinstance(self.period_end, Unset):
            period_end = UNSET
        elif isinstance(self.period_end, datetime.datetime):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        trial_end: None | str | Unset
        if isinstance(self.trial_end, Unset):
            trial_end = UNSET
        elif isinstance(self.trial_end, datetime.datetime):
            trial_end = self.trial_end.isoformat()
        else:
            trial_end = self.trial_end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access": access,
                "features": features,
                "limits": limits,
                "plan_key": plan_key,
                "status": status,
            }
        )
        if complimentary is not UNSET:
            field_dict["complimentary"] = complimentary
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if trial_end is not UNSET:
            field_dict["trial_end"] = trial_end

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.entitlements_view_limits import EntitlementsViewLimits

        d = dict(src_dict)
        access = d.pop("access")

        features = cast(list[str], d.pop("features"))

        limits = EntitlementsViewLimits.from_dict(d.pop("limits"))

        def _parse_plan_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan_key = _parse_plan_key(d.pop("plan_key"))

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))

        complimentary = d.pop("complimentary", UNSET)

        def _parse_period_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.datetime.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        period_end = _parse_period_end(d.pop("period_end", UNSET))

        def _parse_trial_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trial_end_type_0 = datetime.datetime.fromisoformat(data)

                return trial_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        trial_end = _parse_trial_end(d.pop("trial_end", UNSET))

        entitlements_view = cls(
            access=access,
            features=features,
            limits=limits,
            plan_key=plan_key,
            status=status,
            complimentary=complimentary,
            period_end=period_end,
            trial_end=trial_end,
        )

        entitlements_view.additional_properties = d
        return entitlements_view

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
