"""Tenancy: the businesses that run on Panacea, their settings, their standing and their keys.

Other contexts use only what is named here: `settings_of(tenant_id)` is the one way to read a
tenant's settings (read once per invocation)."""

from panacea.tenancy.logic import settings_of
from panacea.tenancy.models import OrderSettings, TenantSettings, TenantSettingsChanged, TenantStatus

__all__ = ["OrderSettings", "TenantSettings", "TenantSettingsChanged", "TenantStatus", "settings_of"]
