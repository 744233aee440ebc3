from enum import StrEnum


class AddressUse(StrEnum):
    GOODS = "goods"
    KITS = "kits"
    REPORTS = "reports"

    def __str__(self) -> str:
        return str(self.value)
