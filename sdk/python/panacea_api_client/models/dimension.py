from enum import StrEnum


class Dimension(StrEnum):
    AUDIENCE = "audience"
    SERIES = "series"
    USE = "use"

    def __str__(self) -> str:
        return str(self.value)
