from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.branding_patch import BrandingPatch
    from ..models.distribution_patch import DistributionPatch
    from ..models.logistics_patch import LogisticsPatch
    from ..models.orders_patch import OrdersPatch


T = TypeVar("T", bound="SettingsPatch")


@_attrs_define
class SettingsPatch:
    """A merge patch: only the fields sent change; `null` clears an optional field.

    Attributes:
        allowed_origins (list[str] | None | Unset): replaces the list (`[]` or `null` empties it); an origin another
            tenant lists is 409
        branding (BrandingPatch | None | Unset):
        distribution (DistributionPatch | None | Unset):
        locale (None | str | Unset):
        logistics (LogisticsPatch | None | Unset):
        orders (None | OrdersPatch | Unset):
        time_zone (None | str | Unset):
    """

    allowed_origins: list[str] | None | Unset = UNSET
    branding: BrandingPatch | None | Unset = UNSET
    distribution: DistributionPatch | None | Unset = UNSET
    locale: None | str | Unset = UNSET
    logistics: LogisticsPatch | None | Unset = UNSET
    orders: None | OrdersPatch | Unset = UNSET
    time_zone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.branding_patch import BrandingPatch
        from ..models.distribution_patch import DistributionPatch
        from ..models.logistics_patch import LogisticsPatch
        from ..models.orders_patch import OrdersPatch

        allowed_origins: list[str] | None | Unset
        if isinstance(self.allowed_origins, Unset):
            allowed_origins = UNSET
        elif isinstance(self.allowed_origins, list):
            allowed_origins = self.allowed_origins

        else:
            allowed_origins = self.allowed_origins

        branding: dict[str, Any] | None | Unset
        if isinstance(self.branding, Unset):
            branding = UNSET
        elif isinstance(self.branding, BrandingPatch):
            branding = self.branding.to_dict()
        else:
            branding = self.branding

        distribution: dict[str, Any] | None | Unset
        if isinstance(self.distribution, Unset):
            distribution = UNSET
        elif isinstance(self.distribution, DistributionPatch):
            distribution = self.distribution.to_dict()
        else:
            distribution = self.distribution

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        logistics: dict[str, Any] | None | Unset
        if isinstance(self.logistics, Unset):
            logistics = UNSET
        elif isinstance(self.logistics, LogisticsPatch):
            logistics = self.logistics.to_dict()
        else:
            logistics = self.logistics

        orders: dict[str, Any] | None | Unset
        if isinstance(self.orders, Unset):
            orders = UNSET
        elif isinstance(self.orders, OrdersPatch):
            orders = self.orders.to_dict()
        else:
            orders = self.orders

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if allowed_origins is not UNSET:
            field_dict["allowed_origins"] = allowed_origins
        if branding is not UNSET:
            field_dict["branding"] = branding
        if distribution is not UNSET:
            field_dict["distribution"] = distribution
        if locale is not UNSET:
            field_dict["locale"] = locale
        if logistics is not UNSET:
            field_dict["logistics"] = logistics
        if orders is not UNSET:
            field_dict["orders"] = orders
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.branding_patch import BrandingPatch
        from ..models.distribution_patch import DistributionPatch
        from ..models.logistics_patch import LogisticsPatch
        from ..models.orders_patch import OrdersPatch

        d = dict(src_dict)

        def _parse_allowed_origins(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_origins_type_0 = cast(list[str], data)

                return allowed_origins_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        allowed_origins = _parse_allowed_origins(d.pop("allowed_origins", UNSET))

        def _parse_branding(data: object) -> BrandingPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                branding_type_0 = BrandingPatch.from_dict(data)

                return branding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BrandingPatch | None | Unset, data)

        branding = _parse_branding(d.pop("branding", UNSET))

        def _parse_distribution(data: object) -> DistributionPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                distribution_type_0 = DistributionPatch.from_dict(data)

                return distribution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DistributionPatch | None | Unset, data)

        distribution = _parse_distribution(d.pop("distribution", UNSET))

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        def _parse_logistics(data: object) -> LogisticsPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logistics_type_0 = LogisticsPatch.from_dict(data)

                return logistics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LogisticsPatch | None | Unset, data)

        logistics = _parse_logistics(d.pop("logistics", UNSET))

        def _parse_orders(data: object) -> None | OrdersPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                orders_type_0 = OrdersPatch.from_dict(data)

                return orders_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersPatch | Unset, data)

        orders = _parse_orders(d.pop("orders", UNSET))

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        settings_patch = cls(
            allowed_origins=allowed_origins,
            branding=branding,
            distribution=distribution,
            locale=locale,
            logistics=logistics,
            orders=orders,
            time_zone=time_zone,
        )

        return settings_patch
