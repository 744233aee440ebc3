"""Orders' actions: members and distributors buy (their cart, checkout, their own orders); order
managers, admins and owners run every order (shipments, refunds, cancellations); finance and the
service desk read them. Confirming an offline payment is payments' action
(`panacea.payments.Action.RECORD_OFFLINE_PAYMENTS`)."""

from panacea.platform import access
from panacea.platform.access import Role, grant


class Action(access.Action):
    BUY_ORDERS = "orders:buy"
    READ_ORDERS = "orders:read"
    MANAGE_ORDERS = "orders:manage"


_RUNNERS = {Role.OWNER, Role.ADMIN, Role.ORDER_MANAGER}

grant(
    {
        Action.BUY_ORDERS: {Role.MEMBER, Role.DISTRIBUTOR},
        Action.READ_ORDERS: _RUNNERS | {Role.FINANCE, Role.SERVICE_DESK},
        Action.MANAGE_ORDERS: _RUNNERS,
    }
)
