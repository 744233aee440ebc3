from enum import StrEnum


class NewStoreKind(StrEnum):
    INSTITUTION = "institution"
    PHARMACY = "pharmacy"

    def __str__(self) -> str:
        return str(self.value)
