from enum import StrEnum


class Tier(StrEnum):
    ENTERPRISE = "enterprise"
    FLAGSHIP = "flagship"
    PROFESSIONAL = "professional"
    TRIAL = "trial"
    WHITE_LABEL = "white_label"

    def __str__(self) -> str:
        return str(self.value)
