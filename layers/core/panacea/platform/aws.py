"""boto3 clients, made once per process on first use and shared (they are thread-safe).

boto3 honours AWS_ENDPOINT_URL, which is how the local runtime and the tests point every
client at moto without a branch in the code.

DynamoDB is reached with the credentials of whoever the code is acting for
(`panacea.platform.isolation`): while a tenant scope is active and the function has a tenant
role, with that tenant's assumed-role session; otherwise with the function's own role. The
client `client("dynamodb")` returns follows the scope on every call, so a client kept across
requests (Powertools' idempotency store keeps one) never carries one tenant's credentials into
another tenant's request.

A tenant's session costs one STS AssumeRole the first time the process acts for that tenant,
and again only when the credentials are within `REFRESH_BEFORE` of expiring (they last
`SESSION_SECONDS`, the most STS allows a role assumed from a role). Sessions are kept for the
`CAPACITY` most recently served tenants. Nothing of this runs until a tenant scope is entered.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import boto3

from panacea.platform import isolation
from panacea.platform.caches import cached, on_reset
from panacea.platform.schema import INDEX_NAMES
from panacea.platform.settings import settings

SESSION_SECONDS = 3600  # role chaining (a function's role assuming another) allows at most an hour
REFRESH_BEFORE = 300  # seconds: a session this close to expiring is replaced before it is used
CAPACITY = 64  # tenants whose sessions a process keeps (least recently served go first)

_making = threading.Lock()  # botocore sessions are not safe for concurrent client creation
_watchers: list[Callable[[Any], None]] = []


@cached
def _session() -> boto3.session.Session:
    """One boto3 session for every client: service models load once per process."""
    return boto3.session.Session()


def _make(service: str, **credentials: str) -> Any:
    with _making:
        made = _session().client(service, **credentials)
        for watch in _watchers:
            watch(made)
        return made


def watch_new_clients(watch: Callable[[Any], None]) -> None:
    """Call `watch` with every client made from now on, the function's own and tenants' alike
    (request ledgers count what the platform sends: `watch` may register botocore events)."""
    _watchers.append(watch)


@cached
def client(service: str) -> Any:
    """The process's client for `service` (DynamoDB's follows the tenant scope, see above)."""
    if service == "dynamodb":
        return _FollowsTenantScope()
    return own_client(service)


@cached
def own_client(service: str) -> Any:
    """A client with the function's own role, whatever the scope."""
    return _make(service)


def dynamodb() -> Any:
    """The DynamoDB client for whoever the code is acting for right now."""
    session = tenant_session()
    return own_client("dynamodb") if session is None else session.dynamodb


class _FollowsTenantScope:
    """Looks up the right DynamoDB client on every attribute access (every call)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(dynamodb(), name)

    def __repr__(self) -> str:
        return f"<DynamoDB client following the tenant scope: now {dynamodb()!r}>"


# --- tenant sessions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    access_key_id: str
    secret_access_key: str = field(repr=False)  # never in a log line
    session_token: str = field(repr=False)
    expires_at: float  # epoch seconds

    def as_client_arguments(self) -> dict[str, str]:
        return {
            "aws_access_key_id": self.access_key_id,
            "aws_secret_access_key": self.secret_access_key,
            "aws_session_token": self.session_token,
        }


@dataclass(eq=False)
class TenantSession:
    """One tenant's assumed-role credentials and what is made from them (made once, on first use)."""

    tenant_id: str
    credentials: Credentials
    _made: dict[str, Any] = field(default_factory=dict, repr=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)  # made() may nest

    def made(self, name: str, make: Callable[[TenantSession], Any]) -> Any:
        """`make(self)` the first time `name` is asked for, the same thing after."""
        with self._lock:
            if name not in self._made:
                self._made[name] = make(self)
            return self._made[name]

    @property
    def dynamodb(self) -> Any:
        return self.made("dynamodb", lambda s: _make("dynamodb", **s.credentials.as_client_arguments()))


class TenantSessions:
    """Sessions by tenant: assumed on first use, replaced `refresh_before` seconds before they
    expire, the least recently used dropped beyond `capacity`. Safe to share between threads;
    two threads wanting the same tenant's new session wait for one AssumeRole."""

    def __init__(
        self,
        assume: Callable[[str], Credentials],
        *,
        now: Callable[[], float] = time.time,  # the wall clock: STS credentials expire in real time
        refresh_before: float = REFRESH_BEFORE,
        capacity: int = CAPACITY,
    ) -> None:
        self._assume, self._now = assume, now
        self._refresh_before, self._capacity = refresh_before, capacity
        self._sessions: OrderedDict[str, TenantSession] = OrderedDict()
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, tenant_id: str) -> TenantSession:
        session = self._fresh(tenant_id)
        if session is not None:
            return session
        with self._lock:
            tenant_lock = self._locks.setdefault(tenant_id, threading.Lock())
        with tenant_lock:
            session = self._fresh(tenant_id)  # another thread may have assumed it meanwhile
            if session is None:
                session = TenantSession(tenant_id, self._assume(tenant_id))
                with self._lock:
                    self._sessions[tenant_id] = session
                    self._sessions.move_to_end(tenant_id)
                    while len(self._sessions) > self._capacity:
                        dropped, _ = self._sessions.popitem(last=False)
                        self._locks.pop(dropped, None)
            return session

    def _fresh(self, tenant_id: str) -> TenantSession | None:
        with self._lock:
            session = self._sessions.get(tenant_id)
            if session is None or session.credentials.expires_at - self._refresh_before <= self._now():
                return None
            self._sessions.move_to_end(tenant_id)
            return session

    def all(self) -> list[TenantSession]:
        with self._lock:
            return list(self._sessions.values())

    def clear(self) -> None:
        with self._lock:
            self._sessions.clear()
            self._locks.clear()


def assume_tenant_role(tenant_id: str) -> Credentials:
    """STS AssumeRole of the tenant data role, narrowed by a session policy to `tenant_id`."""
    role_arn = settings().tenant_role_arn
    if not role_arn:
        raise RuntimeError("PANACEA_TENANT_ROLE_ARN is not set for this function")
    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or own_client("sts").meta.region_name
    table_arn, index_arns = isolation.table_arns(
        role_arn=role_arn, region=region, table=settings().table, indexes=INDEX_NAMES
    )
    policy = isolation.session_policy(tenant_id, table_arn=table_arn, index_arns=index_arns)
    answer = own_client("sts").assume_role(
        RoleArn=role_arn,
        RoleSessionName=f"tenant-{tenant_id}"[:64],
        Policy=isolation.policy_text(policy),
        DurationSeconds=SESSION_SECONDS,
    )["Credentials"]
    return Credentials(
        access_key_id=answer["AccessKeyId"],
        secret_access_key=answer["SecretAccessKey"],
        session_token=answer["SessionToken"],
        expires_at=answer["Expiration"].timestamp(),
    )


_tenants = TenantSessions(assume_tenant_role)


def tenant_session() -> TenantSession | None:
    """The session of the tenant the code acts for, when there is one and a tenant role is set."""
    tenant_id = isolation.current_tenant()
    if tenant_id is None or not settings().tenant_role_arn:
        return None
    return _tenants.get(tenant_id)


def tenant_sessions() -> list[TenantSession]:
    """The tenant sessions this process holds now (for request ledgers and tests)."""
    return _tenants.all()


@on_reset
def _forget_tenant_sessions() -> None:
    """A restored snapshot or a new endpoint must not reuse a tenant's credentials."""
    _tenants.clear()
