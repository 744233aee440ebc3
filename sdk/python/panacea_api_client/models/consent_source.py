from enum import StrEnum


class ConsentSource(StrEnum):
    APP = "app"
    IN_PERSON = "in_person"
    PAPER = "paper"
    PHONE = "phone"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
