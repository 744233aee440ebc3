from enum import StrEnum


class StoreKind(StrEnum):
    INSTITUTION = "institution"
    PHARMACY = "pharmacy"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
