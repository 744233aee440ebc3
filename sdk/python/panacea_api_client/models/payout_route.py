from enum import StrEnum


class PayoutRoute(StrEnum):
    EXTERNAL = "external"
    STRIPE_CONNECT = "stripe_connect"

    def __str__(self) -> str:
        return str(self.value)
