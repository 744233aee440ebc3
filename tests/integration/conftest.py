from __future__ import annotations

import threading
from typing import Any

import pytest
from botocore.endpoint import Endpoint

from infra.local.runtime import LocalPlatform


@pytest.fixture(autouse=True)
def _platform_running(platform: LocalPlatform) -> LocalPlatform:
    """Every integration test runs against the session's local platform."""
    return platform


@pytest.fixture
def dynamodb_requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The DynamoDB operations the test's own thread sends while it runs, in order. The platform's
    pollers, stream relay and workflows send theirs from threads of their own (reacting to earlier
    tests' events, and to this test's), so they are not counted."""
    sent: list[str] = []
    test_thread = threading.get_ident()
    original = Endpoint.make_request

    def observed(endpoint: Endpoint, operation_model: Any, request_dict: Any) -> Any:
        if threading.get_ident() == test_thread and operation_model.service_model.service_name == "dynamodb":
            sent.append(operation_model.name)
        return original(endpoint, operation_model, request_dict)

    monkeypatch.setattr(Endpoint, "make_request", observed)
    return sent
