from enum import StrEnum


class PromotionMethod(StrEnum):
    AUTOMATIC = "automatic"
    CODE = "code"
    SINGLE_USE_CODES = "single_use_codes"

    def __str__(self) -> str:
        return str(self.value)
