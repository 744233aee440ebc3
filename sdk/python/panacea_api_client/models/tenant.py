from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tenant_kind import TenantKind
from ..models.tenant_status import TenantStatus
from ..models.tier import Tier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.suspension import Suspension
    from ..models.tenant_settings import TenantSettings


T = TypeVar("T", bound="Tenant")


@_attrs_define
class Tenant:
    """A tenant: who it is and its standing, and its settings once onboarding made them.

    Attributes:
        created_at (datetime.datetime):
        id (str):
        jurisdiction (str):
        kind (TenantKind):
        name (str):
        parent_partner_id (None | str):
        slug (str):
        status (TenantStatus):
        tier (Tier): Subscription tiers (billed by Stripe in the billing context).
        updated_at (datetime.datetime):
        settings (None | TenantSettings | Unset): absent until onboarding has run
        suspension (None | Suspension | Unset):
    """

    created_at: datetime.datetime
    id: str
    jurisdiction: str
    kind: TenantKind
    name: str
    parent_partner_id: None | str
    slug: str
    status: TenantStatus
    tier: Tier
    updated_at: datetime.datetime
    settings: None | TenantSettings | Unset = UNSET
    suspension: None | Suspension | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.suspension import Suspension
        from ..models.tenant_settings import TenantSettings

        created_at = self.created_at.isoformat()

        id = self.id

        jurisdiction = self.jurisdiction

        kind = self.kind.value

        name = self.name

        parent_partner_id: None | str
        parent_partner_id = self.parent_partner_id

        slug = self.slug

        status = self.status.value

        tier = self.tier.value

        updated_at = self.updated_at.isoformat()

        settings: dict[str, Any] | None | Unset
        if isinstance(self.settings, Unset):
            settings = UNSET
        elif isinstance(self.settings, TenantSettings):
            settings = self.settings.to_dict()
        else:
            settings = self.settings

        suspension: dict[str, Any] | None | Unset
        if isinstance(self.suspension, Unset):
            suspension = UNSET
        elif isinstance(self.suspension, Suspension):
            suspension = self.suspension.to_dict()
        else:
            suspension = self.suspension

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "jurisdiction": jurisdiction,
                "kind": kind,
                "name": name,
                "parent_partner_id": parent_partner_id,
                "slug": slug,
                "status": status,
                "tier": tier,
                "updated_at": updated_at,
            }
        )
        if settings is not UNSET:
            field_dict["settings"] = settings
        if suspension is not UNSET:
            field_dict["suspension"] = suspension

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.suspension import Suspension
        from ..models.tenant_settings import TenantSettings

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        jurisdiction = d.pop("jurisdiction")

        kind = TenantKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_parent_partner_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_partner_id = _parse_parent_partner_id(d.pop("parent_partner_id"))

        slug = d.pop("slug")

        status = TenantStatus(d.pop("status"))

        tier = Tier(d.pop("tier"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_settings(data: object) -> None | TenantSettings | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                settings_type_0 = TenantSettings.from_dict(data)

                return settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantSettings | Unset, data)

        settings = _parse_settings(d.pop("settings", UNSET))

        def _parse_suspension(data: object) -> None | Suspension | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                suspension_type_0 = Suspension.from_dict(data)

                return suspension_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Suspension | Unset, data)

        suspension = _parse_suspension(d.pop("suspension", UNSET))

        tenant = cls(
            created_at=created_at,
            id=id,
            jurisdiction=jurisdiction,
            kind=kind,
            name=name,
            parent_partner_id=parent_partner_id,
            slug=slug,
            status=status,
            tier=tier,
            updated_at=updated_at,
            settings=settings,
            suspension=suspension,
        )

        tenant.additional_properties = d
        return tenant

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
