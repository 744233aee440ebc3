from __future__ import annotations

import pytest

from infra.local.runtime import LocalPlatform
from tests.integration.platform.tenant_life import Life, lived


@pytest.fixture(scope="session")
def life(platform: LocalPlatform) -> Life:
    """A tenant's whole life through the API, every answer recorded (the contract and cursor tests read it)."""
    return lived(platform)
