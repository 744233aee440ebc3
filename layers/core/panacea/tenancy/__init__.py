"""Tenancy: the businesses that run on Panacea, their settings, their standing and their keys.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`).
`settings_of(tenant_id)` is the one way to read a tenant's settings, once per invocation.
A tenant's standing (`standing_of`, or `standing_in` another context's TransactGetItems), the
tenant a public slug names and the partner key a signed request names are read in standing.py,
which the authorizer loads without tenancy's use cases."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.tenancy.logic import settings_of, tenant_ids
    from panacea.tenancy.models import TenantSettings, TenantSettingsChanged, TenantStatus
    from panacea.tenancy.standing import (
        PartnerKey,
        TenantStanding,
        partner_key,
        standing_in,
        standing_of,
        tenant_of_slug,
    )
    from panacea.tenancy.tiers import PLATFORM_PLAN, messages_per_month, usage_key
    from panacea.tenancy.vocabulary import Tier

__all__ = [
    "PLATFORM_PLAN",
    "PartnerKey",
    "TenantSettings",
    "TenantSettingsChanged",
    "TenantStanding",
    "TenantStatus",
    "Tier",
    "messages_per_month",
    "partner_key",
    "settings_of",
    "standing_in",
    "standing_of",
    "tenant_ids",
    "tenant_of_slug",
    "usage_key",
]
__getattr__ = face(
    __name__,
    {
        "PLATFORM_PLAN": "panacea.tenancy.tiers",
        "PartnerKey": "panacea.tenancy.standing",
        "TenantSettings": "panacea.tenancy.models",
        "TenantSettingsChanged": "panacea.tenancy.models",
        "TenantStanding": "panacea.tenancy.standing",
        "TenantStatus": "panacea.tenancy.models",
        "Tier": "panacea.tenancy.vocabulary",
        "messages_per_month": "panacea.tenancy.tiers",
        "partner_key": "panacea.tenancy.standing",
        "settings_of": "panacea.tenancy.logic",
        "tenant_ids": "panacea.tenancy.logic",
        "standing_in": "panacea.tenancy.standing",
        "standing_of": "panacea.tenancy.standing",
        "tenant_of_slug": "panacea.tenancy.standing",
        "usage_key": "panacea.tenancy.tiers",
    },
)
