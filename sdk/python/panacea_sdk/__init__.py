"""Panacea's Python SDK: the hand-written layer over the generated client (`panacea_api_client`).

It does what a generator cannot: signing people in (and keeping their session fresh) through the
API's `/v1/auth/*` routes, signing partner requests with a tenant API key, an `Idempotency-Key` on
every write with retries that reuse it, cursor pagination as iterators, and error answers
(`application/problem+json`) raised as typed exceptions. Standalone: httpx and the generated
client are all it needs.
"""

from panacea_sdk.auth import Session, Signer, Tokens
from panacea_sdk.client import Page, Panacea
from panacea_sdk.errors import (
    BadRequest,
    Conflict,
    FieldError,
    Forbidden,
    NotFound,
    ProblemError,
    RateLimited,
    ServerError,
    ServiceUnavailable,
    Unauthorized,
    UnsupportedMediaType,
    ValidationFailed,
)
from panacea_sdk.signing import PartnerKey, signed_headers, string_to_sign
from panacea_sdk.transport import Retries, Transport

__all__ = [
    "BadRequest",
    "Conflict",
    "FieldError",
    "Forbidden",
    "NotFound",
    "Page",
    "Panacea",
    "PartnerKey",
    "ProblemError",
    "RateLimited",
    "Retries",
    "ServerError",
    "ServiceUnavailable",
    "Session",
    "Signer",
    "Tokens",
    "Transport",
    "Unauthorized",
    "UnsupportedMediaType",
    "ValidationFailed",
    "signed_headers",
    "string_to_sign",
]
