"""Billing's actions: the owner subscribes, changes plan and cancels; finance and admins read the
plan, the entitlements and open the portal (invoices and the card on file)."""

from panacea.platform import access
from panacea.platform.access import Role, grant


class Action(access.Action):
    READ_BILLING = "billing:read"
    MANAGE_SUBSCRIPTION = "billing:manage"


grant(
    {
        Action.READ_BILLING: {Role.OWNER, Role.ADMIN, Role.FINANCE},
        Action.MANAGE_SUBSCRIPTION: {Role.OWNER},
    }
)
