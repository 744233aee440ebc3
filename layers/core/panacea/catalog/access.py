"""The catalog's actions: everyone in the tenant browses what is published; catalog managers,
admins and owners manage stores, categories, tags, products and SKUs (and see drafts and archived
ones); they and order managers count and adjust stock."""

from panacea.platform import access
from panacea.platform.access import TENANT_ROLES, Role, grant


class Action(access.Action):
    BROWSE_CATALOG = "catalog:browse"
    MANAGE_CATALOG = "catalog:manage"
    MANAGE_STOCK = "stock:manage"


_MANAGERS = {Role.OWNER, Role.ADMIN, Role.CATALOG_MANAGER}

grant(
    {
        Action.BROWSE_CATALOG: TENANT_ROLES,
        Action.MANAGE_CATALOG: _MANAGERS,
        Action.MANAGE_STOCK: _MANAGERS | {Role.ORDER_MANAGER},
    }
)
