"""Partner request signing: the `PNC-HMAC-SHA256` scheme, as the API's authorizer checks it.

A tenant's API key (its `prefix`, `pnc_<id>`, and its `secret`, shown once when it is issued)
signs every request afresh:

    Authorization: PNC-HMAC-SHA256 Credential=<prefix>, Timestamp=<unix s>, Nonce=<random>, Signature=<hex>
    X-Content-SHA256: <hex SHA-256 of the body>

The signature is HMAC-SHA256, keyed by the hex SHA-256 of the secret, over

    PNC-HMAC-SHA256 \\n <timestamp> \\n <nonce> \\n <METHOD> \\n <path> \\n <sorted query> \\n <body SHA-256>

where <path> is the route's path (`/v1/catalog/products`, without a stage prefix of the base URL)
and <sorted query> is `k=v` pairs, percent-encoded (RFC 3986, nothing kept), sorted, joined by `&`.
A signature is good for five minutes and once only, so a retry is signed again.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

SCHEME = "PNC-HMAC-SHA256"


@dataclass(frozen=True)
class PartnerKey:
    """A tenant API key: what `POST /v1/tenants/{id}/api-keys` answered (`prefix`, `secret`)."""

    prefix: str
    secret: str

    def __repr__(self) -> str:
        return f"PartnerKey(prefix={self.prefix!r}, secret=…)"


def string_to_sign(
    *, timestamp: int, nonce: str, method: str, path: str, query: Mapping[str, str], content_sha256: str
) -> str:
    canonical_query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in sorted(query.items()))
    return "\n".join([SCHEME, str(timestamp), nonce, method.upper(), path, canonical_query, content_sha256])


def signature(secret: str, message: str) -> str:
    signing_key = hashlib.sha256(secret.encode()).hexdigest()
    return hmac.new(signing_key.encode(), message.encode(), hashlib.sha256).hexdigest()


def signed_headers(
    key: PartnerKey,
    *,
    method: str,
    path: str,
    query: Mapping[str, str] | None = None,
    body: bytes = b"",
    timestamp: int | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    """The two headers that sign one request (a fresh nonce and the current time unless given)."""
    at = int(time.time()) if timestamp is None else timestamp
    once = nonce or secrets.token_urlsafe(24)
    digest = hashlib.sha256(body).hexdigest()
    message = string_to_sign(
        timestamp=at, nonce=once, method=method, path=path, query=query or {}, content_sha256=digest
    )
    credential = f"Credential={key.prefix}, Timestamp={at}, Nonce={once}, Signature={signature(key.secret, message)}"
    return {"Authorization": f"{SCHEME} {credential}", "X-Content-SHA256": digest}
