"""Tenancy: the businesses that run on Panacea, their settings, their standing and their keys.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`).
`settings_of(tenant_id)` is the one way to read a tenant's settings, once per invocation."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.tenancy.logic import name_of, settings_of
    from panacea.tenancy.models import OrderSettings, TenantSettings, TenantSettingsChanged, TenantStatus

__all__ = ["OrderSettings", "TenantSettings", "TenantSettingsChanged", "TenantStatus", "name_of", "settings_of"]
__getattr__ = face(
    __name__,
    {
        "settings_of": "panacea.tenancy.logic",
        "name_of": "panacea.tenancy.logic",
        "OrderSettings": "panacea.tenancy.models",
        "TenantSettings": "panacea.tenancy.models",
        "TenantSettingsChanged": "panacea.tenancy.models",
        "TenantStatus": "panacea.tenancy.models",
    },
)
