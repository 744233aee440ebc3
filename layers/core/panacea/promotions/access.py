"""Promotions' actions: catalog managers, admins and owners run campaigns and coupons; order
managers, finance and the service desk read them (and what they gave); everyone sees what is
running and previews what it takes off an order."""

from panacea.platform import access
from panacea.platform.access import TENANT_ROLES, Role, grant


class Action(access.Action):
    MANAGE_PROMOTIONS = "promotions:manage"
    READ_PROMOTIONS = "promotions:read"
    USE_PROMOTIONS = "promotions:use"


_RUNNERS = {Role.OWNER, Role.ADMIN, Role.CATALOG_MANAGER}

grant(
    {
        Action.MANAGE_PROMOTIONS: _RUNNERS,
        Action.READ_PROMOTIONS: _RUNNERS | {Role.ORDER_MANAGER, Role.FINANCE, Role.SERVICE_DESK},
        Action.USE_PROMOTIONS: TENANT_ROLES,
    }
)
