from enum import StrEnum


class BindingTerm(StrEnum):
    DAYS = "days"
    LAST_CLICK = "last_click"
    PERMANENT = "permanent"

    def __str__(self) -> str:
        return str(self.value)
