"""Tenancy: the businesses that run on Panacea, their settings, their standing and their keys.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`).
`settings_of(tenant_id)` is the one way to read a tenant's settings, once per invocation."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.orders.settings import OrderSettings
    from panacea.tenancy.logic import settings_of
    from panacea.tenancy.models import TenantSettings, TenantSettingsChanged, TenantStatus

__all__ = ["OrderSettings", "TenantSettings", "TenantSettingsChanged", "TenantStatus", "settings_of"]
__getattr__ = face(
    __name__,
    {
        "settings_of": "panacea.tenancy.logic",
        "OrderSettings": "panacea.orders.settings",  # orders' section of TenantSettings, named here too
        "TenantSettings": "panacea.tenancy.models",
        "TenantSettingsChanged": "panacea.tenancy.models",
        "TenantStatus": "panacea.tenancy.models",
    },
)
