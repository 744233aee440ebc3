"""Signed webhooks the platform sends to partners (a lab's manifest): the body signed with the
partner's secret, posted over HTTP(S).

    X-Panacea-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, f"{t}.{raw body}")>

Stripe's scheme, so partners verify it with code they know: recompute the HMAC over the
timestamp and the raw body, compare in constant time, refuse a timestamp older than five minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import urllib.error
import urllib.request

HEADER = "X-Panacea-Signature"
TOLERANCE_S = 300
TIMEOUT_S = 5


class BadSignature(ValueError):
    pass


def signature(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify(header: str, body: bytes, secret: str, *, now: int, tolerance_s: int = TOLERANCE_S) -> None:
    """What a partner does with the header (and the tests): BadSignature unless it signs `body`."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        raise BadSignature("no timestamp") from None
    if abs(now - timestamp) > tolerance_s:
        raise BadSignature("the timestamp is too old")
    expected = signature(secret, body, timestamp).partition("v1=")[2]
    if not hmac.compare_digest(expected, parts.get("v1", "")):
        raise BadSignature("the signature does not match")


def post(url: str, body: bytes, *, secret: str, timestamp: int) -> int:
    """POST `body` (JSON) to `url`, signed; the HTTP status answered (0: no answer)."""
    request = urllib.request.Request(  # noqa: S310 - the partner's own URL, http(s) only (validated)
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", HEADER: signature(secret, body, timestamp)},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:  # noqa: S310
            return int(answer.status)
    except urllib.error.HTTPError as refused:
        return int(refused.code)
    except (urllib.error.URLError, TimeoutError, OSError):
        return 0
