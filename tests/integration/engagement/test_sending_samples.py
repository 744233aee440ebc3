"""The delivery functions' sample events (events/<Function>/) are handled as their triggers send them:
work about a message that is not there is dropped, an SES event about no message of ours changes
nothing, and the provider callback sample is answered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from infra import wiring
from infra.local.invoke import invoke

EVENTS = Path(__file__).resolve().parents[3] / "events"


def _run(function: str, sample: str) -> Any:
    fn = wiring.function(function)
    return invoke(fn.handler, json.loads((EVENTS / function / sample).read_text()), function_name=fn.name)


@pytest.mark.parametrize(
    ("function", "sample"),
    [
        ("EngagementSenders", "channel-work.json"),
        ("EngagementSenders", "receipt-check.json"),
        ("EngagementDeliveries", "ses-delivery.json"),
    ],
)
def test_the_queue_samples_are_handled_without_failures(function, sample):
    assert _run(function, sample) == {"batchItemFailures": []}


def test_the_callback_sample_is_answered():
    answer = _run("EngagementWebhooks", "ses-callback.json")
    assert answer["statusCode"] == 200
    assert json.loads(answer["body"]) == {"statuses": 0, "applied": 0, "inbound": 0}
