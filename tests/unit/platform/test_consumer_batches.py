"""A queue consumer hands back only the records it could not handle, and tells work that is merely
early (`NotYet`: it will succeed when the queue offers it again) from work that failed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, cast

import pytest
from aws_lambda_powertools.utilities.typing import LambdaContext

from panacea.platform.consumers import body_entry
from panacea.platform.errors import NotYet


@dataclass
class Context:
    function_name: str = "engagement-deliveries"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = "arn:aws:lambda:eu-west-2:123456789012:function:engagement-deliveries"
    aws_request_id: str = "c6af9ac6-7b61-11e6-9a41-93e812345678"


def _batch(*bodies: dict[str, Any]) -> dict[str, Any]:
    return {"Records": [{"messageId": f"m{i}", "body": json.dumps(body)} for i, body in enumerate(bodies)]}


def test_an_early_record_goes_back_to_its_queue_as_expected_work_a_failed_one_as_an_error(
    caplog: pytest.LogCaptureFixture,
):
    # Given a consumer that handles one body, finds the next one early, and fails on the third
    handled: list[str] = []

    def handle(body: dict[str, Any]) -> None:
        if body["kind"] == "early":
            raise NotYet("the send is not recorded yet: send this status again")
        if body["kind"] == "broken":
            raise ValueError("no such message")
        handled.append(body["kind"])

    handler = body_entry("engagement.deliveries", handle)
    # When a batch of the three arrives
    answer = handler(_batch({"kind": "fine"}, {"kind": "early"}, {"kind": "broken"}), cast(LambdaContext, Context()))
    # Then the first is handled and the other two are handed back
    assert handled == ["fine"]
    assert answer == {"batchItemFailures": [{"itemIdentifier": "m1"}, {"itemIdentifier": "m2"}]}
    # And the early one is logged as information, the failed one as an error with its traceback
    levels = {r.message_id: r.levelname for r in caplog.records if hasattr(r, "message_id")}
    assert levels == {"m1": "INFO", "m2": "ERROR"}
    (failure,) = [r for r in caplog.records if getattr(r, "message_id", None) == "m2"]
    assert failure.exc_info is not None
    assert str(failure.exc_info[1]) == "no such message"
