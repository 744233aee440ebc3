from enum import StrEnum


class RefundStatus(StrEnum):
    FAILED = "failed"
    PENDING = "pending"
    REQUESTED = "requested"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
