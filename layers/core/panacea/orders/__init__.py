"""Orders: cart, checkout, the order lifecycle and its fulfilment.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`): the
use cases they call, the views they read and orders' events. Orders' transactions are its own:
later contexts (distribution, logistics, records …) subscribe to `order.paid`, `order.completed`
and `order.refunded`; they do not join the orders transaction (except where an issue says a
wallet debit must commit with the order: then the wallet's owner hands orders the items, built
from an input type it owns, as finance does with its ledger entry)."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.orders.delivery import report_released
    from panacea.orders.line_commission import LineCommission
    from panacea.orders.logic import states_of
    from panacea.orders.models import (
        LineFact,
        Order,
        OrderAddressChanged,
        OrderCancelled,
        OrderCompleted,
        OrderExpired,
        OrderFulfilmentStarted,
        OrderPaid,
        OrderPlaced,
        OrderRefundDeclined,
        OrderRefunded,
        OrderRefundRequested,
        OrderShipped,
        OrderState,
        OrderSummary,
    )

__all__ = [
    "LineCommission",
    "LineFact",
    "Order",
    "OrderAddressChanged",
    "OrderCancelled",
    "OrderCompleted",
    "OrderExpired",
    "OrderFulfilmentStarted",
    "OrderPaid",
    "OrderPlaced",
    "OrderRefundDeclined",
    "OrderRefundRequested",
    "OrderRefunded",
    "OrderShipped",
    "OrderState",
    "OrderSummary",
    "report_released",
    "states_of",
]
__getattr__ = face(
    __name__,
    {
        "report_released": "panacea.orders.delivery",
        "states_of": "panacea.orders.logic",
        "LineCommission": "panacea.orders.line_commission",
        "LineFact": "panacea.orders.models",
        "Order": "panacea.orders.models",
        "OrderAddressChanged": "panacea.orders.models",
        "OrderCancelled": "panacea.orders.models",
        "OrderCompleted": "panacea.orders.models",
        "OrderExpired": "panacea.orders.models",
        "OrderFulfilmentStarted": "panacea.orders.models",
        "OrderPaid": "panacea.orders.models",
        "OrderPlaced": "panacea.orders.models",
        "OrderRefundDeclined": "panacea.orders.models",
        "OrderRefundRequested": "panacea.orders.models",
        "OrderRefunded": "panacea.orders.models",
        "OrderShipped": "panacea.orders.models",
        "OrderState": "panacea.orders.models",
        "OrderSummary": "panacea.orders.models",
    },
)
