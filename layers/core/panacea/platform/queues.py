"""Sending to the platform's own queues (those `infra.wiring.QUEUES` declares without a bus rule).

A queue is named by its wiring name; its URL (`panacea-<stage>-<name>`) is asked once per warm
function. Bodies go out in `SendMessageBatch` requests of ten; entries SQS reports failed are sent
again once, then raised. A delay is capped at SQS's 900 seconds: a longer wait is re-delayed by
whoever reads the message.

(Minimal version from the delivery slice; the intake slice's version replaces it at merge.)
"""

from __future__ import annotations

from panacea.platform.aws import client
from panacea.platform.caches import cached
from panacea.platform.settings import settings

MAX_DELAY_S = 900
BATCH = 10


@cached
def _url(queue: str) -> str:
    return str(client("sqs").get_queue_url(QueueName=f"panacea-{settings().stage}-{queue}")["QueueUrl"])


def send_batch(queue: str, bodies: list[str], *, delay_s: int = 0) -> None:
    """Put `bodies` on `queue`, each delivered after `delay_s` seconds (at most 900)."""
    delay = max(0, min(int(delay_s), MAX_DELAY_S))
    for start in range(0, len(bodies), BATCH):
        entries = [
            {"Id": str(i), "MessageBody": body, "DelaySeconds": delay}
            for i, body in enumerate(bodies[start : start + BATCH])
        ]
        for _ in range(2):
            answer = client("sqs").send_message_batch(QueueUrl=_url(queue), Entries=entries)
            failed = {f["Id"] for f in answer.get("Failed", [])}
            entries = [e for e in entries if e["Id"] in failed]
            if not entries:
                break
        if entries:
            raise RuntimeError(f"{len(entries)} messages could not be put on {queue}")
