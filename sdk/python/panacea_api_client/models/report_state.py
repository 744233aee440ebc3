from enum import StrEnum


class ReportState(StrEnum):
    DRAFT = "draft"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
