"""The channel senders (`engagement-<channel>` queues: a message's attempt to send) and the receipt
checks (`engagement-receipts`), one consumer: partial batch failure, each record idempotent."""

from __future__ import annotations

from typing import Any

from panacea.engagement import receipts, sending
from panacea.engagement.delivery_models import ReceiptCheck
from panacea.engagement.message_items import ChannelWork
from panacea.platform.consumers import body_entry
from panacea.platform.isolation import acting_for


def work(body: dict[str, Any]) -> None:
    if body.get("kind") == "receipt_check":
        due = ReceiptCheck.model_validate(body)
        with acting_for(due.tenant_id):
            receipts.check(due)
        return
    job = ChannelWork.model_validate(body)
    with acting_for(job.tenant_id):
        sending.send(job)


handler = body_entry("engagement.senders", work)
