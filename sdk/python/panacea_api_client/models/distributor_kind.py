from enum import StrEnum


class DistributorKind(StrEnum):
    INSTITUTION = "institution"
    MEMBER = "member"
    PHARMACY = "pharmacy"

    def __str__(self) -> str:
        return str(self.value)
