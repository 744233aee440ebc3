"""Verification codes and failed attempts: the rules that keep guessing useless.

- A code is 6 random digits, stored only as a salted HMAC-SHA256, valid for 10 minutes (an
  invitation for 3 days), with at most 5 attempts; only the latest code of a purpose counts, and
  a code works once.
- Every attempt at a login (a password, or a code sent to an email, a phone or a signed-in user)
  is counted before it is judged. Five attempts, each within 15 minutes of the one before, lock
  the login until 15 minutes after the last; a success clears the count. Logins are counted
  whether or not an account holds them, so a lock says nothing about who has an account.
- Both counts are conditional writes (see guards.py), so concurrent guesses never exceed them.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from panacea.identity import guards
from panacea.platform import clock
from panacea.platform.errors import BadRequest, FieldError, RateLimited
from panacea.platform.transaction import UnitOfWork

CODE_DIGITS = 6
CODE_TTL = timedelta(minutes=10)
INVITATION_TTL = timedelta(days=3)
MAX_CODE_ATTEMPTS = 5
MAX_FAILURES = 5
LOCK = timedelta(minutes=15)


class Purpose(StrEnum):
    REGISTRATION = "registration"
    SIGN_IN = "sign_in"
    PASSWORD_RESET = "password_reset"  # noqa: S105 - a purpose, not a password
    INVITATION = "invitation"
    CHANGE_EMAIL = "change_email"
    CHANGE_PHONE = "change_phone"


class WrongCode(BadRequest):
    """The code is not the live one (wrong, expired, spent or never sent): always this answer."""

    slug, title = "wrong-code", "Wrong or expired code"

    def __init__(self) -> None:
        super().__init__(
            "wrong or expired code: check it, or ask for a new one",
            errors=[FieldError("code", "wrong_or_expired")],
        )


class TooManyAttempts(RateLimited):
    slug, title = "too-many-attempts", "Too many attempts"

    def __init__(self, retry_at: datetime) -> None:
        self.retry_at = retry_at
        self.retry_after_s = max(1, math.ceil((retry_at - clock.now()).total_seconds()))
        minutes = math.ceil(self.retry_after_s / 60)
        super().__init__(
            f"too many failed attempts: try again after {retry_at:%Y-%m-%dT%H:%M:%SZ} "
            f"(in {minutes} minute{'s' if minutes != 1 else ''})"
        )


def email_subject(email: str) -> str:
    return f"email:{email.lower()}"


def phone_subject(e164: str) -> str:
    return f"phone:{e164}"


def user_subject(user_id: str) -> str:
    return f"user:{user_id}"


# --- attempts --------------------------------------------------------------------------------


def count_attempt(tenant_id: str | None, subject: str) -> None:
    """Count an attempt at `subject` (of a tenant, or of the platform when None) before judging
    it; TooManyAttempts if it is locked."""
    locked_until = guards.reserve_attempt(
        tenant_id,
        subject,
        now=clock.epoch_seconds(),
        max_attempts=MAX_FAILURES,
        lock_s=int(LOCK.total_seconds()),
    )
    if locked_until is not None:
        raise TooManyAttempts(datetime.fromtimestamp(locked_until, UTC))


def clear_attempts(uow: UnitOfWork, tenant_id: str | None, subject: str) -> None:
    """A success: the count starts again (in the same transaction as what the success changes)."""
    uow.delete(guards.guard(tenant_id, subject), conflict=BadRequest("attempts already cleared"))


# --- codes -----------------------------------------------------------------------------------


def _digest(code: str, salt: str) -> str:
    return hmac.new(salt.encode(), code.encode(), hashlib.sha256).hexdigest()


def issue(
    tenant_id: str,
    purpose: Purpose,
    subject: str,
    *,
    user_id: str | None,
    payload: dict[str, Any] | None = None,
    ttl: timedelta = CODE_TTL,
) -> str:
    """A new code for `purpose` at `subject`, replacing any earlier one; the code itself is
    returned to be sent and is never stored."""
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    salt = secrets.token_hex(16)
    valid_until = clock.now() + ttl
    guards.put_code(
        guards.CodeItem(
            guards.code_key(tenant_id, purpose.value, subject),
            "CODE",
            user_id=user_id,
            code_hash=_digest(code, salt),
            salt=salt,
            attempts=0,
            valid_until=int(valid_until.timestamp()),
            payload=payload,
            expires_at=valid_until + timedelta(days=1),
        )
    )
    return code


def check(tenant_id: str, purpose: Purpose, subject: str, code: str) -> guards.CodeItem:
    """The live code if `code` is it (one attempt spent either way); WrongCode otherwise."""
    item = guards.spend_code_attempt(
        tenant_id, purpose.value, subject, now=clock.epoch_seconds(), max_attempts=MAX_CODE_ATTEMPTS
    )
    if item is None or not hmac.compare_digest(item.code_hash, _digest(code, item.salt)):
        raise WrongCode()
    return item


def spend(uow: UnitOfWork, item: guards.CodeItem) -> None:
    """Use the code up, in the transaction it authorises: a code works once, even when raced."""
    uow.delete(item, condition=guards.CodeItem.code_hash == item.code_hash, conflict=WrongCode())


def lifetime(purpose: Purpose) -> int:
    return int((INVITATION_TTL if purpose == Purpose.INVITATION else CODE_TTL).total_seconds())
