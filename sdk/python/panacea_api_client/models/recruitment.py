from enum import StrEnum


class Recruitment(StrEnum):
    APPOINTED = "appointed"
    EVERYONE = "everyone"
    OFF = "off"
    SPENDING = "spending"

    def __str__(self) -> str:
        return str(self.value)
