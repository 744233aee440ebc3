"""Idempotency on the single table with Powertools: API writes keyed by tenant + operation +
caller + `Idempotency-Key` header, queue records keyed by tenant + consumer + event id.

A retry with the same key replays the first answer instead of doing the work again; the same
key with a different request body is refused. Records live at `T#<tenant>#IDEMPOTENCY#…`
(`P#IDEMPOTENCY#…` for platform operations), so a tenant's retries stay inside its own keys,
and expire through the table's TTL attribute.

A key is the caller's own: the record is found by the tenant, the operation, the key *and who
sent it* (the user, or the API key of a partner's system), so two callers who happen to choose
the same key each get their own answer, never the other's. A replay is noticed
(`noticing_replays`): the API answers it with `Idempotent-Replayed: true`.

Powertools' idempotency utility (its DynamoDB store and what that loads) is imported the first
time a request carries a key, not with the handler: reads, and writes sent without a key, never
load it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel

from panacea.platform.access import Actor
from panacea.platform.aws import client
from panacea.platform.caches import cached
from panacea.platform.errors import BadRequest, Conflict, FieldError, Unprocessable
from panacea.platform.keys import owner_key
from panacea.platform.settings import settings

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.idempotency import IdempotencyConfig

R = TypeVar("R", bound=BaseModel)
_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")
_owner: ContextVar[str | None] = ContextVar("idempotency_owner", default=None)
_invocation: ContextVar[LambdaContext | None] = ContextVar("idempotency_invocation", default=None)


class Replays:
    """Whether the request being handled was answered from an idempotency record."""

    def __init__(self) -> None:
        self.seen = False


_replays: ContextVar[Replays | None] = ContextVar("idempotency_replays", default=None)


@contextmanager
def noticing_replays() -> Iterator[Replays]:
    """For the span of one request: `seen` once any write in it answers from its record."""
    noticed = Replays()
    token = _replays.set(noticed)
    try:
        yield noticed
    finally:
        _replays.reset(token)


def note_replay() -> None:
    """The answer being given is a replay: for a use case that keeps its own record of a retry
    (a checkout's claim on its key) rather than going through `once`."""
    noticed = _replays.get()
    if noticed is not None:
        noticed.seen = True


def caller_of(actor: Actor | None) -> str | None:
    """Whose key it is: `user:<id>` or `api_key:apikey:<id>`; None for the platform's own work."""
    return None if actor is None else f"{actor.via}:{actor.user_id}"


@cached
def _config() -> IdempotencyConfig:
    from aws_lambda_powertools.utilities.idempotency import IdempotencyConfig  # noqa: PLC0415 - on first key

    return IdempotencyConfig(
        event_key_jmespath="[operation, caller, key]",
        payload_validation_jmespath="payload",
        raise_on_no_idempotency_key=True,
        expires_after_seconds=settings().idempotency_ttl_seconds,
    )


def remember_invocation(context: LambdaContext) -> None:
    """Let an in-progress record expire with the invocation that wrote it (Powertools is handed
    the context when a key is used)."""
    _invocation.set(context)


@cached
def _guarded() -> Callable[..., dict[str, Any]]:
    # Powertools' idempotency utility loads on the first request with a key (see the docstring).
    from aws_lambda_powertools.utilities.idempotency import (  # noqa: PLC0415
        DynamoDBPersistenceLayer,
        idempotent_function,
    )

    class _TableStore(DynamoDBPersistenceLayer):
        """Powertools' DynamoDB store, with keys shaped for the single table."""

        def _get_key(self, idempotency_key: str) -> dict[str, Any]:
            return {
                "PK": {"S": f"{owner_key(_owner.get(), 'IDEMPOTENCY')}#{idempotency_key}"},
                "SK": {"S": "IDEMPOTENCY"},
            }

    store = _TableStore(
        table_name=settings().table,
        key_attr="PK",
        sort_key_attr="SK",
        expiry_attr="expires_at",
        boto3_client=client("dynamodb"),
    )

    @idempotent_function(  # type: ignore[untyped-decorator]
        data_keyword_argument="request", persistence_store=store, config=_config(), key_prefix="op"
    )
    def run(request: dict[str, Any], work: Callable[[], BaseModel]) -> dict[str, Any]:
        return work().model_dump(mode="json")

    return run  # type: ignore[no-any-return]


@contextmanager
def _owned_by(tenant_id: str | None) -> Iterator[None]:
    token = _owner.set(tenant_id)
    try:
        yield
    finally:
        _owner.reset(token)


def once(
    work: Callable[[], R],
    *,
    returns: type[R],
    operation: str,
    tenant_id: str | None,
    caller: Actor | None,
    key: str | None,
    payload: Any = None,
) -> R:
    """Run `work` once per (tenant, operation, caller, key); later calls by that caller with that
    key get its answer. `caller`: who sent the key (None: the platform's own work, a consumer
    keyed by the event id).

    Without a key the work simply runs: the key is the client's promise to retry safely.
    """
    if key is None:
        return work()
    if not _KEY.match(key):
        raise BadRequest(
            "Idempotency-Key must be 1 to 255 printable ASCII characters",
            errors=[FieldError("header.Idempotency-Key", "invalid")],
        )
    from aws_lambda_powertools.utilities.idempotency.exceptions import (  # noqa: PLC0415 - loaded by _guarded
        IdempotencyAlreadyInProgressError,
        IdempotencyValidationError,
    )

    request = {"operation": operation, "caller": caller_of(caller), "key": key, "payload": payload}
    ran: list[bool] = []

    def first() -> R:
        ran.append(True)
        return work()

    guarded = _guarded()
    context = _invocation.get()
    if context is not None:
        _config().register_lambda_context(context)
    try:
        with _owned_by(tenant_id):
            answer = returns.model_validate(guarded(request=request, work=first))
    except IdempotencyValidationError:
        raise Unprocessable(
            "this Idempotency-Key was already used with a different request",
            errors=[FieldError("header.Idempotency-Key", "reused")],
        ) from None
    except IdempotencyAlreadyInProgressError:
        raise Conflict("a request with this Idempotency-Key is still in progress; retry shortly") from None
    if not ran:
        note_replay()
    return answer
