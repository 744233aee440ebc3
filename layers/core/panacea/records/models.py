"""Records' contracts: what staff and members send, what they get back, and the events records
announces.

A gene report is a PDF staff (or, later, the lab) upload by presigned POST and describe (the test,
the order and its gene-test line, the member, a markers summary and findings); it is `draft` until
released, then the member sees it. A checkup record is a member's own file (a photo or a PDF of a
checkup elsewhere), in a category.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from panacea.platform.events import DomainEvent
from panacea.platform.inputs import Command, FromString, Paragraphs, Text
from panacea.platform.models import BaseModel

MAX_REPORT_BYTES = 20 * 1024 * 1024  # a report PDF
MAX_RECORD_BYTES = 10 * 1024 * 1024  # a member's photo or PDF
MAX_FINDINGS = 50
KNOWN_SIZE = "bytes, if known: refused here if too big"

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$", examples=["01JD6Q3W8M0000000000000000"])]
ReportKey = Annotated[
    str,
    Field(
        min_length=1,
        max_length=300,
        pattern=r"^tenants/[A-Za-z0-9]+/records/reports/[A-Za-z0-9]+\.pdf$",
        description="the `key` of the report's upload, once the PDF is posted",
    ),
]
RecordKey = Annotated[
    str,
    Field(
        min_length=1,
        max_length=300,
        pattern=r"^tenants/[A-Za-z0-9]+/records/members/[A-Za-z0-9_-]+/[A-Za-z0-9]+\.(pdf|jpg|png|webp|heic)$",
        description="the `key` of your upload, once the file is posted",
    ),
]

RECORD_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/heic": "heic",
}


class ReportState(StrEnum):
    DRAFT = "draft"  # uploaded and described; staff only
    RELEASED = "released"  # the member sees it


class RecordCategory(StrEnum):
    BLOOD_TEST = "blood_test"
    IMAGING = "imaging"
    PRESCRIPTION = "prescription"
    DISCHARGE_SUMMARY = "discharge_summary"
    VACCINATION = "vaccination"
    PHYSICAL_EXAM = "physical_exam"
    OTHER = "other"


# --- uploads ---------------------------------------------------------------------------------------


class ReportUploadRequest(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"content_type": "application/pdf", "size": 734003}]}
    )

    content_type: Literal["application/pdf"]
    size: (
        Annotated[int, Field(ge=1, le=MAX_REPORT_BYTES, description="bytes, if known: refused here if too big")] | None
    ) = None


class RecordUploadRequest(Command):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"content_type": "image/jpeg", "size": 1832004}]}
    )

    content_type: Literal["application/pdf", "image/jpeg", "image/png", "image/webp", "image/heic"]
    size: (
        Annotated[int, Field(ge=1, le=MAX_RECORD_BYTES, description="bytes, if known: refused here if too big")] | None
    ) = None


class Upload(BaseModel):
    """POST the file to `url` as multipart/form-data: every field of `fields`, then `file`."""

    key: str = Field(description="name it when you describe the file, once uploaded")
    url: str
    fields: dict[str, str]
    max_bytes: int
    expires_at: datetime


class Download(BaseModel):
    """A short-lived link to the file (GET it; it stops working at `expires_at`)."""

    url: str
    expires_at: datetime


# --- gene reports ----------------------------------------------------------------------------------


class Finding(Command):
    model_config = ConfigDict(extra="forbid")

    marker: Annotated[Text, Field(min_length=1, max_length=80, examples=["BRCA1 c.68_69delAG"])]
    result: Annotated[Text, Field(min_length=1, max_length=120, examples=["not detected"])]
    interpretation: Annotated[Paragraphs, Field(max_length=2000)] = ""


class NewReport(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "file_key": "tenants/01JDQ3V6N1W2X3Y4Z5A6B7C8D9/records/reports/01JDQ4A0000000000000000000.pdf",
                    "member_id": "01JD6Q3W8M0000000000000000",
                    "order_id": "01JD6Q3W8M0000000000000001",
                    "line_id": "G1",
                    "test_name": "BRCA1/2 Hereditary Cancer Panel",
                    "markers_summary": "No pathogenic variant found in BRCA1 or BRCA2.",
                    "findings": [
                        {"marker": "BRCA1", "result": "not detected", "interpretation": "Population risk."},
                    ],
                }
            ]
        },
    )

    file_key: ReportKey
    member_id: Id
    order_id: Id | None = Field(default=None, description="the order the test was bought in")
    line_id: Id | None = Field(default=None, description="the order's gene-test line (its group id)")
    test_name: Annotated[Text, Field(min_length=1, max_length=200)]
    markers_summary: Annotated[Paragraphs, Field(max_length=4000)] = ""
    findings: Annotated[list[Finding], Field(max_length=MAX_FINDINGS)] = Field(default_factory=list)


class FindingView(BaseModel):
    marker: str
    result: str
    interpretation: str


class ReportView(BaseModel):
    id: str
    state: ReportState
    member_id: str
    order_id: str | None
    line_id: str | None
    test_name: str
    markers_summary: str
    findings: list[FindingView]
    pages: int | None = Field(default=None, description="pages of the PDF (known once released)")
    created_at: datetime
    created_by: str
    released_at: datetime | None = None
    released_by: str | None = None


class ReportSummary(BaseModel):
    """A report in a list."""

    id: str
    state: ReportState
    member_id: str
    test_name: str
    order_id: str | None
    created_at: datetime
    released_at: datetime | None = None


# --- checkup records -------------------------------------------------------------------------------


class NewCheckupRecord(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "file_key": "tenants/01JDQ3V6N1W2X3Y4Z5A6B7C8D9/records/members/01JD6Q3W8M0000000000000000/"
                    "01JDQ4A0000000000000000000.jpg",
                    "category": "blood_test",
                    "title": "Annual blood panel",
                    "taken_on": "2026-11-20",
                    "note": "Fasting, morning",
                }
            ]
        },
    )

    file_key: RecordKey
    category: FromString[RecordCategory]
    title: Annotated[Text, Field(min_length=1, max_length=200)]
    taken_on: FromString[date] | None = Field(default=None, description="when the checkup took place")
    note: Annotated[Paragraphs, Field(max_length=2000)] = ""


class CheckupRecord(BaseModel):
    id: str
    category: RecordCategory
    title: str
    taken_on: date | None
    note: str
    content_type: str
    size: int
    added_at: datetime


# --- events ----------------------------------------------------------------------------------------


class ReportFiled(DomainEvent, name="report.filed", version=1):
    """Staff uploaded and described a gene report (a draft: the member does not see it yet)."""

    report_id: str
    member_id: str
    order_id: str | None
    line_id: str | None
    test_name: str
    by: str


class ReportReleased(DomainEvent, name="report.released", version=1):
    """A gene report was released to its member. `order_id` and `line_id` name the order's gene-test
    line whose wait it ends (the order-fulfilment workflow's `<line>.report` token)."""

    report_id: str
    member_id: str
    order_id: str | None
    line_id: str | None
    test_name: str
    by: str


class CheckupRecordAdded(DomainEvent, name="checkup_record.added", version=1):
    """A member added one of their own checkup records."""

    record_id: str
    member_id: str
    category: RecordCategory
