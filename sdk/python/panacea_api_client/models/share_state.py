from enum import StrEnum


class ShareState(StrEnum):
    AVAILABLE = "available"
    FROZEN = "frozen"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
