"""What the delivery side of the engine announces and carries: a message's status changes (the
seed's `POST /webhook/message-status` shape, on the bus), and the receipt checks that wait on the
`engagement-receipts` queue for a delivered receipt."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from panacea.platform.events import DomainEvent
from panacea.platform.providers.channels import Channel, Status


class MessageStatusChanged(DomainEvent, name="message.status_changed", version=1):
    """A message reached a status (sent, delivered, read, or a failure): the shape partners' status
    webhooks receive (`recipient` is the address it went to)."""

    message_id: str
    status: Status
    timestamp: datetime
    recipient: str | None = None
    channel: Channel
    provider: str | None = None


class ReceiptCheck(BaseModel):
    """The body of an `engagement-receipts` message: is this attempt's message delivered by now?"""

    model_config = ConfigDict(frozen=True)

    kind: Literal["receipt_check"] = "receipt_check"
    tenant_id: str
    message_id: str
    attempt_id: str
    due_at: datetime  # the end of the receipt window (a window over SQS's 900 s waits again)
