from enum import StrEnum


class PromotionKind(StrEnum):
    AMOUNT_OFF = "amount_off"
    PERCENTAGE_OFF = "percentage_off"
    SPEND_AND_SAVE = "spend_and_save"

    def __str__(self) -> str:
        return str(self.value)
