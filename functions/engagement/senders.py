"""PLACEHOLDER of the intake slice, replaced by the delivery slice's senders at merge: it only
acknowledges the channel queues' batches, so that the intake's wiring runs on its own."""

from __future__ import annotations

from typing import Any

from panacea.platform import coldstart


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return {"batchItemFailures": []}


coldstart.loaded()
