from enum import StrEnum


class EntryKind(StrEnum):
    CASHBACK = "cashback"
    CASHBACK_REVERSED = "cashback_reversed"
    CLAWBACK = "clawback"
    COMMISSION = "commission"
    WITHDRAWAL_HELD = "withdrawal_held"
    WITHDRAWAL_RETURNED = "withdrawal_returned"

    def __str__(self) -> str:
        return str(self.value)
