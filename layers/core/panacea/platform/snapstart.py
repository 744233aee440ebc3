"""Lambda SnapStart: what the functions restored from one snapshot must not share.

The API functions (and the authorizer) run with SnapStart on every stage but a developer's own
(`infra/stacks/functions.py`): Lambda runs a function's init once, when a version is published,
snapshots the process, and resumes every new execution environment from that snapshot. Whatever
the init left in memory is then shared by all of them. So, after each restore:

- everything the process keeps between invocations is forgotten (`panacea.platform.caches`:
  every boto3 client and its pooled connections, the tenants' assumed-role STS sessions, the
  table's connection, Stripe's client and keys, the JWKS, settings), to be made again on first use
  by this environment with its own credentials;
- `random` is re-seeded from the operating system, and python-ulid's generator, which remembers
  the time and randomness of the last id it made, is replaced: two environments restored from one
  snapshot never draw the same numbers. (`os.urandom`, `secrets` and `uuid4` are fresh anyway.)

And before the snapshot, every pydantic model the init defined is built: models defer their
build to first use (`panacea.platform.models`), which a snapshot would otherwise leave to the
first request of every restored environment, while the init before a snapshot costs no one.

The hooks come from `snapshot_restore_py`, which only Lambda's managed Python runtime ships: in
tests, the local runtime and `make bench`, nothing is registered. Every entry point imports this
module (through `panacea.platform.observability`), as Lambda requires of the modules that hold hooks.
"""

from __future__ import annotations

import importlib
import random
import sys
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from panacea.platform.caches import reset_caches


def after_restore() -> None:
    """Forget connections and credentials, and draw new randomness (see the module docstring)."""
    reset_caches()
    random.seed()  # from os.urandom
    ulid = sys.modules.get("ulid")  # imported with the first id (panacea.platform.ids), if one was made
    if ulid is not None:
        ulid.default_generator = ulid.ULIDGenerator()  # type: ignore[attr-defined]  # what ULID.from_timestamp uses


def _models(base: type[BaseModel]) -> Iterator[type[BaseModel]]:
    for sub in base.__subclasses__():
        yield sub
        yield from _models(sub)


def build_models() -> int:
    """Build every platform model whose build was deferred; how many were built."""
    pending = {m for m in _models(BaseModel) if m.__module__.startswith("panacea.") and not m.__pydantic_complete__}
    for model in pending:
        model.model_rebuild(raise_errors=False)
    return len(pending)


def _lambda_runtime() -> Any:
    """Lambda's `snapshot_restore_py`, or None where it is not installed (anywhere but Lambda)."""
    try:
        return importlib.import_module("snapshot_restore_py")
    except ImportError:
        return None


def register(runtime: Any = None) -> bool:
    """Hand the hooks to Lambda's runtime (`runtime` in tests); False where there is none."""
    hooks = runtime or _lambda_runtime()
    if hooks is None:
        return False
    hooks.register_before_snapshot(build_models)
    hooks.register_after_restore(after_restore)
    return True


register()
