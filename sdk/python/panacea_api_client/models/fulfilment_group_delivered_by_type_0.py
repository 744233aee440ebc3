from enum import StrEnum


class FulfilmentGroupDeliveredByType0(StrEnum):
    AUTO = "auto"
    MEMBER = "member"

    def __str__(self) -> str:
        return str(self.value)
