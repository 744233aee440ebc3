from enum import StrEnum


class TenantStatus(StrEnum):
    ACTIVE = "active"
    ONBOARDING = "onboarding"
    ONBOARDING_FAILED = "onboarding_failed"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
