"""Opaque pagination cursors: where a list stopped, sealed so that only the list it came from, for
the tenant it came from, can continue it.

A cursor is AES-256-GCM over the position (a DynamoDB start key, or finance's last order id) with
the binding as associated data: the tenant the platform acts for (`isolation.current_tenant()`)
and what the caller passes as `bound_to` (a list's filters). A client sees neither the table's key
schema nor any key, and a cursor tampered with, sealed for another tenant or other filters, or
under another key (a rotated one) does not open: a 400 problem naming `cursor`. The list's
partition (whose value names the tenant, and the member of a member's own list) is checked once
the cursor is open (`panacea.platform.table.decode_cursor`).

The key: the stage's Secrets Manager secret named by `PANACEA_CURSOR_SECRET` (any random string;
the key is its SHA-256), read as every secret is (`panacea.platform.secrets`: kept for the secrets'
max age, so a new value rotates the key in warm functions too). Without one, on the local stage only, a key
made for this process: a restart ends open cursors, as a rotation does.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from typing import Any

from panacea.platform import isolation, secrets
from panacea.platform.errors import BadRequest, FieldError
from panacea.platform.settings import SettingsError, settings

VERSION = b"\x01"  # the first byte of every cursor: how it was sealed
NONCE_BYTES = 12
LOCAL_STAGES = frozenset({"local"})
_DEV_KEY = os.urandom(32)  # the local stage's key: one per process, kept across reset_caches()


class InvalidCursor(BadRequest):
    slug, title = "invalid-cursor", "Invalid cursor"


def invalid() -> InvalidCursor:
    return InvalidCursor("the cursor is not one this list returned", errors=[FieldError("cursor", "invalid")])


def seal(position: Any, *, bound_to: Any = None) -> str:
    """`position` (JSON) as a cursor that opens only with the same binding."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415 - on the first page with a next

    nonce = os.urandom(NONCE_BYTES)
    plain = json.dumps(position, separators=(",", ":")).encode()
    sealed = AESGCM(_key()).encrypt(nonce, plain, _binding(bound_to))
    return base64.urlsafe_b64encode(VERSION + nonce + sealed).decode().rstrip("=")


def unseal(cursor: str, *, bound_to: Any = None) -> Any:
    """The position a cursor holds, if it was sealed with this binding (else InvalidCursor)."""
    from cryptography.exceptions import InvalidTag  # noqa: PLC0415
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415

    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except (binascii.Error, ValueError):
        raise invalid() from None
    canonical = base64.urlsafe_b64encode(raw).decode().rstrip("=") == cursor  # no spare bits set in the last character
    if not canonical or len(raw) <= len(VERSION) + NONCE_BYTES or raw[:1] != VERSION:
        raise invalid()
    nonce, sealed = raw[1 : 1 + NONCE_BYTES], raw[1 + NONCE_BYTES :]
    try:
        return json.loads(AESGCM(_key()).decrypt(nonce, sealed, _binding(bound_to)))
    except (InvalidTag, ValueError):
        raise invalid() from None


def _binding(bound_to: Any) -> bytes:
    return json.dumps([isolation.current_tenant(), bound_to], separators=(",", ":"), default=str).encode()


def _key() -> bytes:
    """The stage's cursor key."""
    name = settings().cursor_secret
    if name is None:
        if settings().stage not in LOCAL_STAGES:
            raise SettingsError("PANACEA_CURSOR_SECRET is not set for this function")
        return _DEV_KEY
    secret = secrets.secret_text(name)
    if len(secret) < 32:
        raise SettingsError(f"secret {name} holds no cursor key (32 or more random characters)")
    return hashlib.sha256(secret.encode()).digest()
