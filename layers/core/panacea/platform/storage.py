"""The storage port: files people upload (product images, later reports and documents), kept in
the stage's uploads bucket (`PANACEA_UPLOADS_BUCKET`) under keys the platform makes.

Every key starts with `tenants/<tenant>/`, so one IAM statement (`<bucket>/tenants/*`) covers
what functions may put and get, and an object always says whose it is. Clients never send
bytes through the API: they get a presigned POST, whose policy S3 enforces (this exact key,
this content type, at most this many bytes, within minutes), and read through presigned GET
URLs. Both are signed here, locally: neither costs a request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from panacea.platform import clock
from panacea.platform.aws import client
from panacea.platform.keys import tenant_prefix
from panacea.platform.settings import SettingsError, settings

TENANTS_PREFIX = "tenants/"
UPLOAD_SECONDS = 10 * 60  # how long a presigned POST may be used
DOWNLOAD_SECONDS = 60 * 60  # how long a presigned GET URL works


@dataclass(frozen=True)
class UploadForm:
    """Where and how a client uploads one file: POST `url` as multipart/form-data with `fields`
    first and the file last (field `file`)."""

    url: str
    fields: dict[str, str]
    expires_at: datetime


def tenant_object_key(tenant_id: str, *parts: str) -> str:
    """`tenants/<tenant>/<part>/<part>…`: the only way to name an object of a tenant's."""
    tenant_prefix(tenant_id)  # refuses anything that is not a tenant id
    if not parts or any(not p or "/" in p or p in (".", "..") for p in parts):
        raise ValueError(f"object key parts {parts!r} must be non-empty and contain no '/'")
    return TENANTS_PREFIX + "/".join((tenant_id, *parts))


def belongs_to(tenant_id: str, key: str) -> bool:
    return key.startswith(f"{TENANTS_PREFIX}{tenant_id}/") and ".." not in key


def _bucket() -> str:
    bucket = settings().uploads_bucket
    if not bucket:
        raise SettingsError("PANACEA_UPLOADS_BUCKET is not set for this function")
    return bucket


def upload_form(key: str, *, content_type: str, max_bytes: int, expires_s: int = UPLOAD_SECONDS) -> UploadForm:
    """A presigned POST for exactly `key`, of `content_type`, 1 to `max_bytes` bytes."""
    answer = client("s3").generate_presigned_post(
        Bucket=_bucket(),
        Key=key,
        Fields={"Content-Type": content_type},
        Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
        ExpiresIn=expires_s,
    )
    return UploadForm(
        url=str(answer["url"]),
        fields={k: str(v) for k, v in answer["fields"].items()},
        expires_at=clock.now() + timedelta(seconds=expires_s),
    )


def download_url(key: str, *, expires_s: int = DOWNLOAD_SECONDS) -> str:
    """A presigned GET URL of an object (the bucket is private)."""
    return str(
        client("s3").generate_presigned_url("get_object", Params={"Bucket": _bucket(), "Key": key}, ExpiresIn=expires_s)
    )


def size_of(key: str) -> int | None:
    """The size in bytes of an uploaded object, or None if nothing was uploaded under `key`."""
    from botocore.exceptions import ClientError  # noqa: PLC0415 - botocore is loaded with the client

    try:
        head = client("s3").head_object(Bucket=_bucket(), Key=key)
    except ClientError as missing:
        if missing.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            return None
        raise
    return int(head["ContentLength"])


def read(key: str) -> bytes:
    """The bytes of an uploaded object (one the platform capped in size when it signed its form)."""
    return bytes(client("s3").get_object(Bucket=_bucket(), Key=key)["Body"].read())
