from enum import StrEnum


class EntryKind(StrEnum):
    ACCRUED = "accrued"
    AVAILABLE = "available"
    CLAWBACK = "clawback"
    FROZEN = "frozen"
    REVERSED = "reversed"

    def __str__(self) -> str:
        return str(self.value)
