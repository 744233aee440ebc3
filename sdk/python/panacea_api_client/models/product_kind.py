from enum import StrEnum


class ProductKind(StrEnum):
    DEVICE = "device"
    GENE_TEST = "gene_test"
    GOODS = "goods"
    MEDICINE = "medicine"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
