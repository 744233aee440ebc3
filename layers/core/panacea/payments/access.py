"""Payments' actions: finance and the tenant's managers read payments and refunds; finance and
owners confirm offline payments (a bank transfer, cash at a collection point)."""

from panacea.platform import access
from panacea.platform.access import Role, grant


class Action(access.Action):
    READ_PAYMENTS = "payments:read"
    RECORD_OFFLINE_PAYMENTS = "payments:record_offline"


grant(
    {
        Action.READ_PAYMENTS: {Role.OWNER, Role.FINANCE, Role.ADMIN, Role.ORDER_MANAGER},
        Action.RECORD_OFFLINE_PAYMENTS: {Role.OWNER, Role.FINANCE},
    }
)
