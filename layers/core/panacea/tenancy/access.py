"""Tenancy's actions: platform admins run tenants; a tenant's people read their own tenant, and
its owners and admins change its settings."""

from panacea.platform import access
from panacea.platform.access import PLATFORM_ROLES, TENANT_ROLES, Role, grant


class Action(access.Action):
    MANAGE_TENANTS = "tenants:manage"
    READ_OWN_TENANT = "tenant:read"
    UPDATE_OWN_TENANT_SETTINGS = "tenant:update_settings"


grant(
    {
        Action.MANAGE_TENANTS: PLATFORM_ROLES,
        Action.READ_OWN_TENANT: TENANT_ROLES,
        Action.UPDATE_OWN_TENANT_SETTINGS: {Role.OWNER, Role.ADMIN},
    }
)
