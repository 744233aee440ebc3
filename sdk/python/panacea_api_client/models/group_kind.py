from enum import StrEnum


class GroupKind(StrEnum):
    GENE_TEST = "gene_test"
    SERVICE = "service"
    SHIPMENT = "shipment"

    def __str__(self) -> str:
        return str(self.value)
