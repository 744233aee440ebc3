"""Presigned POSTs judged by their policy, as S3 judges them (moto 5.2.5 stores whatever is posted).

A browser-style upload (multipart/form-data POST to the bucket) carries a base64 `policy`: its
expiry and its conditions. S3 refuses the upload when the policy has expired (403), when a
condition fails (403: an exact match `{"field": value}` or `["eq", "$field", value]`, a
`["starts-with", "$field", prefix]`), when a form field is named by no condition (403), or when
the file's size is outside `["content-length-range", min, max]` (400 EntityTooLarge /
EntityTooSmall). The signature is not checked (moto checks none).

Installed by `moto_bridge.install`, so that the local platform refuses a 6 MB image or a PNG
sent with a form made for a JPEG exactly as the deployed bucket would.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any

from moto.s3.responses import S3Response

from panacea.platform import clock

# Form fields S3 never requires a condition for.
UNCONDITIONED = frozenset({"policy", "x-amz-signature", "file", "awsaccesskeyid", "signature"})

_original_post = S3Response._bucket_response_post
_installed = False


Refusal = tuple[int, dict[str, str], str]  # status, headers, body


def _error(status: int, code: str, message: str) -> Refusal:
    body = f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code><Message>{message}</Message></Error>'
    return status, {"Content-Type": "application/xml"}, body


def refusal(fields: dict[str, str], bucket: str, size: int, *, now: datetime) -> Refusal | None:
    """Why S3 would refuse this form upload (status, headers, body), or None if it would take it."""
    encoded = next((v for k, v in fields.items() if k.lower() == "policy"), None)
    if encoded is None:
        return None  # an unsigned POST: the bucket's own access rules decide (moto's business)
    try:
        policy = json.loads(base64.b64decode(encoded))
        expires = datetime.fromisoformat(str(policy["expiration"]).replace("Z", "+00:00"))
        conditions = list(policy["conditions"])
    except (binascii.Error, ValueError, KeyError, TypeError):
        return _error(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON.")
    if expires <= now:
        return _error(403, "AccessDenied", "Invalid according to Policy: Policy expired.")
    values = {k.lower(): v for k, v in fields.items()} | {"bucket": bucket}
    covered: set[str] = set()
    for condition in conditions:
        refused = _judge(condition, values, size, covered)
        if refused:
            return refused
    extra = sorted(k for k in values if k not in covered | UNCONDITIONED and not k.startswith("x-ignore-"))
    if extra:
        return _error(403, "AccessDenied", f"Invalid according to Policy: Extra input fields: {extra[0]}")
    return None


def _judge(condition: Any, values: dict[str, str], size: int, covered: set[str]) -> Refusal | None:
    """One condition of a policy; the fields it names are added to `covered`."""
    if isinstance(condition, dict):
        covered.update(name.lower() for name in condition)
        holds = all(values.get(name.lower()) == expected for name, expected in condition.items())
    elif condition[0] == "content-length-range":
        if size > int(condition[2]):
            return _error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
        if size < int(condition[1]):
            return _error(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size")
        holds = True
    else:  # ["eq" | "starts-with", "$field", value]
        name = str(condition[1]).removeprefix("$").lower()
        covered.add(name)
        value = values.get(name, "")
        holds = value == condition[2] if condition[0] == "eq" else value.startswith(str(condition[2]))
    return None if holds else _failed(condition)


def _failed(condition: Any) -> Refusal:
    return _error(403, "AccessDenied", f"Invalid according to Policy: Policy Condition failed: {json.dumps(condition)}")


def _judged_post(self: S3Response, request: Any, bucket_name: str) -> Any:
    fields = {str(k): str(v) for k, v in (self.form_data or {}).items()}  # the form as posted (not moto's additions)
    body = self.raw_body if isinstance(self.raw_body, bytes) else str(self.raw_body or "").encode()
    refused = refusal(fields, bucket_name, len(body), now=clock.now())
    return refused if refused is not None else _original_post(self, request, bucket_name)


def install() -> None:
    global _installed  # noqa: PLW0603 - one process-wide patch
    if not _installed:
        S3Response._bucket_response_post = _judged_post
        _installed = True
