"""Analytics' queue consumer: every Panacea event, counted per tenant and the tenant's local day.

Counting needs an event's name and envelope, not its data: the consumer takes events as sent
(`envelope_entry`) and imports no other context's models, however many contexts send events."""

from __future__ import annotations

from panacea.analytics import logic
from panacea.platform.consumers import envelope_entry

handler = envelope_entry("analytics.count_events", logic.count)
