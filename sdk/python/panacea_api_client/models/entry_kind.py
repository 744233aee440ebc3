from enum import StrEnum


class EntryKind(StrEnum):
    CASHBACK = "cashback"
    CASHBACK_REVERSED = "cashback_reversed"
    CLAWBACK = "clawback"
    COMMISSION = "commission"
    ORDER_PAYMENT = "order_payment"
    ORDER_RETURNED = "order_returned"
    WITHDRAWAL_HELD = "withdrawal_held"
    WITHDRAWAL_RETURNED = "withdrawal_returned"

    def __str__(self) -> str:
        return str(self.value)
