from enum import StrEnum


class DistributorStatus(StrEnum):
    ACTIVE = "active"
    REMOVED = "removed"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
