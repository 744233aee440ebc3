"""Data sealed at rest: a field the table must hold but nobody reading the table may read (a payee's
bank, Alipay or WeChat account number), as AES-256-GCM, the way `panacea.platform.cursors` seals
cursors, under keys of its own.

    sealed = sealing.seal("6222 0202 0000 1234", context=("payout-account", tenant_id, member_id))
    sealing.unseal(sealed, context=("payout-account", tenant_id, member_id))   # "6222 0202 0000 1234"

`context` is authenticated, not stored: a sealed value copied onto another member's record, or into
another kind of field, does not open there (`Unreadable`).

The keys: the stage's Secrets Manager secret named by `PANACEA_DATA_KEY_SECRET`, holding one or more
random strings (32 characters or more) separated by whitespace; each key is the SHA-256 of one of
them. The first seals; every one opens (a sealed value names its key by the first 4 bytes of the
key's own SHA-256). To rotate: put a new string FIRST and keep the old ones after it until what
they sealed has been sealed again; a key taken out makes what it sealed unreadable. Unlike the
cursor key (whose rotation only ends open listings), this secret must not be replaced casually.
Without the setting, on the local stage only, a key made for this process (the local runtime keeps
its data in memory, so nothing outlives it).

`cryptography` is imported with the first value sealed or opened, never on a cold start.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Sequence

from panacea.platform import secrets
from panacea.platform.settings import SettingsError, settings

VERSION = b"\x01"  # the first byte of every sealed value: how it was sealed
KEY_ID_BYTES = 4
NONCE_BYTES = 12
LOCAL_STAGES = frozenset({"local"})
MIN_SECRET = 32
_DEV_KEY = hashlib.sha256(os.urandom(32)).digest()  # the local stage's key: one per process


class Unreadable(ValueError):
    """A sealed value that does not open: changed, sealed for another context, or under a key the
    secret no longer holds. A bug or tampering, never a client's mistake."""


def seal(plain: str, *, context: Sequence[str]) -> str:
    """`plain` sealed under the current key, opening only with the same `context`."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415 - first use

    key = _keys()[0]
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, plain.encode(), _aad(context))
    return base64.urlsafe_b64encode(VERSION + _key_id(key) + nonce + sealed).decode()


def unseal(sealed: str, *, context: Sequence[str]) -> str:
    """What `seal` sealed with this `context` (else `Unreadable`)."""
    from cryptography.exceptions import InvalidTag  # noqa: PLC0415
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415

    try:
        raw = base64.urlsafe_b64decode(sealed)
    except (binascii.Error, ValueError):
        raise Unreadable("not a sealed value") from None
    head = len(VERSION) + KEY_ID_BYTES + NONCE_BYTES
    if len(raw) <= head or raw[:1] != VERSION:
        raise Unreadable("not a sealed value")
    key_id, nonce, body = raw[1 : 1 + KEY_ID_BYTES], raw[1 + KEY_ID_BYTES : head], raw[head:]
    key = next((k for k in _keys() if _key_id(k) == key_id), None)
    if key is None:
        raise Unreadable("sealed under a key the data key secret no longer holds")
    try:
        return AESGCM(key).decrypt(nonce, body, _aad(context)).decode()
    except InvalidTag:
        raise Unreadable("the sealed value was changed, or sealed for another record") from None


def _aad(context: Sequence[str]) -> bytes:
    return json.dumps(list(context), separators=(",", ":")).encode()


def _key_id(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()[:KEY_ID_BYTES]


def _keys() -> list[bytes]:
    """The stage's data keys, the sealing one first."""
    name = settings().data_key_secret
    if name is None:
        if settings().stage not in LOCAL_STAGES:
            raise SettingsError("PANACEA_DATA_KEY_SECRET is not set for this function")
        return [_DEV_KEY]
    strings = secrets.secret_text(name).split()
    if not strings or any(len(s) < MIN_SECRET for s in strings):
        raise SettingsError(f"secret {name} holds no data keys ({MIN_SECRET} or more random characters each)")
    return [hashlib.sha256(s.encode()).digest() for s in strings]
