"""The SQS adapter for the queues the platform sends to itself (`wiring.Function.sends_to`): bodies in
SendMessageBatch requests of ten, the entries SQS reports failed sent again (a few times, then
raised), and the queue's URL looked up by its name (`panacea-<stage>-<queue>`) once per warm process.

A delay is SQS's own DelaySeconds (at most 900 s: a longer wait is the consumer's to re-delay)."""

from __future__ import annotations

from collections.abc import Sequence

from panacea.platform.aws import client
from panacea.platform.caches import cached
from panacea.platform.settings import settings

MAX_ENTRIES = 10  # SendMessageBatch's limit per request
MAX_DELAY_S = 900  # SQS's longest DelaySeconds
ATTEMPTS = 3  # sends of an entry SQS reported failed (throttled, internal) before giving up


class NotSent(RuntimeError):
    """SQS kept refusing some entries of a batch; nothing says the others were not sent."""


@cached
def queue_url(queue: str) -> str:
    """The URL of the stage's queue `queue` (a wiring name), asked once per process."""
    answer = client("sqs").get_queue_url(QueueName=f"panacea-{settings().stage}-{queue}")
    return str(answer["QueueUrl"])


def send_batch(queue: str, bodies: Sequence[str], *, delay_s: int = 0) -> int:
    """Send `bodies` to `queue`, ten to a request; returns the requests made. Raises `NotSent` if an
    entry is still refused after `ATTEMPTS` sends (its batch-mates were sent: consumers are idempotent)."""
    delay = max(0, min(int(delay_s), MAX_DELAY_S))
    url, requests = queue_url(queue), 0
    for start in range(0, len(bodies), MAX_ENTRIES):
        pending = {str(i): body for i, body in enumerate(bodies[start : start + MAX_ENTRIES])}
        for _ in range(ATTEMPTS):
            entries = [{"Id": i, "MessageBody": body, "DelaySeconds": delay} for i, body in pending.items()]
            answer = client("sqs").send_message_batch(QueueUrl=url, Entries=entries)
            requests += 1
            pending = {f["Id"]: pending[f["Id"]] for f in answer.get("Failed") or []}
            if not pending:
                break
        if pending:
            raise NotSent(f"{len(pending)} message(s) to {queue} refused by SQS after {ATTEMPTS} attempts")
    return requests
