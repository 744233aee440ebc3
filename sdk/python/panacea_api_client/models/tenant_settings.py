from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.branding import Branding
    from ..models.distribution_settings import DistributionSettings
    from ..models.logistics_settings import LogisticsSettings
    from ..models.order_settings import OrderSettings


T = TypeVar("T", bound="TenantSettings")


@_attrs_define
class TenantSettings:
    """How a tenant operates; other contexts read these (at `T#<tenant>#SETTINGS`).

    Attributes:
        branding (Branding):
        currency (str):
        distribution (DistributionSettings): Member distribution: share links earn commission on up to three levels
            (e.g. 8% + 4%).
            `enabled` switches all of it (binding and commission); `who_may_distribute: off` only stops
            new distributors.
        locale (str):
        logistics (LogisticsSettings): Sample logistics: replacement kits (`replacements`), the default stability window
            and the
            workflow's waits at each stage of a sample.
        orders (OrderSettings):
        allowed_origins (list[str] | Unset): the origins of the tenant's web apps (https://host[:port]) that may call
            the API from a browser (CORS); an origin belongs to one tenant
        time_zone (str | Unset): an IANA time zone: the tenant's days, periods and reports are its local days Default:
            'UTC'.
    """

    branding: Branding
    currency: str
    distribution: DistributionSettings
    locale: str
    logistics: LogisticsSettings
    orders: OrderSettings
    allowed_origins: list[str] | Unset = UNSET
    time_zone: str | Unset = "UTC"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        branding = self.branding.to_dict()

        currency = self.currency

        distribution = self.distribution.to_dict()

        locale = self.locale

        logistics = self.logistics.to_dict()

        orders = self.orders.to_dict()

        allowed_origins: list[str] | Unset = UNSET
        if not isinstance(self.allowed_origins, Unset):
            allowed_origins = self.allowed_origins

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "branding": branding,
                "currency": currency,
                "distribution": distribution,
                "locale": locale,
                "logistics": logistics,
                "orders": orders,
            }
        )
        if allowed_origins is not UNSET:
            field_dict["allowed_origins"] = allowed_origins
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.branding import Branding
        from ..models.distribution_settings import DistributionSettings
        from ..models.logistics_settings import LogisticsSettings
        from ..models.order_settings import OrderSettings

        d = dict(src_dict)
        branding = Branding.from_dict(d.pop("branding"))

        currency = d.pop("currency")

        distribution = DistributionSettings.from_dict(d.pop("distribution"))

        locale = d.pop("locale")

        logistics = LogisticsSettings.from_dict(d.pop("logistics"))

        orders = OrderSettings.from_dict(d.pop("orders"))

        allowed_origins = cast(list[str], d.pop("allowed_origins", UNSET))

        time_zone = d.pop("time_zone", UNSET)

        tenant_settings = cls(
            branding=branding,
            currency=currency,
            distribution=distribution,
            locale=locale,
            logistics=logistics,
            orders=orders,
            allowed_origins=allowed_origins,
            time_zone=time_zone,
        )

        tenant_settings.additional_properties = d
        return tenant_settings

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
