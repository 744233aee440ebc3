from enum import StrEnum


class WithdrawalState(StrEnum):
    APPROVED = "approved"
    FAILED = "failed"
    PAID = "paid"
    REJECTED = "rejected"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)
