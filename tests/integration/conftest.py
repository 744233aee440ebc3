from __future__ import annotations

import pytest

from infra.local.runtime import LocalPlatform


@pytest.fixture(autouse=True)
def _platform_running(platform: LocalPlatform) -> LocalPlatform:
    """Every integration test runs against the session's local platform."""
    return platform
