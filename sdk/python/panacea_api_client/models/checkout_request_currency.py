from enum import StrEnum


class CheckoutRequestCurrency(StrEnum):
    CNY = "CNY"
    GBP = "GBP"

    def __str__(self) -> str:
        return str(self.value)
