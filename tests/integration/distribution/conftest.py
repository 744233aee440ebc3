from __future__ import annotations

from collections.abc import Iterator

import pytest

from panacea.distribution.wallet_access import WALLET_GRANTS
from panacea.platform.access import PERMISSIONS, grant


@pytest.fixture(autouse=True, scope="module")
def _wallet_actions_granted() -> Iterator[None]:
    """The wallet's actions, granted for these tests while the context's access.py does not grant
    them yet (it will: `grant(WALLET_GRANTS)`, then this fixture grants nothing), and taken back after,
    so the kernel's collection of declared actions (tests/unit/platform) sees no stray ones."""
    granted_here = not PERMISSIONS.holders(next(iter(WALLET_GRANTS)))
    if granted_here:
        grant(WALLET_GRANTS)
    yield
    if granted_here:
        for action in WALLET_GRANTS:
            PERMISSIONS._holders.pop(action, None)
