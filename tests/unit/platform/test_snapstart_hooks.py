"""SnapStart's hooks: after a restore nothing made before the snapshot is reused (connections,
credentials, randomness); before the snapshot the deferred models are built."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

import pytest
import ulid

from panacea.platform import aws, snapstart, table
from panacea.platform.caches import reset_caches
from panacea.platform.models import BaseModel


@pytest.fixture
def region(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")


def test_after_a_restore_clients_and_the_table_connection_are_made_again(region: None):
    # Given a process that made its clients and its table connection before the snapshot
    reset_caches()
    sts_before = aws.own_client("sts")
    table.TableItem._connection = object()  # type: ignore[assignment]
    # When Lambda restores it
    snapstart.after_restore()
    # Then the next use makes new ones (new connections, this environment's credentials)
    assert aws.own_client("sts") is not sts_before
    assert table.TableItem._connection is None


def test_after_a_restore_randomness_is_drawn_again():
    # Given two environments restored from one snapshot: the same random state and the same ULID generator
    random.seed(8)
    state = random.getstate()
    generator = ulid.default_generator
    # When each is restored
    snapstart.after_restore()
    first = random.random()
    random.setstate(state)
    snapstart.after_restore()
    second = random.random()
    # Then they draw different numbers, and ids come from a fresh generator
    assert first != second
    assert ulid.default_generator is not generator


def test_before_the_snapshot_every_deferred_model_is_built():
    # Given a platform model whose build was deferred
    deferred: Any = type("Deferred", (BaseModel,), {"__module__": "panacea.example", "__annotations__": {"x": int}})
    assert not deferred.__pydantic_complete__
    # When the snapshot is about to be taken
    built = snapstart.build_models()
    # Then it is built, and validates without building on the first request
    assert built >= 1
    assert deferred.__pydantic_complete__
    assert deferred(x="3").x == 3


def test_the_hooks_are_handed_to_lambdas_runtime_where_there_is_one():
    # Given Lambda's runtime hooks (only Lambda's managed runtime ships snapshot_restore_py)
    registered: dict[str, list[Any]] = {"before": [], "after": []}
    runtime = SimpleNamespace(
        register_before_snapshot=registered["before"].append, register_after_restore=registered["after"].append
    )
    # When the module registers its hooks
    assert snapstart.register(runtime)
    # Then the models are built before the snapshot, and state is dropped after each restore
    assert registered == {"before": [snapstart.build_models], "after": [snapstart.after_restore]}


def test_without_lambdas_runtime_nothing_is_registered():
    # Given this machine (no snapshot_restore_py), When registering, Then nothing happens
    assert snapstart.register() is False
