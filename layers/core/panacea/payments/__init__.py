"""Payments: PaymentIntents on Stripe, offline payments confirmed by finance, refunds and disputes.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`).
Checkout opens an order's payment at Stripe (`open_intent`) and records it in the order's own
transaction (`record_payment` hands it the writes, from an `OrderPayment`); if that transaction
does not commit, the intent is called off (`call_off_intent`)."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.payments.access import Action
    from panacea.payments.logic import get_payment
    from panacea.payments.models import (
        Method,
        Payment,
        PaymentCanceled,
        PaymentDisputed,
        PaymentFailed,
        PaymentRefunded,
        PaymentStatus,
        PaymentSucceeded,
        PaymentView,
        Refund,
    )
    from panacea.payments.refunds import refund
    from panacea.payments.starting import (
        OrderPayment,
        PendingPayment,
        call_off_intent,
        cancel_payment,
        open_intent,
        record_offline_payment,
        record_payment,
        start_payment,
    )

__all__ = [
    "Action",
    "Method",
    "OrderPayment",
    "Payment",
    "PaymentCanceled",
    "PaymentDisputed",
    "PaymentFailed",
    "PaymentRefunded",
    "PaymentStatus",
    "PaymentSucceeded",
    "PaymentView",
    "PendingPayment",
    "Refund",
    "call_off_intent",
    "cancel_payment",
    "get_payment",
    "open_intent",
    "record_offline_payment",
    "record_payment",
    "refund",
    "start_payment",
]
__getattr__ = face(
    __name__,
    {
        "Action": "panacea.payments.access",  # what a use case of another context checks for a payment
        "get_payment": "panacea.payments.logic",
        "refund": "panacea.payments.refunds",
        "OrderPayment": "panacea.payments.starting",
        "PendingPayment": "panacea.payments.starting",
        "cancel_payment": "panacea.payments.starting",
        "open_intent": "panacea.payments.starting",
        "call_off_intent": "panacea.payments.starting",
        "record_offline_payment": "panacea.payments.starting",
        "record_payment": "panacea.payments.starting",
        "start_payment": "panacea.payments.starting",
        "Method": "panacea.payments.models",
        "Payment": "panacea.payments.models",
        "PaymentCanceled": "panacea.payments.models",
        "PaymentDisputed": "panacea.payments.models",
        "PaymentFailed": "panacea.payments.models",
        "PaymentRefunded": "panacea.payments.models",
        "PaymentStatus": "panacea.payments.models",
        "PaymentSucceeded": "panacea.payments.models",
        "PaymentView": "panacea.payments.models",
        "Refund": "panacea.payments.models",
    },
)
