from enum import StrEnum


class BillingWebhookReceiptOutcome(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"
    UNCHANGED = "unchanged"

    def __str__(self) -> str:
        return str(self.value)
