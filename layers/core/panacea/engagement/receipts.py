"""Receipt windows: a message sent and not delivered within its rule's window moves on along the
chain (`no_receipt`). A check about an attempt the message has left, or a message delivered, read or
failed meanwhile, changes nothing; a window longer than SQS's longest delay waits again."""

from __future__ import annotations

import math

from panacea.engagement import chain
from panacea.engagement import delivery_dal as dal
from panacea.engagement.delivery_models import ReceiptCheck
from panacea.platform import clock, queues
from panacea.platform.providers.channels import Status

RECEIPTS = "engagement-receipts"


def check(due: ReceiptCheck) -> bool:
    """Run the receipt check; True if the chain moved on."""
    now = clock.now()
    if due.due_at > now:
        wait_s = math.ceil((due.due_at - now).total_seconds())
        queues.send_batch(RECEIPTS, [due.model_dump_json()], delay_s=wait_s)
        return False
    item = dal.message(due.tenant_id, due.message_id)
    if item is None or item.attempt_id != due.attempt_id or Status(item.status) is not Status.SENT:
        return False
    chain.move_on(item, "no_receipt", now)
    return True
