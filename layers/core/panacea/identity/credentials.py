"""Who is calling. A request presents one of two credentials in its `Authorization` header:

    Bearer <Cognito ID token>                         a person (member, staff, platform admin)
    PNC-HMAC-SHA256 Credential=<key id>, Timestamp=<unix seconds>, Nonce=<random>, Signature=<hex>
                                                      a partner system, with a tenant API key

Each is verified here and turned into the `Actor` every function sees (API Gateway's
authorizer runs this before any function; the local gateway runs the same function).

A person's token is checked for signature, issuer, audience, expiry and use; then their standing:
their tenant must be active, their account not disabled, and the token issued after their last
sign-out. A partner request is signed with the key: HMAC-SHA256, keyed by SHA-256 of the secret
(the digest the platform stores, so the secret itself is never kept), over

    PNC-HMAC-SHA256 \\n <timestamp> \\n <nonce> \\n <METHOD> \\n <path> \\n <sorted query> \\n <X-Content-SHA256>

where `X-Content-SHA256` is the hex SHA-256 of the body (the API function checks the body
against it, since an authorizer never sees the body). A signature older or newer than five
minutes, or one seen before, is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import jwt

from panacea import tenancy
from panacea.identity import dal, guards
from panacea.platform import clock
from panacea.platform.access import STAFF_ROLES, Actor, Role
from panacea.platform.caches import cached
from panacea.platform.errors import Forbidden, NotAuthenticated
from panacea.platform.ids import is_id
from panacea.platform.settings import settings

SCHEME = "PNC-HMAC-SHA256"
SIGNATURE_WINDOW = timedelta(minutes=5)
_SIGNED = re.compile(
    rf"^{SCHEME} Credential=pnc_(?P<key>[0-9A-Z]{{26}}), Timestamp=(?P<ts>\d{{1,12}}), "
    r"Nonce=(?P<nonce>[A-Za-z0-9_-]{16,64}), Signature=(?P<sig>[0-9a-f]{64})$"
)


class Refused(NotAuthenticated):
    """The credentials are missing, malformed, forged, expired or replayed (always the same answer)."""

    def __init__(self, why: str = "the credentials are not valid") -> None:
        super().__init__(why)


class Barred(Forbidden):
    """Valid credentials of someone who may not come in now: suspended tenant, disabled account."""


def who_is_calling(
    authorization: str | None,
    *,
    method: str,
    path: str,
    query: Mapping[str, str] | None,
    content_sha256: str | None,
) -> Actor:
    if not authorization:
        raise Refused("sign in first: this route needs a bearer token or a signed API key")
    if authorization.startswith("Bearer "):
        return _person(authorization.removeprefix("Bearer ").strip())
    if authorization.startswith(SCHEME + " "):
        return _partner(authorization, method=method, path=path, query=query or {}, content_sha256=content_sha256)
    raise Refused()


# --- people -------------------------------------------------------------------------------


@cached
def _token_keys() -> jwt.PyJWKClient:
    return jwt.PyJWKClient(settings().token_keys_url, cache_keys=True, lifespan=3600)


def _person(token: str) -> Actor:
    config = settings()
    try:
        key = _token_keys().get_signing_key_from_jwt(token)
        claims: dict[str, Any] = jwt.decode(
            token,
            key.key,
            algorithms=["RS256"],
            audience=[c for c in config.app_client_ids.split(",") if c],
            issuer=config.token_issuer,
            options={"require": ["exp", "iat", "iss", "aud", "token_use"]},
        )
    except (jwt.PyJWTError, jwt.PyJWKClientError):
        raise Refused() from None
    if claims.get("token_use") != "id":
        raise Refused()
    actor = Actor.from_claims(claims)
    if actor.tenant_id:
        _check_standing(actor, issued_at=datetime.fromtimestamp(int(claims["iat"]), UTC))
    return actor


def _check_standing(actor: Actor, *, issued_at: datetime) -> None:
    tenant, user = dal.standing(actor.tenant, actor.user_id)
    if tenant is None or not tenant.active:
        raise Barred("this tenant is not active")
    if user is None or user.status == "disabled":
        raise Barred("this account is disabled")
    if user.tokens_valid_after and issued_at < user.tokens_valid_after:
        raise Refused("this token was signed out; sign in again")


# --- partner systems ----------------------------------------------------------------------


def string_to_sign(
    *, timestamp: int, nonce: str, method: str, path: str, query: Mapping[str, str], content_sha256: str
) -> str:
    """What a partner signs. The nonce (fresh per request) lets two identical requests in the same
    second both be made; the signature, unique with it, is what replay protection remembers."""
    canonical_query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in sorted(query.items()))
    return "\n".join([SCHEME, str(timestamp), nonce, method.upper(), path, canonical_query, content_sha256])


def sign(secret: str, message: str) -> str:
    """The signature a partner sends: HMAC-SHA256 keyed by SHA-256 of its secret."""
    return signature_with(hashlib.sha256(secret.encode()).hexdigest(), message)


def signature_with(signing_key: str, message: str) -> str:
    return hmac.new(signing_key.encode(), message.encode(), hashlib.sha256).hexdigest()


def _partner(
    authorization: str, *, method: str, path: str, query: Mapping[str, str], content_sha256: str | None
) -> Actor:
    match = _SIGNED.match(authorization)
    if match is None or content_sha256 is None or not re.fullmatch(r"[0-9a-f]{64}", content_sha256):
        raise Refused("a signed request names its key, time and signature, and sends X-Content-SHA256")
    key_id, timestamp, nonce, signature = match["key"], int(match["ts"]), match["nonce"], match["sig"]
    now = clock.now()
    if abs(now - datetime.fromtimestamp(timestamp, UTC)) > SIGNATURE_WINDOW:
        raise Refused("the signature's timestamp is more than five minutes from now")
    key = tenancy.partner_key(key_id) if is_id(key_id) else None
    if key is None or key.revoked:
        raise Refused()
    expected = signature_with(
        key.secret_hash,
        string_to_sign(
            timestamp=timestamp, nonce=nonce, method=method, path=path, query=query, content_sha256=content_sha256
        ),
    )
    if not hmac.compare_digest(expected, signature):
        raise Refused()
    tenant = tenancy.standing_of(key.tenant_id)
    if tenant is None or not tenant.active:
        raise Barred("this tenant is not active")
    if not guards.remember_signature(key_id, signature, until=now + 2 * SIGNATURE_WINDOW):
        raise Refused("this signature was used before; sign every request afresh")
    roles = frozenset(Role(r) for r in key.roles or [Role.ADMIN.value]) & STAFF_ROLES
    return Actor(user_id=f"apikey:{key_id}", tenant_id=key.tenant_id, roles=roles, via="api_key")
