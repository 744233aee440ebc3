"""Records' HTTP routes: staff upload, file, release, list, search, read and download gene reports;
members list, read and download their released reports, and upload, describe, list and download
their own checkup records. Every read of a report is written to the audit trail."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.platform.access import requires
from panacea.platform.api import IdempotencyKey, build_resolver, created, current_actor, idempotent, lambda_entry
from panacea.platform.table import MAX_PAGE, Page
from panacea.records import checkups, filing, reading
from panacea.records.access import Action
from panacea.records.models import (
    CheckupRecord,
    Download,
    NewCheckupRecord,
    NewReport,
    RecordCategory,
    RecordUploadRequest,
    ReportSummary,
    ReportUploadRequest,
    ReportView,
    Upload,
)

app = build_resolver()

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
SearchLimit = Annotated[int, Query(ge=1, le=25, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
MINE, STAFF = "My records", "Gene reports"
KEEP, READ, FILE = (requires(a) for a in (Action.KEEP_RECORDS, Action.READ_REPORTS, Action.FILE_REPORTS))
AUDITED = "The read is written to the audit trail."


def _reader() -> reading.Reader:
    identity = app.current_event.request_context.identity
    return reading.Reader(source_ip=identity.source_ip, user_agent=identity.user_agent)


# --- staff: gene reports ---------------------------------------------------------------------------


@app.post(
    "/v1/reports/uploads",
    summary="Upload a gene report's PDF: a presigned POST (PDF only, at most 20 MB)",
    description=f"{FILE} POST the form to `url`, then name the `key` as `file_key` when you file the report.",
    tags=[STAFF],
)
def start_report_upload(request: ReportUploadRequest) -> Upload:
    return filing.start_upload(current_actor(), request)


@app.post(
    "/v1/reports",
    summary="File a gene report (a draft until released)",
    description=f"{FILE} The uploaded PDF is read back, its text extracted and indexed for search.",
    tags=[STAFF],
    status_code=201,
)
def file_report(report: NewReport, idempotency_key: IdempotencyKey = None) -> Response[ReportView]:
    actor = current_actor()
    made = idempotent(
        actor, "records.file_report", report, ReportView, lambda: filing.file_report(actor, report), key=idempotency_key
    )
    return created(made, f"/v1/reports/{made.id}")


@app.post(
    "/v1/reports/<report_id>/release",
    summary="Release a gene report to its member",
    description=f"{FILE} Announces `report.released` (with the order and its gene-test line); a released "
    "report is answered as it is.",
    tags=[STAFF],
)
def release_report(report_id: str) -> ReportView:
    return filing.release(current_actor(), report_id)


@app.get(
    "/v1/reports",
    summary="List gene reports, newest first, or search them by their words",
    description=f"{READ} `q` finds the reports in which every word of it starts a word of the report (its "
    "test, summary, findings and PDF text); a page of a search may hold fewer than `limit` reports.",
    tags=[STAFF],
)
def list_reports(
    q: Annotated[str | None, Query(max_length=200, description="words to look for")] = None,
    cursor: Cursor = None,
    limit: SearchLimit = 20,
) -> Page[ReportSummary]:
    return reading.reports(current_actor(), q=q, cursor=cursor, limit=limit)


@app.get("/v1/reports/<report_id>", summary="Read a gene report", description=f"{READ} {AUDITED}", tags=[STAFF])
def get_report(report_id: str) -> ReportView:
    return reading.report(current_actor(), report_id, _reader())


@app.get(
    "/v1/reports/<report_id>/download",
    summary="A short-lived link to a gene report's PDF",
    description=f"{READ} {AUDITED}",
    tags=[STAFF],
)
def download_report(report_id: str) -> Download:
    return reading.download(current_actor(), report_id, _reader())


# --- members: their gene reports -------------------------------------------------------------------


@app.get("/v1/me/reports", summary="Your released gene reports, newest first", description=KEEP, tags=[MINE])
def my_reports(cursor: Cursor = None, limit: Limit = 20) -> Page[ReportSummary]:
    return reading.my_reports(current_actor(), cursor=cursor, limit=limit)


@app.get("/v1/me/reports/<report_id>", summary="Read your gene report", description=f"{KEEP} {AUDITED}", tags=[MINE])
def my_report(report_id: str) -> ReportView:
    return reading.my_report(current_actor(), report_id, _reader())


@app.get(
    "/v1/me/reports/<report_id>/download",
    summary="A short-lived link to your gene report's PDF",
    description=f"{KEEP} {AUDITED}",
    tags=[MINE],
)
def download_my_report(report_id: str) -> Download:
    return reading.my_download(current_actor(), report_id, _reader())


# --- members: their checkup records ----------------------------------------------------------------


@app.post(
    "/v1/me/records/uploads",
    summary="Upload a checkup record: a presigned POST (PDF, JPEG, PNG, WebP or HEIC, at most 10 MB)",
    description=f"{KEEP} POST the form to `url`, then name the `key` as `file_key` when you describe it.",
    tags=[MINE],
)
def start_record_upload(request: RecordUploadRequest) -> Upload:
    return checkups.start_upload(current_actor(), request)


@app.post(
    "/v1/me/records",
    summary="Describe an uploaded checkup record",
    description=f"{KEEP} One record per uploaded file.",
    tags=[MINE],
    status_code=201,
)
def add_record(record: NewCheckupRecord, idempotency_key: IdempotencyKey = None) -> Response[CheckupRecord]:
    actor = current_actor()
    made = idempotent(
        actor, "records.add_record", record, CheckupRecord, lambda: checkups.add(actor, record), key=idempotency_key
    )
    return created(made, f"/v1/me/records/{made.id}")


@app.get("/v1/me/records", summary="Your checkup records, newest first", description=KEEP, tags=[MINE])
def my_records(
    category: Annotated[RecordCategory | None, Query()] = None, cursor: Cursor = None, limit: Limit = 20
) -> Page[CheckupRecord]:
    return checkups.mine(current_actor(), category, cursor=cursor, limit=limit)


@app.get("/v1/me/records/<record_id>", summary="Read your checkup record", description=KEEP, tags=[MINE])
def my_record(record_id: str) -> CheckupRecord:
    return checkups.one(current_actor(), record_id)


@app.get(
    "/v1/me/records/<record_id>/download",
    summary="A short-lived link to your checkup record's file",
    description=KEEP,
    tags=[MINE],
)
def download_my_record(record_id: str) -> Download:
    return checkups.download(current_actor(), record_id)


handler = lambda_entry(app)
