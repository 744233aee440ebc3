"""Fixtures shared by every suite. One local platform (one moto server, the wiring's resources,
the stream relay, queue pollers and Step Functions) per test session, started on first use."""

from __future__ import annotations

from collections.abc import Iterator

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
