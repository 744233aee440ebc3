from enum import StrEnum


class BindingScope(StrEnum):
    ANYONE = "anyone"
    NEW_MEMBERS = "new_members"

    def __str__(self) -> str:
        return str(self.value)
