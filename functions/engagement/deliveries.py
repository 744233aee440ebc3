"""AWS's own delivery events (SES's event destination on the bus, `aws.ses`; SNS SMS): each recorded
as the status of the message it is about (`engagement-deliveries` queue)."""

from __future__ import annotations

from typing import Any

from panacea.engagement import statuses
from panacea.platform.consumers import body_entry


def delivered(event: dict[str, Any]) -> None:
    statuses.record_aws_event(event)


handler = body_entry("engagement.deliveries", delivered)
