from enum import StrEnum


class Movement(StrEnum):
    ADJUSTMENT = "adjustment"
    RELEASE = "release"
    RESERVATION = "reservation"
    RESTOCK = "restock"
    SALE = "sale"
    SET = "set"

    def __str__(self) -> str:
        return str(self.value)
