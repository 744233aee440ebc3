"""Members' own checkup records: photos and PDFs of checkups elsewhere, uploaded by presigned POST
under the member's own prefix, described (category, title, when), listed by category and downloaded
by a short-lived presigned GET. Only the member reaches them: every key names the member.
"""

from __future__ import annotations

from datetime import timedelta

from panacea.platform import clock, storage
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, FieldError, NotFound
from panacea.platform.ids import new_id
from panacea.platform.table import Page
from panacea.platform.transaction import unit_of_work
from panacea.records import dal
from panacea.records.access import Action
from panacea.records.filing import FileNotUploaded
from panacea.records.models import (
    MAX_RECORD_BYTES,
    RECORD_TYPES,
    CheckupRecord,
    CheckupRecordAdded,
    Download,
    NewCheckupRecord,
    RecordCategory,
    RecordUploadRequest,
    Upload,
)

DOWNLOAD_SECONDS = 5 * 60
_TYPE_OF = {extension: content_type for content_type, extension in RECORD_TYPES.items()}


class NoSuchRecord(NotFound):
    slug, title = "no-such-record", "No such record"


def _folder(actor: Actor) -> tuple[str, ...]:
    return ("records", "members", actor.user_id)


def start_upload(actor: Actor, request: RecordUploadRequest) -> Upload:
    """A presigned POST for one photo or PDF of the member's, at most MAX_RECORD_BYTES."""
    authorize(actor, Action.KEEP_RECORDS)
    name = f"{new_id()}.{RECORD_TYPES[request.content_type]}"
    key = storage.tenant_object_key(actor.tenant, *_folder(actor), name)
    form = storage.upload_form(key, content_type=request.content_type, max_bytes=MAX_RECORD_BYTES)
    return Upload(key=key, url=form.url, fields=form.fields, max_bytes=MAX_RECORD_BYTES, expires_at=form.expires_at)


def add(actor: Actor, cmd: NewCheckupRecord) -> CheckupRecord:
    """Describe an uploaded file of the member's: one record per file."""
    authorize(actor, Action.KEEP_RECORDS)
    tenant_id = actor.tenant
    folder = storage.tenant_object_key(tenant_id, *_folder(actor), "x")[:-1]
    size = storage.size_of(cmd.file_key) if cmd.file_key.startswith(folder) else None
    if size is None:
        raise FileNotUploaded(
            "nothing of yours was uploaded under this key", errors=[FieldError("file_key", "not_uploaded")]
        )
    name = cmd.file_key.rsplit("/", 1)[-1]
    record_id, extension = name.split(".", 1)
    item = dal.CheckupItem.new(
        tenant_id,
        actor.user_id,
        record_id,
        category=RecordCategory(cmd.category),
        title=cmd.title,
        taken_on=cmd.taken_on,
        note=cmd.note or None,
        file_key=cmd.file_key,
        content_type=_TYPE_OF[extension],
        size=size,
        added_at=clock.now(),
    )
    taken = Conflict("this file is already a record", errors=[FieldError("file_key", "taken")])
    with unit_of_work(tenant_id) as uow:
        uow.create(item, conflict=taken)
        uow.emit(CheckupRecordAdded(record_id=record_id, member_id=actor.user_id, category=item.view().category))
    return item.view()


def mine(actor: Actor, category: RecordCategory | None, *, cursor: str | None, limit: int) -> Page[CheckupRecord]:
    authorize(actor, Action.KEEP_RECORDS)
    return dal.checkups(actor.tenant, actor.user_id, category, cursor=cursor, limit=limit)


def _record(actor: Actor, record_id: str) -> dal.CheckupItem:
    authorize(actor, Action.KEEP_RECORDS)
    item = dal.checkup(actor.tenant, actor.user_id, record_id)
    if item is None:
        raise NoSuchRecord(f"you have no record {record_id}", field="record_id")
    return item


def one(actor: Actor, record_id: str) -> CheckupRecord:
    return _record(actor, record_id).view()


def download(actor: Actor, record_id: str) -> Download:
    item = _record(actor, record_id)
    url = storage.download_url(item.file_key, expires_s=DOWNLOAD_SECONDS)
    return Download(url=url, expires_at=clock.now() + timedelta(seconds=DOWNLOAD_SECONDS))
