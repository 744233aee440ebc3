from enum import StrEnum


class PromotionStatus(StrEnum):
    ACTIVE = "active"
    DRAFT = "draft"
    ENDED = "ended"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)
