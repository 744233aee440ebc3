"""Fixtures shared by every suite. One local platform (one moto server, the wiring's resources,
the stream relay, queue pollers and Step Functions) per test session, started on first use."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from infra.local.time_travel import travel_from_environment

# Property tests judge the code, not the machine: no deadline and no "too slow" check, which a
# loaded two-core machine fails at random (examples stay as many and as varied).
settings.register_profile("panacea", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("panacea")

travel_from_environment()  # PANACEA_NOW=<UTC instant> runs the whole suite on another date (infra/local/time_travel.py)

from infra.local.runtime import LocalPlatform  # noqa: E402


@pytest.fixture(scope="session")
def platform() -> Iterator[LocalPlatform]:
    """The platform running in this process on moto; tests use fresh tenants, so no reset."""
    lines: list[str] = []
    running = LocalPlatform(port=0, aws_port=0, stripe_port=0, time_scale=0, log=lines.append).start()
    running.log_lines = lines  # type: ignore[attr-defined]
    yield running
    running.stop()


# `make test` runs the suite on every core (pytest-xdist, `-n auto`): each worker is a session of
# its own, and the in-process platform starts in a worker on its first integration test. A file's tests
# run together on one worker, and so do the files that share a session's costly fixture (made once, not
# once per worker). The end-to-end tests (`make dev`'s runtime is a process of its own) and the unit
# tests (which change the process: its environment, its caches, botocore patched by moto's mock_aws)
# are one unit, started first as the largest: no platform runs in their worker until they are done.
WORK_UNITS = {
    "tests/e2e/": "no platform in the process",
    "tests/unit/": "no platform in the process",
    "tests/test_boundaries.py": "no platform in the process",
    "tests/infra/": "the CDK synth",
    "tests/integration/platform/test_contract.py": "the tenant's life",
    "tests/integration/platform/test_cursors.py": "the tenant's life",
}


def work_unit(nodeid: str) -> str:
    """What one worker runs together: the test's file, or the files of its unit (WORK_UNITS)."""
    file = nodeid.split("::", 1)[0]
    return next((name for prefix, name in WORK_UNITS.items() if file.startswith(prefix)), file)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """xdist's scope scheduling, by work unit (its `xdist_group` marks no longer reach the test ids
    under pytest 9, which keeps them elsewhere)."""
    from xdist.scheduler import LoadScopeScheduling  # type: ignore[import-untyped]  # noqa: PLC0415

    class ByWorkUnit(LoadScopeScheduling):  # type: ignore[misc]  # xdist has no type hints
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return ByWorkUnit(config, log)
