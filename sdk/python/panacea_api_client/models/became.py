from enum import StrEnum


class Became(StrEnum):
    APPOINTED = "appointed"
    JOINED = "joined"
    SPENDING = "spending"

    def __str__(self) -> str:
        return str(self.value)
