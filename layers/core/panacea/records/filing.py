"""Filing gene reports: staff (or the lab's operators) upload the PDF by presigned POST, describe it
(test, order and gene-test line, member, markers summary, findings), and release it to the member.

Filing reads the uploaded PDF back (it must be there, a PDF, within the cap), extracts its text and
indexes it for staff search before the report is written (`report.filed`). Releasing moves the
report from draft to released under a condition on its state and announces `report.released`,
which carries the order and line whose wait it ends; releasing a released report changes nothing.
"""

from __future__ import annotations

from panacea import identity
from panacea.platform import clock, storage
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, FieldError, NotFound, Unprocessable
from panacea.platform.ids import new_id
from panacea.platform.transaction import unit_of_work
from panacea.records import dal, extraction, search
from panacea.records.access import Action
from panacea.records.models import (
    MAX_REPORT_BYTES,
    NewReport,
    ReportFiled,
    ReportReleased,
    ReportState,
    ReportUploadRequest,
    ReportView,
    Upload,
)

REPORTS_FOLDER = ("records", "reports")


class FileNotUploaded(Unprocessable):
    slug, title = "file-not-uploaded", "File not uploaded"


class NoSuchReport(NotFound):
    slug, title = "no-such-report", "No such report"


def start_upload(actor: Actor, request: ReportUploadRequest) -> Upload:
    """A presigned POST for one report PDF, under the tenant's prefix, at most MAX_REPORT_BYTES."""
    authorize(actor, Action.FILE_REPORTS)
    key = storage.tenant_object_key(actor.tenant, *REPORTS_FOLDER, f"{new_id()}.pdf")
    form = storage.upload_form(key, content_type=request.content_type, max_bytes=MAX_REPORT_BYTES)
    return Upload(key=key, url=form.url, fields=form.fields, max_bytes=MAX_REPORT_BYTES, expires_at=form.expires_at)


def _uploaded_pdf(tenant_id: str, key: str) -> extraction.Extracted:
    folder = storage.tenant_object_key(tenant_id, *REPORTS_FOLDER, "x")[:-1]
    if not key.startswith(folder) or not storage.belongs_to(tenant_id, key):
        raise FileNotUploaded("the file was not uploaded here", errors=[FieldError("file_key", "not_uploaded")])
    size = storage.size_of(key)
    if size is None:
        raise FileNotUploaded("nothing was uploaded under this key", errors=[FieldError("file_key", "not_uploaded")])
    if size > MAX_REPORT_BYTES:
        raise FileNotUploaded(f"the file is over {MAX_REPORT_BYTES} bytes", errors=[FieldError("file_key", "too_big")])
    return extraction.text_of(storage.read(key), field="file_key")


def searchable_text(cmd: NewReport, text: str) -> str:
    """What a report is found by: its test, summary and findings, then the text of its PDF."""
    findings = " ".join(f"{f.marker} {f.result} {f.interpretation}" for f in cmd.findings)
    return " ".join((cmd.test_name, cmd.markers_summary, findings, text))


def file_report(actor: Actor, cmd: NewReport) -> ReportView:
    """Describe an uploaded report PDF: a draft the member does not see until it is released."""
    authorize(actor, Action.FILE_REPORTS)
    tenant_id = actor.tenant
    if not identity.is_user(tenant_id, cmd.member_id):
        raise Unprocessable.on_field("member_id", "unknown", f"{cmd.member_id} is no member of the tenant")
    file_id = cmd.file_key.rsplit("/", 1)[-1].removesuffix(".pdf")
    if dal.file_filed(tenant_id, file_id):  # refused before anything is indexed
        raise _file_taken()
    extracted = _uploaded_pdf(tenant_id, cmd.file_key)
    report_id = new_id()
    dal.index_report(tenant_id, report_id, search.index(searchable_text(cmd, extracted.text)))
    item = dal.ReportItem.new(
        tenant_id,
        report_id,
        member_id=cmd.member_id,
        order_id=cmd.order_id,
        line_id=cmd.line_id,
        test_name=cmd.test_name,
        markers_summary=cmd.markers_summary or None,
        findings=[f.model_dump(mode="json") for f in cmd.findings] or None,
        file_key=cmd.file_key,
        pages=extracted.pages,
        created_at=clock.now(),
        created_by=actor.user_id,
    )
    with unit_of_work(tenant_id) as uow:
        uow.create(item, conflict=Conflict("report exists"))
        uow.claim(tenant_id, dal.FILE_CLAIM, file_id, report_id, taken=_file_taken())
        uow.emit(
            ReportFiled(
                report_id=report_id,
                member_id=cmd.member_id,
                order_id=cmd.order_id,
                line_id=cmd.line_id,
                test_name=cmd.test_name,
                by=actor.user_id,
            )
        )
    return item.view()


def _file_taken() -> Conflict:
    return Conflict("another report was filed with this file", errors=[FieldError("file_key", "taken")])


def release(actor: Actor, report_id: str) -> ReportView:
    """Release a report to its member (`report.released`); a released report stays as it is."""
    authorize(actor, Action.FILE_REPORTS)
    tenant_id = actor.tenant
    item = dal.report(tenant_id, report_id)
    if item is None:
        raise NoSuchReport(f"no report {report_id}", field="report_id")
    if item.state == ReportState.RELEASED:
        return item.view()
    item.state, item.released_at, item.released_by = ReportState.RELEASED.value, clock.now(), actor.user_id
    item.place(tenant_id)
    with unit_of_work(tenant_id) as uow:
        uow.save(
            item,
            condition=dal.ReportItem.state == ReportState.DRAFT.value,
            conflict=Conflict("the report was released meanwhile", errors=[FieldError("report_id", "released")]),
        )
        uow.emit(
            ReportReleased(
                report_id=report_id,
                member_id=item.member_id,
                order_id=item.order_id,
                line_id=item.line_id,
                test_name=item.test_name,
                by=actor.user_id,
            )
        )
    return item.view()
