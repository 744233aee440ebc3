from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tenant_kind import TenantKind
from ..models.tier import Tier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.first_admin import FirstAdmin


T = TypeVar("T", bound="NewTenant")


@_attrs_define
class NewTenant:
    """
    Attributes:
        currency (str):
        first_admin (FirstAdmin):
        jurisdiction (str): ISO 3166-1 alpha-2
        kind (TenantKind):
        locale (str):
        name (str):
        slug (str):
        parent_partner_id (None | str | Unset): the white-label partner this tenant is a sub-tenant of
        tier (Tier | Unset): Subscription tiers (billed by Stripe in the billing context).
    """

    currency: str
    first_admin: FirstAdmin
    jurisdiction: str
    kind: TenantKind
    locale: str
    name: str
    slug: str
    parent_partner_id: None | str | Unset = UNSET
    tier: Tier | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        first_admin = self.first_admin.to_dict()

        jurisdiction = self.jurisdiction

        kind = self.kind.value

        locale = self.locale

        name = self.name

        slug = self.slug

        parent_partner_id: None | str | Unset
        if isinstance(self.parent_partner_id, Unset):
            parent_partner_id = UNSET
        else:
            parent_partner_id = self.parent_partner_id

        tier: str | Unset = UNSET
        if not isinstance(self.tier, Unset):
            tier = self.tier.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "first_admin": first_admin,
                "jurisdiction": jurisdiction,
                "kind": kind,
                "locale": locale,
                "name": name,
                "slug": slug,
            }
        )
        if parent_partner_id is not UNSET:
            field_dict["parent_partner_id"] = parent_partner_id
        if tier is not UNSET:
            field_dict["tier"] = tier

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.first_admin import FirstAdmin

        d = dict(src_dict)
        currency = d.pop("currency")

        first_admin = FirstAdmin.from_dict(d.pop("first_admin"))

        jurisdiction = d.pop("jurisdiction")

        kind = TenantKind(d.pop("kind"))

        locale = d.pop("locale")

        name = d.pop("name")

        slug = d.pop("slug")

        def _parse_parent_partner_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_partner_id = _parse_parent_partner_id(d.pop("parent_partner_id", UNSET))

        _tier = d.pop("tier", UNSET)
        tier: Tier | Unset
        if isinstance(_tier, Unset):
            tier = UNSET
        else:
            tier = Tier(_tier)

        new_tenant = cls(
            currency=currency,
            first_admin=first_admin,
            jurisdiction=jurisdiction,
            kind=kind,
            locale=locale,
            name=name,
            slug=slug,
            parent_partner_id=parent_partner_id,
            tier=tier,
        )

        return new_tenant
