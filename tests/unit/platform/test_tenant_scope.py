"""Acting for a tenant: the scope the kernel's entry points enter, and the credentials and
clients that follow it (assumed once per tenant, refreshed before they expire, never used
outside their tenant's scope, never made when no scope is entered)."""

from __future__ import annotations

import contextvars
import threading
import time
from typing import Any

import pytest

from panacea.platform import aws, isolation, table
from panacea.platform.keys import MalformedKey
from panacea.platform.settings import Settings

ROLE = "arn:aws:iam::123456789012:role/panacea-test-tenant-data"


class FakeSTS:
    """Hands out numbered credentials that last `lifetime` seconds of a clock the test moves."""

    def __init__(self, *, lifetime: float = 3600, delay: float = 0) -> None:
        self.now, self.lifetime, self.delay = 1_000_000.0, lifetime, delay
        self.assumed: list[str] = []
        self._lock = threading.Lock()

    def assume(self, tenant_id: str) -> aws.Credentials:
        time.sleep(self.delay)
        with self._lock:
            self.assumed.append(tenant_id)
            n = len(self.assumed)
        return aws.Credentials(f"AKIA{n}", f"secret{n}", f"token{n}", expires_at=self.now + self.lifetime)


@pytest.fixture
def sts(monkeypatch: pytest.MonkeyPatch) -> FakeSTS:
    """The process's tenant sessions, assumed from a fake STS; clients are plain records."""
    fake = FakeSTS()
    monkeypatch.setattr(aws, "_tenants", aws.TenantSessions(fake.assume, now=lambda: fake.now))
    monkeypatch.setattr(aws, "_make", lambda service, **credentials: {"service": service, **credentials})
    monkeypatch.setattr(aws, "own_client", lambda service: {"service": service, "own": True})
    return fake


def configure(monkeypatch: pytest.MonkeyPatch, *, tenant_role_arn: str | None) -> Settings:
    config = Settings(stage="test", table="panacea-test-table", event_bus="bus", tenant_role_arn=tenant_role_arn)
    monkeypatch.setattr(aws, "settings", lambda: config)
    return config


# --- the scope -----------------------------------------------------------------------------


def test_a_scope_lasts_for_its_block_and_nests():
    assert isolation.current_tenant() is None
    with isolation.acting_for("T1"):
        assert isolation.current_tenant() == "T1"
        with isolation.acting_for(None):  # acting for the platform inside a tenant's work
            assert isolation.current_tenant() is None
        assert isolation.current_tenant() == "T1"
    assert isolation.current_tenant() is None


def test_a_scope_ends_even_when_its_work_fails():
    with pytest.raises(RuntimeError), isolation.acting_for("T1"):
        raise RuntimeError("the handler failed")
    assert isolation.current_tenant() is None


@pytest.mark.parametrize("tenant_id", ["T#1", "T*", "../x"])
def test_a_scope_is_entered_only_for_a_real_tenant_id(tenant_id):
    with pytest.raises(MalformedKey), isolation.acting_for(tenant_id):
        pass
    assert isolation.current_tenant() is None


def test_each_thread_has_its_own_scope_and_a_new_thread_inherits_none():
    # Given two threads acting for different tenants at the same time
    seen: dict[str, list[str | None]] = {"T1": [], "T2": []}
    both_inside = threading.Barrier(2)

    def work(tenant_id: str) -> None:
        with isolation.acting_for(tenant_id):
            both_inside.wait()
            seen[tenant_id].append(isolation.current_tenant())

    threads = [threading.Thread(target=work, args=(t,)) for t in seen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then each saw its own tenant
    assert seen == {"T1": ["T1"], "T2": ["T2"]}
    # And a thread started inside a scope starts outside it, unless given the context
    found: list[str | None] = []
    with isolation.acting_for("T1"):
        plain = threading.Thread(target=lambda: found.append(isolation.current_tenant()))
        context = contextvars.copy_context()
        carried = threading.Thread(target=lambda: context.run(lambda: found.append(isolation.current_tenant())))
        for thread in (plain, carried):
            thread.start()
            thread.join()
    assert found == [None, "T1"]


# --- credentials and clients ----------------------------------------------------------------


def test_no_scope_no_sts_call_and_the_functions_own_client(monkeypatch, sts):
    configure(monkeypatch, tenant_role_arn=ROLE)
    # When DynamoDB is used outside any tenant's scope
    client = aws.client("dynamodb")
    # Then it is the function's own client, and STS was never asked
    assert client.get("own") is True
    assert aws.tenant_session() is None
    assert sts.assumed == []


def test_without_a_tenant_role_a_scope_changes_nothing(monkeypatch, sts):
    configure(monkeypatch, tenant_role_arn=None)
    with isolation.acting_for("T1"):
        assert aws.tenant_session() is None
        assert aws.client("dynamodb").get("own") is True
    assert sts.assumed == []


def test_a_tenants_client_is_made_from_its_assumed_credentials_once(monkeypatch, sts):
    configure(monkeypatch, tenant_role_arn=ROLE)
    # When code acting for T1 uses DynamoDB three times, and code acting for T2 once
    with isolation.acting_for("T1"):
        first = [aws.client("dynamodb").get("aws_access_key_id") for _ in range(3)]
    with isolation.acting_for("T2"):
        second = aws.client("dynamodb").get("aws_access_key_id")
    # Then each tenant's role was assumed once, and its client signs with those credentials
    assert sts.assumed == ["T1", "T2"]
    assert first == ["AKIA1"] * 3
    assert second == "AKIA2"
    # And outside the scopes the function's own client is back
    assert aws.client("dynamodb").get("own") is True


def test_a_client_held_across_requests_follows_the_scope(monkeypatch, sts):
    configure(monkeypatch, tenant_role_arn=ROLE)
    # Given a DynamoDB client kept for the life of the process (as Powertools' idempotency store does)
    kept = aws.client("dynamodb")
    # Then each use of it is signed for the tenant acted for at that moment
    with isolation.acting_for("T1"):
        assert kept.get("aws_access_key_id") == "AKIA1"
    with isolation.acting_for("T2"):
        assert kept.get("aws_access_key_id") == "AKIA2"
    assert kept.get("own") is True


def test_credentials_are_replaced_a_few_minutes_before_they_expire(monkeypatch, sts):
    configure(monkeypatch, tenant_role_arn=ROLE)
    with isolation.acting_for("T1"):
        session = aws.tenant_session()
        # When 54 minutes pass, the session is still the same
        sts.now += 54 * 60
        assert aws.tenant_session() is session
        # When it is within five minutes of expiring, a new one is assumed, with a new client
        sts.now += 2 * 60
        renewed = aws.tenant_session()
    assert renewed is not session
    assert sts.assumed == ["T1", "T1"]
    assert renewed is not None
    assert renewed.dynamodb["aws_access_key_id"] == "AKIA2"


def test_sessions_are_kept_for_the_most_recently_served_tenants():
    # Given a cache of two sessions
    fake = FakeSTS()
    sessions = aws.TenantSessions(fake.assume, now=lambda: fake.now, capacity=2)
    # When three tenants are served, the first again last
    for tenant_id in ("T1", "T2", "T1", "T3", "T1"):
        sessions.get(tenant_id)
    # Then the least recently served (T2) was dropped, and T1 was never assumed again
    assert [s.tenant_id for s in sessions.all()] == ["T3", "T1"]
    assert fake.assumed == ["T1", "T2", "T3"]


def test_threads_wanting_the_same_new_session_wait_for_one_assume_role():
    # Given STS answering slowly
    fake = FakeSTS(delay=0.05)
    sessions = aws.TenantSessions(fake.assume, now=lambda: fake.now)
    # When eight threads ask for the same tenant's session at once, and two for another tenant
    got: list[Any] = []
    threads = [threading.Thread(target=lambda t=t: got.append(sessions.get(t))) for t in ["T1"] * 8 + ["T2"] * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then each tenant's role was assumed once and every thread got that one session
    assert sorted(fake.assumed) == ["T1", "T2"]
    assert len({id(s) for s in got if s.tenant_id == "T1"}) == 1


def test_pynamodb_items_use_the_tenants_connection_in_its_scope(monkeypatch, sts):
    # Given the table's shared connection (pointed at no endpoint: nothing is sent)
    config = configure(monkeypatch, tenant_role_arn=ROLE)
    monkeypatch.setattr(table, "settings", lambda: config)
    monkeypatch.setattr(table.TableItem, "_connection", None)
    shared = table.connection()
    # When an item class asks for its connection while acting for T1
    with isolation.acting_for("T1"):
        scoped = table.TableItem._get_connection()
        again = table.connection()
    # Then it is T1's, for the same table, signed by T1's client; and the shared one outside
    assert scoped.table_name == "panacea-test-table"
    assert again is scoped.connection
    assert scoped.connection._client == {"service": "dynamodb", **sts_credentials(1)}
    assert table.connection() is shared
    assert sts.assumed == ["T1"]


def sts_credentials(n: int) -> dict[str, str]:
    return {"aws_access_key_id": f"AKIA{n}", "aws_secret_access_key": f"secret{n}", "aws_session_token": f"token{n}"}


def test_a_request_ledger_sees_every_client_made_the_functions_own_and_tenants(monkeypatch):
    # Given a ledger watching the clients the platform makes (nothing is sent: clients are made, not used)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")
    monkeypatch.setattr(aws, "_watchers", [])
    seen: list[Any] = []
    aws.watch_new_clients(seen.append)
    # When a client is made with the function's credentials and another with a tenant's
    own = aws._make("sqs")
    tenants = aws._make("sqs", **sts_credentials(7))
    # Then the ledger saw both
    assert seen == [own, tenants]


def test_credentials_never_show_their_secret_in_a_log_line():
    credentials = aws.Credentials("AKIA1", "very-secret", "very-secret-token", expires_at=0)
    session = aws.TenantSession("T1", credentials)
    assert "very-secret" not in repr(credentials)
    assert "very-secret" not in repr(session)
    assert "AKIA1" in repr(session)
