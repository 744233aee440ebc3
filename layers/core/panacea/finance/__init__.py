"""Finance: the sales ledger, written when an order's money moves, and the period reports read from it.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`).
Orders hands finance a `Sale` (and a `SaleRefund`) and adds the entry finance builds
(`sale_entry`, `refund_entry`) to the transaction that moves the money. Nothing else joins that
transaction: later contexts (distribution, logistics, records …) subscribe to `order.paid`,
`order.completed` and `order.refunded`."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.finance.ledger import Sale, SaleLine, SaleRefund, refund_entry, sale_entry
    from panacea.finance.models import LedgerEntry, PeriodOrder, SalesReport

__all__ = ["LedgerEntry", "PeriodOrder", "Sale", "SaleLine", "SaleRefund", "SalesReport", "refund_entry", "sale_entry"]
__getattr__ = face(
    __name__,
    {
        "Sale": "panacea.finance.ledger",
        "SaleLine": "panacea.finance.ledger",
        "SaleRefund": "panacea.finance.ledger",
        "sale_entry": "panacea.finance.ledger",
        "refund_entry": "panacea.finance.ledger",
        "LedgerEntry": "panacea.finance.models",
        "PeriodOrder": "panacea.finance.models",
        "SalesReport": "panacea.finance.models",
    },
)
