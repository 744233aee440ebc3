from enum import StrEnum


class UserKind(StrEnum):
    GROUP = "group"
    INDIVIDUAL = "individual"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)
