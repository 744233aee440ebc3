from enum import StrEnum


class GroupStatus(StrEnum):
    DELIVERED = "delivered"
    ISSUED = "issued"
    OVERDUE = "overdue"
    REFUNDED = "refunded"
    REPORTED = "reported"
    SHIPPED = "shipped"
    WAITING = "waiting"

    def __str__(self) -> str:
        return str(self.value)
