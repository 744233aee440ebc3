from enum import StrEnum


class BillingStripeEventType(StrEnum):
    CHECKOUT_SESSION_COMPLETED = "checkout.session.completed"
    CUSTOMER_SUBSCRIPTION_CREATED = "customer.subscription.created"
    CUSTOMER_SUBSCRIPTION_DELETED = "customer.subscription.deleted"
    CUSTOMER_SUBSCRIPTION_TRIAL_WILL_END = "customer.subscription.trial_will_end"
    CUSTOMER_SUBSCRIPTION_UPDATED = "customer.subscription.updated"
    ENTITLEMENTS_ACTIVE_ENTITLEMENT_SUMMARY_UPDATED = (
        "entitlements.active_entitlement_summary.updated"
    )
    INVOICE_PAID = "invoice.paid"
    INVOICE_PAYMENT_ACTION_REQUIRED = "invoice.payment_action_required"
    INVOICE_PAYMENT_FAILED = "invoice.payment_failed"

    def __str__(self) -> str:
        return str(self.value)
