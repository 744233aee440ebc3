from enum import StrEnum


class BoundBy(StrEnum):
    CHECKOUT = "checkout"
    REGISTRATION = "registration"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)
