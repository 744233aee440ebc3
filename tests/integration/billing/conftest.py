from __future__ import annotations

import pytest

from infra.local.runtime import LocalPlatform
from panacea.billing import plan_sync


@pytest.fixture(scope="module")
def prices(platform: LocalPlatform) -> dict[str, str]:
    """The plans synced to the local Stripe, as an operator syncs them (README: Deploy): lookup key → price."""
    return plan_sync.sync_plans()
