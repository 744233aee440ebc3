from enum import StrEnum


class OrderState(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    EXPIRED = "expired"
    FULFILLING = "fulfilling"
    PAID = "paid"
    PARTIALLY_REFUNDED = "partially_refunded"
    PENDING_PAYMENT = "pending_payment"
    REFUNDED = "refunded"
    REFUND_REQUESTED = "refund_requested"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)
