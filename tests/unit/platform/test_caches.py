"""What a process keeps between invocations is forgotten by one call, `reset_caches()`: the
local runtime makes it after pointing the process at moto, and a Lambda SnapStart restore makes
it before the first request of a restored snapshot."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from moto import mock_aws

from panacea.platform import aws, caches, idempotency, payments, secrets, table
from panacea.platform.caches import cached, on_reset, reset_caches
from panacea.platform.settings import settings


@pytest.fixture(autouse=True)
def forget_what_the_test_made(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """What a test registers or makes from its own environment must not outlive it."""
    monkeypatch.setattr(caches, "_forgetters", list(caches._forgetters))
    yield
    reset_caches()


def test_a_cached_thing_is_made_once_until_the_caches_are_reset():
    # Given a cached maker
    made: list[int] = []

    @cached
    def thing() -> int:
        made.append(len(made))
        return len(made)

    # When it is asked for twice, the caches are reset, and it is asked for again
    first, second = thing(), thing()
    reset_caches()
    third = thing()
    # Then it was made once before the reset and once after
    assert (first, second, third) == (1, 1, 2)


def test_every_forgetter_runs_even_when_one_fails_and_the_failure_is_raised():
    # Given three registered forgetters, the second of which fails
    forgotten: list[str] = []

    def broken() -> None:
        raise RuntimeError("cannot forget")

    on_reset(lambda: forgotten.append("first"))
    on_reset(broken)
    on_reset(lambda: forgotten.append("third"))
    # When the caches are reset
    with pytest.raises(RuntimeError, match="cannot forget"):
        reset_caches()
    # Then the ones after the failure ran too
    assert forgotten == ["first", "third"]
    caches._forgetters.remove(broken)  # (the fixture resets once more after the test)


def test_a_forgetter_registered_twice_runs_once():
    calls: list[int] = []

    def forget() -> None:
        calls.append(1)

    before = caches.registered()
    on_reset(forget)
    on_reset(forget)
    reset_caches()
    assert caches.registered() == before + 1
    assert calls == [1]


def test_the_kernels_caches_are_all_forgotten(monkeypatch):
    # Given a process that has read its settings and made its clients, connection, idempotency
    # store and Stripe keys
    monkeypatch.setenv("PANACEA_STAGE", "test")
    monkeypatch.setenv("PANACEA_TABLE", "panacea-test-table")
    monkeypatch.setenv("PANACEA_EVENT_BUS", "bus")
    monkeypatch.setenv("PANACEA_STRIPE_SECRET", "panacea-test-stripe")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")
    reset_caches()
    read, client, connection = settings(), aws.client("sqs"), table.connection()
    config = idempotency._config()
    with mock_aws():
        aws.own_client("secretsmanager").create_secret(
            Name="panacea-test-stripe", SecretString='{"secret_key": "sk_test_x", "webhook_secret": "whsec_x"}'
        )
        assert payments.keys().secret_key == "sk_test_x"
    provider = secrets._provider()
    # When the environment changes and the caches are reset
    monkeypatch.setenv("PANACEA_TABLE", "panacea-other-table")
    reset_caches()
    # Then each is made again, from the new environment
    assert settings() is not read
    assert settings().table == "panacea-other-table"
    assert aws.client("sqs") is not client
    assert table.connection() is not connection
    assert idempotency._config() is not config
    assert secrets._provider() is not provider


def test_tenant_sessions_are_forgotten(monkeypatch):
    # Given a process holding one tenant's assumed-role session
    sessions = aws.TenantSessions(lambda tenant: aws.Credentials("AKIA1", "s", "t", expires_at=9e9))
    monkeypatch.setattr(aws, "_tenants", sessions)
    sessions.get("T1")
    # When the caches are reset (a restored snapshot must not reuse another process's credentials)
    reset_caches()
    # Then it holds none
    assert aws.tenant_sessions() == []


def test_resetting_while_other_threads_use_the_caches_is_safe():
    # Given threads that keep asking a cached maker while others keep resetting
    @cached
    def thing() -> object:
        return object()

    failures: list[BaseException] = []

    def use() -> None:
        try:
            for _ in range(2000):
                assert thing() is not None
        except BaseException as exc:
            failures.append(exc)

    def reset() -> None:
        try:
            for _ in range(200):
                reset_caches()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=use) for _ in range(4)] + [threading.Thread(target=reset) for _ in range(2)]
    # When they all run at once
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then nothing failed
    assert failures == []
