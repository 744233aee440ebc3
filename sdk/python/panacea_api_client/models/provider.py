from enum import StrEnum


class Provider(StrEnum):
    OFFLINE = "offline"
    STRIPE = "stripe"

    def __str__(self) -> str:
        return str(self.value)
