from enum import StrEnum


class UserStatus(StrEnum):
    ACTIVE = "active"
    DISABLED = "disabled"
    INVITED = "invited"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
