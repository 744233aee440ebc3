from enum import StrEnum


class AppointmentState(StrEnum):
    CANCELLED = "cancelled"
    CHECKED_IN = "checked_in"
    COLLECTED = "collected"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    NO_SHOW = "no_show"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)
