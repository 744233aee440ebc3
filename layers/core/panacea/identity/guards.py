"""Identity's guard items: what keeps guessing and replay useless (the data of codes.py and of the
gate's replay check), with their keys and the conditional writes that count.

CodeItem        PK T#<tenant>#CODE#<purpose>#<subject> · SK CODE      the live verification code of a purpose
                                                                      for an email, phone or user (hash only, TTL)
GuardItem       PK T#<tenant>#GUARD#<subject> · SK GUARD              failed attempts at a login (email, phone or
                                                                      user), whether or not an account exists (TTL)
                PK P#GUARD#<subject> · SK GUARD                       the same at a platform admin's login
SignatureSeen   PK P#APIKEY#<key>#SIGNATURE#<signature> · SK SIGNATURE   a partner signature already used,
                kept (TTL) until it falls out of the signing window

Subjects are `email:<address>`, `phone:<e164>` or `user:<id>`, written key-safe (`dal.key_safe`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError, UpdateError
from pynamodb.expressions.update import Action

from panacea.identity.dal import key_safe
from panacea.platform.keys import owner_key, platform_key, tenant_key
from panacea.platform.table import DocumentAttribute, TableItem


class CodeItem(TableItem, discriminator="verification_code"):
    user_id = UnicodeAttribute(null=True)
    code_hash = UnicodeAttribute()
    salt = UnicodeAttribute()
    attempts = NumberAttribute(default=0)
    valid_until = NumberAttribute()  # epoch seconds; the TTL removes the item some time later
    payload = DocumentAttribute(null=True)  # what confirming it does (e.g. the new email address)


def code_key(tenant_id: str, purpose: str, subject: str) -> str:
    return tenant_key(tenant_id, "CODE", purpose, key_safe(subject))


class GuardItem(TableItem, discriminator="attempt_guard"):
    attempts = NumberAttribute(default=0)
    resets_at = NumberAttribute()  # epoch seconds: attempts count until then, and lock until then once spent


def guard_key(tenant_id: str | None, subject: str) -> str:
    """A login's guard at a tenant, or at the platform (a platform admin's login) when None."""
    return owner_key(tenant_id, "GUARD", key_safe(subject))


class SignatureSeen(TableItem, discriminator="signature_seen"):
    pass


# --- codes and attempts ---------------------------------------------------------------------------


def put_code(item: CodeItem) -> None:
    """Store a new code, replacing the one before it (only the latest code of a purpose counts)."""
    item.save()


def spend_code_attempt(tenant_id: str, purpose: str, subject: str, *, now: int, max_attempts: int) -> CodeItem | None:
    """Count one attempt at the live code and return it, in one request; None if there is no code,
    it has expired, or its attempts are spent (conditional, so concurrent guesses cannot exceed them)."""
    item = CodeItem(code_key(tenant_id, purpose, subject), "CODE")
    try:
        item.update(
            actions=[CodeItem.attempts.add(1)],
            condition=CodeItem.pk.exists() & (CodeItem.attempts < max_attempts) & (CodeItem.valid_until > now),
        )
    except UpdateError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            return None
        raise
    return item


def reserve_attempt(tenant_id: str | None, subject: str, *, now: int, max_attempts: int, lock_s: int) -> int | None:
    """Count one attempt at a login before it is judged. None if the attempt may go ahead; else the
    epoch second the login is locked until.

    Attempts count while each comes within `lock_s` of the one before; the `max_attempts`-th
    spends them, and the login is locked until `lock_s` after it. Every step is a conditional
    update, so any number of concurrent guesses gets at most `max_attempts` through.
    """
    key = guard_key(tenant_id, subject)
    counting = (GuardItem.attempts < max_attempts) & (GuardItem.resets_at > now)
    fresh = GuardItem.pk.does_not_exist() | (GuardItem.resets_at <= now)
    # Most logins have no count (a success clears it): start afresh first, count on second.
    for condition, first in [(fresh, True), (counting, False), (fresh, True)]:
        item = GuardItem(key, "GUARD")
        actions: list[Action] = [
            GuardItem.attempts.set(1) if first else GuardItem.attempts.add(1),
            GuardItem.resets_at.set(now + lock_s),
            GuardItem.expires_at.set(datetime.fromtimestamp(now + 2 * lock_s, UTC)),
            GuardItem.type.set(GuardItem),
        ]
        try:
            item.update(actions=actions, condition=condition)
            return None
        except UpdateError as exc:
            if exc.cause_response_code != "ConditionalCheckFailedException":
                raise
    try:
        return int(GuardItem.get(key, "GUARD").resets_at)
    except GuardItem.DoesNotExist:  # cleared in between: the next attempt starts afresh
        return now


def guard(tenant_id: str | None, subject: str) -> GuardItem:
    """The guard of a login, as a key to clear in a unit of work."""
    return GuardItem(guard_key(tenant_id, subject), "GUARD")


# --- partner signatures ---------------------------------------------------------------------------


def remember_signature(key_id: str, signature: str, *, until: datetime) -> bool:
    """Record a signature as used; False if it had been used already (a replay)."""
    seen = SignatureSeen(platform_key("APIKEY", key_id, "SIGNATURE", signature), "SIGNATURE", expires_at=until)
    try:
        seen.save(condition=SignatureSeen.pk.does_not_exist())
    except PutError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True
