from enum import StrEnum


class MyQrCodeErrorCorrection(StrEnum):
    M = "M"
    Q = "Q"

    def __str__(self) -> str:
        return str(self.value)
