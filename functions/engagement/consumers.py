"""Engagement's fan-out: members' events from every context (taken as sent, by name and envelope:
engagement imports no other context's models), each turned into its member's message by the
tenant's rule (`panacea.engagement.fanout`), once per event, a failed record retried alone."""

from __future__ import annotations

from panacea.engagement import fanout
from panacea.platform.consumers import envelope_entry
from panacea.platform.events import Envelope


def _fan_out(event_type: str, sent: Envelope) -> None:
    fanout.fan_out(event_type, sent)


handler = envelope_entry("engagement.fan_out", _fan_out)
