from enum import StrEnum


class StripeEventType(StrEnum):
    CHARGE_DISPUTE_CREATED = "charge.dispute.created"
    CHARGE_REFUNDED = "charge.refunded"
    PAYMENT_INTENT_CANCELED = "payment_intent.canceled"
    PAYMENT_INTENT_PAYMENT_FAILED = "payment_intent.payment_failed"
    PAYMENT_INTENT_SUCCEEDED = "payment_intent.succeeded"

    def __str__(self) -> str:
        return str(self.value)
