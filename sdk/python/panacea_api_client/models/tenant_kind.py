from enum import StrEnum


class TenantKind(StrEnum):
    GENE_TESTING = "gene_testing"
    GP_PRACTICE = "gp_practice"
    INTERNET_HOSPITAL = "internet_hospital"
    PARTNER = "partner"
    PRIVATE_CLINIC = "private_clinic"

    def __str__(self) -> str:
        return str(self.value)
