from enum import StrEnum


class RecordCategory(StrEnum):
    BLOOD_TEST = "blood_test"
    DISCHARGE_SUMMARY = "discharge_summary"
    IMAGING = "imaging"
    OTHER = "other"
    PHYSICAL_EXAM = "physical_exam"
    PRESCRIPTION = "prescription"
    VACCINATION = "vaccination"

    def __str__(self) -> str:
        return str(self.value)
