"""Payments: PaymentIntents on Stripe, offline payments confirmed by finance, refunds and disputes."""
