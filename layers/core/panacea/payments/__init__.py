"""Payments: PaymentIntents on Stripe, offline payments confirmed by finance, refunds and disputes.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`)."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.payments.access import Action

__all__ = ["Action"]
__getattr__ = face(
    __name__,
    {
        "Action": "panacea.payments.access",  # what a use case of another context checks for a payment
    },
)
